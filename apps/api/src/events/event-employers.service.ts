import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { REPORTS_TO_HIDE, type EventEmployerItem } from '@zaogong/shared';
import { User } from '../auth/entities/user.entity';
import { AccessService } from '../common/access/access.service';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { fieldError } from '../common/errors/field-error';
import { Employer } from '../employers/entities/employer.entity';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import type { EventJoinDto, EventReviewDto } from './dto/event.dto';
import { EventEmployer } from './entities/event-employer.entity';
import { EventPost } from './entities/event-post.entity';
import { RecruitmentEvent } from './entities/recruitment-event.entity';
import { EventItems } from './event-items';
import { EventNotices } from './event-notices';

/**
 * Employers taking part: an employer asks with the posts it brings (its own, published ones); the
 * organiser approves with a booth (展位号) or turns it down with a reason. An approved employer may change
 * its posts and stays approved.
 */
@Injectable()
export class EventEmployersService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly items: EventItems,
    private readonly notices: EventNotices,
  ) {}

  async join(eventId: string, dto: EventJoinDto, actor: AuthPrincipal): Promise<EventEmployerItem> {
    const event = await this.event(eventId);
    const employerId = await this.employerOf(actor);
    const postIds = [...new Set(dto.postIds)];
    const posts = await this.ds.getRepository(JobPosting).findBy({ id: In(postIds) });
    const missing = postIds.find((id) => !posts.some((p) => p.id === id));
    if (missing) throw new NotFoundException('岗位不存在');
    for (const p of posts) await this.access.require(actor, 'event.join', { employerId: p.employerId });
    const now = this.clock.now();
    const closed = posts.find((p) => p.status !== 'published' || (p.expiresAt !== null && p.expiresAt <= now) || p.openReports >= REPORTS_TO_HIDE);
    if (closed) throw new ConflictException(`岗位「${closed.title}」还没发布或已关闭，不能带去活动`);
    if (event.status === 'cancelled') throw new ConflictException('活动已取消');
    if (event.endsAt <= now) throw new ConflictException('活动已经结束');
    const employer = await this.ds.getRepository(Employer).findOneOrFail({ where: { id: employerId }, select: { id: true, verification: true } });
    if (employer.verification !== 'verified') throw new ConflictException('企业认证通过后才能报名参加招聘活动');
    const saved = await this.ds.transaction(async (em) => {
      const repo = em.getRepository(EventEmployer);
      const existing = await repo.findOneBy({ eventId, employerId });
      const row = Object.assign(existing ?? new EventEmployer(), {
        id: existing?.id ?? randomUUID(),
        eventId,
        employerId,
        // Approved stays approved (the organiser already placed the firm); anything else asks again.
        status: existing?.status === 'approved' ? ('approved' as const) : ('pending' as const),
        booth: existing?.status === 'approved' ? existing.booth : null,
        reason: null,
        requestedBy: actor.userId,
        reviewedBy: existing?.status === 'approved' ? existing.reviewedBy : null,
        reviewedAt: existing?.status === 'approved' ? existing.reviewedAt : null,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      });
      await repo.save(row);
      await em.getRepository(EventPost).delete({ eventId, employerId });
      await em.getRepository(EventPost).insert(postIds.map((postId) => ({ eventId, postId, employerId })));
      return row;
    });
    return (await this.items.employerItems([saved]))[0];
  }

  async review(eventId: string, employerId: string, dto: EventReviewDto, actor: AuthPrincipal): Promise<EventEmployerItem> {
    const event = await this.event(eventId);
    await this.access.require(actor, 'event.organise', { townCode: event.townCode });
    const request = await this.ds.getRepository(EventEmployer).findOneBy({ eventId, employerId });
    if (!request) throw new NotFoundException('这家企业没有报名本场活动');
    if (event.status === 'cancelled') throw new ConflictException('活动已取消');
    if (request.status === 'withdrawn') throw new ConflictException('企业已经退出了本场活动');
    if (dto.approve && event.kind === 'onsite' && !dto.booth) throw fieldError('booth', '现场招聘会请填写展位号');
    if (!dto.approve && !dto.reason) throw fieldError('reason', '请写明不通过的原因，企业会看到');
    if (dto.approve && dto.booth) {
      const taken = await this.ds.getRepository(EventEmployer).findOne({ where: { eventId, booth: dto.booth, status: 'approved' } });
      if (taken && taken.employerId !== employerId) throw new ConflictException(`展位 ${dto.booth} 已经分给别的企业了`);
    }
    const now = this.clock.now();
    const saved = await this.ds.transaction(async (em) => {
      const row = Object.assign(request, {
        status: dto.approve ? ('approved' as const) : ('rejected' as const),
        booth: dto.approve ? (dto.booth ?? null) : null,
        reason: dto.approve ? null : (dto.reason ?? null),
        reviewedBy: actor.userId,
        reviewedAt: now,
        updatedAt: now,
      });
      await em.getRepository(EventEmployer).save(row);
      await this.notices.employerReviewed(em, row, event);
      return row;
    });
    return (await this.items.employerItems([saved]))[0];
  }

  private async employerOf(actor: AuthPrincipal): Promise<string> {
    if (actor.role !== 'employer') throw new ForbiddenException('只有企业可以报名参加招聘活动');
    const user = await this.ds.getRepository(User).findOne({ where: { id: actor.userId }, select: { id: true, employerId: true } });
    if (!user?.employerId) throw new ForbiddenException('请先登记企业信息，或输入同事给的加入码');
    return user.employerId;
  }

  private async event(id: string): Promise<RecruitmentEvent> {
    const e = await this.ds.getRepository(RecruitmentEvent).findOneBy({ id });
    if (!e) throw new NotFoundException('活动不存在');
    return e;
  }
}
