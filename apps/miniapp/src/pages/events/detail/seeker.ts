import type { ApplicationStatus, AuthUser } from '@zaogong/shared';
import { ApiRequestError } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { useApi, type ApiState } from '../../../api/hooks';

/** What the page needs to know of a seeker: whether they have a record (求职信息) and what they applied to. */
export interface SeekerFacts {
  userId: string;
  hasRecord: boolean;
  applied: Map<string, ApplicationStatus>;
}

/** null for anyone but a seeker. A failed look counts as "has a record": the API then says what is missing. */
export function useSeekerFacts(user: AuthUser | null): ApiState<SeekerFacts | null> {
  const seeker = user?.role === 'seeker';
  return useApi(async () => {
    if (!user || !seeker) return null;
    const [apps, hasRecord] = await Promise.all([
      api.listApplications({ limit: 100 }, { toast: false }).catch(() => ({ items: [] })),
      api.myProfile({ toast: false }).then(
        () => true,
        (e: unknown) => !(e instanceof ApiRequestError && e.statusCode === 404),
      ),
    ]);
    return { userId: user.id, hasRecord, applied: new Map(apps.items.map((a) => [a.postId, a.status])) };
  }, [user?.id, seeker]);
}
