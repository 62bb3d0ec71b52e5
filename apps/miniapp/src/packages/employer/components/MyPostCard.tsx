import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  POST_EXPIRY_REMINDER_DAYS,
  POST_REFRESH_INTERVAL_HOURS,
  POST_STATUS_LABELS,
  POST_TYPE_LABELS,
  canTransition,
  type JobPostingItem,
  type PostStatus,
} from '@zaogong/shared';
import { api } from '../../../api/endpoints';
import { ConfirmSheet } from '../../../components/ConfirmSheet';
import { formatDate, formatPublished, formatWage } from '../../../lib/format';
import { applicantsUrl } from '../../../lib/applications';
import { candidatesUrl } from '../../../lib/matching';
import { postUrl } from '../../../lib/routes';
import { daysUntil, expiryText } from '../lib/dates';
import { gigRosterUrl } from '../lib/gigs';
import { postFormUrl } from '../lib/urls';
import { ComplianceHints } from './ComplianceHints';
import './MyPostCard.css';

const STATUS_TAG: Record<PostStatus, string> = {
  draft: 'zg-tag zg-tag-plain',
  pending_review: 'zg-tag zg-tag-warn',
  published: 'zg-tag zg-tag-ok',
  rejected: 'zg-tag mp-tag-bad',
  closed: 'zg-tag zg-tag-plain',
  expired: 'zg-tag zg-tag-plain',
};

/** One line under the title saying where the post stands, in plain words. */
function stateLine(p: JobPostingItem): string {
  switch (p.status) {
    case 'draft':
      return '还没提交，大家看不到。写好了点“提交审核”。';
    case 'pending_review':
      return '等管理员审核，通过后大家就能看到。';
    case 'published': {
      const shown = formatPublished(p.refreshedAt ?? p.publishedAt);
      return p.expiresAt ? `${shown}，${formatDate(p.expiresAt)}到期` : shown;
    }
    case 'rejected':
      return '没有通过审核，改好后再提交。';
    case 'closed':
      return '已关闭，大家看不到了。';
    case 'expired': {
      const last = lastDay(p);
      const when = p.expiresAt ? formatDate(p.expiresAt) : '';
      return last && (daysUntil(last) ?? 0) < 0
        ? `${when}已过期，用工日期已经过了。要再招人请重新发布。`
        : `${when}已过期。点“刷新”可以再展示30天。`;
    }
  }
}

const EDITABLE: readonly PostStatus[] = ['draft', 'pending_review', 'published', 'rejected'];
const SUBMITTABLE: readonly PostStatus[] = ['draft', 'rejected'];
/** The API takes one 刷新 per POST_REFRESH_INTERVAL_HOURS; earlier the button would only earn a refusal. */
const REFRESH_AFTER_MS = POST_REFRESH_INTERVAL_HOURS * 3600 * 1000;

/** The last working day of a dated post (零工, 季节工, 共享员工); a refresh cannot go past it. */
function lastDay(p: JobPostingItem): string | null {
  return p.endDate ?? p.startDate;
}

function canRefresh(p: JobPostingItem, now: number): boolean {
  const last = lastDay(p);
  // Past its last working day a post cannot come back; within it, expiry is the dates' doing.
  if (last && (daysUntil(last) ?? 0) < 0) return false;
  if (p.status === 'expired') return true;
  if (p.status !== 'published') return false;
  if (last && daysUntil(last) === daysUntil(p.expiresAt)) return false;
  const shown = Date.parse(p.refreshedAt ?? p.publishedAt ?? '');
  return Number.isNaN(shown) || now - shown >= REFRESH_AFTER_MS;
}

interface Props {
  post: JobPostingItem;
  /** After 提交, 刷新 or 关闭: the list loads again (the post may move to another tab). */
  onChanged: () => void;
}

