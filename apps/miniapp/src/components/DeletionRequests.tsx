import { useState, type ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  DELETION_REQUEST_STATUS_LABELS,
  DISTRICT_NAME,
  ROLE_LABELS,
  regionLevelOf,
  type AuthUser,
  type DeletionRequestItem,
  type DeletionRequestStatus,
  type Role,
} from '@zaogong/shared';
import { api } from '../api/endpoints';
import { useCursorList, usePagedScrolling } from '../api/hooks';
import { formatDateTime } from '../lib/resident';
import { Chip } from './Chip';
import { ConfirmSheet } from './ConfirmSheet';
import { StateView } from './StateView';
import './DeletionRequests.css';

const PAGE_SIZE = 20;

type Filter = DeletionRequestStatus | 'all';
/** 待处理 first: that is what waits for the caller. */
const FILTERS: ReadonlyArray<{ key: Filter; label: string }> = [
  { key: 'pending', label: DELETION_REQUEST_STATUS_LABELS.pending },
  { key: 'completed', label: DELETION_REQUEST_STATUS_LABELS.completed },
  { key: 'declined', label: DELETION_REQUEST_STATUS_LABELS.declined },
  { key: 'all', label: '全部' },
];

const EMPTY: Record<Filter, string> = {
  pending: '没有待处理的注销申请',
  completed: '还没有办理过注销',
  declined: '没有不予办理的申请',
  all: '还没有人申请注销',
};

const STATUS_TAG: Record<DeletionRequestStatus, string> = {
  pending: 'zg-tag zg-tag-warn',
  completed: 'zg-tag zg-tag-ok',
  declined: 'zg-tag zg-tag-plain',
};

/** What carrying out an erasure does (docs/business-logic/personal-data-rights.md), for whoever does it. */
export const ERASURE_EFFECTS = [
  '姓名、身份证号、手机号和求职信息全部删除，不再出现在居民名单、搜索和统计里',
  '还没结束的报名撤回，还没确认的录用记录删除',
  '本人的账号注销，马上退出登录',
  '已经确认上班、算进新增就业的记录不带姓名保留，往年的就业人数不变',
] as const;

const COMPLETE_PRESETS = ['已电话核实本人意愿', '本人当面确认'] as const;
const DECLINE_PRESETS = ['您有一笔就业补贴正在办理，办结后可再申请', '无法确认是本人申请，请带身份证到村委会办理'] as const;

/** Bullets of what an erasure does, for the confirm steps. */
export function ErasureEffects() {
  return (
    <View className='dr-effects'>
      {ERASURE_EFFECTS.map((t) => (
        <View key={t} className='dr-effect'>
          <Text className='dr-dot'>·</Text>
          <Text className='zg-grow'>{t}</Text>
        </View>
      ))}
    </View>
  );
}

function scopeLine(user: AuthUser): string {
  const level = regionLevelOf(user.regionCode);
  if (level === 'village') return `您负责的${user.regionName ?? '村居'}，村民的注销申请都在这里。`;
  if (level === 'town') return `${user.regionName ?? ''}（整个镇街）居民的注销申请都在这里。`;
  return `${DISTRICT_NAME}所有的注销申请都在这里，也包括没填求职信息的人（只能由区人社局办理）。`;
}

function placeOf(r: DeletionRequestItem): string {
  if (r.villageName) return [r.townName, r.villageName].filter(Boolean).join(' ');
  return r.residentId ? '—' : '没有填求职信息';
}

function whoDecided(r: DeletionRequestItem): string {
  const by = r.decidedBy;
  if (!by) return '';
  const role = by.role && by.role in ROLE_LABELS ? ROLE_LABELS[by.role as Role] : '';
  return [role, by.name].filter(Boolean).join(' ');
}

interface CardProps {
  item: DeletionRequestItem;
  onComplete: (item: DeletionRequestItem) => void;
  onDecline: (item: DeletionRequestItem) => void;
}

