import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { DISPUTE_REASON_LABELS, DISPUTE_STATUS_LABELS, GIG_PAY_METHOD_LABELS, monthDayText, type DisputeItem, type JobPostingItem } from '@zaogong/shared';
import { api } from '../../../api/endpoints';
import { useApi } from '../../../api/hooks';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { formatPay } from '../../../lib/format';
import { GIG_ROUTES } from '../../../lib/gigs';
import { formatDateTime } from '../../../lib/resident';
import './index.css';

/** 劳动保障监察 and the 人社 service line: the number every worker may call. */
const HOTLINE = '12333';

/** What each step means for the worker, in plain words. */
const STEP_MEANING: Record<DisputeItem['status'], string> = {
  open: '人社局收到了，会先打电话问企业。',
  mediating: '人社局在找双方说和，让企业把工钱补上。',
  resolved: '这件事办完了。',
  referred: `交给劳动保障监察处理了，可以打${HOTLINE}问进展。`,
};

/** "12月7日 13:29" (China time), with the year only when it is another year's. */
function when(iso: string): string {
  const full = formatDateTime(iso);
  const year = `${new Date(Date.now() + 8 * 3600_000).getUTCFullYear()}年`;
  return full.startsWith(year) ? full.slice(year.length) : full;
}

function Fact({ name, children }: { name: string; children: ReactNode }) {
  return (
    <View className='ds-fact'>
      <View className='ds-fact-name'>{name}</View>
      <View className='ds-fact-value'>{children}</View>
    </View>
  );
}

function Case({ d }: { d: DisputeItem }) {
  const ev = d.evidence;
  const finished = d.status === 'resolved' || d.status === 'referred';
  return (
    <View>
      <View className={finished ? 'zg-card ds-head ds-head-done' : 'zg-card ds-head'}>
        <View className='zg-small'>{monthDayText(ev.date)}「{d.postTitle}」的工钱</View>
        <View className='ds-status'>{DISPUTE_STATUS_LABELS[d.status]}</View>
        <View className='zg-text'>{STEP_MEANING[d.status]}</View>
      </View>

      <View className='zg-card'>
        <View className='zg-card-title'>办到哪一步了</View>
        <View className='ds-steps'>
          {d.steps.map((s, i) => (
            <View key={`${s.status}-${s.at}`} className='ds-step'>
              <View className={i === d.steps.length - 1 ? 'ds-dot ds-dot-now' : 'ds-dot'} />
              <View className='zg-grow'>
                <View className={i === d.steps.length - 1 ? 'ds-step-title ds-step-now' : 'ds-step-title'}>{DISPUTE_STATUS_LABELS[s.status]}</View>
                <View className='zg-small'>{when(s.at)}</View>
                {s.note ? <View className='ds-step-note'>{s.note}</View> : null}
              </View>
            </View>
          ))}
        </View>
        {!finished ? <View className='zg-small ds-next'>一般先打电话问企业，再约双方说和；还不给，就交给劳动保障监察。每一步都会发消息告诉您。</View> : null}
      </View>

      <View className='zg-card'>
        <View className='zg-card-title'>交上去的记录</View>
        <Fact name='您说的问题'>
          {DISPUTE_REASON_LABELS[d.reason]}
          {d.note ? `：${d.note}` : ''}
        </Fact>
        <Fact name='干活的日子'>{monthDayText(ev.date)}</Fact>
        <Fact name='哪家'>{d.employerName}</Fact>
        <Fact name='说好的工钱'>{formatPay({ wageMin: ev.agreedWage.min, wageMax: ev.agreedWage.max, wageUnit: ev.agreedWage.unit as JobPostingItem['wageUnit'], type: 'gig' })}</Fact>
        <Fact name='报名时间'>{when(ev.signedUpAt)}</Fact>
        <Fact name='上工时间'>{ev.checkInAt ? when(ev.checkInAt) : '没有记录'}</Fact>
        <Fact name='收工时间'>{ev.checkOutAt ? when(ev.checkOutAt) : '没有记录'}</Fact>
        <Fact name='老板登记的工钱'>
          {ev.pay ? (
            <Text>
              {ev.pay.amount} 元（{GIG_PAY_METHOD_LABELS[ev.pay.method]}），说是 {when(ev.pay.paidAt)} 给的
            </Text>
          ) : (
            '老板没有登记'
          )}
        </Fact>
      </View>

      <View className='zg-card ds-hotline'>
        <View className='zg-text'>着急，或者想问问：打人社服务热线 {HOTLINE}，说要找劳动保障监察。</View>
        <Button className='zg-btn zg-btn-block ds-call' onClick={() => void Taro.makePhoneCall({ phoneNumber: HOTLINE }).catch(() => undefined)}>
          打 {HOTLINE}
        </Button>
      </View>
    </View>
  );
}

/** 工钱问题 (a 权益维护 case): where it stands, each step, the evidence in plain words, and the 12333 line. */
export default function DisputePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const d = useApi(() => (id ? api.getDispute(id, { toast: false }) : Promise.reject(new Error('no id'))), [id]);
  usePullDownRefresh(() => {
    void d.reload().finally(() => Taro.stopPullDownRefresh());
  });
  const back = () => void Taro.redirectTo({ url: GIG_ROUTES.mine });
  return (
    <PageShell>
      {!id ? (
        <StateView title='没有找到这件事' actionText='我的零工' onAction={back} />
      ) : d.loading && !d.data ? (
        <StateView title='正在加载…' />
      ) : d.error || !d.data ? (
        <StateView
          title={d.error?.statusCode === 404 ? '没有找到这件事' : '没有加载出来'}
          body={d.error?.statusCode === 404 ? '可能不是您的，或者链接不对。' : d.error?.message}
          actionText={d.error?.statusCode === 404 ? '我的零工' : '再试一次'}
          onAction={d.error?.statusCode === 404 ? back : () => void d.reload()}
        />
      ) : (
        <Case d={d.data} />
      )}
    </PageShell>
  );
}
