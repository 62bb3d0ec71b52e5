import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { NotificationOutbox, type NotificationDraft } from '../notifications/notification-outbox';
import type { Policy } from './entities/policy.entity';
import type { EmployerSubject, PersonSubject } from './policy-facts';

export const policyPage = (id: string) => `/pages/policies/detail/index?id=${id}`;
const LIAISON_LIST_PAGE = (id: string) => `/packages/liaison/pages/policy-people/index?id=${id}`;

/**
 * The messages of 政策找人, written with the match rows (so each is sent once per policy): to the person (or a
 * text message when they have no account), to the firm's members, and one message per liaison per pass naming
 * their villagers who newly qualify.
 */
@Injectable()
export class PolicyNotices {
  constructor(private readonly outbox: NotificationOutbox) {}

  async eligible(em: EntityManager, policy: Policy, fresh: { subject: PersonSubject | EmployerSubject; reasons: string[] }[]): Promise<void> {
    const drafts: NotificationDraft[] = [];
    const why = (reasons: string[]) => (reasons.length ? `${reasons.join('，')}。` : '');
    const bring = policy.materials ? `要带：${policy.materials.slice(0, 60)}。` : '';
    if (policy.audience === 'employer') {
      const firms = fresh.map((f) => f.subject as EmployerSubject);
      const members = await em.getRepository(User).find({ where: { role: 'employer', employerId: In(firms.map((f) => f.id)) }, select: { id: true, employerId: true } });
      for (const f of fresh) {
        for (const m of members.filter((x) => x.employerId === f.subject.id)) {
          drafts.push(this.draft(m.id, null, policy, `贵单位可能符合：${policy.title}`, `${why(f.reasons)}${policy.benefit.slice(0, 80)} ${bring}`, `policy:${policy.id}:${f.subject.id}`));
        }
      }
      await this.outbox.write(em, drafts);
      return;
    }
    const people = fresh.map((f) => ({ person: f.subject as PersonSubject, reasons: f.reasons }));
    for (const { person, reasons } of people) {
      const d = this.draft(person.userId, person.userId ? null : person.id, policy, `可能适合您的政策：${policy.title}`, `${why(reasons)}${policy.benefit.slice(0, 80)} ${bring}可以问村里的联络员。`, `policy:${policy.id}:${person.id}`);
      drafts.push({ ...d, sms: `【枣工快递】您可能符合「${policy.title}」，详情问村里的联络员或打${policy.contactPhone ?? '12333'}。` });
    }
    // Each liaison of those villages (or their 镇街) hears once per pass, with the names.
    const villages = [...new Set(people.map((p) => p.person.villageCode))];
    const towns = [...new Set(people.map((p) => p.person.townCode))];
    const liaisons = await em.getRepository(User).find({ where: { role: 'liaison', regionCode: In([...villages, ...towns]) }, select: { id: true, regionCode: true } });
    for (const l of liaisons) {
      const mine = people.filter((p) => p.person.villageCode === l.regionCode || p.person.townCode === l.regionCode);
      if (mine.length === 0) continue;
      const names = mine.slice(0, 5).map((p) => p.person.name).join('、') + (mine.length > 5 ? `等${mine.length}人` : '');
      const key = createHash('sha256').update(mine.map((p) => p.person.id).sort().join(',')).digest('hex').slice(0, 16);
      drafts.push({ ...this.draft(l.id, null, policy, `村民可能符合：${policy.title}`, `${names}可能符合「${policy.title}」，请告诉他们并帮着办。`, `policy-liaison:${policy.id}:${key}`), page: LIAISON_LIST_PAGE(policy.id) });
    }
    await this.outbox.write(em, drafts);
  }

  private draft(userId: string | null, residentId: string | null, policy: Policy, title: string, body: string, event: string): NotificationDraft {
    return { userId, residentId, type: 'policy', title: title.slice(0, 60), body, page: policyPage(policy.id), event, fields: { subject: policy.title, status: '可能符合', note: body.slice(0, 20) } };
  }
}
