import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { chinaDateOf, maskName, monthDayText, type ApplicationStatus } from '@zaogong/shared';
import { User } from '../auth/entities/user.entity';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { Employer } from '../employers/entities/employer.entity';
import type { Hire } from '../hires/entities/hire.entity';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { Resident } from '../residents/entities/resident.entity';
import { NotificationOutbox, type NotificationDraft } from './notification-outbox';

const PAGES = {
  myApplications: '/pages/applications/index',
  applicants: (postId: string) => `/packages/employer/pages/applicants/index?postId=${postId}`,
  employerHome: '/packages/employer/pages/home/index',
  post: (postId: string) => `/pages/post/index?id=${postId}`,
  postForm: (postId: string) => `/packages/employer/pages/post-form/index?id=${postId}`,
  liaisonHires: '/packages/liaison/pages/hires/index',
};

const CHINA_OFFSET_MS = 8 * 3600_000;
/** 12月3日 09:00 */
function shortTime(d: Date): string {
  const t = new Date(d.getTime() + CHINA_OFFSET_MS);
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
}

type Person = Pick<Resident, 'id' | 'name' | 'userId' | 'villageCode' | 'townCode'>;

export interface StepEvent {
  applicationId: string;
  stepId: string;
  postId: string;
  residentId: string;
  employerId: string;
  status: ApplicationStatus;
  interviewAt?: Date | null;
  interviewPlace?: string | null;
}

/**
 * What each change tells whom, written into the caller's transaction (the outbox). Applicants hear of
 * every step; employers of new applications, reviews and hires to confirm; liaisons of their
 * residents' offers and hires to confirm. Employers see applicants' names masked; a liaison's inbox has
 * the full name, but what goes to WeChat's servers carries it masked.
 */
