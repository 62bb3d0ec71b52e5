import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  APPLICATION_STATUS_LABELS,
  EVENT_EMPLOYER_STATUS_LABELS,
  WAGE_UNIT_LABELS,
  type AuthUser,
  type EventDetail,
  type EventEmployerItem,
  type EventPostSummary,
} from '@zaogong/shared';
import { ApiRequestError } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { eventsApi } from '../../../api/events';
import { ConfirmSheet } from '../../../components/ConfirmSheet';
import { loginUrl, postUrl, ROUTES } from '../../../lib/routes';
import { eventUrl } from '../../../lib/events';
import { FirstTimeFields, firstTimeOf, type FirstTime, type FirstTimeErrors } from '../../post/FirstTimeFields';
import { makeRecordOrThrow } from './SeekerPart';
import type { SeekerFacts } from './seeker';

/** "5000–6500元/月", "200元/天", or 面议 when the post gave no pay. */
export function payText(p: Pick<EventPostSummary, 'wageMin' | 'wageMax' | 'wageUnit'>): string {
  if (p.wageMin === null) return '工资面议';
  const unit = p.wageUnit ? WAGE_UNIT_LABELS[p.wageUnit] : '';
  const max = p.wageMax ?? p.wageMin;
  return p.wageMin === max ? `${p.wageMin} ${unit}` : `${p.wageMin}–${max} ${unit}`;
}

const STATUS_ORDER: Record<EventEmployerItem['status'], number> = { pending: 0, approved: 1, rejected: 2, withdrawn: 3 };

/** Pending requests first (the organiser's), then booths in their order (A2 before A12), then the rest. */
function ordered(list: EventEmployerItem[]): EventEmployerItem[] {
  return [...list].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.booth ?? '').localeCompare(b.booth ?? '', 'zh-CN', { numeric: true }) ||
      a.employerName.localeCompare(b.employerName, 'zh-CN'),
  );
}

type Acting =
  | { kind: 'apply'; e: EventEmployerItem; p: EventPostSummary }
  | { kind: 'approve'; e: EventEmployerItem }
  | { kind: 'reject'; e: EventEmployerItem };

interface Props {
  ev: EventDetail;
  user: AuthUser | null;
  facts: SeekerFacts | null | undefined;
  onChanged: () => void;
  onApplied: () => void;
}

/**
 * 参会企业: each employer with its booth and the posts it brings. A seeker applies at a post in one tap
 * (我要应聘, asked once); the organiser approves a request with a booth number or turns it down with a reason.
 */
