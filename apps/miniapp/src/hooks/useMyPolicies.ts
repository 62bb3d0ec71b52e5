import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { AuthUser, MyPolicyItem } from '@zaogong/shared';
import { useApi, type ApiState } from '../api/hooks';
import { policiesApi } from '../api/policies';

/** Whether GET /me/policies answers for this user: a seeker (their record), or an employer (their firm). */
export function hasOwnPolicies(user: AuthUser | null | undefined): boolean {
  return user?.role === 'seeker' || user?.role === 'employer';
}

/**
 * 可能适合您的政策 of the signed-in seeker or employer, with the reasons; null for anyone else. Asked again each
 * time the page shows (a record changed on 我的档案 may change the answer). Errors stay inline (no toast).
 */
export function useMyPolicies(user: AuthUser | null | undefined): ApiState<MyPolicyItem[] | null> {
  const mine = hasOwnPolicies(user);
  const state = useApi(() => (mine ? policiesApi.mine({ toast: false }).then((r) => r.items) : Promise.resolve(null)), [user?.id, mine]);
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current && mine && !state.loading) void state.reload();
    seen.current = true;
  });
  return state;
}
