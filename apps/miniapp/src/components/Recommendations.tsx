import { useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AuthUser, MatchList, PostMatch } from '@zaogong/shared';
import { ApiRequestError } from '../api/client';
import { api } from '../api/endpoints';
import { useApi, type ApiState } from '../api/hooks';
import { postUrl, ROUTES } from '../lib/routes';
import { PostCard } from './PostCard';
import './Recommendations.css';

/** Asked for at first: enough to know whether there are more than the few shown. */
const FIRST_LIMIT = 5;
/** Shown before 看全部推荐. */
const SHOWN_FIRST = 3;
const ALL_LIMIT = 20;

export type Feed = { kind: 'no-record' } | { kind: 'matches'; list: MatchList<PostMatch> };

export interface RecommendationsState {
  /** False for anyone but a logged-in seeker: nothing is shown or asked for. */
  enabled: boolean;
  feed: ApiState<Feed | null>;
  expanded: boolean;
  setExpanded: (on: boolean) => void;
}

/**
 * 为你推荐 for a logged-in seeker: their record's id (GET /me/profile; 404 = no record yet), then
 * the posts matched to it. With `coords` (only once the seeker chose 离我最近 on the list, so
 * nobody is asked for their position on load) distances are measured from where they are.
 */
export function useRecommendations(user: AuthUser | null, coords?: { lat: number; lng: number }): RecommendationsState {
  const enabled = user?.role === 'seeker';
  const [expanded, setExpanded] = useState(false);
  // A record's id never changes; "no record yet" is asked again on every load (they may have made one).
  const residentId = useRef<{ userId: string; id: string } | null>(null);

  const feed = useApi<Feed | null>(async () => {
    if (!user || !enabled) return null;
    let id = residentId.current?.userId === user.id ? residentId.current.id : null;
    if (!id) {
      try {
        id = (await api.myProfile({ toast: false })).id;
      } catch (e) {
        if (e instanceof ApiRequestError && e.statusCode === 404) return { kind: 'no-record' };
        throw e;
      }
      residentId.current = { userId: user.id, id };
    }
    const list = await api.matchPosts(
      id,
      { limit: expanded ? ALL_LIMIT : FIRST_LIMIT, lat: coords?.lat, lng: coords?.lng },
      { toast: false },
    );
    return { kind: 'matches', list };
  }, [user?.id, enabled, expanded, coords?.lat, coords?.lng]);

  return { enabled, feed, expanded, setExpanded };
}

const openPost = (id: string) => void Taro.navigateTo({ url: postUrl(id) });

/** No record yet: one friendly way to make one. */
function Invite() {
  return (
    <View className='zg-card rec-invite'>
      <View className='rec-invite-title'>
        填写求职信息，<Text className='rec-keep'>我们帮您找合适的工作</Text>
      </View>
      <View className='zg-text rec-invite-text'>写上会干什么活、想干什么活，这里就会推荐适合您的岗位。</View>
      <Button className='zg-btn zg-btn-block' onClick={() => void Taro.navigateTo({ url: ROUTES.profile })}>
        去填写求职信息
      </Button>
    </View>
  );
}

/** The 为你推荐 block at the top of 找工作 (or 附近的新岗位 when personalised recommendations are off). */
export function Recommendations({ state }: { state: RecommendationsState }) {
  const { enabled, feed, expanded, setExpanded } = state;
  if (!enabled) return null;
  const data = feed.data;

  if (!data) {
    if (feed.error) {
      return (
        <View className='zg-card rec-error'>
          <View className='zg-text'>推荐的岗位没有加载出来：{feed.error.message}</View>
          <Button className='zg-btn zg-btn-ghost zg-btn-block rec-more' onClick={() => void feed.reload()}>
            再试一次
          </Button>
        </View>
      );
    }
    return feed.loading ? <View className='rec-loading zg-small'>正在为您挑选岗位…</View> : null;
  }
  if (data.kind === 'no-record') return <Invite />;

  const { items, personalized } = data.list;
  const shown = expanded ? items : items.slice(0, SHOWN_FIRST);
  const canExpand = !expanded && items.length > SHOWN_FIRST;

  return (
    <View className='rec'>
      <View className='rec-head'>
        <View className='rec-title'>{personalized ? '为你推荐' : '附近的新岗位'}</View>
        <View className='zg-small'>
          {personalized ? '按您的求职信息挑的' : '您已关闭个性化推荐，可在「我的」里打开'}
        </View>
      </View>
      {items.length === 0 ? (
        <View className='zg-card rec-empty'>
          <View className='zg-text'>
            {personalized ? '暂时没有特别合适的岗位。把会干的活、想干的活填全一些，推荐会更准。' : '附近暂时没有新岗位，看看下面的全部岗位。'}
          </View>
          {personalized ? (
            <Button className='zg-btn zg-btn-ghost zg-btn-block rec-more' onClick={() => void Taro.navigateTo({ url: ROUTES.profile })}>
              看看我的求职信息
            </Button>
          ) : null}
        </View>
      ) : (
        shown.map((m) => (
          <PostCard
            key={m.postId}
            post={m.post}
            compact
            reasons={m.reasons}
            onOpen={() => openPost(m.postId)}
          />
        ))
      )}
      {canExpand || expanded ? (
        <View className='rec-foot'>
          <Button
            className={`zg-btn zg-btn-ghost zg-btn-block rec-more${feed.loading ? ' zg-btn-disabled' : ''}`}
            disabled={feed.loading || undefined}
            onClick={() => setExpanded(!expanded)}
          >
            {feed.loading ? '正在加载…' : expanded ? '收起推荐' : personalized ? '看全部推荐' : '看更多附近的岗位'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
