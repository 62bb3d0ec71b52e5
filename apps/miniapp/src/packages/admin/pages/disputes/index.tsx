import { useState } from 'react';
import { Button, ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import {
  DISPUTE_REASON_LABELS,
  DISPUTE_STATUS_LABELS,
  DISTRICT_CODE,
  GIG_PAY_METHOD_LABELS,
  monthDayText,
  type AuthUser,
  type DisputeItem,
  type DisputeStatus,
} from '@zaogong/shared';
import { api } from '../../../../api/endpoints';
import { fetchRegions, useApi, useCursorList, usePagedScrolling } from '../../../../api/hooks';
import { CallButton } from '../../../../components/CallButton';
import { Chip } from '../../../../components/Chip';
import { ConfirmSheet, type ConfirmSheetField } from '../../../../components/ConfirmSheet';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { formatDateTime } from '../../../../lib/resident';
import { QueueList } from '../../components/QueueList';
import './index.css';

const PAGE_SIZE = 20;
type Tab = DisputeStatus | 'all';
const TABS: readonly { tab: Tab; label: string }[] = [
  { tab: 'open', label: '新的' },
  { tab: 'mediating', label: '调解中' },
  { tab: 'resolved', label: '已解决' },
  { tab: 'referred', label: '已转劳动监察' },
  { tab: 'all', label: '全部' },
];
const EMPTY: Record<Tab, string> = {
  open: '没有新的工钱投诉',
  mediating: '没有正在调解的',
  resolved: '还没有解决了的',
  referred: '没有转给劳动监察的',
  all: '还没有工钱投诉',
};

type Step = Exclude<DisputeStatus, 'open'>;

const STEP_SHEETS: Record<Step, { title: string; submit: string; field: ConfirmSheetField }> = {
  mediating: {
    title: '开始调解',
    submit: '记为调解中',
    field: {
      label: '做了什么（工人会看到）',
      required: true,
      minLength: 2,
      maxLength: 500,
      presets: ['已电话联系企业，约好时间调解', '已电话联系企业，企业答应补发工钱'],
      requiredMessage: '请写明做了什么，至少2个字',
    },
  },
  resolved: {
    title: '这件事解决了？',
    submit: '记为已解决',
    field: {
      label: '怎么解决的（工人会看到）',
      required: true,
      minLength: 2,
      maxLength: 500,
      presets: ['企业已补发工钱，工人说收到了', '双方协商一致，工人同意'],
      requiredMessage: '请写明怎么解决的，至少2个字',
    },
  },
  referred: {
    title: '转给劳动监察？',
    submit: '转劳动监察',
    field: {
      label: '为什么转（工人会看到）',
      required: true,
      minLength: 2,
      maxLength: 500,
      presets: ['企业不配合调解，转劳动保障监察依法处理', '联系不上企业，转劳动保障监察依法处理'],
      requiredMessage: '请写明为什么转，至少2个字',
    },
  },
};

const STATUS_TAG: Record<DisputeStatus, string> = {
  open: 'zg-tag zg-tag-warn',
  mediating: 'zg-tag',
  resolved: 'zg-tag zg-tag-ok',
  referred: 'zg-tag zg-tag-plain',
};

/** "12月7日 13:25" in China time (with the year when it is not this year's). */
function when(iso: string): string {
  const full = formatDateTime(iso);
  const year = `${new Date(Date.now() + 8 * 3600_000).getUTCFullYear()}年`;
  return full.startsWith(year) ? full.slice(year.length) : full;
}

/** "每天180–220元". */
function agreedText(w: DisputeItem['evidence']['agreedWage']): string {
  const per = w.unit === 'hour' ? '每小时' : w.unit === 'piece' ? '每件' : w.unit === 'month' ? '每月' : '每天';
  return `${per}${w.min === w.max ? w.min : `${w.min}–${w.max}`}元`;
}

function Row({ name, children }: { name: string; children: string }) {
  return (
    <View className='dp-row'>
      <Text className='dp-row-name'>{name}</Text>
      <Text className='dp-row-value'>{children}</Text>
    </View>
  );
}

function Case({ d, onStep }: { d: DisputeItem; onStep: (d: DisputeItem, step: Step) => void }) {
  const e = d.evidence;
  const finished = d.status === 'resolved' || d.status === 'referred';
  return (
    <View className='zg-card dp-card' id={`dp-${d.id}`}>
      <View className='dp-top'>
        <Text className='dp-title'>工钱问题：{DISPUTE_REASON_LABELS[d.reason]}</Text>
        <Text className={`${STATUS_TAG[d.status]} dp-status`}>{DISPUTE_STATUS_LABELS[d.status]}</Text>
      </View>
      <View className='dp-line'>
        {d.postTitle} · {monthDayText(e.date)}的活
      </View>
      <View className='zg-small'>
        {d.employerName}
        {d.townName ? ` · ${d.townName}` : ''}
      </View>
      <View className='dp-who'>
        工人：<Text className='dp-strong'>{d.worker.name}</Text> {d.worker.phone}
      </View>
      {d.note ? <View className='dp-said'>工人说：“{d.note}”</View> : null}

      <View className='dp-evidence'>
        <View className='dp-sub'>记录（投诉时留下的）</View>
        <Row name='报名时间'>{when(e.signedUpAt)}</Row>
        <Row name='上工时间'>{e.checkInAt ? when(e.checkInAt) : '没有上工记录'}</Row>
        <Row name='收工时间'>{e.checkOutAt ? when(e.checkOutAt) : '没有收工记录'}</Row>
        <Row name='约定工钱'>{agreedText(e.agreedWage)}</Row>
        <Row name='登记的工钱'>{e.pay ? `${e.pay.amount}元（${GIG_PAY_METHOD_LABELS[e.pay.method]}，${when(e.pay.paidAt)}付）` : '企业没有登记'}</Row>
      </View>

      <View className='dp-steps'>
        <View className='dp-sub'>办理经过</View>
        {d.steps.map((s, i) => (
          <View key={`${s.at}-${i}`} className='dp-step'>
            <View className='dp-step-head'>
              <Text className='dp-step-status'>{DISPUTE_STATUS_LABELS[s.status]}</Text>
              <Text className='zg-small'>{when(s.at)}</Text>
            </View>
            {/* The first step's note is what the worker said, shown above already. */}
            {s.note && !(s.status === 'open' && s.note === d.note) ? <View className='dp-step-note'>{s.note}</View> : null}
          </View>
        ))}
      </View>

      {finished ? null : (
        <View>
          <View className='dp-calls'>
            <CallButton compact label='打电话给企业' className='dp-call' fetchPhone={() => api.callEmployer(d.employerId, { toast: false })} />
            <CallButton compact label='打电话给工人' className='dp-call' fetchPhone={() => api.callResident(d.worker.id, { toast: false })} />
          </View>
          <View className='dp-actions'>
            {d.status === 'open' ? (
              <Button className='zg-btn zg-btn-ghost dp-act dp-mediate' onClick={() => onStep(d, 'mediating')}>
                调解中
              </Button>
            ) : null}
            <Button className='zg-btn zg-btn-ghost dp-act dp-resolve' onClick={() => onStep(d, 'resolved')}>
              已解决
            </Button>
            <Button className='zg-btn zg-btn-danger dp-act dp-refer' onClick={() => onStep(d, 'referred')}>
              转劳动监察
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}

function townNameOf(code: string | null): Promise<string | null> {
  if (!code || code.length !== 9) return Promise.resolve(null);
  return fetchRegions(DISTRICT_CODE).then(
    (towns) => towns.find((t) => t.code === code)?.name ?? null,
    () => null,
  );
}

function Disputes({ user }: { user: AuthUser }) {
  const [tab, setTab] = useState<Tab>('open');
  const list = useCursorList(
    (cursor) => api.disputeCases({ status: tab === 'all' ? undefined : tab, cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined }),
    [tab],
  );
  usePagedScrolling(list);
  const town = useApi(() => townNameOf(user.regionCode), [user.regionCode]);
  const repeat = useApi(() => api.repeatEmployers({ toast: false }), [user.id]);
  const [acting, setActing] = useState<{ d: DisputeItem; step: Step }>();
  useDidShow(() => {
    if (!list.loading) void list.refresh();
  });

  const sheet = acting ? STEP_SHEETS[acting.step] : undefined;
  return (
    <View>
      <View className='zg-section dp-head'>
        <View className='zg-h1'>权益维护</View>
        <View className='zg-text dp-intro'>
          {town.data ? `${town.data}的` : user.regionCode ? '本镇街的' : '全区的'}零工工钱投诉。先打电话问企业，再调解；企业不配合就转劳动监察。
        </View>
      </View>
      {repeat.data && repeat.data.items.length > 0 ? (
        <View className='zg-card dp-repeat'>
          <View className='zg-card-title'>多次被投诉的企业</View>
          <View className='zg-small'>半年内被投诉2次以上。请核实；一直不给工钱的，可以撤销认证，它的零工就不再展示。</View>
          {repeat.data.items.map((e) => (
            <View key={e.employerId} className='zg-row dp-repeat-row'>
              <View className='zg-grow dp-repeat-name'>{e.employerName}</View>
              <Text className={e.open ? 'zg-tag zg-tag-warn' : 'zg-tag zg-tag-plain'}>
                {e.cases}次{e.open ? `，${e.open}件没办完` : ''}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      <ScrollView scrollX className='zg-chips dp-tabs' enhanced showScrollbar={false}>
        {TABS.map((t) => (
          <Chip key={t.tab} label={t.label} on={tab === t.tab} onTap={() => setTab(t.tab)} />
        ))}
        <View className='zg-chips-end' />
      </ScrollView>
      <QueueList list={list} empty={list.items.length === 0} emptyTitle={EMPTY[tab]} emptyBody='工人对工钱有意见时，会出现在这里。'>
        {list.items.map((d) => (
          <Case key={d.id} d={d} onStep={(x, step) => setActing({ d: x, step })} />
        ))}
      </QueueList>
      {acting && sheet ? (
        <ConfirmSheet
          title={sheet.title}
          submitText={sheet.submit}
          danger={acting.step === 'referred'}
          field={sheet.field}
          onClose={() => setActing(undefined)}
          onSubmit={async (note) => {
            await api.moveDisputeCase(acting.d.id, { status: acting.step, note }, { toast: false });
            setActing(undefined);
            void Taro.showToast({ title: acting.step === 'referred' ? '已转劳动监察' : `已记为${DISPUTE_STATUS_LABELS[acting.step]}`, icon: 'none', duration: 2500 });
            void list.refresh();
          }}
        >
          <View>
            {acting.d.worker.name}，{acting.d.employerName}，{monthDayText(acting.d.evidence.date)}的工钱。
          </View>
          {acting.step === 'referred' ? (
            <View className='dp-refer-text'>
              转给区<Text className='cs-strong'>劳动保障监察</Text>依法处理，这里就办完了，不能再改。工人会收到通知，也可以打
              <Text className='cs-strong'>12333</Text>（人社服务热线）问进展、投诉。
            </View>
          ) : acting.step === 'resolved' ? (
            <View className='dp-refer-text'>记为已解决后就不能再改了，工人会收到通知。</View>
          ) : (
            <View className='dp-refer-text'>工人会收到通知，看到您写的话。</View>
          )}
        </ConfirmSheet>
      ) : null}
    </View>
  );
}

/** 权益维护 (admin; a 镇街 officer their 镇街's): 零工 pay cases by status, with the evidence and the steps taken. */
export default function DisputesPage() {
  return (
    <PageShell>
      <RoleGate role='admin'>{(user) => <Disputes key={`${user.id}:${user.regionCode ?? ''}`} user={user} />}</RoleGate>
    </PageShell>
  );
}
