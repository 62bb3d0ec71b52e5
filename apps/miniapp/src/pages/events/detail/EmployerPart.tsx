import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { EVENT_EMPLOYER_STATUS_LABELS, type EventDetail } from '@zaogong/shared';
import { ApiRequestError } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { eventsApi } from '../../../api/events';
import { useApi } from '../../../api/hooks';
import { Sheet, SheetOption } from '../../../components/Sheet';
import { ROUTES } from '../../../lib/routes';
import { payText } from './Booths';

/** 带岗位参加: the employer's published posts, several may be chosen; sent for the organiser's review. */
function JoinSheet({ ev, onClose, onDone }: { ev: EventDetail; onClose: () => void; onDone: () => void }) {
  const posts = useApi(() => api.myPosts({ status: 'published', limit: 50 }, { toast: false }), []);
  const [chosen, setChosen] = useState<string[]>(() => ev.myEmployer?.posts.map((p) => p.id) ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const items = posts.data?.items ?? [];

  const send = async () => {
    if (chosen.length === 0) return setError('请至少选一个岗位');
    setBusy(true);
    setError('');
    try {
      await eventsApi.join(ev.id, chosen, { toast: false });
      onDone();
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有提交成功，请再试一次');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Sheet
      title='带哪些岗位去？（可多选）'
      onClose={onClose}
      footer={
        <>
          {error ? <View className='zg-error evd-join-error'>{error}</View> : null}
          <Button
            className={busy || items.length === 0 ? 'zg-btn zg-btn-block evd-join-send zg-btn-disabled' : 'zg-btn zg-btn-block evd-join-send'}
            disabled={busy || items.length === 0 || undefined}
            onClick={() => void send()}
          >
            {busy ? '正在提交…' : `带${chosen.length}个岗位参加`}
          </Button>
        </>
      }
    >
      <View className='zg-sheet-note'>只能带正在招人的岗位。主办方审核通过后，会给您展位号。</View>
      {posts.loading && !posts.data ? <View className='zg-small'>正在加载您的岗位…</View> : null}
      {posts.error ? <View className='zg-error'>{posts.error.message}</View> : null}
      {posts.data && items.length === 0 ? (
        <View>
          <View className='zg-text evd-join-empty'>您还没有正在招人的岗位，先发布一个，审核通过后再来。</View>
          <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void Taro.navigateTo({ url: ROUTES.postForm })}>
            发布岗位
          </Button>
        </View>
      ) : null}
      {items.map((p) => (
        <SheetOption
          key={p.id}
          multi
          label={p.title}
          desc={`${payText(p)}，招${p.headcount}人`}
          on={chosen.includes(p.id)}
          onTap={() => {
            setError('');
            setChosen((prev) => (prev.includes(p.id) ? prev.filter((x) => x !== p.id) : [...prev, p.id]));
          }}
        />
      ))}
    </Sheet>
  );
}

/** An employer on the event: where its request stands (待审核 / 展位号 / why not), and 带岗位参加. */
export function EmployerPart({ ev, onChanged }: { ev: EventDetail; onChanged: () => void }) {
  const [joining, setJoining] = useState(false);
  const mine = ev.myEmployer;
  const open = ev.phase === 'upcoming' || ev.phase === 'ongoing';
  const canAsk = open && (!mine || mine.status === 'rejected' || mine.status === 'withdrawn');
  if (!mine && !open) return null;
  return (
    <View className='zg-card evd-employer'>
      <View className='zg-card-title'>企业参会</View>
      {mine ? (
        <View className={`evd-mine evd-mine-${mine.status}`}>
          <View className='evd-mine-status'>
            {mine.status === 'approved' ? `✓ 已通过，您的展位：${mine.booth ?? '待定'}` : mine.status === 'pending' ? '已提交，等主办方审核' : EVENT_EMPLOYER_STATUS_LABELS[mine.status]}
          </View>
          {mine.reason ? <View className='zg-text'>原因：{mine.reason}</View> : null}
          <View className='zg-small evd-mine-posts'>带去的岗位：{mine.posts.map((p) => p.title).join('、') || '无'}</View>
          {mine.status === 'approved' ? <View className='zg-small'>求职者在展位上点“我要应聘”，就会出现在您的“报名的人”里。</View> : null}
        </View>
      ) : (
        <View className='zg-text'>带上您正在招人的岗位参加，求职者在现场就能当面应聘。</View>
      )}
      {canAsk ? (
        <Button className='zg-btn zg-btn-block evd-join' onClick={() => setJoining(true)}>
          {mine ? '换岗位再申请' : '带岗位参加'}
        </Button>
      ) : null}
      {joining ? (
        <JoinSheet
          ev={ev}
          onClose={() => setJoining(false)}
          onDone={() => {
            setJoining(false);
            void Taro.showToast({ title: '已提交，等审核', icon: 'success', duration: 1500 });
            onChanged();
          }}
        />
      ) : null}
    </View>
  );
}
