import Taro from '@tarojs/taro';
import type { Role } from '@zaogong/shared';

export const ROUTES = {
  index: '/pages/index/index',
  /** Where an unknown address lands. */
  notFound: '/pages/not-found/index',
  post: '/pages/post/index',
  login: '/pages/login/index',
  me: '/pages/me/index',
  employerHome: '/packages/employer/pages/home/index',
  liaisonHome: '/packages/liaison/pages/home/index',
  adminHome: '/packages/admin/pages/home/index',
  /** 我的档案 (a seeker's own record), main package: it is reached from 我的. */
  profile: '/pages/profile/index',
  residents: '/packages/liaison/pages/residents/index',
  residentForm: '/packages/liaison/pages/resident-form/index',
  resident: '/packages/liaison/pages/resident/index',
  residentImport: '/packages/liaison/pages/import/index',
  laborMap: '/packages/admin/pages/labor-map/index',
  /** 登记企业 or join one with a colleague's code. */
  employerRegister: '/packages/employer/pages/register/index',
  /** Create (no id) or edit (?id=) a post. */
  postForm: '/packages/employer/pages/post-form/index',
  reviewQueue: '/packages/admin/pages/review/index',
  employerQueue: '/packages/admin/pages/employers/index',
  reportQueue: '/packages/admin/pages/reports/index',
  /** 推荐人选 of a post (?postId=): for its employer, or a liaison's own residents who fit it. */
  candidates: '/packages/employer/pages/candidates/index',
  /** 为村民找工作 (?residentId=): posts that fit one resident, for their liaison. */
  residentMatches: '/packages/liaison/pages/matches/index',
  /** 我的投递 (seeker): applications with their timelines. */
  myApplications: '/pages/applications/index',
  /** The applicants of one post as a pipeline (?postId=), for its employer. */
  applicants: '/packages/employer/pages/applicants/index',
  /** A liaison's residents' applications and hires to confirm. */
  liaisonHires: '/packages/liaison/pages/hires/index',
  /** 就业统计 dashboard (admin, 镇街 officers). */
  dashboard: '/packages/admin/pages/dashboard/index',
  /** Fitting residents of the liaison's own area for a post (?postId=). */
  postFitters: '/packages/liaison/pages/fitters/index',
  /** 消息 (tab): the inbox of every role. */
  messages: '/pages/messages/index',
  /** 消息设置: mute types, SMS, WeChat subscriptions. */
  notificationSettings: '/pages/notification-settings/index',
  /** Admin: outgoing messages, dead letters and their retry. */
  deliveries: '/packages/admin/pages/deliveries/index',
  /** 输入邀请码 (?code= from a share card or a scanned QR): the invited person takes their role. */
  invitation: '/pages/invitation/index',
  /** 扫码登录, the phone side (?ticket=): approves a PC browser's login. Its path is in the API's QR text. */
  scanLogin: '/pages/scan-login/index',
  /** 扫码登录, the PC side (H5): shows the QR and waits for a phone to approve it. */
  qrLogin: '/pages/qr-login/index',
  /** Admin: 邀请联络员/干部. */
  invite: '/packages/admin/pages/invite/index',
  /** Admin: 用户管理 (list, disable/enable, reset two-factor). */
  users: '/packages/admin/pages/users/index',
  /** Admin: set up two-factor (an authenticator app). */
  mfaSetup: '/packages/admin/pages/mfa-setup/index',
  /** Admin: give the two-factor code for this session. */
  mfa: '/packages/admin/pages/mfa/index',
  /** 我的个人信息: download one's data, ask for erasure (个人信息保护法). */
  myData: '/pages/my-data/index',
  /** 注销申请 of the liaison's area: carry out or decline. */
  liaisonDeletionRequests: '/packages/liaison/pages/deletion-requests/index',
  /** 注销申请 of the admin's area (a district admin: all, with those of people without 求职信息). */
  adminDeletionRequests: '/packages/admin/pages/deletion-requests/index',
  /** Admin: 村居中心点 (import 镇街/村居 centre points; the district admin only). */
  regionCentres: '/packages/admin/pages/region-centres/index',
  /** 零工 (employer): one gig's day (?postId=&date=): numbers, people, pay. Notifications link here. */
  gigRoster: '/packages/employer/pages/gig-roster/index',
  /** 零工 (employer): today's 现场码 of a gig (?postId=), changing every minute. */
  gigSiteCode: '/packages/employer/pages/site-code/index',
  /** Admin: 权益维护, the 零工 pay cases (a 镇街 officer: their 镇街's). */
  disputes: '/packages/admin/pages/disputes/index',
} as const;

