import { useEffect, useRef, useState } from 'react';
import { Button, ScrollView, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { monthDayText, type AuthUser, type GigSignupItem, type JobPostingItem } from '@zaogong/shared';
import { ApiRequestError } from '../../api/client';
import { api } from '../../api/endpoints';
import { useApi } from '../../api/hooks';
import { Chip } from '../../components/Chip';
import { Sheet } from '../../components/Sheet';
import { addDays, chinaToday, clockText, dayText, DEFAULT_WORK_START, GIG_ROUTES, gigPostUrl, spotsText, startOf } from '../../lib/gigs';
import { loginUrl, ROUTES } from '../../lib/routes';
import { FirstTimeFields, firstTimeOf, saveQuickRecord, type FirstTime, type FirstTimeErrors } from './FirstTimeFields';
import './GigSignup.css';

/** At most this many days are offered (a long run is picked a week at a time). */
const DAYS_SHOWN = 7;
const ACTIVE = ['confirmed', 'waitlisted', 'checked_in', 'checked_out'];

/** The post's working days that still take sign-ups (before that day's start), the first few. */
export function openDays(post: Pick<JobPostingItem, 'startDate' | 'endDate' | 'workStartTime'>, now: number = Date.now()): string[] {
  if (!post.startDate) return [];
  const last = post.endDate && post.endDate > post.startDate ? post.endDate : post.startDate;
  const out: string[] = [];
  for (let d = post.startDate > chinaToday(now) ? post.startDate : chinaToday(now); d <= last && out.length < DAYS_SHOWN; d = addDays(d, 1)) {
    if (now < startOf(d, post.workStartTime)) out.push(d);
  }
  return out;
}

const openMine = () => void Taro.navigateTo({ url: GIG_ROUTES.mine });

/** Where one day's sign-up stands, in the words the person needs: 报上了 and when, or their place in the queue. */
function Result({ s, post, justNow }: { s: GigSignupItem; post: JobPostingItem; justNow: boolean }) {
  const start = clockText(post.workStartTime ?? DEFAULT_WORK_START);
  const title =
    s.status === 'waitlisted'
      ? `排队第${s.waitPosition ?? 1}个，补上了会通知您`
      : s.status === 'confirmed'
        ? `✓ 报上了，${start}开工`
        : s.status === 'checked_in'
          ? '✓ 已上工'
          : '✓ 已收工';
  return (
    <View className='zg-row gs-done'>
      <View className='zg-grow'>
        <View className={s.status === 'waitlisted' ? 'gs-done-title gs-done-wait' : 'gs-done-title'}>{title}</View>
        <View className='zg-small'>
          {dayText(s.date)}
          {justNow && s.status === 'confirmed' ? '，去不了请提前取消' : ''}
        </View>
      </View>
      <Button className='zg-btn zg-btn-ghost gs-mine' onClick={openMine}>
        我的零工
      </Button>
    </View>
  );
}

interface Props {
  post: JobPostingItem;
  user: AuthUser | null;
  /** `date` in the page's query: the day the list was showing. */
  date?: string;
  /** `signup=1`: the visitor tapped 报名 and went to log in first. */
  signupOnReturn: boolean;
}

/**
 * The bar at the bottom of a 零工: pick the day, tap 报名 — that is all. The first time, name, phone and
 * 村 are asked in a sheet (the same questions as a first application). A liaison signs villagers up
 * from their page.
 */
export function GigSignup({ post, user, date, signupOnReturn }: Props) {
  const seeker = user?.role === 'seeker';
  const days = openDays(post);
  const [picked, setPicked] = useState(() => (date && days.includes(date) ? date : days[0]));
  // The person's record and their sign-ups to this post (kept with whose they are).
  const mineState = useApi(
    async () => {
      if (!seeker) return { userId: user?.id ?? null, hasRecord: false, mine: [] as GigSignupItem[] };
      const [signups, hasRecord] = await Promise.all([
        api.gigSignups({ limit: 50 }, { toast: false }).then(
          (p) => p.items,
          (e: unknown) => (e instanceof ApiRequestError && e.statusCode === 404 ? [] : Promise.reject(e)),
        ),
        api.myProfile({ toast: false }).then(
          () => true,
          (e: unknown) => (e instanceof ApiRequestError && e.statusCode === 404 ? false : Promise.reject(e)),
        ),
      ]);
      return { userId: user?.id ?? null, hasRecord, mine: signups.filter((s) => s.postId === post.id && ACTIVE.includes(s.status)) };
    },
    [post.id, user?.id, seeker],
  );
  const known = mineState.data && mineState.data.userId === (user?.id ?? null) ? mineState.data : mineState.error && !mineState.loading ? { userId: user?.id ?? null, hasRecord: true, mine: [] } : undefined;
  // The places left on the picked day, from the list (nothing is shown when it cannot be had).
  const day = useApi(async () => {
    if (!picked) return null;
    const page = await api.listGigs({ date: picked, townCode: post.townCode, limit: 50 }, { toast: false });
    return page.items.find((i) => i.post.id === post.id)?.dates.find((d) => d.date === picked) ?? null;
  }, [post.id, picked]);

  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState<GigSignupItem>();
  const [first, setFirst] = useState<FirstTime>();
  const [firstErrors, setFirstErrors] = useState<FirstTimeErrors>({});
  const [asking, setAsking] = useState(false);
  const signOnReturn = useRef(signupOnReturn);
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current && seeker) void mineState.reload();
    seen.current = true;
  });

  const existing = done && done.date === picked ? done : known?.mine.find((s) => s.date === picked);

  const send = async () => {
    if (busy || !picked || !user) return;
    setBusy(true);
    setError('');
    try {
      if (known && !known.hasRecord) {
        if (!first) {
          setFirst(firstTimeOf(user));
          setAsking(true);
          return;
        }
        const errors = await saveQuickRecord(first, user, [post.occupationCode]);
        setFirstErrors(errors ?? {});
        if (errors) return;
      }
      const s = await api.gigSignUp(post.id, { date: picked }, { toast: false });
      setAsking(false);
      setDone(s);
      void mineState.reload();
      void day.reload();
      void Taro.showToast({ title: s.status === 'confirmed' ? '报上了' : '已排队', icon: 'success', duration: 1500 });
    } catch (e) {
      setAsking(false);
      if (e instanceof ApiRequestError && e.statusCode === 409 && 'existingId' in e.body) void mineState.reload();
      setError(e instanceof ApiRequestError ? e.message : '没有报上，请再试一次');
    } finally {
      setBusy(false);
    }
  };

  // Back from login with the day chosen: go on with what the visitor tapped.
  useEffect(() => {
    if (!signOnReturn.current || !seeker || !known) return;
    signOnReturn.current = false;
    if (!existing) void send();
  }, [seeker, known]);

  if (days.length === 0) {
    return <View className='post-action-note post-action-only'>这个零工已经没有能报名的日子了</View>;
  }
  if (user && user.role === 'liaison') {
    return (
      <View>
        <View className='post-action-note'>帮村民报零工：在居民名单里点开这个人，再点“帮TA报零工”</View>
        <Button className='zg-btn zg-btn-block post-apply' onClick={() => void Taro.navigateTo({ url: ROUTES.residents })}>
          去居民名单
        </Button>
      </View>
    );
  }
  if (user && !seeker) {
    return <View className='post-action-note post-action-only'>用求职者身份登录后才能报名</View>;
  }

  const spots = day.data ? spotsText(day.data) : '';
  const full = Boolean(day.data && !day.data.closed && day.data.spotsLeft <= 0);
  const closed = Boolean(day.data?.closed);
  return (
    <View>
      <View className='gs-label'>报哪天？</View>
      <ScrollView scrollX className='zg-chips gs-days' enhanced showScrollbar={false}>
        {days.map((d) => (
          <Chip
            key={d}
            label={dayText(d)}
            on={d === picked}
            onTap={() => {
              setPicked(d);
              setError('');
            }}
          />
        ))}
        <View className='zg-chips-end' />
      </ScrollView>
      {existing ? (
        <Result s={existing} post={post} justNow={existing === done} />
      ) : (
        <View>
          <View className='gs-info'>
            {spots ? <View className={full || closed ? 'gs-spots gs-spots-full' : 'gs-spots'}>{spots}</View> : null}
            <View className='gs-start'>{clockText(post.workStartTime ?? DEFAULT_WORK_START)}开工</View>
          </View>
          {error ? <View className='zg-error gs-error'>{error}</View> : null}
          <Button
            className={busy || (user && !known) || closed ? 'zg-btn zg-btn-block post-apply gs-signup zg-btn-disabled' : 'zg-btn zg-btn-block post-apply gs-signup'}
            disabled={busy || (user && !known) || closed || undefined}
            onClick={() => {
              if (!user) {
                signOnReturn.current = true;
                void Taro.navigateTo({ url: loginUrl(`${gigPostUrl(post.id, picked)}&signup=1`) });
                return;
              }
              void send();
            }}
          >
            {busy ? '正在报名…' : user && !known ? '正在加载…' : full ? `排队报${monthDayText(picked)}` : `报名 ${monthDayText(picked)}`}
          </Button>
          {!user ? <View className='post-action-note gs-login-note'>报名前要先登录</View> : null}
        </View>
      )}
      {asking && first && user ? (
        <Sheet
          title={`报名${dayText(picked)}的零工`}
          onClose={() => setAsking(false)}
          footer={
            <View className='zg-sheet-buttons'>
              <Button className='zg-btn zg-btn-ghost' onClick={() => setAsking(false)}>
                先不报
              </Button>
              <Button className={busy ? 'zg-btn apply-confirm zg-btn-disabled' : 'zg-btn apply-confirm'} disabled={busy || undefined} onClick={() => void send()}>
                {busy ? '正在报名…' : '报名'}
              </Button>
            </View>
          }
        >
          <View className='apply-sheet-post'>
            <View className='apply-sheet-title'>{post.title}</View>
            <View className='zg-small'>{post.employer.name}</View>
          </View>
          <FirstTimeFields
            user={user}
            value={first}
            errors={firstErrors}
            submitText='报名'
            onChange={(v) => {
              setFirst(v);
              setFirstErrors({});
            }}
          />
        </Sheet>
      ) : null}
    </View>
  );
}
