import type { Role } from '../enums/roles';

export interface AuthUser {
  id: string;
  role: Role;
  name: string;
  /** A liaison's 村居 (12 digits) or 镇街 (9 digits); an admin's 镇街 when they are a 镇街 officer; else null. */
  regionCode: string | null;
  regionName: string | null;
  employerId: string | null;
  /** The account's phone, masked (138****1234), or null. */
  phoneMasked: string | null;
  /** Admins: whether two-factor is set up, and whether this session has given it. */
  mfaEnabled: boolean;
  mfaVerified: boolean;
}

export interface LoginResponse {
  token: string;
  /** Absent only from the development login. */
  refreshToken?: string;
  user: AuthUser;
}

export interface WechatLoginRequest {
  code: string;
  /** From the getPhoneNumber button (手机号快速验证). */
  phoneCode?: string;
}

export interface DevLoginRequest {
  role: Role;
  name: string;
  regionCode?: string;
  employerId?: string;
}

/** GET /auth/config: what the client may offer on its login screen. */
export interface AuthConfig {
  devLogin: boolean;
  wechat: boolean;
  /** SMS code login (an SMS gateway is configured). */
  sms: boolean;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface SmsSendRequest {
  phone: string;
}

export interface SmsLoginRequest {
  phone: string;
  code: string;
}

/** POST /auth/qr: a scan-to-log-in ticket for a PC browser. */
export interface QrTicket {
  ticket: string;
  /** What the QR code encodes: a link to the mini-program's 扫码登录 page carrying the ticket. */
  qrText: string;
  expiresAt: string;
}

export type QrTicketStatus = 'waiting' | 'approved' | 'expired';

export interface QrTicketState {
  status: QrTicketStatus;
  token?: string;
  refreshToken?: string;
  user?: AuthUser;
}

export const INVITABLE_ROLES = ['liaison', 'admin'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

export interface InvitationRequest {
  role: InvitableRole;
  /** A liaison's 村居 or 镇街; a 镇街 officer's 镇街; omitted for a district admin. */
  regionCode?: string;
  /** The invited person's name, as the account will show it. */
  name: string;
}

export interface InvitationCreated {
  code: string;
  expiresAt: string;
  role: InvitableRole;
  regionCode: string | null;
  regionName: string | null;
  name: string;
}

export interface InvitationAcceptRequest {
  code: string;
}

export interface MfaSetup {
  secret: string;
  otpauthUrl: string;
}

export interface TotpRequest {
  totp: string;
}

/** GET /admin/users items. */
export interface AdminUserSummary {
  id: string;
  name: string;
  role: Role;
  regionCode: string | null;
  regionName: string | null;
  employerId: string | null;
  phoneMasked: string | null;
  disabled: boolean;
  disabledReason: string | null;
  mfaEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface DisableUserRequest {
  reason: string;
}
