import type { Role } from '@zaogong/shared';

/** Who is calling, as read from a verified token. Attached to the request by the auth guard. */
export interface AuthPrincipal {
  userId: string;
  role: Role;
  /** A liaison's 村居/镇街, or a 镇街 officer's 镇街; null means the whole district (admin) or none. */
  regionCode: string | null;
  employerId: string | null;
}

export interface TokenPayload {
  sub: string;
  role: Role;
  rc: string | null;
  eid: string | null;
}
