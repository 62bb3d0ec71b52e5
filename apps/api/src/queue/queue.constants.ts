/**
 * Queue names and job options, in one place.
 *
 * One queue per concurrency need, one handler per queue (see docs STYLE "Queues and exactly-once").
 * A jobId only coalesces pending duplicates; exactly-once lives in the database.
 */
export const QUEUES = {
  /** Periodic housekeeping: expiring postings, recomputing stats, purges. Runs one at a time. */
  maintenance: 'maintenance',
  /** Outgoing notifications (WeChat subscribe messages, SMS): one job per delivery row. */
  notifications: 'notifications',
  /** The daily digest of new posts for seekers. */
  digests: 'digests',
  /** 零工: the evening sweep (no-shows of past days, tomorrow's reminders). */
  gigSweep: 'gig-sweep',
  /** 招聘活动: announcing a new event once, and the evening sweep (tomorrow's reminders). */
  events: 'events',
  /** 政策找人: passes over a new or edited policy, over changed records, and the nightly pass. */
  policies: 'policies',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** All timed repeating jobs are expressed in this zone (UTC+8, no DST). */
export const QUEUE_TIME_ZONE = 'Asia/Shanghai';
export const QUEUE_TIME_ZONE_OFFSET_MINUTES = 8 * 60;

export interface JobDefaults {
  /** Total tries, the first one included. */
  attempts: number;
  /** Exponential backoff base: the n-th retry waits (2^n - 1) * backoffMs (2 s, 6 s, 14 s, 30 s…). */
  backoffMs: number;
  /** How many completed jobs to keep (their ids still coalesce duplicates while kept). */
  removeOnComplete: number;
  /** How many failed jobs to keep for inspection. */
  removeOnFail: number;
}

export const DEFAULT_JOB_OPTIONS: Readonly<JobDefaults> = Object.freeze({
  attempts: 5,
  backoffMs: 2_000,
  removeOnComplete: 1_000,
  removeOnFail: 5_000,
});

export interface QueueSettings {
  /** Concurrency used by `process()` when the caller gives none. */
  concurrency: number;
  job: Readonly<JobDefaults>;
}

export const QUEUE_SETTINGS: Readonly<Record<QueueName, Readonly<QueueSettings>>> = Object.freeze({
  [QUEUES.maintenance]: { concurrency: 1, job: DEFAULT_JOB_OPTIONS },
  [QUEUES.notifications]: { concurrency: 8, job: DEFAULT_JOB_OPTIONS },
  [QUEUES.digests]: { concurrency: 1, job: DEFAULT_JOB_OPTIONS },
  [QUEUES.gigSweep]: { concurrency: 1, job: DEFAULT_JOB_OPTIONS },
  [QUEUES.events]: { concurrency: 1, job: DEFAULT_JOB_OPTIONS },
  [QUEUES.policies]: { concurrency: 1, job: DEFAULT_JOB_OPTIONS },
});

/** Settings for a queue by name; unknown names (tests) get the defaults. */
export function queueSettings(name: string, overrides?: Partial<JobDefaults>): QueueSettings {
  const known = (QUEUE_SETTINGS as Readonly<Record<string, Readonly<QueueSettings> | undefined>>)[name];
  const base = known ?? { concurrency: 1, job: DEFAULT_JOB_OPTIONS };
  return { concurrency: base.concurrency, job: { ...base.job, ...overrides } };
}

/** Default time `whenIdle()` waits before rejecting. */
export const WHEN_IDLE_DEFAULT_TIMEOUT_MS = 10_000;
