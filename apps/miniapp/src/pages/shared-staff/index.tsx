import { useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { SHARED_AGREEMENT_STATUS_LABELS, type AuthUser, type SharedAgreementItem } from '@zaogong/shared';
import { api } from '../../api/endpoints';
import { useApi } from '../../api/hooks';
import { sharedStaffApi } from '../../api/shared-staff';
import { ConfirmSheet } from '../../components/ConfirmSheet';
import { PageShell } from '../../components/PageShell';
import { RoleGate } from '../../components/RoleGate';
import { AgreementStatusTag } from '../../components/SharedAgreementFacts';
import { StateView } from '../../components/StateView';
import { formatDate } from '../../lib/format';
import { daysOf, STATUS_TAG, workerAgreementUrl } from '../../lib/shared-staff';
import './index.css';

function Line({ label, children, strong, note }: { label: string; children: string; strong?: boolean; note?: string }) {
  return (
    <View className='sw-line'>
      <View className='sw-label'>{label}</View>
      <View className={strong ? 'sw-value sw-value-strong' : 'sw-value'}>{children}</View>
      {note ? <View className='sw-note'>{note}</View> : null}
    </View>
  );
}

/** One agreement as the lent worker reads it, with 我同意 while their consent is missing. */
function WorkerAgreement({ id, user }: { id: string; user: AuthUser }) {
  const agreement = useApi(() => sharedStaffApi.agreement(id, { toast: false }), [id, user.id]);
  const profile = useApi(() => api.myProfile({ toast: false }), [user.id]);
  const [shown, setShown] = useState<SharedAgreementItem>();
  const [asking, setAsking] = useState(false);
  usePullDownRefresh(() => {
    void Promise.all([agreement.reload(), profile.reload()])
      .then(() => setShown(undefined))
      .finally(() => Taro.stopPullDownRefresh());
  });

  if ((agreement.loading && !agreement.data) || (profile.loading && !profile.data)) return <StateView title='正在加载…' />;
  if (agreement.error) return <StateView title='看不到这份协议' body={agreement.error.message} actionText='再试一次' onAction={() => void agreement.reload()} />;
  const a = shown ?? agreement.data;
  if (!a) return <StateView title='正在加载…' />;
  const me = a.workers.find((w) => w.residentId === profile.data?.id);
  const others = a.waitingFor.filter((w) => !me || w !== `${me.name}未同意`);

  return (
    <View className='sw'>
      <View className='zg-card sw-head'>
        <View className='zg-row'>
          <Text className='zg-grow sw-kicker'>共享用工</Text>
          <Text className={`${STATUS_TAG[a.status]} saf-status`}>{a.status !== 'draft' ? SHARED_AGREEMENT_STATUS_LABELS[a.status] : me && !me.consentAt ? '等您同意' : '还没生效'}</Text>
        </View>
        <View className='sw-title'>去{a.borrower.name}干活</View>
        <View className='zg-text sw-sub'>
          {a.lender.name}把您借过去，{daysOf(a.from, a.to)}天
        </View>
      </View>

      {me && !me.consentAt && a.status !== 'ended' ? (
        <View className='zg-card sw-ask'>
          <View className='sw-ask-text'>您同意去吗？</View>
          <View className='zg-text sw-ask-note'>看清下面写的，同意了再点。不同意可以不点，跟{a.lender.name}说。</View>
          <Button className='zg-btn zg-btn-block sw-agree' onClick={() => setAsking(true)}>
            我同意
          </Button>
        </View>
      ) : null}
      {me?.consentAt ? <View className='zg-card sw-agreed'>✓ 您{formatDate(me.consentAt)}已同意</View> : null}

      <View className='zg-card sw-facts'>
        <Line label='在哪里干' strong note={a.place || undefined}>{a.borrower.name}</Line>
        <Line label='什么时候' strong>{`${formatDate(a.from)} 到 ${formatDate(a.to)}`}</Line>
        <Line label='干什么活'>{a.work}</Line>
        <Line label='谁发工资' note={`约定：${a.pay}`}>{`${a.borrower.name}出钱，经${a.lender.name}发给您`}</Line>
        <Line label='干活受了伤' strong>{`工伤由${a.lender.name}负责`}</Line>
        <Line label='劳动合同和社保'>{`还在${a.lender.name}，不变`}</Line>
        {a.status === 'ended' && a.endReason ? <Line label='已经结束'>{a.endReason}</Line> : null}
      </View>

      {a.status === 'active' ? <View className='zg-card sw-active'>两家企业都签了，协议正在执行。</View> : null}
      {a.status === 'draft' && others.length > 0 ? (
        <View className='zg-card sw-wait'>
          <View className='sw-wait-head'>还在等：</View>
          {others.map((w) => (
            <View key={w} className='zg-text'>
              · {w}
            </View>
          ))}
        </View>
      ) : null}
      <View className='zg-small sw-foot'>有疑问，问{a.lender.name}，或者问村里的联络员。</View>

      {asking && me ? (
        <ConfirmSheet
          title='您同意去吗？'
          submitText='我同意'
          cancelText='再想想'
          onClose={() => setAsking(false)}
          onSubmit={async () => {
            setShown(await sharedStaffApi.consent(a.id, me.residentId, undefined, { toast: false }));
            setAsking(false);
            void Taro.showToast({ title: '已同意', icon: 'success', duration: 1500 });
          }}
        >
          <View>
            {formatDate(a.from)}到{formatDate(a.to)}，去{a.borrower.name}干活。
          </View>
          <View>工伤由{a.lender.name}负责，劳动合同和社保不变。</View>
        </ConfirmSheet>
      ) : null}
    </View>
  );
}

/** The worker's agreements (without an id). */
function MyAgreements({ user }: { user: AuthUser }) {
  const list = useApi(() => sharedStaffApi.agreements({ toast: false }), [user.id]);
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current) void list.reload();
    seen.current = true;
  });
  if (list.loading && !list.data) return <StateView title='正在加载…' />;
  if (list.error) return <StateView title='没有加载出来' body={list.error.message} actionText='再试一次' onAction={() => void list.reload()} />;
  const items = list.data?.items ?? [];
  if (items.length === 0) return <StateView title='没有共享用工' body='单位把您借到别的企业干活时，会在这里请您确认。' />;
  return (
    <View>
      {items.map((a) => (
        <View key={a.id} className='zg-card sw-item' onClick={() => void Taro.navigateTo({ url: workerAgreementUrl(a.id) })} aria-role='link'>
          <View className='zg-row'>
            <Text className='zg-grow sw-item-title'>去{a.borrower.name}干活</Text>
            <AgreementStatusTag a={a} />
          </View>
          <View className='zg-text'>
            {formatDate(a.from)} 到 {formatDate(a.to)}
          </View>
        </View>
      ))}
    </View>
  );
}

/**
 * 共享用工 (the lent worker, ?id=): where and when they work, who pays (the borrower, through the lender), 工伤 with
 * the lender, and a big 我同意 while their consent is missing. Notifications of type 'shared_staff' open it.
 */
export default function SharedStaffWorkerPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  return (
    <PageShell>
      <RoleGate role='seeker'>{(user) => (id ? <WorkerAgreement key={`${user.id}:${id}`} id={id} user={user} /> : <MyAgreements key={user.id} user={user} />)}</RoleGate>
    </PageShell>
  );
}
