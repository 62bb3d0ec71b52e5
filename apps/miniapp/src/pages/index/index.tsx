import { useState } from 'react';
import { Button, Input, ScrollView, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { DISTRICT_CODE, POST_TYPE_LABELS, POST_TYPES, type PostType } from '@zaogong/shared';
import { useRegions, usePostList } from '../../api/hooks';
import { Chip } from '../../components/Chip';
import { PageShell } from '../../components/PageShell';
import { PostCard } from '../../components/PostCard';
import { StateView } from '../../components/StateView';
import { postUrl } from '../../lib/routes';
import './index.css';

/** 找工作: the public list of published posts. The first screen; no login needed. */
export default function IndexPage() {
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [townCode, setTownCode] = useState<string>();
  const [type, setType] = useState<PostType>();
  const towns = useRegions(DISTRICT_CODE);
  const list = usePostList({ q: q || undefined, townCode, type });

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });

  const search = () => setQ(draft.trim());
  const filtered = Boolean(q || townCode || type);
  const clearFilters = () => {
    setDraft('');
    setQ('');
    setTownCode(undefined);
    setType(undefined);
  };

  return (
    <PageShell>
      <View className='search-bar zg-row'>
        <Input
          className='zg-input search-input'
          type='text'
          confirmType='search'
          placeholder='搜工作，如：普工'
          value={draft}
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={search}
        />
        <Button className='zg-btn search-btn' onClick={search}>
          搜索
        </Button>
      </View>

      <View className='filter-label'>在哪里干</View>
      <ScrollView scrollX className='zg-chips' enhanced showScrollbar={false}>
        <Chip label='全部镇街' on={!townCode} onTap={() => setTownCode(undefined)} />
        {(towns.data ?? []).map((t) => (
          <Chip key={t.code} label={t.name} on={townCode === t.code} onTap={() => setTownCode(t.code)} />
        ))}
        <View className='zg-chips-end' />
      </ScrollView>

      <View className='filter-label'>怎么干</View>
      <ScrollView scrollX className='zg-chips' enhanced showScrollbar={false}>
        <Chip label='全部' on={!type} onTap={() => setType(undefined)} />
        {POST_TYPES.map((t) => (
          <Chip key={t} label={POST_TYPE_LABELS[t]} on={type === t} onTap={() => setType(t)} />
        ))}
        <View className='zg-chips-end' />
      </ScrollView>

      {list.loading && list.items.length === 0 ? (
        <StateView title='正在加载岗位…' />
      ) : list.error ? (
        <StateView title='岗位没有加载出来' body={list.error.message} actionText='再试一次' onAction={() => void list.refresh()} />
      ) : list.items.length === 0 ? (
        <StateView
          title={filtered ? '没有找到合适的岗位' : '现在还没有岗位'}
          body={filtered ? '换个镇街或工作类型试试，也可以少写几个字再搜。' : '新岗位审核通过后会出现在这里，过几天再来看看。'}
          actionText={filtered ? '看全部岗位' : '刷新'}
          onAction={filtered ? clearFilters : () => void list.refresh()}
        />
      ) : (
        <View>
          <View className='list-head zg-small'>{filtered ? '按您的条件找到的岗位' : '最新发布的岗位'}</View>
          {list.items.map((post) => (
            <PostCard key={post.id} post={post} onOpen={(p) => void Taro.navigateTo({ url: postUrl(p.id) })} />
          ))}
          <View className='list-foot'>
            {list.loadingMore ? (
              <View className='zg-small'>正在加载更多…</View>
            ) : list.hasMore ? (
              <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void list.loadMore()}>
                看更多岗位
              </Button>
            ) : (
              <View className='zg-small'>已经到底了，共{list.items.length}个岗位</View>
            )}
          </View>
        </View>
      )}
    </PageShell>
  );
}
