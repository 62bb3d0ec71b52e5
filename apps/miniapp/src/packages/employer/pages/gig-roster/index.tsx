import { useRef, useState } from 'react';
import { Button, ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { GIG_PAY_METHOD_LABELS, GIG_SIGNUP_STATUS_LABELS, monthDayText, type GigDay, type GigSignupItem, type JobPostingItem } from '@zaogong/shared';
import { api } from '../../../../api/endpoints';
import { useApi } from '../../../../api/hooks';
import { CallButton } from '../../../../components/CallButton';
import { Chip } from '../../../../components/Chip';
import { ConfirmSheet } from '../../../../components/ConfirmSheet';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { formatPay } from '../../../../lib/format';
import { ROUTES } from '../../../../lib/routes';
import { HeadcountSheet, PaySheet, RateSheet } from '../../components/GigSheets';
import { DEFAULT_WORK_START, chinaDayTime, chinaTime, chinaToday, dayLabel, dayStart, firstDay, gigDays, siteCodeUrl } from '../../lib/gigs';
import './index.css';

const WORKED = ['checked_in', 'checked_out'];
const GONE = ['cancelled', 'late_cancel'];

type Open =
  | { kind: 'close' | 'reopen' | 'headcount' }
  | { kind: 'no-show' | 'check-out' | 'pay' | 'rate'; signup: GigSignupItem };

const STATUS_TAG: Record<GigSignupItem['status'], string> = {
  confirmed: 'zg-tag',
  waitlisted: 'zg-tag zg-tag-plain',
  checked_in: 'zg-tag zg-tag-ok',
  checked_out: 'zg-tag zg-tag-ok',
  no_show: 'zg-tag gr-tag-bad',
  cancelled: 'zg-tag zg-tag-plain',
  late_cancel: 'zg-tag zg-tag-warn',
};

function statusText(s: GigSignupItem): string {
  if (s.status === 'waitlisted' && s.waitPosition) return `排队第${s.waitPosition}`;
  return GIG_SIGNUP_STATUS_LABELS[s.status];
}

/** The day's four numbers, big. */
function Numbers({ day }: { day: GigDay }) {
  const cells: [string, number, string][] = [
    ['要几个人', day.headcount, ''],
    ['已报上', day.confirmed, 'gr-num-ok'],
    ['排队', day.waitlisted, ''],
    ['还差', day.spotsLeft, day.spotsLeft > 0 ? 'gr-num-warn' : ''],
  ];
  return (
    <View className='gr-nums'>
      {cells.map(([label, n, cls]) => (
        <View key={label} className={`gr-num ${cls}`}>
          <View className='gr-num-n'>
            {n}
            <Text className='gr-num-unit'>人</Text>
          </View>
          <View className='gr-num-label'>{label}</View>
        </View>
      ))}
    </View>
  );
}

interface PersonProps {
  s: GigSignupItem;
  started: boolean;
  onAct: (kind: 'no-show' | 'check-out' | 'pay' | 'rate', s: GigSignupItem) => void;
}

/** One person of the day: who, how to reach them, their record, what happened, and what can be done. */
function Person({ s, started, onAct }: PersonProps) {
  const worked = WORKED.includes(s.status);
  const a = s.attendance;
  const canPay = worked && !s.pay?.confirmedAt && !s.disputeId;
  return (
    <View className={GONE.includes(s.status) ? 'zg-card gr-person gr-person-gone' : 'zg-card gr-person'} id={`gr-${s.id}`}>
      <View className='gr-person-top'>
        <Text className='gr-name'>{s.resident.name}</Text>
        <Text className={`${STATUS_TAG[s.status]} gr-status`}>{statusText(s)}</Text>
      </View>
      <View className='zg-small'>
        {s.resident.villageName ?? ''}
        {s.source === 'liaison' ? `${s.resident.villageName ? ' · ' : ''}联络员代报名` : ''}
      </View>
      {s.resident.phone ? (
        <View className='gr-phone-row'>
          <Text className='gr-phone'>{s.resident.phone}</Text>
          {/* The employer's roster carries the full phone: the call needs no extra look-up. */}
          <CallButton compact className='gr-call' fetchPhone={() => Promise.resolve({ phone: s.resident.phone })} />
        </View>
      ) : null}
      {a ? (
        <View className={a.noShows > 0 ? 'gr-record gr-record-warn' : 'gr-record'}>
          出勤：{a.daysWorked === 0 && a.noShows === 0 ? '第一次来干零工' : `干过${a.daysWorked}天，没来${a.noShows}次`}
        </View>
      ) : null}
      {s.checkInAt || s.checkOutAt ? (
        <View className='gr-times'>
          {s.checkInAt ? `上工 ${chinaTime(s.checkInAt)}` : ''}
          {s.checkOutAt ? `${s.checkInAt ? ' · ' : ''}收工 ${chinaTime(s.checkOutAt)}` : ''}
        </View>
      ) : null}
      {s.checkInFar || s.checkInVouchedBy ? (
        <View className='zg-row-wrap'>
          {s.checkInFar ? <Text className='zg-tag zg-tag-warn gr-flag-far'>上工时离干活地方超过1公里</Text> : null}
          {s.checkInVouchedBy ? <Text className='zg-tag gr-flag-vouched'>联络员在现场作证上工</Text> : null}
        </View>
      ) : null}
      {s.pay ? (
        <View className='gr-pay'>
          工钱：<Text className='zg-money'>{s.pay.amount}元</Text>（{GIG_PAY_METHOD_LABELS[s.pay.method]}，{chinaDayTime(s.pay.paidAt)}）
          <Text className={s.pay.confirmedAt ? 'zg-tag zg-tag-ok gr-pay-state' : 'zg-tag zg-tag-plain gr-pay-state'}>
            {s.pay.confirmedAt ? '工人已确认收到' : '等工人确认'}
          </Text>
        </View>
      ) : null}
      {s.disputeId ? <View className='gr-dispute'>工人对这天的工钱有意见，人社局在处理，会和您联系。</View> : null}
      {s.rated.byEmployer ? <View className='zg-small gr-rated'>您已评价过</View> : null}

      <View className='gr-actions'>
        {s.status === 'checked_in' ? (
          <Button className='zg-btn gr-act gr-act-out' onClick={() => onAct('check-out', s)}>
            收工
          </Button>
        ) : null}
        {canPay ? (
          <Button className={`zg-btn gr-act gr-act-pay${s.pay ? ' zg-btn-ghost' : ''}`} onClick={() => onAct('pay', s)}>
            {s.pay ? '改工钱' : '登记工钱'}
          </Button>
        ) : null}
        {worked && !s.rated.byEmployer ? (
          <Button className='zg-btn zg-btn-ghost gr-act gr-act-rate' onClick={() => onAct('rate', s)}>
            评价
          </Button>
        ) : null}
        {s.status === 'confirmed' && started ? (
          <Button className='zg-btn zg-btn-danger gr-act gr-act-noshow' onClick={() => onAct('no-show', s)}>
            记为没来
          </Button>
        ) : null}
      </View>
    </View>
  );
}

function Group({ title, items, started, onAct }: { title: string; items: GigSignupItem[]; started: boolean; onAct: PersonProps['onAct'] }) {
  if (items.length === 0) return null;
  return (
    <View className='gr-group'>
      <View className='zg-h2 gr-group-title'>
        {title}（{items.length}人）
      </View>
      {items.map((s) => (
        <Person key={s.id} s={s} started={started} onAct={onAct} />
      ))}
    </View>
  );
}

function Roster({ post, initialDate }: { post: JobPostingItem; initialDate?: string }) {
  const today = chinaToday();
  const days = gigDays(post);
  const [date, setDate] = useState(() => firstDay(days, initialDate, today));
  const roster = useApi(() => (date ? api.gigRoster(post.id, date, { toast: false }) : Promise.resolve(undefined)), [post.id, date]);
  const [open, setOpen] = useState<Open>();

  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current && !roster.loading) void roster.reload();
    seen.current = true;
  });
  usePullDownRefresh(() => {
    void roster.reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (!date) return <StateView title='这个零工没有写干活的日子' body='请编辑岗位，选好哪天干活。' />;
  const data = roster.data;
  const day = data?.day;
  const items = data?.items ?? [];
  const started = Date.now() >= dayStart(date, post.workStartTime);
  const past = date < today;
  const dayText = dayLabel(date, today);
  const toast = (title: string) => void Taro.showToast({ title, icon: 'none', duration: 2500 });
  const done = (title: string) => {
    setOpen(undefined);
    toast(title);
    void roster.reload();
  };

  const on = items.filter((s) => !GONE.includes(s.status) && s.status !== 'waitlisted');
  const waiting = items.filter((s) => s.status === 'waitlisted').sort((x, y) => (x.waitPosition ?? 0) - (y.waitPosition ?? 0));
  const gone = items.filter((s) => GONE.includes(s.status));
  const checkedIn = items.filter((s) => WORKED.includes(s.status)).length;

  return (
    <View>
      <View className='zg-card gr-head'>
        <View className='gr-title'>{post.title}</View>
        <View className='zg-money gr-wage'>{formatPay(post)}</View>
        <View className='zg-text'>每天 {post.workStartTime ?? DEFAULT_WORK_START} 开工{post.address ? ` · ${post.address}` : ''}</View>
      </View>

      {days.length > 1 ? (
        <ScrollView scrollX className='zg-chips gr-days' enhanced showScrollbar={false} scrollIntoView={`gr-day-${date}`}>
          {days.map((d) => (
            <Chip key={d} id={`gr-day-${d}`} label={dayLabel(d, today)} on={d === date} onTap={() => setDate(d)} />
          ))}
          <View className='zg-chips-end' />
        </ScrollView>
      ) : null}

      <View className='zg-card gr-day'>
        <View className='gr-day-title'>{dayText}</View>
        {roster.error ? (
          <View className='zg-error'>{roster.error.message}</View>
        ) : !day ? (
          <View className='zg-small'>正在加载…</View>
        ) : (
          <View>
            <Numbers day={day} />
            {day.closed ? <View className='gr-closed'>这天已停止报名：新的人报不上，已报上和排队的人不变。</View> : null}
            {date === today && checkedIn > 0 ? <View className='zg-text gr-checked'>已上工 {checkedIn} 人</View> : null}
            {date === today ? (
              <View>
                <Button className='zg-btn zg-btn-block gr-site' onClick={() => void Taro.navigateTo({ url: siteCodeUrl(post.id) })}>
                  打开现场码
                </Button>
                <View className='zg-small gr-site-hint'>工人扫码或输入6位数字上工</View>
              </View>
            ) : !past ? (
              <View className='zg-small gr-site-later'>现场码在{monthDayText(date)}当天打开，让工人扫码上工。</View>
            ) : null}
            {!past ? (
              <View className='gr-day-actions'>
                <Button className='zg-btn zg-btn-ghost gr-day-act gr-more' onClick={() => setOpen({ kind: 'headcount' })}>
                  加人数
                </Button>
                {day.closed ? (
                  <Button className='zg-btn zg-btn-ghost gr-day-act gr-reopen' onClick={() => setOpen({ kind: 'reopen' })}>
                    恢复报名
                  </Button>
                ) : (
                  <Button className='zg-btn zg-btn-danger gr-day-act gr-stop' onClick={() => setOpen({ kind: 'close' })}>
                    停止报名
                  </Button>
                )}
              </View>
            ) : null}
          </View>
        )}
      </View>

      {data && items.length === 0 ? <StateView title={`${dayText}还没有人报名`} body='有人报名会发消息告诉您。' /> : null}
      <Group title='报上的人' items={on} started={started} onAct={(kind, signup) => setOpen({ kind, signup })} />
      <Group title='排队的人' items={waiting} started={started} onAct={(kind, signup) => setOpen({ kind, signup })} />
      <Group title='取消了的' items={gone} started={started} onAct={(kind, signup) => setOpen({ kind, signup })} />
      {data && items.length > 0 && !started ? (
        <View className='zg-small gr-foot'>{`开工（${post.workStartTime ?? DEFAULT_WORK_START}）以后，报上了没来的人可以“记为没来”。`}</View>
      ) : null}

      {open?.kind === 'close' ? (
        <ConfirmSheet
          title={`停止${dayText}的报名？`}
          submitText='停止报名'
          danger
          onClose={() => setOpen(undefined)}
          onSubmit={async () => {
            await api.patchGigDay(post.id, date, { closed: true }, { toast: false });
            done('已停止报名');
          }}
        >
          停止后新的人就报不上这天了；<Text className='cs-strong'>已经报上和排队的人不受影响</Text>。想再招人可以点“恢复报名”。
        </ConfirmSheet>
      ) : null}
      {open?.kind === 'reopen' ? (
        <ConfirmSheet
          title={`恢复${dayText}的报名？`}
          submitText='恢复报名'
          onClose={() => setOpen(undefined)}
          onSubmit={async () => {
            await api.patchGigDay(post.id, date, { closed: false }, { toast: false });
            done('已恢复报名');
          }}
        >
          恢复后找活的人又能报这天了，先到先得，满了排队。
        </ConfirmSheet>
      ) : null}
      {open?.kind === 'headcount' && day ? (
        <HeadcountSheet
          dayText={dayText}
          headcount={day.headcount}
          confirmed={day.confirmed}
          waitlisted={day.waitlisted}
          onClose={() => setOpen(undefined)}
          onSubmit={async (headcount) => {
            await api.patchGigDay(post.id, date, { headcount }, { toast: false });
            done(`已改成${headcount}人`);
          }}
        />
      ) : null}
      {open?.kind === 'no-show' ? (
        <ConfirmSheet
          title={`${open.signup.resident.name}没来？`}
          submitText='记为没来'
          danger
          onClose={() => setOpen(undefined)}
          onSubmit={async () => {
            await api.markGigNoShow(open.signup.id, { toast: false });
            done('已记为没来');
          }}
        >
          记下后会算进这个人的出勤：30天里没来3次，7天不能报名。<Text className='cs-strong'>先打个电话问问</Text>，真没来再记。
        </ConfirmSheet>
      ) : null}
      {open?.kind === 'check-out' ? (
        <ConfirmSheet
          title={`${open.signup.resident.name}收工了？`}
          submitText='确认收工'
          onClose={() => setOpen(undefined)}
          onSubmit={async () => {
            await api.checkOutGigWorker(open.signup.id, { toast: false });
            done('已记下收工');
          }}
        >
          按现在的时间记收工（{chinaTime(new Date().toISOString())}）。工人自己扫码收工也一样，只记一次。
        </ConfirmSheet>
      ) : null}
      {open?.kind === 'pay' ? (
        <PaySheet signup={open.signup} onClose={() => setOpen(undefined)} onDone={(s) => done(`已登记${s.resident.name}的工钱`)} />
      ) : null}
      {open?.kind === 'rate' ? (
        <RateSheet signup={open.signup} onClose={() => setOpen(undefined)} onDone={() => done('已评价')} />
      ) : null}
    </View>
  );
}

function RosterPage({ postId, date }: { postId: string; date?: string }) {
  const post = useApi(() => api.getPost(postId, { toast: false }), [postId]);
  if (post.error) {
    return (
      <StateView
        title='这个零工没有打开'
        body={post.error.message}
        actionText='回到企业首页'
        onAction={() => void Taro.reLaunch({ url: ROUTES.employerHome })}
      />
    );
  }
  if (!post.data) return <StateView title='正在加载…' />;
  if (post.data.type !== 'gig') return <StateView title='这不是零工' body='报名名单和现场码只有零工才有。' />;
  return <Roster post={post.data} initialDate={date} />;
}

/** 零工 报名名单 (?postId=&date=): the day's numbers, its people in order, and what the employer does on the day. */
export default function GigRosterPage() {
  const { params } = useRouter();
  const postId = params.postId ?? '';
  const date = params.date && /^\d{4}-\d{2}-\d{2}$/.test(params.date) ? params.date : undefined;
  return (
    <PageShell>
      {/* A liaison runs the day of a household's 零工 they posted (the API decides whose). */}
      <RoleGate role='employer' also={['liaison']}>
        {() => (postId ? <RosterPage postId={postId} date={date} /> : <StateView title='没有找到这个零工' body='请从企业首页的“我的岗位”打开。' />)}
      </RoleGate>
    </PageShell>
  );
}
