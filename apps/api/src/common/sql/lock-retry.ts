import { ConflictException } from '@nestjs/common';
import { isRetryableLockError } from './unique-violation';

/** Tries of a statement the database refused for a deadlock or a lock wait, before giving up. */
export const LOCK_RETRY_ATTEMPTS = 4;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` again when MariaDB/MySQL picks it as a deadlock's victim (1213) or its lock wait times out
 * (1205), after a short random pause that grows with each try; after LOCK_RETRY_ATTEMPTS tries it answers
 * 409 with `busyMessage` (Chinese: the person may simply try again). Any other error passes through at once.
 * `work` must be safe to run again: a whole transaction, or single statements.
 */
export async function withLockRetry<T>(work: () => Promise<T>, busyMessage: string, attempts = LOCK_RETRY_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      if (!isRetryableLockError(e)) throw e;
      if (attempt >= attempts) throw new ConflictException({ statusCode: 409, message: busyMessage });
      await pause(Math.floor(Math.random() * 10 * attempt) + 2);
    }
  }
}