const TAB_PAGES: readonly string[] = [ROUTES.index, ROUTES.messages, ROUTES.me];

/** Where each role lands after login. A seeker's home is the public post list. */
export function homeOf(role: Role): string {
  switch (role) {
    case 'seeker':
      return ROUTES.index;
    case 'employer':
      return ROUTES.employerHome;
    case 'liaison':
      return ROUTES.liaisonHome;
    case 'admin':
      return ROUTES.adminHome;
  }
}

/** Replaces the whole page stack, so "back" never returns to the login screen. */
export function goHome(role: Role): void {
  void Taro.reLaunch({ url: homeOf(role) });
}

export function postUrl(id: string): string {
  return `${ROUTES.post}?id=${encodeURIComponent(id)}`;
}

export function residentUrl(id: string): string {
  return `${ROUTES.resident}?id=${encodeURIComponent(id)}`;
}

/** The 登记居民 form; with an id it edits that record. */
export function residentFormUrl(id?: string): string {
  return id ? `${ROUTES.residentForm}?id=${encodeURIComponent(id)}` : ROUTES.residentForm;
}

/** 人力资源地图 of the district, or of one 镇街 (its 村居). */
export function laborMapUrl(regionCode?: string): string {
  return regionCode ? `${ROUTES.laborMap}?regionCode=${encodeURIComponent(regionCode)}` : ROUTES.laborMap;
}

/** 输入邀请码, filled in with `code` when given. */
export function invitationUrl(code?: string): string {
  return code ? `${ROUTES.invitation}?code=${encodeURIComponent(code)}` : ROUTES.invitation;
}

export function scanLoginUrl(ticket: string): string {
  return `${ROUTES.scanLogin}?ticket=${encodeURIComponent(ticket)}`;
}

/** Only in-app pages are accepted as a place to return to (after login or two-factor). */
export function safeRedirect(raw: string | undefined): string | null {
  if (!raw) return null;
  let url = raw;
  try {
    if (url.includes('%')) url = decodeURIComponent(url);
  } catch {
    return null;
  }
  return url.startsWith('/pages/') || url.startsWith('/packages/') ? url : null;
}

/** A page with its `redirect` parameter (used by the two-factor pages to go on afterwards). */
export function withRedirect(page: string, redirect: string | null | undefined): string {
  return redirect ? `${page}?redirect=${encodeURIComponent(redirect)}` : page;
}

/**
 * The value of `name` in a scanned or pasted link (…/#/pages/scan-login/index?ticket=…), or in a bare
 * query string; null when it is not there.
 */
export function paramOf(text: string, name: string): string | null {
  const match = new RegExp(`[?&#]${name}=([^&#\\s]+)`).exec(text);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/**
 * The H5 link of an in-app page, for a QR code a phone camera can open: the page's own origin on H5;
 * in WeChat, the origin of the API (which serves the H5 build at `/`) when it is an absolute address.
 */
export function h5Link(url: string, apiBaseUrl: string): string {
  let origin = '';
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    origin = `${window.location.origin}${window.location.pathname}`;
  } else {
    const m = /^(https?:\/\/[^/]+)/.exec(apiBaseUrl);
    origin = m ? `${m[1]}/` : '';
  }
  return `${origin}#${url}`;
}

export function loginUrl(redirect?: string): string {
  return redirect ? `${ROUTES.login}?redirect=${encodeURIComponent(redirect)}` : ROUTES.login;
}

export function openPage(url: string): void {
  const path = url.split('?')[0];
  if (TAB_PAGES.includes(path)) {
    void Taro.switchTab({ url: path });
  } else {
    void Taro.navigateTo({ url });
  }
}

/** The route of the page on top of the stack, e.g. "pages/login/index". */
export function currentRoute(): string {
  const pages = Taro.getCurrentPages();
  const top = pages[pages.length - 1];
  return top?.route ?? '';
}
