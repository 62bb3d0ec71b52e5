import { AVAILABILITY_LABELS, type Availability } from '@zaogong/shared';
import { ROUTES } from './routes';

/** 推荐人选 of one post (its employer). */
export function candidatesUrl(postId: string): string {
  return `${ROUTES.candidates}?postId=${encodeURIComponent(postId)}`;
}

/** 为TA找工作: posts that fit one resident (their liaison). */
export function residentMatchesUrl(residentId: string): string {
  return `${ROUTES.residentMatches}?residentId=${encodeURIComponent(residentId)}`;
}

/** 看看本村谁合适: the liaison's own residents who fit one post. */
export function postFittersUrl(postId: string): string {
  return `${ROUTES.postFitters}?postId=${encodeURIComponent(postId)}`;
}

/** A score in [0, 1] as a whole percentage, kept within 0–100 whatever the API sends. */
export function scorePercent(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.min(100, Math.max(0, Math.round(score * 100)));
}

/** "全职、零工", or '' when none was given. */
export function availabilityText(list: readonly Availability[]): string {
  return list.map((a) => AVAILABILITY_LABELS[a] ?? a).join('、');
}
