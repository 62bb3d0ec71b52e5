import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { monthDayText, type GigItem, type GigSignupItem, type ResidentItem } from '@zaogong/shared';
import { ApiRequestError } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { useApi } from '../../../api/hooks';
import { Chip } from '../../../components/Chip';
import { ConfirmSheet } from '../../../components/ConfirmSheet';
import { GigCard } from '../../../components/GigCard';
import { Sheet } from '../../../components/Sheet';
import { clockText, dayText, GIG_DAY_WORDS, gigDate } from '../../../lib/gigs';
import './HelpGigSignup.css';

/** The API's refusal of a person paused for no-shows names them as such. */
const PAUSED = /报了没去/;

/** 恢复报名: the liaison heard the person out (a no-show pause of 7 days is lifted, with the reason). */
export function LiftPauseSheet({ residentId, name, onClose, onLifted }: { residentId: string; name: string; onClose: () => void; onLifted: () => void }) {
  return (
    <ConfirmSheet
      title={`恢复${name}的零工报名`}
      submitText='恢复报名'
      field={{
        label: '为什么恢复（记进操作记录）',
        required: true,
        minLength: 2,
        maxLength: 200,
        presets: ['家里有急事，已经说明', '生病了没去成，已核实'],
        placeholder: '例如：家里老人住院，已核实',
        requiredMessage: '请写明为什么恢复（至少2个字）',
      }}
      onClose={onClose}
      onSubmit={async (note) => {
        await api.liftGigPause(residentId, note, { toast: false });
        onLifted();
      }}
    >
      <View>最近30天里报了3次没去，会暂停7天不能报零工。问清楚原因、确实有特殊情况的，可以恢复。</View>
    </ConfirmSheet>
  );
}

/** The sheet: a day, the gigs near the resident's 村 on it, one tap to sign them up. */
function PickSheet({ r, onClose }: { r: ResidentItem; onClose: () => void }) {
  const [offset, setOffset] = useState(1);
  const date = gigDate(offset);
  const gigs = useApi(() => api.listGigs({ date, villageCode: r.villageCode, limit: 20 }, { toast: false }), [date, r.villageCode]);
  const [busy, setBusy] = useState<string>();
  const [done, setDone] = useState<GigSignupItem>();
  const [error, setError] = useState('');
  const [lifting, setLifting] = useState(false);

  const signUp = async (item: GigItem) => {
    if (busy) return;
    setBusy(item.post.id);
    setError('');
    try {
      setDone(await api.gigSignUp(item.post.id, { date, residentId: r.id }, { toast: false }));
      void gigs.reload();
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有报上，请再试一次');
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      <Sheet title={`帮${r.name}报零工`} onClose={onClose}>
        <View className='hg-sheet'>
          {done ? (
            <View className='hg-done'>
              <View className={done.status === 'waitlisted' ? 'hg-done-title hg-done-wait' : 'hg-done-title'}>
                {done.status === 'waitlisted' ? `已满，排队第${done.waitPosition ?? 1}个` : `✓ 报上了，${clockText(done.workStartTime)}开工`}
              </View>
              <View className='zg-text'>
                {dayText(done.date)}「{done.postTitle}」，{done.employerName}。记得告诉{r.name}。
              </View>
              <Button className='zg-btn zg-btn-ghost zg-btn-block hg-again' onClick={() => setDone(undefined)}>
                再报一个
              </Button>
            </View>
          ) : (
            <View>
              <View className='zg-row-wrap hg-days'>
                {GIG_DAY_WORDS.map((word, i) => (
                  <Chip
                    key={word}
                    label={`${word} ${monthDayText(gigDate(i))}`}
                    on={i === offset}
                    onTap={() => {
                      setOffset(i);
                      setError('');
                    }}
                  />
                ))}
              </View>
              {error ? (
                <View className='zg-error hg-error'>
                  {error}
                  {PAUSED.test(error) ? (
                    <Button className='zg-btn zg-btn-ghost zg-btn-block hg-lift' onClick={() => setLifting(true)}>
                      问清楚了，恢复报名
                    </Button>
                  ) : null}
                </View>
              ) : null}
              {gigs.loading && !gigs.data ? <View className='zg-small hg-note'>正在找{r.villageName ?? '村'}附近的零工…</View> : null}
              {gigs.error ? <View className='zg-error'>{gigs.error.message}</View> : null}
              {gigs.data && gigs.data.items.length === 0 ? <View className='zg-text hg-note'>{GIG_DAY_WORDS[offset]}附近还没有零工，换一天看看。</View> : null}
              {(gigs.data?.items ?? []).map((item) => (
                <GigCard key={item.post.id} item={item}>
                  <Button className={busy ? 'zg-btn zg-btn-block hg-signup zg-btn-disabled' : 'zg-btn zg-btn-block hg-signup'} disabled={Boolean(busy) || undefined} onClick={() => void signUp(item)}>
                    {busy === item.post.id ? '正在报名…' : `帮TA报${GIG_DAY_WORDS[offset]}`}
                  </Button>
                </GigCard>
              ))}
            </View>
          )}
        </View>
      </Sheet>
      {lifting ? (
        <LiftPauseSheet
          residentId={r.id}
          name={r.name}
          onClose={() => setLifting(false)}
          onLifted={() => {
            setLifting(false);
            setError('');
            void Taro.showToast({ title: '已恢复报名', icon: 'success', duration: 1500 });
          }}
        />
      ) : null}
    </>
  );
}

/** 帮TA报零工, on a resident's page: for a villager without a smartphone, the liaison signs them up. */
export function HelpGigSignup({ r }: { r: ResidentItem }) {
  const [open, setOpen] = useState(false);
  return (
    <View className='zg-section hg'>
      <Button className='zg-btn zg-btn-ghost zg-btn-block hg-open' onClick={() => setOpen(true)}>
        帮TA报零工
      </Button>
      <View className='zg-small hg-open-note'>挑一个离TA村近的零工和日子，一点就报上</View>
      {open ? <PickSheet r={r} onClose={() => setOpen(false)} /> : null}
    </View>
  );
}
