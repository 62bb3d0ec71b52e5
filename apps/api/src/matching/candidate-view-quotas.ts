import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CANDIDATE_VIEWS_PER_DAY, chinaDateOf } from '@zaogong/shared';
import { Clock } from '../common/clock';
import { withLockRetry } from '../common/sql/lock-retry';
import { isUniqueViolation } from '../common/sql/unique-violation';
import { CandidateViewQuota } from './entities/candidate-view-quota.entity';

const BUSY = '现在查看推荐人选的人太多，请稍后再试';

/**
 * How many candidates each employer is shown per China calendar day (CANDIDATE_VIEWS_PER_DAY, 100). Past the cap
 * nothing more is shown that day (a Chinese 429).
 *
 * Counted with single statements, no transaction held across them: a conditional
 * `UPDATE … SET views = views + n WHERE … AND views < cap`, and for the day's first view an INSERT (if another
 * request inserted the row first, the UPDATE again). The earlier read-lock-then-write transaction deadlocked
 * on MariaDB under load: two first views of a day (of any employers whose keys fall in the same gap) each
 * took a gap lock with SELECT … FOR UPDATE and then waited for the other's to insert (issue 17). A statement
 * that still meets a deadlock or lock timeout is tried again, and ends in a Chinese 409 if it cannot.
 */
@Injectable()
export class CandidateViewQuotas {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Counts `n` candidates shown to the employer now; 429 when today's cap was already reached. */
  async spend(employerId: string, n: number): Promise<void> {
    const day = chinaDateOf(this.clock.now());
    const counted = await withLockRetry(() => this.trySpend(employerId, day, n), BUSY);
    if (!counted) {
      throw new HttpException({ statusCode: 429, message: `今天查看推荐人选已达${CANDIDATE_VIEWS_PER_DAY}人次，明天再来看吧` }, HttpStatus.TOO_MANY_REQUESTS);
    }
  }

  /** True when counted, false when the cap was reached before. Safe to run again. */
  private async trySpend(employerId: string, day: string, n: number): Promise<boolean> {
    const repo = this.ds.getRepository(CandidateViewQuota);
    if (n === 0) {
      // Nothing to count: still refused past the cap, as a view would be.
      const row = await repo.findOne({ where: { employerId, day }, select: { employerId: true, views: true } });
      return (row?.views ?? 0) < CANDIDATE_VIEWS_PER_DAY;
    }
    const add = () =>
      repo
        .createQueryBuilder()
        .update(CandidateViewQuota)
        .set({ views: () => 'views + :n' })
        .where('employer_id = :employerId AND day = :day AND views < :cap', { employerId, day, cap: CANDIDATE_VIEWS_PER_DAY })
        .setParameter('n', n)
        .execute();
    if ((await add()).affected) return true;
    try {
      await repo.insert({ employerId, day, views: n });
      return true;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
    // The row exists: made by a concurrent first view (count on it), or at the cap (refused).
    return Boolean((await add()).affected);
  }
}
