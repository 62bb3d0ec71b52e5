import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DISPUTE_STATUS_LABELS, GIG_PAY_METHOD_LABELS, monthDayText, type DisputeStatus } from '@zaogong/shared';
import { User } from '../auth/entities/user.entity';
import { Employer } from '../employers/entities/employer.entity';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { NotificationOutbox, type NotificationDraft } from '../notifications/notification-outbox';
import { Resident } from '../residents/entities/resident.entity';
import { DEFAULT_WORK_START } from './gig-rules';
import type { GigSignup } from './entities/gig-signup.entity';

const MY_GIGS = '/pages/gigs/mine/index';
const ROSTER = (postId: string, date: string) => `/packages/employer/pages/gig-roster/index?postId=${postId}&date=${date}`;

/**
 * The messages of a gig day, written to the outbox in the caller's transaction: sign-up confirmed or
 * waiting, moved up, the day before (地点、时间、带什么), pay recorded, and a 权益维护 case's steps.
 */
@Injectable()
export class GigNotices {
  constructor(private readonly outbox: NotificationOutbox) {}

  async signedUp(em: EntityManager, s: GigSignup): Promise<void> {
    const { post, person } = await this.load(em, s);
    const day = monthDayText(s.workDate);
    const text =
      s.status === 'confirmed'
        ? `您报上了${day}的「${post.title}」，${post.workStartTime ?? DEFAULT_WORK_START}开工。去不了请提前取消。`
        : `${day}的「${post.title}」已经报满，您在排队；有人取消会按顺序补上，补上了会告诉您。`;
    await this.outbox.write(em, [this.toWorker(person, s, s.status === 'confirmed' ? '零工报名成功' : '零工排队中', text, `gig-signup:${s.id}:${s.seq}`, post.title)]);
  }

  async movedUp(em: EntityManager, s: GigSignup): Promise<void> {
    const { post, person } = await this.load(em, s);
    const day = monthDayText(s.workDate);
    await this.outbox.write(em, [
      this.toWorker(person, s, '排队补上了', `有人取消，您补上了${day}的「${post.title}」，${post.workStartTime ?? DEFAULT_WORK_START}开工。去不了请提前取消。`, `gig-moved-up:${s.id}:${s.seq}`, post.title, `【枣工快递】您补上了${day}的零工「${post.title}」，请按时到。`),
    ]);
  }

  /** The evening before: where, when, what to bring (the post's description says what to bring). */
  async dayBefore(em: EntityManager, s: GigSignup): Promise<void> {
    const { post, person } = await this.load(em, s);
    const where = post.address ?? '见岗位说明';
    await this.outbox.write(em, [
      this.toWorker(
        person,
        s,
        '明天上工',
        `明天（${monthDayText(s.workDate)}）${post.workStartTime ?? DEFAULT_WORK_START}到「${where}」干「${post.title}」。到了在「我的零工」里扫现场码上工；要带的东西看岗位说明。去不了请现在取消。`,
        `gig-day-before:${s.id}`,
        post.title,
        `【枣工快递】明天${post.workStartTime ?? DEFAULT_WORK_START}到${where}干零工「${post.title}」，去不了请在小程序里取消。`,
      ),
    ]);
  }

  async payRecorded(em: EntityManager, s: GigSignup): Promise<void> {
    const { post, person } = await this.load(em, s);
    const how = s.payMethod ? GIG_PAY_METHOD_LABELS[s.payMethod] : '';
    await this.outbox.write(em, [
      this.toWorker(person, s, '工钱已登记', `${monthDayText(s.workDate)}「${post.title}」的工钱：企业登记已付${s.payAmount}元（${how}）。收到了请点确认；不对请点“工钱有问题”，人社局帮您讨。`, `gig-pay:${s.id}:${s.payRecordedAt?.getTime() ?? 0}`, post.title),
    ]);
  }

  /** A case opened or moved on: the worker hears each step; the employer hears of the case. */
  async disputeStep(em: EntityManager, s: GigSignup, disputeId: string, status: DisputeStatus, note: string | null, stepId: string): Promise<void> {
    const { post, person } = await this.load(em, s);
    const label = DISPUTE_STATUS_LABELS[status];
    const drafts: NotificationDraft[] = [
      { ...this.toWorker(person, s, `工钱问题：${label}`, `${monthDayText(s.workDate)}「${post.title}」的工钱问题${label}。${note ?? ''}`.trim(), `dispute:${stepId}`, post.title), type: 'dispute', page: `/pages/gigs/dispute/index?id=${disputeId}` },
    ];
    for (const userId of await this.employerMembers(em, s.employerId)) {
      drafts.push({ userId, type: 'dispute', title: `零工工钱投诉：${label}`, body: `${monthDayText(s.workDate)}「${post.title}」有人反映工钱问题，${label}。人社局会联系您，请配合。`, page: ROSTER(s.postId, s.workDate), event: `dispute:${stepId}`, fields: { subject: post.title, status: label.slice(0, 5), note: '请配合人社局处理' } });
    }
    await this.outbox.write(em, drafts);
  }

  private toWorker(person: Pick<Resident, 'id' | 'userId'>, s: GigSignup, title: string, body: string, event: string, subject: string, sms?: string): NotificationDraft {
    return { userId: person.userId, residentId: person.userId ? null : person.id, type: 'gig', title, body, page: MY_GIGS, event, fields: { subject, status: title.slice(0, 5), date: s.workDate, note: body.slice(0, 20) }, ...(sms ? { sms } : {}) };
  }

  private async load(em: EntityManager, s: GigSignup) {
    const [post, person] = await Promise.all([
      em.getRepository(JobPosting).findOneOrFail({ where: { id: s.postId }, select: { id: true, title: true, address: true, workStartTime: true } }),
      em.getRepository(Resident).findOneOrFail({ where: { id: s.residentId }, select: { id: true, userId: true } }),
    ]);
    return { post, person };
  }

  /** Who hears for the employer: its members; for a household (农户, no account), the liaisons of its 村. */
  private async employerMembers(em: EntityManager, employerId: string): Promise<string[]> {
    const employer = await em.getRepository(Employer).findOne({ where: { id: employerId }, select: { id: true, kind: true, villageCode: true } });
    const where = employer?.kind === 'household' && employer.villageCode ? { role: 'liaison' as const, regionCode: employer.villageCode } : { role: 'employer' as const, employerId };
    return (await em.getRepository(User).find({ where, select: { id: true } })).map((u) => u.id);
  }
}
