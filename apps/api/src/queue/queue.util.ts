import { QUEUE_TIME_ZONE_OFFSET_MINUTES } from './queue.constants';
import type { RepeatOptions } from './queue.types';

const DAY_MS = 24 * 60 * 60 * 1000;
const OFFSET_MS = QUEUE_TIME_ZONE_OFFSET_MINUTES * 60 * 1000;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const REPEAT_KEY = /^[A-Za-z0-9_.-]{1,100}$/;

/** Parses 'HH:mm' (24 h, zero-padded); throws on anything else. */
export function parseTimeOfDay(hhmm: string): { hours: number; minutes: number } {
  const m = HH_MM.exec(hhmm);
  if (!m) {
    throw new Error(`Invalid time of day "${hhmm}", expected HH:mm`);
  }
  return { hours: Number(m[1]), minutes: Number(m[2]) };
}

/**
 * The first instant strictly after `now` whose wall-clock time in Asia/Shanghai (UTC+8, no DST)
 * is `hhmm`. Pure: the caller passes the time.
 */
export function nextDailyRun(now: Date, hhmm: string): Date {
  const { hours, minutes } = parseTimeOfDay(hhmm);
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) {
    throw new Error('Invalid date');
  }
  const localMs = nowMs + OFFSET_MS;
  const localMidnight = Math.floor(localMs / DAY_MS) * DAY_MS;
  let candidate = localMidnight + (hours * 60 + minutes) * 60_000 - OFFSET_MS;
  if (candidate <= nowMs) {
    candidate += DAY_MS;
  }
  return new Date(candidate);
}

/** The first multiple of `everyMs` (since the epoch) strictly after `nowMs`, as bull computes it. */
export function nextEveryRun(nowMs: number, everyMs: number): number {
  return Math.floor(nowMs / everyMs) * everyMs + everyMs;
}

/** Exponential backoff as bull computes it: after the n-th failed try, wait (2^n - 1) * base. */
export function exponentialBackoffMs(failedTries: number, baseMs: number): number {
  return Math.round((Math.pow(2, failedTries) - 1) * baseMs);
}

export function assertRepeatKey(key: string): void {
  if (!REPEAT_KEY.test(key)) {
    throw new Error(`Invalid repeating job key "${key}": use 1-100 letters, digits, '_', '-' or '.'`);
  }
}

export function assertRepeatOptions(repeat: RepeatOptions): void {
  if ('dailyAt' in repeat) {
    parseTimeOfDay(repeat.dailyAt);
  } else if (!Number.isInteger(repeat.everyMs) || repeat.everyMs <= 0) {
    throw new Error(`Invalid everyMs ${String(repeat.everyMs)}: expected a positive integer`);
  }
}

/** Bull cron expression (minute hour * * *) for a daily time of day. */
export function dailyCron(hhmm: string): string {
  const { hours, minutes } = parseTimeOfDay(hhmm);
  return `${minutes} ${hours} * * *`;
}

/**
 * Rejects with `message` if `promise` has not settled within `ms`. The timer is cleared either way
 * and a late rejection of `promise` is swallowed.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    timer.unref?.();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
