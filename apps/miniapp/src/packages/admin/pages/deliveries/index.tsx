import { useState } from 'react';
import { Button, ScrollView, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  DELIVERY_STATUS_LABELS,
  DELIVERY_STATUSES,
  NOTIFICATION_TYPE_LABELS,
  type DeliveryChannel,
  type DeliveryItem,
  type DeliveryStatus,
  type DeliverySummary,
} from '@zaogong/shared';
import { apiBase } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useApi, useCursorList, usePagedScrolling } from '../../../../api/hooks';
import { Chip } from '../../../../components/Chip';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { formatDateTime } from '../../../../lib/resident';
import { getToken } from '../../../../lib/session';
import { QueueList } from '../../components/QueueList';
import './index.css';

const PAGE_SIZE = 30;
const IS_H5 = process.env.TARO_ENV === 'h5';

const CHANNEL_LABELS: Record<DeliveryChannel, string> = { wechat: '微信', sms: '短信' };
/** The tabs, the one that needs an admin first. */
const TABS: readonly DeliveryStatus[] = ['failed', 'pending', 'sending', 'sent', 'skipped'];

const STATUS_TAG: Record<DeliveryStatus, string> = {
  failed: 'zg-tag dl-tag-bad',
  pending: 'zg-tag zg-tag-warn',
  sending: 'zg-tag zg-tag-warn',
  sent: 'zg-tag zg-tag-ok',
  skipped: 'zg-tag zg-tag-plain',
};

/** bull-board in a new browser tab (H5 only): the API's origin, with the admin's token. */
function openBoard(path: string): void {
  const base = apiBase();
  const origin = /^https?:\/\//.test(base) ? new URL(base).origin : window.location.origin;
  window.open(`${origin}${path}?token=${encodeURIComponent(getToken() ?? '')}`, '_blank', 'noopener');
}

function Summary({ summary }: { summary: DeliverySummary }) {
  const q = summary.queue;
  return (
    <View className='zg-card dl-summary'>
      <View className='zg-card-title'>消息发送情况</View>
      <View className='zg-small'>微信通知和短信都在这里。“发送失败”的是试了几次都没发出去的，查明原因后可以点“重试”。</View>
      <View className='dl-queue zg-small'>
        <View>
          {summary.queueKind === 'redis'
            ? '消息在专门的排队服务（Redis）里排队，几台服务器可以一起发。'
            : '消息在本机排队（没有 Redis）。'}
          服务器重启也不会丢，没发完的会接着发。
        </View>
        <View>{q ? `排队 ${q.waiting} 条 · 正在发 ${q.active} 条 · 等一会儿再试 ${q.delayed} 条 · 失败 ${q.failed} 条` : '现在看不到排队的情况（排队服务连不上），消息会先存着，连上后接着发。'}</View>
      </View>
      {summary.boardPath ? (
        IS_H5 ? (
          <Button className='zg-btn zg-btn-ghost zg-btn-block dl-board' onClick={() => openBoard(summary.boardPath ?? '')}>
            打开队列后台（新窗口）
          </Button>
        ) : (
          <View className='zg-small dl-board-note'>队列后台请在电脑上用网页版打开。</View>
        )
      ) : null}
    </View>
  );
}

/** "试了3次 · 最后一次 …", "试了1次 · …送达", or, before any try, when it was written or retried. */
function attemptsLine(item: DeliveryItem): string {
  if (item.sentAt) return `试了${item.attempts}次 · ${formatDateTime(item.sentAt)}送达`;
  if (item.attempts === 0) return `还没有发 · ${formatDateTime(item.updatedAt)}`;
  return `试了${item.attempts}次 · 最后一次 ${formatDateTime(item.updatedAt)}`;
}