@Injectable()
export class NotificationEvents {
  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly clock: Clock,
  ) {}

  /** An application moved (or was made: applied, invited). 已入职 is told by hireRecorded. */
  async applicationStep(em: EntityManager, e: StepEvent): Promise<void> {
    const { post, employer, person } = await this.load(em, e.postId, e.employerId, e.residentId);
    if (!post) return;
    const drafts: NotificationDraft[] = [];
    const toApplicant = (d: Omit<NotificationDraft, 'userId' | 'residentId' | 'event' | 'page'>) =>
      drafts.push({ ...d, userId: person.userId, residentId: person.userId ? null : person.id, event: `step:${e.stepId}`, page: PAGES.myApplications });
    const job = `「${post.title}」`;
    switch (e.status) {
      case 'applied':
        for (const userId of await this.employerMembers(em, e.employerId)) {
          drafts.push({ userId, type: 'new_application', title: '新的投递', body: `${maskName(person.name)}投递了${job}，请尽快查看。`, page: PAGES.applicants(post.id), event: `step:${e.stepId}`, fields: { subject: post.title, party: maskName(person.name), status: '新投递', note: '请尽快查看并回复' } });
        }
        break;
      case 'invited':
        toApplicant({ type: 'application_update', title: '企业邀请您报名', body: `${employer.name}邀请您报名${job}，打开「我的投递」接受邀请。`, fields: { subject: post.title, party: employer.name, status: '邀请报名', note: '打开小程序接受邀请' }, sms: `【枣工快递】${employer.name}邀请您报名${job}，请打开枣工快递小程序或联系村里的劳动就业联络员。` });
        break;
      case 'viewed':
        toApplicant({ type: 'application_update', title: '企业查看了您的投递', body: `${employer.name}已查看您投递的${job}。`, fields: { subject: post.title, party: employer.name, status: '已查看', note: '请保持电话畅通' } });
        break;
      case 'interview': {
        const at = e.interviewAt ? shortTime(e.interviewAt) : '时间待定';
        const place = e.interviewPlace ? `，地点：${e.interviewPlace}` : '';
        toApplicant({ type: 'interview', title: `面试邀请 ${at}`, body: `${employer.name}邀请您面试${job}：${at}${place}。`, fields: { subject: post.title, party: employer.name, time: e.interviewAt ?? undefined, place: e.interviewPlace ?? undefined }, sms: `【枣工快递】${employer.name}邀请您面试${job}，时间${at}${place}。` });
        break;
      }
      case 'offered':
        toApplicant({ type: 'application_update', title: '恭喜，您被录用了', body: `${employer.name}录用您做${job}，请留意企业的联系。`, fields: { subject: post.title, party: employer.name, status: '已录用', note: '请留意企业的电话' }, sms: `【枣工快递】恭喜！${employer.name}录用您做${job}，请留意企业的电话。` });
        for (const userId of await this.liaisons(em, person)) {
          drafts.push({ userId, type: 'resident_update', title: '村民获得录用', body: `${person.name}被${employer.name}录用（${job}）。`, page: PAGES.liaisonHires, event: `step:${e.stepId}`, fields: { subject: maskName(person.name), party: employer.name, status: '已录用', note: post.title } });
        }
        break;
      case 'rejected':
        toApplicant({ type: 'application_update', title: '投递结果', body: `很遗憾，${job}这次没有通过。看看别的合适岗位吧。`, fields: { subject: post.title, party: employer.name, status: '未通过', note: '看看别的合适岗位' } });
        break;
      default:
        return;
    }
    await this.outbox.write(em, drafts);
  }

  /** A post was reviewed: its employer's members hear the result (and the reason of a rejection). */
  async postReviewed(em: EntityManager, post: Pick<JobPosting, 'id' | 'title' | 'employerId' | 'reviewNote'>, approved: boolean, at: Date): Promise<void> {
    const drafts = (await this.employerMembers(em, post.employerId)).map(
      (userId): NotificationDraft => ({
        userId,
        type: 'post_review',
        title: approved ? '岗位已通过审核' : '岗位未通过审核',
        body: approved ? `「${post.title}」已发布，求职者现在能看到了。` : `「${post.title}」未通过审核：${post.reviewNote ?? ''}。修改后可重新提交。`,
        page: approved ? PAGES.post(post.id) : PAGES.postForm(post.id),
        event: `review:${post.id}:${at.getTime()}`,
        fields: { subject: post.title, status: approved ? '已通过' : '未通过', note: approved ? '岗位已发布' : (post.reviewNote ?? '请修改后重新提交') },
      }),
    );
    await this.outbox.write(em, drafts);
  }

  /**
   * A post was published that matches seekers' saved searches (有了告诉我): each owner hears of it
   * once per post, however many of their searches it matches (the event key is the post's).
   */
  async savedSearchesMatched(em: EntityManager, post: Pick<JobPosting, 'id' | 'title'>, hits: { userId: string; q: string }[]): Promise<void> {
    const byUser = new Map<string, string[]>();
    for (const h of hits) byUser.set(h.userId, [...(byUser.get(h.userId) ?? []), h.q]);
    const drafts = [...byUser].map(
      ([userId, queries]): NotificationDraft => ({
        userId,
        type: 'saved_search',
        title: `您要找的「${queries[0]}」有新岗位了`,
        body: `「${post.title}」刚刚发布，符合您保存的搜索「${queries.join('」「')}」，打开看看吧。`,
        page: PAGES.post(post.id),
        event: `saved-search:${post.id}`,
        fields: { subject: post.title, count: 1, note: `您要找的「${queries[0]}」有了` },
      }),
    );
    await this.outbox.write(em, drafts);
  }

  /**
   * A hire was recorded: whoever has not confirmed it yet is asked to. Recorded by the employer (also
   * 已入职 in the pipeline): the person and their liaisons. By a liaison: the employer. By an admin: both.
   */
  async hireRecorded(em: EntityManager, hire: Pick<Hire, 'id' | 'residentId' | 'postId' | 'startDate' | 'employerConfirmedAt' | 'personConfirmedAt'> & { employerId: string }, actor: AuthPrincipal): Promise<void> {
    const { post, employer, person } = await this.load(em, hire.postId, hire.employerId, hire.residentId);
    const job = post ? `「${post.title}」` : '';
    const drafts: NotificationDraft[] = [];
    const event = `hire:${hire.id}`;
    // Recorded ahead of the first day: nobody can confirm before it (employment-count.md), so the words say when.
    const day = monthDayText(hire.startDate);
    const ahead = hire.startDate > chinaDateOf(this.clock.now());
    const when = ahead ? `到了${day}上班那天，` : '';
    const fields = { party: employer.name, date: hire.startDate, note: ahead ? `${day}上班那天打开小程序确认` : '请打开小程序确认' };
    if (!hire.personConfirmedAt) {
      drafts.push({ userId: person.userId, residentId: person.userId ? null : person.id, type: 'hire_confirm', title: '入职待确认', body: `${employer.name}登记您${day}起入职${job}。${when}请在「我的投递」里确认，确认后计入就业登记。`, page: PAGES.myApplications, event, fields: { ...fields, subject: post?.title ?? employer.name }, sms: `【枣工快递】${employer.name}登记您${day}起入职${job}，${when}请打开小程序确认，或告诉村里的劳动就业联络员。` });
      for (const userId of await this.liaisons(em, person)) {
        if (userId === actor.userId) continue;
        drafts.push({ userId, type: 'hire_confirm', title: '村民入职待确认', body: `${person.name}${day}起入职${employer.name}${job}，${when}请核实后确认。`, page: PAGES.liaisonHires, event, fields: { ...fields, subject: maskName(person.name) } });
      }
    }
    if (!hire.employerConfirmedAt) {
      for (const userId of await this.employerMembers(em, hire.employerId)) {
        drafts.push({ userId, type: 'hire_confirm', title: '录用待确认', body: `${maskName(person.name)}${day}起在贵单位上班${job}，${when}请确认。`, page: post ? PAGES.applicants(post.id) : PAGES.employerHome, event, fields: { ...fields, subject: maskName(person.name) } });
      }
    }
    await this.outbox.write(em, drafts.filter((d) => d.userId !== actor.userId));
  }

  private async load(em: EntityManager, postId: string | null, employerId: string, residentId: string) {
    const [post, employer, person] = await Promise.all([
      postId ? em.getRepository(JobPosting).findOne({ where: { id: postId }, select: { id: true, title: true } }) : null,
      em.getRepository(Employer).findOneOrFail({ where: { id: employerId }, select: { id: true, name: true } }),
      em.getRepository(Resident).findOneOrFail({ where: { id: residentId }, select: { id: true, name: true, userId: true, villageCode: true, townCode: true } }),
    ]);
    return { post, employer, person: person as Person };
  }

  private async employerMembers(em: EntityManager, employerId: string): Promise<string[]> {
    return (await em.getRepository(User).find({ where: { role: 'employer', employerId }, select: { id: true } })).map((u) => u.id);
  }

  /** The liaisons of the person's 村居, and of their 镇街. */
  private async liaisons(em: EntityManager, person: Person): Promise<string[]> {
    return (await em.getRepository(User).find({ where: { role: 'liaison', regionCode: In([person.villageCode, person.townCode]) }, select: { id: true } })).map((u) => u.id);
  }
}
