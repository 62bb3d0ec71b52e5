import type { PosterKind } from '../api/endpoints';

/** 打印海报: the printable poster of a post or an event (pages/poster). */
export const POSTER_PAGE = '/pages/poster/index';

export function posterUrl(kind: PosterKind, id: string): string {
  return `${POSTER_PAGE}?kind=${kind}&id=${encodeURIComponent(id)}`;
}