/** 我的岗位: one post with its state, what the reviewer said and the actions that fit its state. */
export function MyPostCard({ post: p, onChanged }: Props) {
  const applicants = p.applicants;
  const [closing, setClosing] = useState(false);
  const [busy, setBusy] = useState(false);
  const daysLeft = p.status === 'published' ? daysUntil(p.expiresAt) : null;
  const refreshable = canRefresh(p, Date.now());
  const expiringSoon = refreshable && daysLeft !== null && daysLeft <= POST_EXPIRY_REMINDER_DAYS;
  const flags = p.complianceFlags ?? [];
  const shownFlags = p.status === 'rejected' || p.status === 'draft' ? flags : flags.filter((f) => f.severity === 'soft');
  const reports = p.openReports ?? 0;

  const run = async (action: () => Promise<JobPostingItem>, done: (res: JobPostingItem) => string) => {
    if (busy) return;
    setBusy(true);
    try {
      const res = await action();
      void Taro.showToast({ title: done(res), icon: 'none', duration: 2500 });
      onChanged();
    } catch {
      // The client has shown the API's message in a toast.
    } finally {
      setBusy(false);
    }
  };

  const refresh = () =>
    void run(
      () => api.refreshPost(p.id),
      () => '已刷新，又能展示30天',
    );
  const submit = () =>
    void run(
      () => api.submitPost(p.id),
      (res) => (res.status === 'rejected' ? '没有通过检查，原因写在岗位下面' : '已提交，审核通过后大家就能看到'),
    );
  const close = async () => {
    await api.closePost(p.id, { toast: false });
    setClosing(false);
    void Taro.showToast({ title: '岗位已关闭', icon: 'none', duration: 2500 });
    onChanged();
  };

  const btn = (extra = '') => `zg-btn mp-btn ${extra}${busy ? ' zg-btn-disabled' : ''}`;

  return (
    <View className='zg-card mp-card' id={`mp-${p.id}`}>
      <View className='mp-top'>
        <Text className='mp-title'>{p.title}</Text>
        <Text className={`${STATUS_TAG[p.status]} mp-status`}>{POST_STATUS_LABELS[p.status]}</Text>
      </View>
      <View className='mp-wage zg-money'>{formatWage(p)}</View>
      <View className='zg-row-wrap'>
        <Text className='zg-tag'>{POST_TYPE_LABELS[p.type]}</Text>
        <Text className='zg-tag zg-tag-plain'>招{p.headcount}人</Text>
        {p.townName ? <Text className='zg-tag zg-tag-plain'>{p.townName}</Text> : null}
        {reports > 0 ? <Text className='zg-tag zg-tag-warn mp-reports'>有{reports}条举报正在核实</Text> : null}
      </View>
      <View className='zg-small mp-state'>{stateLine(p)}</View>

      {expiringSoon && daysLeft !== null ? (
        <View className='mp-expiry zg-row'>
          <View className='zg-grow'>
            <View className='mp-expiry-text'>{expiryText(daysLeft)}</View>
            <View className='mp-expiry-sub'>刷新一下，再展示30天</View>
          </View>
          <Button
            className={`zg-btn mp-expiry-btn${busy ? ' zg-btn-disabled' : ''}`}
            disabled={busy || undefined}
            onClick={refresh}
          >
            刷新
          </Button>
        </View>
      ) : null}

      {p.status === 'published' && !refreshable && daysLeft !== null && daysLeft <= POST_EXPIRY_REMINDER_DAYS && lastDay(p) ? (
        <View className='mp-expiry mp-expiry-text'>{expiryText(daysLeft)}：用工日期到了就自动下架</View>
      ) : null}

      {p.reviewNote && (p.status === 'closed' || (p.status === 'rejected' && !flags.some((f) => f.severity === 'hard'))) ? (
        <View className='mp-note'>
          <View className='mp-note-head'>{p.status === 'closed' ? '关闭原因' : '审核意见'}</View>
          <View className='zg-pre'>{p.reviewNote}</View>
        </View>
      ) : null}

      <ComplianceHints findings={shownFlags} />

      {p.type === 'gig' && (p.status === 'published' || p.status === 'closed' || p.status === 'expired') ? (
        <Button className='zg-btn zg-btn-block mp-gig' onClick={() => void Taro.navigateTo({ url: gigRosterUrl(p.id) })}>
          看报名名单/现场码
        </Button>
      ) : null}

      {p.status === 'published' || (applicants?.total ?? 0) > 0 ? (
        <View className='mp-people'>
          {/* A 零工's people sign up for days (看报名名单 above); applications to it are shown only when there are some. */}
          {p.type !== 'gig' || (applicants?.total ?? 0) > 0 ? (
            <Button
              className={applicants && applicants.total === 0 ? 'zg-btn zg-btn-ghost zg-btn-block mp-applicants' : 'zg-btn zg-btn-block mp-applicants'}
              onClick={() => void Taro.navigateTo({ url: applicantsUrl(p.id) })}
            >
              报名的人 {applicants ? applicants.total : ''}
              {applicants && applicants.fresh > 0 ? <Text className='mp-fresh'>{applicants.fresh}个新的</Text> : null}
            </Button>
          ) : null}
          {p.status === 'published' ? (
            <Button className='zg-btn zg-btn-ghost zg-btn-block mp-match' onClick={() => void Taro.navigateTo({ url: candidatesUrl(p.id) })}>
              推荐人选
            </Button>
          ) : null}
        </View>
      ) : null}

      <View className='mp-actions'>
        {SUBMITTABLE.includes(p.status) ? (
          <Button className={btn()} disabled={busy || undefined} onClick={submit}>
            提交审核
          </Button>
        ) : null}
        {refreshable && !expiringSoon ? (
          <Button className={btn('zg-btn-ghost')} disabled={busy || undefined} onClick={refresh}>
            刷新
          </Button>
        ) : null}
        {EDITABLE.includes(p.status) ? (
          <Button
            className={btn('zg-btn-ghost')}
            disabled={busy || undefined}
            onClick={() => void Taro.navigateTo({ url: postFormUrl(p.id) })}
          >
            编辑
          </Button>
        ) : null}
        {p.status === 'published' ? (
          <Button className={btn('zg-btn-ghost')} onClick={() => void Taro.navigateTo({ url: postUrl(p.id) })}>
            查看
          </Button>
        ) : null}
        {canTransition(p.status, 'closed') ? (
          <Button className={btn('zg-btn-danger')} disabled={busy || undefined} onClick={() => setClosing(true)}>
            关闭
          </Button>
        ) : null}
      </View>
      {closing ? (
        <ConfirmSheet title='关闭这个岗位？' submitText='关闭岗位' danger cancelText='先不关' onClose={() => setClosing(false)} onSubmit={close}>
          关闭后找工作的人就看不到了，<Text className='cs-strong'>也不能再打开</Text>。招满了或不招了再关闭。
        </ConfirmSheet>
      ) : null}
    </View>
  );
}
