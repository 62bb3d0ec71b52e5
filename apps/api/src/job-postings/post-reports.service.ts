import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { canTransition, type JobPostingItem, type Page, type PostReportItem } from '@zaogong/shared';
import { AuditService } from '../audit/audit.service';
import { ChangeFeed } from '../common/changes/change-feed';
import { AccessService, regionCondition } from '../common/access/access.service';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { clampLimit, decodeDateCursor, encodeCursor } from '../common/pagination/cursor';
import type { CreateReportDto, ReportQueryDto, ResolveReportsDto } from './dto/job-posting-input.dto';
import { JobPosting } from './entities/job-posting.entity';
import { PostReport } from './entities/post-report.entity';
import { JobPostingsService, postTarget } from './job-postings.service';

/**
 * 举报: a seeker reports a post into the admin queue; REPORTS_TO_HIDE open reports take it off the
 * public list until an admin decides. Upheld closes the post with a note its employer sees;
 * dismissed shows it again.
 */
@Injectable()
export class PostReportsService {
  constructor(
    @InjectRepository(PostReport) private readonly reports: Repository<PostReport>,
    @InjectRepository(JobPosting) private readonly posts: Repository<JobPosting>,
    private readonly dataSource: DataSource,
    private readonly reader: JobPostingsService,
    private readonly audit: AuditService,
    private readonly changes: ChangeFeed,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async report(postId: string, dto: CreateReportDto, user: AuthPrincipal): Promise<PostReportItem> {
    // Only what the public can see can be reported (the same 404 as the detail page otherwise).
    await this.reader.get(postId, undefined, this.clock.now());
    const post = await this.posts.findOneByOrFail({ id: postId });
    await this.access.require(user, 'post.report', postTarget(post));
    const already = await this.reports.existsBy({ postId, reporterId: user.userId, status: 'open' });
    if (already) throw new ConflictException('您已经举报过这个岗位，我们会尽快核实');
    const report = Object.assign(new PostReport(), {
      id: randomUUID(),
      postId,
      reporterId: user.userId,
      reason: dto.reason,
      note: dto.note || null,
      status: 'open' as const,
      resolutionNote: null,
      resolvedBy: null,
      resolvedAt: null,
      createdAt: this.clock.now(),
    });
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(PostReport).insert(report);
      await em.getRepository(JobPosting).increment({ id: postId }, 'openReports', 1);
    });
    this.changes.publish({ kind: 'post', ids: [postId] });
    return (await this.toItems([report]))[0];
  }

  /** Admins: the reports of posts in their area, one status (default open), oldest first so nothing waits forever. */
  async list(query: ReportQueryDto, user: AuthPrincipal): Promise<Page<PostReportItem>> {
    const limit = clampLimit(query.limit);
    const qb = this.reports.createQueryBuilder('r').where('r.status = :status', { status: query.status ?? 'open' });
    const scope = await this.access.scope(user, 'report.read');
    if (scope.kind === 'region') qb.innerJoin(JobPosting, 'p', 'p.id = r.post_id').andWhere(...regionCondition(scope.code, { town: 'p.town_code', village: 'p.village_code' }));
    if (query.cursor) {
      const c = decodeDateCursor(query.cursor);
      qb.andWhere('(r.created_at > :at OR (r.created_at = :at AND r.id > :cid))', { at: c.at, cid: c.id });
    }
    const rows = await qb.orderBy('r.created_at', 'ASC').addOrderBy('r.id', 'ASC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: await this.toItems(page), nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null };
  }

  /** Admin: decides every open report of a post at once. */
  async resolve(postId: string, dto: ResolveReportsDto, admin: AuthPrincipal, ip: string | null): Promise<JobPostingItem> {
    const post = await this.posts.findOneBy({ id: postId });
    if (!post) throw new NotFoundException('岗位不存在');
    await this.access.require(admin, 'report.resolve', postTarget(post));
    const open = await this.reports.countBy({ postId, status: 'open' });
    if (open === 0) throw new ConflictException('这个岗位没有待处理的举报');
    const now = this.clock.now();
    await this.dataSource.transaction(async (em) => {
      await em
        .getRepository(PostReport)
        .update({ postId, status: 'open' }, { status: dto.upheld ? 'upheld' : 'dismissed', resolutionNote: dto.note || null, resolvedBy: admin.userId, resolvedAt: now });
      post.openReports = 0;
      if (dto.upheld && canTransition(post.status, 'closed')) {
        post.status = 'closed';
        post.reviewNote = `因举报核实下架${dto.note ? `：${dto.note}` : ''}`;
        post.reviewedBy = admin.userId;
        post.reviewedAt = now;
      }
      await em.getRepository(JobPosting).save(post);
    });
    this.changes.publish({ kind: 'post', ids: [postId] });
    await this.audit.record({ action: dto.upheld ? 'post.report_upheld' : 'post.report_dismissed', actor: admin, targetType: 'job_posting', targetId: postId, detail: { reports: open, note: dto.note ?? null }, ip });
    return this.reader.get(postId, admin, now);
  }

  private async toItems(rows: PostReport[]): Promise<PostReportItem[]> {
    const ids = [...new Set(rows.map((r) => r.postId))];
    const posts = ids.length ? await this.posts.createQueryBuilder('p').leftJoinAndSelect('p.employer', 'e').where('p.id IN (:...ids)', { ids }).getMany() : [];
    const byId = new Map(posts.map((p) => [p.id, p]));
    return rows.map((r) => ({
      id: r.id,
      postId: r.postId,
      postTitle: byId.get(r.postId)?.title ?? '',
      employerName: byId.get(r.postId)?.employer?.name ?? '',
      reason: r.reason,
      note: r.note,
      status: r.status,
      resolutionNote: r.resolutionNote,
      createdAt: r.createdAt.toISOString(),
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
    }));
  }
}
