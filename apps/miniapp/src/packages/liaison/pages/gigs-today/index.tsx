import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { GIG_SIGNUP_STATUS_LABELS, type AuthUser, type GigSignupItem } from '@zaogong/shared';
import { api } from '../../../../api/endpoints';
import { useApi } from '../../../../api/hooks';
import { CallButton } from '../../../../components/CallButton';
import { ConfirmSheet } from '../../../../components/ConfirmSheet';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { addDays, chinaToday, clockText } from '../../../../lib/gigs';
import { residentUrl } from '../../../../lib/routes';
import { LiftPauseSheet } from '../../components/HelpGigSignup';
import './index.css';

/** The no-show rule (the API's): 3 in 30 days pause sign-ups for 7 days. */
const NO_SHOW_LIMIT = 3;
const NO_SHOW_WINDOW_DAYS = 30;

interface Paused {
  residentId: string;
  name: string;
  villageName: string | null;
  noShows: number;
}

/** People of the area with 3 or more no-shows in the last 30 days: their sign-ups are likely paused. */
function pausedOf(items: GigSignupItem[], today: string): Paused[] {
  const since = addDays(today, -NO_SHOW_WINDOW_DAYS);
  const by = new Map<string, Paused>();
  for (const s of items) {
    if (s.status !== 'no_show' || s.date < since) continue;
    const p = by.get(s.resident.id) ?? { residentId: s.resident.id, name: s.resident.name, villageName: s.resident.villageName, noShows: 0 };
    p.noShows += 1;
    by.set(s.resident.id, p);
  }
  return [...by.values()].filter((p) => p.noShows >= NO_SHOW_LIMIT);
}

