import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import type { AuthUser } from '@zaogong/shared';
import { getUser, SESSION_EVENT } from '../lib/session';

/** The signed-in user from storage (null when logged out), kept current across pages. */
export function useSession(): AuthUser | null {
  const [user, setUser] = useState<AuthUser | null>(getUser);

  useEffect(() => {
    const sync = () => setUser(getUser());
    Taro.eventCenter.on(SESSION_EVENT, sync);
    return () => {
      Taro.eventCenter.off(SESSION_EVENT, sync);
    };
  }, []);

  useDidShow(() => setUser(getUser()));

  return user;
}
