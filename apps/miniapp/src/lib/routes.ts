import Taro from '@tarojs/taro';
import type { Role } from '@zaogong/shared';

export const ROUTES = {
  index: '/pages/index/index',
  post: '/pages/post/index',
  login: '/pages/login/index',
  me: '/pages/me/index',
  employerHome: '/packages/employer/pages/home/index',
  liaisonHome: '/packages/liaison/pages/home/index',
  adminHome: '/packages/admin/pages/home/index',
} as const;

const TAB_PAGES: readonly string[] = [ROUTES.index, ROUTES.me];

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