function DeliveryCard({ item, retrying, onRetry }: { item: DeliveryItem; retrying: boolean; onRetry: () => void }) {
  return (
    <View className='zg-card dl-item'>
      <View className='zg-row-wrap'>
        <Text className={STATUS_TAG[item.status]}>{DELIVERY_STATUS_LABELS[item.status]}</Text>
        <Text className='zg-tag'>{CHANNEL_LABELS[item.channel] ?? item.channel}</Text>
        <Text className='zg-tag zg-tag-plain'>{NOTIFICATION_TYPE_LABELS[item.type] ?? item.type}</Text>
      </View>
      <View className='dl-title'>{item.title}</View>
      <View className='dl-line'>发给：{item.recipient}</View>
      <View className='dl-line'>{attemptsLine(item)}</View>
      {item.lastError ? <View className='dl-error zg-pre'>{item.status === 'failed' ? '' : '上次的错误：'}{item.lastError}</View> : null}
      {item.status === 'failed' ? (
        <Button
          className={`zg-btn zg-btn-block dl-retry${retrying ? ' zg-btn-disabled' : ''}`}
          disabled={retrying || undefined}
          onClick={onRetry}
        >
          {retrying ? '正在重试…' : '重试'}
        </Button>
      ) : null}
    </View>
  );
}

function Deliveries() {
  const [status, setStatus] = useState<DeliveryStatus>('failed');
  const summary = useApi(() => api.deliverySummary({ toast: false }), []);
  const list = useCursorList(
    (cursor) => api.listDeliveries({ status, cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined }),
    [status],
  );
  // Rows retried on this screen, as the API answered them (they keep their place until a refresh).
  const [retried, setRetried] = useState<ReadonlyMap<string, DeliveryItem>>(new Map());
  const [retrying, setRetrying] = useState<string>();
  usePagedScrolling(list, () => {
    setRetried(new Map());
    void summary.reload();
  });

  const pick = (s: DeliveryStatus) => {
    setRetried(new Map());
    setStatus(s);
    void summary.reload();
  };

  const retry = async (item: DeliveryItem) => {
    if (retrying) return;
    setRetrying(item.id);
    try {
      const updated = await api.retryDelivery(item.id);
      setRetried((prev) => new Map(prev).set(item.id, updated));
      void Taro.showToast({ title: '已重新发送', icon: 'none', duration: 1500 });
      void summary.reload();
    } catch {
      // The client has shown the API's message (409: it is no longer 发送失败).
      void list.refresh();
    } finally {
      setRetrying(undefined);
    }
  };

  const counts = summary.data?.byStatus;
  return (
    <View>
      {summary.data ? <Summary summary={summary.data} /> : null}
      {summary.error ? <View className='zg-card zg-error dl-summary'>{summary.error.message}</View> : null}
      <ScrollView scrollX className='zg-chips dl-tabs' enhanced showScrollbar={false}>
        {TABS.filter((s) => DELIVERY_STATUSES.includes(s)).map((s) => (
          <Chip key={s} label={counts ? `${DELIVERY_STATUS_LABELS[s]} ${counts[s] ?? 0}` : DELIVERY_STATUS_LABELS[s]} on={status === s} onTap={() => pick(s)} />
        ))}
        <View className='zg-chips-end' />
      </ScrollView>
      <QueueList
        list={list}
        empty={list.items.length === 0}
        emptyTitle={`没有${DELIVERY_STATUS_LABELS[status]}的消息`}
        emptyBody={status === 'failed' ? '所有消息都发出去了，或者还在发。' : '换一个上面的分类看看。'}
      >
        {list.items.map((d) => (
          <DeliveryCard key={d.id} item={retried.get(d.id) ?? d} retrying={retrying === d.id} onRetry={() => void retry(d)} />
        ))}
      </QueueList>
    </View>
  );
}

/** 消息发送情况 (admin): counts by state, the messages of one state (发送失败 first), 重试, and bull-board. */
export default function DeliveriesPage() {
  return (
    <PageShell>
      <RoleGate role='admin'>{() => <Deliveries />}</RoleGate>
    </PageShell>
  );
}
