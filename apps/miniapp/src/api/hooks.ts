import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { JobPostingItem, JobPostingQuery, OccupationItem, Page, RegionItem, RegionOverview, SiteConfig } from '@zaogong/shared';
import { ApiRequestError } from './client';
import { api } from './endpoints';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiRequestError | undefined;
  loading: boolean;
  reload: () => Promise<void>;
}

function toApiError(e: unknown): ApiRequestError {
  return e instanceof ApiRequestError ? e : new ApiRequestError(0, '出了点问题，请稍后再试');
}

/**
 * Runs `load` on mount and whenever `deps` change; only the latest call may set state.
 * Errors are kept for the page to show inline (pass `{ toast: false }` to the endpoint).
 */
export function useApi<T>(load: () => Promise<T>, deps: readonly unknown[]): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiRequestError>();
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    setError(undefined);
    try {
      const result = await loadRef.current();
      if (mine === seq.current) setData(result);
    } catch (e) {
      if (mine === seq.current) setError(toApiError(e));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  // `deps` are the caller's: they say when `load` means something new.
  useEffect(() => {
    void reload();
  }, deps);

  return { data, error, loading, reload };
}

const regionCache = new Map<string, Promise<RegionItem[]>>();

/** Regions are reference data: fetched once per parent and kept for the session. */
export function fetchRegions(parent: string): Promise<RegionItem[]> {
  let cached = regionCache.get(parent);
  if (!cached) {
    cached = api.listRegions(parent, { toast: false }).then((r) => r.items);
    cached.catch(() => regionCache.delete(parent));
    regionCache.set(parent, cached);
  }
  return cached;
}

export function useRegions(parent: string | null): ApiState<RegionItem[]> {
  return useApi(() => (parent ? fetchRegions(parent) : Promise.resolve([])), [parent]);
}

/**
 * The counts on a liaison's or admin's home. Without `regionCode` the API picks the caller's own
 * area; errors stay inline (no toast).
 */
export function useRegionOverview(regionCode?: string): ApiState<RegionOverview> {
  return useApi(() => api.regionOverview(regionCode, { toast: false }), [regionCode]);
}

export type PostFilters = Omit<JobPostingQuery, 'cursor' | 'limit'>;

const PAGE_SIZE = 20;

/**
 * The public post list with cursor paging. Changing `filters` starts again from the first page.
 * `suggestions` (你是不是要找) are those of the first page of these very filters, when it had any.
 */
export function usePostList(filters: PostFilters): CursorListState<JobPostingItem> & { suggestions: string[] | undefined } {
  const { q, townCode, occupationCode, type, wageMin, benefits, sort, lat, lng } = filters;
  const key = JSON.stringify([q, townCode, occupationCode, type, wageMin, benefits]);
  const [suggested, setSuggested] = useState<{ key: string; list: string[] | undefined }>();
  const list = useCursorList(
    // The first page shows its error inline; a failed "load more" shows a toast and retries on scroll.
    async (cursor) => {
      const page = await api.listPosts(
        { q, townCode, occupationCode, type, wageMin, benefits, sort, lat, lng, limit: PAGE_SIZE, cursor },
        { toast: cursor !== undefined },
      );
      if (cursor === undefined) setSuggested({ key, list: page.suggestions });
      return page;
    },
    [q, townCode, occupationCode, type, wageMin, benefits, sort, lat, lng],
  );
  return { ...list, suggestions: suggested?.key === key ? suggested.list : undefined };
}

export interface CursorListState<T> {
  items: T[];
  loading: boolean;
  loadingMore: boolean;
  error: ApiRequestError | undefined;
  hasMore: boolean;
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/**
 * Any cursor-paged list. `fetchPage(cursor)` asks for one page (errors inline: pass `toast: false`
 * for the first page); `deps` say when it means a new list, which starts again from the first page.
 */
export function useCursorList<T extends { id: string }>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  deps: readonly unknown[],
): CursorListState<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiRequestError>();
  const seq = useRef(0);
  const busy = useRef(false);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    busy.current = true;
    setLoading(true);
    setError(undefined);
    try {
      const page = await fetchRef.current(undefined);
      if (mine !== seq.current) return;
      setItems(page.items);
      setCursor(page.nextCursor);
    } catch (e) {
      if (mine !== seq.current) return;
      setError(toApiError(e));
      setItems([]);
      setCursor(null);
    } finally {
      if (mine === seq.current) {
        setLoading(false);
        busy.current = false;
      }
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (busy.current || !cursor) return;
    const mine = seq.current;
    busy.current = true;
    setLoadingMore(true);
    try {
      const page = await fetchRef.current(cursor);
      if (mine !== seq.current) return;
      setItems((prev) => {
        const seen = new Set(prev.map((p) => p.id));
        return prev.concat(page.items.filter((p) => !seen.has(p.id)));
      });
      setCursor(page.nextCursor);
    } catch {
      // Shown in a toast by the client; scrolling again retries.
    } finally {
      if (mine === seq.current) busy.current = false;
      setLoadingMore(false);
    }
  }, [cursor]);

  useEffect(() => {
    void refresh();
  }, deps);

  return { items, loading, loadingMore, error, hasMore: cursor !== null, refresh, loadMore };
}

const occupationCache = new Map<string, Promise<OccupationItem | null>>();

/** One occupation by its leaf code, kept for the session; null when the code is unknown. */
export function fetchOccupation(code: string): Promise<OccupationItem | null> {
  let cached = occupationCache.get(code);
  if (!cached) {
    cached = api.getOccupation(code, { toast: false }).catch(() => {
      occupationCache.delete(code);
      return null;
    });
    occupationCache.set(code, cached);
  }
  return cached;
}

/** Remembers names of occupations the user picked, so a record shows names without asking again. */
export function rememberOccupation(item: OccupationItem): void {
  occupationCache.set(item.code, Promise.resolve(item));
}

/** The names of occupation codes, in order; an unknown code stays as it is. */
export function useOccupationNames(codes: readonly string[]): string[] {
  const key = codes.join(',');
  const names = useApi(
    () => Promise.all(codes.map(async (c) => (await fetchOccupation(c))?.name ?? c)),
    [key],
  );
  return names.data ?? codes.map(() => '…');
}

/**
 * Wires a page's pull-to-refresh and scroll-to-bottom to a cursor list: what every list page does.
 * `afterRefresh` runs once a pulled refresh has finished (e.g. to forget items acted on).
 */
export function usePagedScrolling<T>(list: CursorListState<T>, afterRefresh?: () => void): void {
  usePullDownRefresh(() => {
    void list.refresh().finally(() => {
      afterRefresh?.();
      Taro.stopPullDownRefresh();
    });
  });
  useReachBottom(() => {
    void list.loadMore();
  });
}

let siteConfig: Promise<SiteConfig> | undefined;

/**
 * The service phone people are told to call (GET /public/config), asked once per app start; '12333' (the
 * national 人社 hotline) until it arrives or when it cannot be had.
 */
export function useServicePhone(): string {
  const [phone, setPhone] = useState('12333');
  useEffect(() => {
    let live = true;
    siteConfig ??= api.siteConfig({ toast: false }).catch((e: unknown) => {
      siteConfig = undefined;
      throw e;
    });
    siteConfig.then((c) => live && setPhone(c.servicePhone)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return phone;
}
