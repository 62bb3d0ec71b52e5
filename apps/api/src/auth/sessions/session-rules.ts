import type { Role } from '@zaogong/shared';

/** Access tokens live two hours at most, and always carry `exp`. */
export const ACCESS_TOKEN_TTL_SECONDS = 2 * 60 * 60;
/** A refresh token works once, within 30 days of being issued. */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Staff sessions (liaisons, admins) end after 30 minutes without a request. */
export const STAFF_IDLE_MS = 30 * 60 * 1000;
/** How stale the account and session state an API process acts on may be. */
export const ACCOUNT_STATE_TTL_MS = 60 * 1000;
/** A session's last request is written at most this often. */
export const LAST_SEEN_WRITE_MS = 60 * 1000;

export function isStaff(role: Role): boolean {
  return role === 'liaison' || role === 'admin';
}

/** Whether a staff session has been idle too long at `now`. */
export function isIdleExpired(role: Role, lastSeenAt: Date, now: Date): boolean {
  return isStaff(role) && now.getTime() - lastSeenAt.getTime() > STAFF_IDLE_MS;
}

/** Admins act only after giving the second factor in this session. */
export function needsSecondFactor(role: Role, mfa: boolean | undefined): boolean {
  return role === 'admin' && !mfa;
}
