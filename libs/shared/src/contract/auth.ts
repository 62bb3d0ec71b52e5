import type { Role } from '../enums/roles';

export interface AuthUser {
  id: string;
  role: Role;
  name: string;
  /** A liaison's 村居 (12 digits) or 镇街 (9 digits); an admin's 镇街 when they are a 镇街 officer; else null. */
  regionCode: string | null;
  regionName: string | null;
  employerId: string | null;
}

export interface LoginResponse {
  token: string;
  user: AuthUser;
}

export interface WechatLoginRequest {
  code: string;
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
}
