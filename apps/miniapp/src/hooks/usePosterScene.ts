import { useEffect } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { TICKET_CODE_ALPHABET } from '@zaogong/shared';
import { ApiRequestError } from '../api/client';
import { posterApi } from '../api/endpoints';

/** A poster's id: 8 characters of the same alphabet as tickets (no 0/O, 1/I/L). */
const POSTER_ID = new RegExp(`^[${TICKET_CODE_ALPHABET}]{8}$`);
const SEEN_KEY = 'zg-poster-scenes';
/** A scene already counted this long ago is not counted again (the H5 page reloaded, back to the list). */
const SEEN_MS = 10 * 60_000;
const inFlight = new Set<string>();

/**
 * The poster id in a `scene`: WeChat hands the page the scene of a 小程序码 URL-encoded (scene=ABCD2345); H5
 * gets it as ?scene= in the hash query. Null when there is none, or it is not a poster's.
 */
export function posterIdOfScene(raw: string | undefined): string | null {
  if (!raw) return null;
  let text = raw;
  try {
    text = decodeURIComponent(raw);
  } catch {
    /* kept as it came */
  }
  const id = text.trim().toUpperCase();
  return POSTER_ID.test(id) ? id : null;
}

function seenRecently(id: string): boolean {
  const seen = (Taro.getStorageSync(SEEN_KEY) || {}) as Record<string, number>;
  return typeof seen[id] === 'number' && Date.now() - seen[id] < SEEN_MS;
}

function markSeen(id: string): void {
  const now = Date.now();
  const seen = (Taro.getStorageSync(SEEN_KEY) || {}) as Record<string, number>;
  const kept = Object.fromEntries(Object.entries(seen).filter(([, at]) => now - at < SEEN_MS));
  Taro.setStorageSync(SEEN_KEY, { ...kept, [id]: now });
}

/** Counts the scan once (POST /posters/:id/scan) and opens the post or event the poster is of. */
async function follow(id: string): Promise<void> {
  if (inFlight.has(id) || seenRecently(id)) return;
  inFlight.add(id);
  try {
    const target = await posterApi.scan(id, { toast: false });
    markSeen(id);
    await Taro.navigateTo({ url: target.page });
  } catch (e) {
    const message = e instanceof ApiRequestError ? e.message : '没有打开，请再扫一次';
    void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
  } finally {
    inFlight.delete(id);
  }
}

/** On the page a poster's code opens (pages/index/index): follow the scene it came with. */
export function usePosterScene(): void {
  const { params } = useRouter();
  useEffect(() => {
    const id = posterIdOfScene(params.scene);
    if (id) void follow(id);
  }, [params.scene]);
  // WeChat may show the running page again with a new scene (another poster scanned).
  useDidShow(() => {
    const id = posterIdOfScene(Taro.getCurrentInstance().router?.params.scene);
    if (id) void follow(id);
  });
}