export function Booths({ ev, user, facts, onChanged, onApplied }: Props) {
  const [acting, setActing] = useState<Acting>();
  const [first, setFirst] = useState<FirstTime>();
  const [firstErrors, setFirstErrors] = useState<FirstTimeErrors>({});
  const [applied, setApplied] = useState<Record<string, true>>({});
  // Applications count for the event until a day after its end (leaflets taken home); the API's rule.
  const open = ev.phase !== 'cancelled' && Date.now() <= Date.parse(ev.endsAt) + 24 * 3600_000;
  const seeker = user?.role === 'seeker';
  const needsRecord = facts ? !facts.hasRecord : false;
  const list = ordered(ev.employers);
  const pending = list.filter((e) => e.status === 'pending').length;
  const close = () => setActing(undefined);

  const startApply = (e: EventEmployerItem, p: EventPostSummary) => {
    if (!user) {
      void Taro.navigateTo({ url: loginUrl(eventUrl(ev.id)) });
      return;
    }
    if (needsRecord && !first && user) setFirst(firstTimeOf(user));
    setActing({ kind: 'apply', e, p });
  };

  const applyButton = (e: EventEmployerItem, p: EventPostSummary) => {
    if (!open || e.status !== 'approved' || (user && !seeker)) return null;
    const status = applied[p.id] ? 'applied' : facts?.applied.get(p.id);
    if (status) {
      return (
        <View className='evd-applied' onClick={() => void Taro.navigateTo({ url: ROUTES.myApplications })} aria-role='link'>
          ✓ 已应聘 · {APPLICATION_STATUS_LABELS[status]}
          <Text className='evd-applied-link'>看进展 ▸</Text>
        </View>
      );
    }
    if (!p.open) return <View className='zg-small evd-post-closed'>这个岗位已经招满了</View>;
    return (
      <Button className='zg-btn zg-btn-block evd-apply' disabled={(seeker && facts === undefined) || undefined} onClick={() => startApply(e, p)}>
        我要应聘
      </Button>
    );
  };

  return (
    <View className='zg-card evd-booths'>
      <View className='zg-card-title'>参会企业{list.length > 0 ? `（${list.filter((e) => e.status === 'approved').length}家）` : ''}</View>
      {ev.canManage && pending > 0 ? <View className='evd-pending-note'>有{pending}家企业等您审核：通过时给个展位号。</View> : null}
      {list.length === 0 ? <View className='zg-text evd-none'>{ev.canManage ? '还没有企业报名参加。' : '参会的企业还没定下来，定了会在这里列出。'}</View> : null}
      {list.map((e) => (
        <View key={e.employerId} className={e.status === 'approved' ? 'evd-booth' : 'evd-booth evd-booth-off'}>
          <View className='zg-row evd-booth-top'>
            {e.booth ? (
              <View className='evd-booth-no'>
                <Text className='evd-booth-no-text'>{e.booth}</Text>
                <Text className='evd-booth-no-unit'>号展位</Text>
              </View>
            ) : null}
            <View className='zg-grow evd-booth-name'>{e.employerName}</View>
          </View>
          {ev.canManage && e.status !== 'approved' ? (
            <View className={`evd-booth-status evd-booth-status-${e.status}`}>
              {EVENT_EMPLOYER_STATUS_LABELS[e.status]}
              {e.reason ? `：${e.reason}` : ''}
            </View>
          ) : null}
          {e.posts.map((p) => (
            <View key={p.id} className='evd-post'>
              <View className='evd-post-title' aria-role='link' onClick={() => void Taro.navigateTo({ url: postUrl(p.id) })}>
                {p.title}
              </View>
              <View className='zg-row-wrap evd-post-facts'>
                <Text className='zg-money evd-post-pay'>{payText(p)}</Text>
                <Text className='evd-post-count'>招{p.headcount}人</Text>
              </View>
              {applyButton(e, p)}
            </View>
          ))}
          {ev.canManage && e.status === 'pending' ? (
            <View className='evd-review'>
              <Button className='zg-btn evd-approve' onClick={() => setActing({ kind: 'approve', e })}>
                通过，给展位
              </Button>
              <Button className='zg-btn zg-btn-danger evd-reject' onClick={() => setActing({ kind: 'reject', e })}>
                不通过
              </Button>
            </View>
          ) : null}
        </View>
      ))}

      {acting?.kind === 'apply' ? (
        <ConfirmSheet
          title={`应聘「${acting.p.title}」？`}
          submitText='我要应聘'
          cancelText='先不了'
          onClose={close}
          onSubmit={async () => {
            if (needsRecord && user) {
              await makeRecordOrThrow(first, user, setFirstErrors);
            }
            try {
              await api.apply({ postId: acting.p.id, eventId: ev.id }, { toast: false });
            } catch (err) {
              // Applied already (here or on the post's page): it stands as it is.
              if (!(err instanceof ApiRequestError && err.statusCode === 409 && 'existingId' in err.body)) throw err;
            }
            setApplied((prev) => ({ ...prev, [acting.p.id]: true }));
            close();
            void Taro.showToast({ title: '已应聘', icon: 'success', duration: 1500 });
            onApplied();
          }}
        >
          <View>
            <Text className='cs-strong'>{acting.e.employerName}</Text>
            {acting.e.booth ? `（${acting.e.booth}号展位）` : ''}会看到您的姓名和电话。
          </View>
          <View className='evd-next'>
            {ev.kind === 'onsite' ? '接下来：到展位上跟企业当面谈。' : '接下来：企业会打电话跟您谈。'}
            以后在「我的」→「我的投递」里看进展，录用了也在那里确认。
          </View>
          {needsRecord && first && user ? (
            <FirstTimeFields
              user={user}
              value={first}
              errors={firstErrors}
              submitText='我要应聘'
              onChange={(v) => {
                setFirst(v);
                setFirstErrors({});
              }}
            />
          ) : null}
        </ConfirmSheet>
      ) : null}

      {acting?.kind === 'approve' ? (
        <ConfirmSheet
          title={`通过${acting.e.employerName}？`}
          submitText='通过'
          field={
            ev.kind === 'onsite'
              ? {
                  label: '展位号（企业和求职者都会看到）',
                  required: true,
                  line: 'text',
                  maxLength: 20,
                  placeholder: '如：A12',
                  requiredMessage: '请写上展位号，如 A12',
                }
              : undefined
          }
          onClose={close}
          onSubmit={async (booth) => {
            await eventsApi.review(ev.id, acting.e.employerId, booth ? { approve: true, booth: booth.toUpperCase() } : { approve: true }, { toast: false });
            close();
            void Taro.showToast({ title: '已通过', icon: 'success', duration: 1500 });
            onChanged();
          }}
        >
          <View>
            带来{acting.e.posts.length}个岗位：{acting.e.posts.map((p) => p.title).join('、')}。通过后企业会收到消息{ev.kind === 'onsite' ? '和展位号' : ''}。
          </View>
        </ConfirmSheet>
      ) : null}

      {acting?.kind === 'reject' ? (
        <ConfirmSheet
          title={`不让${acting.e.employerName}参加？`}
          submitText='不通过'
          danger
          field={{
            label: '原因（企业会看到）',
            required: true,
            minLength: 2,
            maxLength: 200,
            presets: ['展位已经排满了', '岗位和这次活动不对口'],
            placeholder: '如：展位已经排满了',
            requiredMessage: '请写明原因（至少2个字）',
          }}
          onClose={close}
          onSubmit={async (reason) => {
            await eventsApi.review(ev.id, acting.e.employerId, { approve: false, reason }, { toast: false });
            close();
            void Taro.showToast({ title: '已告诉企业', icon: 'success', duration: 1500 });
            onChanged();
          }}
        />
      ) : null}
    </View>
  );
}
