import { useEffect, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { ROLE_LABELS, type AuthUser, type Role } from '@zaogong/shared';
import { useSession } from '../hooks/useSession';
import { api } from '../api/endpoints';
import { homeOf, loginUrl } from '../lib/routes';
import { getToken, saveUser } from '../lib/session';
import { StateView } from './StateView';

interface Props {
  role: Role;
  /** Other roles the page also serves (a liaison runs a household's 零工 day on the employer's pages). */
  also?: readonly Role[];
  children: (user: AuthUser) => ReactNode;
}

/** Shows `children` only to a signed-in user of `role` (or `also`); everyone else gets one plain way forward. */
export function RoleGate({ role, also = [], children }: Props) {
  const user = useSession();

  // Refresh name and scope from GET /me; a 401 there clears the session (see api/client.ts).
  useEffect(() => {
    if (!getToken()) return;
    api.me({ toast: false }).then(saveUser, () => undefined);
  }, []);

  if (!user) {
    return (
      <StateView
        title='请先登录'
        body={`这一页是给${ROLE_LABELS[role]}用的，登录后才能看。`}
        actionText='去登录'
        onAction={() => void Taro.navigateTo({ url: loginUrl() })}
      />
    );
  }
  if (user.role !== role && !also.includes(user.role)) {
    return (
      <StateView
        title={`这一页是给${ROLE_LABELS[role]}用的`}
        body={`您现在的身份是${ROLE_LABELS[user.role]}。`}
        actionText='回到我的首页'
        onAction={() => void Taro.reLaunch({ url: homeOf(user.role) })}
      />
    );
  }
  return <>{children(user)}</>;
}
