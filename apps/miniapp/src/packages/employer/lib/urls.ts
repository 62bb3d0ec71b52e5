import Taro from '@tarojs/taro';
import { ROUTES } from '../../../lib/routes';

/** 发布招工, or with an id 修改 that post. */
export function postFormUrl(id?: string): string {
  return id ? `${ROUTES.postForm}?id=${encodeURIComponent(id)}` : ROUTES.postForm;
}

/** 修改企业信息 (after a refused verification) on the 登记企业 page. */
export const EMPLOYER_EDIT_URL = `${ROUTES.employerRegister}?edit=1`;

/** Back to 企业首页: one step back when it is the page below, else it becomes the only page. */
export function backToEmployerHome(): void {
  const pages = Taro.getCurrentPages();
  const below = pages[pages.length - 2];
  const route = below?.route?.split('?')[0];
  if (route && ROUTES.employerHome.endsWith(route)) {
    void Taro.navigateBack();
  } else {
    void Taro.reLaunch({ url: ROUTES.employerHome });
  }
}
