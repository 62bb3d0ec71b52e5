/** How one try of a delivery ended, as a channel reports it. */
export type DeliveryOutcome =
  | { result: 'sent' }
  /** Nothing to retry: the user has no subscription left, refused, or cannot be reached this way. */
  | { result: 'skipped'; reason: string; noQuota?: boolean }
  /** Will not succeed however often it is tried (bad template, bad data): straight to the dead letters. */
  | { result: 'failed'; reason: string };

/** A try that may succeed later (network, 5xx, rate limits): the queue retries with backoff. */
export class TransientDeliveryError extends Error {
  override readonly name = 'TransientDeliveryError';
}