function GigsToday({ user }: { user: AuthUser }) {
  const today = chinaToday();
  const list = useApi(() => api.gigSignups({ date: today, limit: 100 }, { toast: false }), [user.id, today]);
  const recent = useApi(() => api.gigSignups({ limit: 100 }, { toast: false }), [user.id]);
  const tomorrow = addDays(today, 1);
  const free = useApi(() => api.freeWorkers(tomorrow, { toast: false }), [user.id, tomorrow]);
  const [allFree, setAllFree] = useState(false);
  const [vouching, setVouching] = useState<GigSignupItem>();
  const [lifting, setLifting] = useState<Paused>();
  const reload = () => Promise.all([list.reload(), recent.reload()]);
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (list.loading && !list.data) return <StateView title='正在加载…' />;
  if (list.error || !list.data) return <StateView title='没有加载出来' body={list.error?.message} actionText='再试一次' onAction={() => void reload()} />;
  const items = list.data.items.filter((s) => s.status !== 'cancelled');
  const paused = pausedOf(recent.data?.items ?? [], today);
  return (
    <View>
      <View className='gt-head zg-small'>今天报了零工的村民（{items.length}人次）。人到了现场、手机扫不了码的，您在现场可以“作证上工”。</View>
      {items.length === 0 ? <StateView title='今天没有村民报零工' /> : null}
      {items.map((s) => (
        <View key={s.id} className='zg-card gt-card'>
          <View className='zg-row'>
            <View className='zg-grow gt-name' onClick={() => void Taro.navigateTo({ url: residentUrl(s.resident.id) })} aria-role='link'>
              {s.resident.name}
              {s.resident.villageName ? <Text className='gt-village'> {s.resident.villageName}</Text> : null}
            </View>
            <Text className={s.status === 'checked_in' || s.status === 'checked_out' ? 'gt-status gt-status-done' : s.status === 'confirmed' || s.status === 'waitlisted' ? 'gt-status' : 'gt-status gt-status-off'}>{GIG_SIGNUP_STATUS_LABELS[s.status]}</Text>
          </View>
          <View className='gt-post'>
            {s.postTitle} · {clockText(s.workStartTime)}开工
          </View>
          <View className='zg-small'>
            {s.employerName}
            {s.address ? `，${s.address}` : ''}
          </View>
          {s.checkInVouchedBy ? <View className='zg-small gt-vouched'>已作证上工</View> : null}
          {s.status === 'confirmed' ? (
            <Button className='zg-btn zg-btn-block gt-vouch' onClick={() => setVouching(s)}>
              作证上工
            </Button>
          ) : null}
        </View>
      ))}

      {free.data ? (
        <View className='zg-card gt-free'>
          <View className='zg-card-title'>明天有空的人（{free.data.items.length}）</View>
          <View className='zg-small'>正在找工作、明天还没报零工的村民。有人家要帮工，可以打电话问问，或点名字帮TA报零工。</View>
          {(allFree ? free.data.items : free.data.items.slice(0, 5)).map((w) => (
            <View key={w.id} className='zg-row gt-free-row'>
              <View className='zg-grow' onClick={() => void Taro.navigateTo({ url: residentUrl(w.id) })} aria-role='link'>
                <View className='gt-name'>
                  {w.name}
                  {w.wantsGigs ? <Text className='zg-tag zg-tag-ok gt-free-tag'>愿意干零工</Text> : null}
                </View>
                <View className='zg-small'>
                  {w.villageName ?? ''} {w.daysWorked ? `干过${w.daysWorked}天` : '还没干过零工'}
                  {w.noShows ? `，没来${w.noShows}次` : ''}
                </View>
              </View>
              <CallButton compact fetchPhone={() => api.callResident(w.id, { toast: false })} />
            </View>
          ))}
          {!allFree && free.data.items.length > 5 ? (
            <View className='gt-more' onClick={() => setAllFree(true)} aria-role='button'>
              查看全部 {free.data.items.length} 人
            </View>
          ) : null}
        </View>
      ) : null}

      {paused.length > 0 ? (
        <View className='zg-card gt-paused'>
          <View className='zg-card-title'>被暂停报名的人</View>
          <View className='zg-small'>最近30天报了3次没去的，7天不能报零工。问清楚原因、确实有特殊情况的，可以恢复。</View>
          {paused.map((p) => (
            <View key={p.residentId} className='zg-row gt-paused-row'>
              <View className='zg-grow'>
                <View className='gt-name'>{p.name}</View>
                <View className='zg-small'>
                  {p.villageName ?? ''} 最近{p.noShows}次没去
                </View>
              </View>
              <Button className='zg-btn zg-btn-ghost gt-lift' onClick={() => setLifting(p)}>
                恢复报名
              </Button>
            </View>
          ))}
        </View>
      ) : null}

      {vouching ? (
        <ConfirmSheet
          title={`为${vouching.resident.name}作证上工`}
          submitText='作证上工'
          field={{
            label: '您在现场看到的（记进操作记录）',
            required: true,
            minLength: 2,
            maxLength: 200,
            presets: ['我在现场，本人到了'],
            placeholder: '例如：我在现场，本人到了',
            requiredMessage: '请写一句您在现场看到的（至少2个字）',
          }}
          onClose={() => setVouching(undefined)}
          onSubmit={async (note) => {
            await api.gigCheckIn({ signupId: vouching.id, note }, { toast: false });
            setVouching(undefined);
            void Taro.showToast({ title: '已上工', icon: 'success', duration: 1500 });
            void list.reload();
          }}
        >
          <View>
            {vouching.postTitle}，{vouching.employerName}。只有您本人在现场、看到TA到了，才能作证。
          </View>
        </ConfirmSheet>
      ) : null}
      {lifting ? (
        <LiftPauseSheet
          residentId={lifting.residentId}
          name={lifting.name}
          onClose={() => setLifting(undefined)}
          onLifted={() => {
            setLifting(undefined);
            void Taro.showToast({ title: '已恢复报名', icon: 'success', duration: 1500 });
          }}
        />
      ) : null}
    </View>
  );
}

/** 今天的零工 (联络员 as 零工驿站): today's sign-ups of the area's villagers, 作证上工, and 恢复报名 for a paused person. */
export default function LiaisonGigsTodayPage() {
  return (
    <PageShell>
      <RoleGate role='liaison'>{(user) => <GigsToday user={user} />}</RoleGate>
    </PageShell>
  );
}
