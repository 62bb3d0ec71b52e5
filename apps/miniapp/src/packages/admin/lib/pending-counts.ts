import { useDidShow } from '@tarojs/taro';
import type { PendingCounts } from '@zaogong/shared';
import { api } from '../../../api/endpoints';
import { useApi, type ApiState } from '../../../api/hooks';

/**
 * What waits for the admin (岗位审核, 企业认证, 举报处理; a 镇街 officer: their 镇街's), fresh each time the
 * page shows again. A failure only hides the numbers: the queues themselves still open.
 */
export function usePendingCounts(): ApiState<PendingCounts> {
  const counts = useApi(() => api.pendingCounts({ toast: false }), []);
  useDidShow(() => {
    if (!counts.loading) void counts.reload();
  });
  return counts;
}
