import type { Role } from '@zaogong/shared';

/**
 * Who is calling: the account's current role, region and employer as the database holds them (read
 * through the account-state cache, at most 60 s old), never as an old token claimed them. Attached to
 * the request by the auth guard.
 */
export interface AuthPrincipal {
  userId: string;
  role: Role;
  /** A liaison's 村居/镇街, or a 镇街 officer's 镇街; null means the whole district (admin) or none. */
  regionCode: string | null;
  employerId: string | null;
  /** This session gave the second factor (admins), or came from the development login. */
  mfa?: boolean;
  /** The login session (absent for development-login tokens). */
  sessionId?: string | null;
}

/**
 * The access token's claims: who and which session. The role, region and employer it carries are what
 * held when it was issued; the guard acts on the account's current ones instead (see JwtAuthGuard).
 */
export interface TokenPayload {
  sub: string;
  role: Role;
  rc: string | null;
  eid: string | null;
  /** Session id; absent only on development-login tokens. */
  sid?: string;
  /** The account's auth version when the token was issued (see User.authVersion). */
  ver: number;
  /** Second factor given in this session (admins). */
  mfa?: boolean;
  /** A development-login token. */
  dev?: boolean;
}