function RequestCard({ item: r, onComplete, onDecline }: CardProps) {
  // Done at the window: the reason the staff wrote down is the person's own.
  const windowReason = r.source === 'in_person' && !r.reason ? r.decisionNote : null;
  const note = windowReason ? null : r.decisionNote;
  return (
    <View className={`zg-card dr-row dr-row-${r.status}`}>
      <View className='zg-row'>
        <View className='zg-grow dr-name'>{r.name}</View>
        <Text className={`${STATUS_TAG[r.status]} dr-badge`}>{DELETION_REQUEST_STATUS_LABELS[r.status]}</Text>
      </View>
      <View className='dr-line'>
        <Text className='dr-key'>住在</Text>
        <Text className='zg-grow'>{placeOf(r)}</Text>
      </View>
      <View className='dr-line'>
        <Text className='dr-key'>怎么申请</Text>
        <Text className='zg-grow'>{r.source === 'in_person' ? '本人到窗口申请' : '本人在小程序里申请'}</Text>
      </View>
      <View className='dr-line'>
        <Text className='dr-key'>申请时间</Text>
        <Text className='zg-grow'>{formatDateTime(r.requestedAt)}</Text>
      </View>
      <View className='dr-line'>
        <Text className='dr-key'>原因</Text>
        <Text className='zg-grow'>{r.reason ?? windowReason ?? '没有写'}</Text>
      </View>
      {r.status !== 'pending' ? (
        <View className='dr-line'>
          <Text className='dr-key'>{r.status === 'completed' ? '办理' : '处理'}</Text>
          <View className='zg-grow'>
            <View>{formatDateTime(r.decidedAt)}</View>
            {whoDecided(r) ? <View>{whoDecided(r)}</View> : null}
          </View>
        </View>
      ) : null}
      {note ? (
        <View className={r.status === 'declined' ? 'dr-note dr-note-declined' : 'dr-note'}>
          {r.status === 'declined' ? '不予办理的原因：' : '备注：'}
          {note}
        </View>
      ) : null}
      {r.status === 'pending' ? (
        <View className='dr-actions'>
          <Button className='zg-btn dr-complete' onClick={() => onComplete(r)}>
            办理
          </Button>
          <Button className='zg-btn zg-btn-ghost dr-decline' onClick={() => onDecline(r)}>
            不予办理
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/**
 * 注销申请 (liaisons and admins, within their area): requests by status, 待处理 first; 办理 erases the
 * person (with an optional note), 不予办理 answers them with a reason they read.
 */
export function DeletionRequests({ user }: { user: AuthUser }) {
  const [filter, setFilter] = useState<Filter>('pending');
  const [changes, setChanges] = useState<ReadonlyMap<string, DeletionRequestItem>>(new Map());
  const [acting, setActing] = useState<{ item: DeletionRequestItem; kind: 'complete' | 'decline' } | null>(null);

  const list = useCursorList(
    (cursor) =>
      api.listDeletionRequests({ status: filter === 'all' ? undefined : filter, cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined }),
    [filter],
  );
  usePagedScrolling(list, () => setChanges(new Map()));

  const done = (item: DeletionRequestItem, message: string) => {
    setChanges((prev) => new Map(prev).set(item.id, item));
    setActing(null);
    void Taro.showToast({ title: message, icon: 'success', duration: 1500 });
  };

  const items = list.items.map((it) => changes.get(it.id) ?? it);

  let body: ReactNode;
  if (list.loading && list.items.length === 0) body = <StateView title='正在加载…' />;
  else if (list.error) body = <StateView title='没有加载出来' body={list.error.message} actionText='再试一次' onAction={() => void list.refresh()} />;
  else if (items.length === 0 && !list.hasMore)
    body = <StateView title={EMPTY[filter]} body='有人申请注销时，会出现在这里。' actionText='刷新' onAction={() => void list.refresh()} />;
  else
    body = (
      <View>
        {items.map((r) => (
          <RequestCard
            key={r.id}
            item={r}
            onComplete={(item) => setActing({ item, kind: 'complete' })}
            onDecline={(item) => setActing({ item, kind: 'decline' })}
          />
        ))}
        <View className='dr-foot'>
          {list.loadingMore ? (
            <View className='zg-small'>正在加载更多…</View>
          ) : list.hasMore ? (
            <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void list.loadMore()}>
              加载更多
            </Button>
          ) : null}
        </View>
      </View>
    );

  return (
    <View>
      <View className='dr-intro'>
        <View className='zg-h1'>注销申请</View>
        <View className='zg-small'>
          {scopeLine(user)}
          先打电话或当面问清楚是本人的意思，再点“办理”。有就业补贴正在发放等情况，可以不予办理，写明原因，本人会看到。
        </View>
      </View>
      <View className='zg-card dr-filters'>
        <View className='zg-row-wrap dr-grid'>
          {FILTERS.map((f) => (
            <Chip key={f.key} label={f.label} on={filter === f.key} onTap={() => setFilter(f.key)} />
          ))}
        </View>
      </View>
      {body}

      {acting?.kind === 'complete' ? (
        <ConfirmSheet
          title={`删除 ${acting.item.name} 的个人信息`}
          submitText='确认删除'
          danger
          field={{ label: '备注（记进操作记录）', required: false, presets: COMPLETE_PRESETS, requiredMessage: '' }}
          onClose={() => setActing(null)}
          onSubmit={async (note) => done(await api.completeDeletion(acting.item.id, note || undefined, { toast: false }), '已删除')}
        >
          <View>办理以后：</View>
          <ErasureEffects />
          <View className='dr-warn'>删除了就找不回来。</View>
        </ConfirmSheet>
      ) : null}

      {acting?.kind === 'decline' ? (
        <ConfirmSheet
          title={`不予办理 ${acting.item.name} 的申请`}
          submitText='不予办理'
          field={{
            label: '原因（本人会看到）',
            required: true,
            minLength: 4,
            presets: DECLINE_PRESETS,
            placeholder: '例如：您有一笔就业补贴正在办理，办结后可再申请',
            requiredMessage: '请写明原因（至少4个字），本人会看到',
          }}
          onClose={() => setActing(null)}
          onSubmit={async (reason) => done(await api.declineDeletion(acting.item.id, reason, { toast: false }), '已回复本人')}
        >
          <View>本人的信息不删除。原因会显示在本人的“我的个人信息”里，问题解决后本人可以再申请。</View>
        </ConfirmSheet>
      ) : null}
    </View>
  );
}
