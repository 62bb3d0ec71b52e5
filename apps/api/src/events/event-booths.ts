import { ConflictException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventEmployer } from './entities/event-employer.entity';
import { EventPost } from './entities/event-post.entity';
import { RecruitmentEvent } from './entities/recruitment-event.entity';
import { APPLY_AFTER_END_MS } from './event-rules';

/**
 * POST /applications with an eventId (applying at a booth, one tap, or from the event's list of posts
 * beforehand): the event not cancelled and not over for more than a day, and the post one an approved
 * employer brought to it.
 */
export async function checkBoothApplication(em: EntityManager, eventId: string, postId: string, now: Date): Promise<void> {
  const event = await em.getRepository(RecruitmentEvent).findOne({ where: { id: eventId }, select: { id: true, status: true, startsAt: true, endsAt: true } });
  if (!event) throw new NotFoundException('活动不存在');
  if (event.status === 'cancelled') throw new ConflictException('活动已取消');
  if (now.getTime() > event.endsAt.getTime() + APPLY_AFTER_END_MS) throw new ConflictException('活动已经结束；请直接投递这个岗位');
  const link = await em.getRepository(EventPost).findOneBy({ eventId, postId });
  const approved = link ? await em.getRepository(EventEmployer).existsBy({ eventId, employerId: link.employerId, status: 'approved' }) : false;
  if (!approved) throw new ConflictException('这个岗位不在本场活动里；请直接投递');
}
