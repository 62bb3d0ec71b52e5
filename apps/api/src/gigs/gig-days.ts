import type { EntityManager } from 'typeorm';
import type { GigDay as GigDayItem } from '@zaogong/shared';
import { writeLock } from '../common/sql/write-lock';
import { GigDay } from './entities/gig-day.entity';


/**
 * Makes the day's row if it is not there yet, with the post's headcount. Run outside the transaction that
 * then locks it (a lone INSERT IGNORE commits at once): inserting and locking in one transaction lets two
 * first sign-ups deadlock on MariaDB's gap locks.
 */
export async function ensureDay(em: EntityManager, postId: string, workDate: string, headcount: number): Promise<void> {
  await em.getRepository(GigDay).createQueryBuilder().insert().values({ postId, workDate, headcount, confirmed: 0, waitlisted: 0, nextSeq: 1, closed: false }).orIgnore().execute();
}

/**
 * The day's row, locked for the transaction (made by ensureDay first). Every change to a day's roster goes
 * through here, so two sign-ups for the last place are served one after the other.
 */
export function lockedDay(em: EntityManager, postId: string, workDate: string): Promise<GigDay> {
  return em.getRepository(GigDay).findOneOrFail({ where: { postId, workDate }, lock: writeLock(em) });
}

export function dayItem(date: string, day: GigDay | undefined, headcount: number): GigDayItem {
  const places = day?.headcount ?? headcount;
  const confirmed = day?.confirmed ?? 0;
  return { date, headcount: places, confirmed, spotsLeft: Math.max(0, places - confirmed), waitlisted: day?.waitlisted ?? 0, closed: day?.closed ?? false };
}
