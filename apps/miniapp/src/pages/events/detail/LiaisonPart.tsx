import { useState } from 'react';
import { Button, Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AuthUser, EventDetail, EventSignupItem, ResidentItem } from '@zaogong/shared';
import { ApiRequestError } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { eventsApi } from '../../../api/events';
import { useApi } from '../../../api/hooks';
import { Sheet } from '../../../components/Sheet';
import { eventDoorUrl, myEventsUrl, spacedCode } from '../../../lib/events';

/** 帮村民报名: find a resident of the liaison's area by name (or phone) and sign them up in one tap. */
function HelpSheet({ ev, onClose, onDone }: { ev: EventDetail; onClose: () => void; onDone: () => void }) {
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const people = useApi(() => api.listResidents({ q: q || undefined, limit: 30 }, { toast: false }), [q]);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState('');
  const [done, setDone] = useState<{ r: ResidentItem; s: EventSignupItem }>();

  const signUp = async (r: ResidentItem) => {
    if (busy) return;
    setBusy(r.id);
    setError('');
    try {
      setDone({ r, s: await eventsApi.signUp(ev.id, r.id, { toast: false }) });
      onDone();
    } catch (e) {
      setError(e instanceof ApiRequestError ? (e.statusCode === 409 ? `${r.name}已经报过名了：${e.message}` : e.message) : '没有报上，请再试一次');
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Sheet title='帮村民报名' onClose={onClose}>
      {done ? (
        <View className='evd-help-done'>
          <View className={done.s.status === 'waitlisted' ? 'evd-help-done-title evd-help-wait' : 'evd-help-done-title'}>
            {done.s.status === 'waitlisted' ? `名额满了，${done.r.name}排队第${done.s.waitlistPosition ?? 1}个` : `✓ ${done.r.name}报上了`}
          </View>
          {done.s.status === 'registered' ? (
            <View>
              <View className='zg-small'>{done.r.name}的票号：</View>
              <View className='evd-help-code'>{spacedCode(done.s.ticketCode)}</View>
              <View className='zg-text'>告诉TA（抄在纸上也行），到了门口念给工作人员。在“村民的电子票”里也能看到。</View>
            </View>
          ) : null}
          <Button className='zg-btn zg-btn-ghost zg-btn-block evd-help-again' onClick={() => setDone(undefined)}>
            再帮一个人报名
          </Button>
        </View>
      ) : (
        <View>
          <View className='zg-row evd-help-search'>
            <Input
              className='zg-input zg-grow'
              type='text'
              value={draft}
              placeholder='名字或手机号'
              confirmType='search'
              onInput={(e) => setDraft(e.detail.value)}
              onConfirm={() => setQ(draft.trim())}
            />
            <Button className='zg-btn evd-help-find' onClick={() => setQ(draft.trim())}>
              找
            </Button>
          </View>
          {error ? <View className='zg-error'>{error}</View> : null}
          {people.loading && !people.data ? <View className='zg-small evd-help-note'>正在找…</View> : null}
          {people.error ? <View className='zg-error'>{people.error.message}</View> : null}
          {people.data && people.data.items.length === 0 ? <View className='zg-text evd-help-note'>没找到。换个名字试试，或者先在“登记居民”里登记。</View> : null}
          {(people.data?.items ?? []).map((r) => (
            <View key={r.id} className='zg-row evd-help-person'>
              <View className='zg-grow'>
                <View className='evd-help-name'>{r.name}</View>
                <View className='zg-small'>
                  {r.villageName ?? ''} {r.phone}
                </View>
              </View>
              <Button className={busy ? 'zg-btn evd-help-go zg-btn-disabled' : 'zg-btn evd-help-go'} disabled={Boolean(busy) || undefined} onClick={() => void signUp(r)}>
                {busy === r.id ? '正在报…' : '报名'}
              </Button>
            </View>
          ))}
        </View>
      )}
    </Sheet>
  );
}

/** A liaison on the event: sign up villagers without a smartphone, see their tickets, and the door list of their 镇街's events. */
export function LiaisonPart({ ev, user, onChanged }: { ev: EventDetail; user: AuthUser; onChanged: () => void }) {
  const [helping, setHelping] = useState(false);
  const open = ev.phase === 'upcoming' || ev.phase === 'ongoing';
  if (ev.kind !== 'onsite') return null;
  return (
    <View className='zg-card evd-liaison'>
      <View className='zg-card-title'>帮村民报名</View>
      <View className='zg-small'>村民没有智能手机的，您替TA报名，把8位票号告诉TA（抄在纸上也行）。</View>
      {open ? (
        <Button className='zg-btn zg-btn-block evd-help' onClick={() => setHelping(true)}>
          帮村民报名
        </Button>
      ) : null}
      <Button className='zg-btn zg-btn-ghost zg-btn-block evd-help-list' onClick={() => void Taro.navigateTo({ url: myEventsUrl(ev.id) })}>
        村民的电子票
      </Button>
      {!ev.townCode || (user.regionCode ?? '').startsWith(ev.townCode) ? (
        <Button className='zg-btn zg-btn-ghost zg-btn-block evd-help-door' onClick={() => void Taro.navigateTo({ url: eventDoorUrl(ev.id) })}>
          验票入场、入场名单
        </Button>
      ) : null}
      {helping ? <HelpSheet ev={ev} onClose={() => setHelping(false)} onDone={onChanged} /> : null}
    </View>
  );
}
