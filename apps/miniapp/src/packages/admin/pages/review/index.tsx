import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  BENEFIT_LABELS,
  POST_TYPE_LABELS,
  type ComplianceFinding,
  type JobPostingItem,
} from '@zaogong/shared';
import { ApiRequestError } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useCursorList, usePagedScrolling } from '../../../../api/hooks';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { formatDateRange, formatMonthlyWage, formatWage } from '../../../../lib/format';
import { formatDateTime } from '../../../../lib/resident';
import { ROUTES } from '../../../../lib/routes';
import { ReasonSheet } from '../../components/ReasonSheet';
import './index.css';
import { QueueList } from '../../components/QueueList';

const PAGE_SIZE = 20;

const REJECT_PRESETS = ['工资写得不清楚', '工作内容写得太简单', '含有歧视性要求', '要求求职者交钱'] as const;

interface Segment {
  text: string;
  hit: boolean;
}

/** Splits `text` so the words the compliance check matched can be marked where they stand. */
function markMatches(text: string, words: readonly string[]): Segment[] {
  const targets = [...new Set(words.filter((w) => w.length > 0))].sort((a, b) => b.length - a.length);
  if (targets.length === 0) return [{ text, hit: false }];
  const out: Segment[] = [];
  let plainFrom = 0;
  let i = 0;
  while (i < text.length) {
    const word = targets.find((w) => text.startsWith(w, i));
    if (!word) {
      i += 1;
      continue;
    }
    if (i > plainFrom) out.push({ text: text.slice(plainFrom, i), hit: false });
    out.push({ text: word, hit: true });
    i += word.length;
    plainFrom = i;
  }
  if (plainFrom < text.length) out.push({ text: text.slice(plainFrom), hit: false });
  return out;
}

function Marked({ text, words }: { text: string; words: readonly string[] }) {
  return (
    <>
      {markMatches(text, words).map((s, i) =>
        s.hit ? (
          <Text key={i} className='rv-hit'>
            {s.text}
          </Text>
        ) : (
          <Text key={i}>{s.text}</Text>
        ),
      )}
    </>
  );
}

function Flag({ f }: { f: ComplianceFinding }) {
  const hard = f.severity === 'hard';
  return (
    <View className={hard ? 'rv-flag rv-flag-hard' : 'rv-flag'}>
      <View className='zg-row-wrap'>
        <Text className={hard ? 'rv-flag-tag rv-flag-tag-hard' : 'rv-flag-tag'}>{hard ? '违规' : '请核实'}</Text>
        <Text className='rv-flag-msg'>{f.message}</Text>
      </View>
      {f.match ? <View className='rv-flag-line'>原文：「{f.match}」</View> : null}
      <View className='rv-flag-line'>依据：{f.law}</View>
    </View>
  );
}

function Row({ name, value }: { name: string; value: string }) {
  return (
    <View className='rv-row'>
      <Text className='rv-row-name'>{name}</Text>
      <Text className='rv-row-value'>{value}</Text>
    </View>
  );
}

interface CardProps {
  post: JobPostingItem;
  onReject: (post: JobPostingItem) => void;
  onApproved: (post: JobPostingItem) => void;
}

function ReviewCard({ post, onReject, onApproved }: CardProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiRequestError>();
  const flags = post.complianceFlags ?? [];
  const words = flags.map((f) => f.match);
  const monthly = formatMonthlyWage(post);
  const dates = formatDateRange(post.startDate, post.endDate);
  const area = [post.townName, post.villageName, post.address].filter(Boolean).join(' ');
  // The API refuses to publish for an unverified employer (409): offer the way to verify it.
  const needsVerification = !post.employer.verified || (error?.statusCode === 409 && error.message.includes('认证'));

  const approve = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.reviewPost(post.id, { approve: true }, { toast: false });
      onApproved(post);
    } catch (e) {
      setError(e instanceof ApiRequestError ? e : new ApiRequestError(0, '没有提交成功，请再试一次'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='zg-card rv-card'>
      <View className='rv-title'>
        <Marked text={post.title} words={words} />
      </View>
      <View className='rv-wage zg-money'>{formatWage(post)}</View>
      {monthly ? <View className='zg-small'>{monthly}</View> : null}

      <View className='rv-employer'>
        <Text className='rv-employer-name'>{post.employer.name}</Text>
        {post.employer.verified ? (
          <Text className='zg-tag zg-tag-ok rv-badge'>✓ 已认证企业</Text>
        ) : (
          <Text className='zg-tag zg-tag-warn rv-badge'>企业未认证</Text>
        )}
      </View>

      {flags.length > 0 ? (
        <View className='rv-flags'>
          <View className='rv-flags-title'>系统检查发现{flags.length}处要注意</View>
          <View>
            {flags.map((f, i) => (
              <Flag key={`${f.ruleId}:${i}`} f={f} />
            ))}
          </View>
        </View>
      ) : (
        <View className='rv-clean'>系统检查没有发现问题，请再通读一遍。</View>
      )}

      <View className='rv-section'>
        <Row name='工作类型' value={POST_TYPE_LABELS[post.type]} />
        {post.occupationName ? <Row name='工种' value={post.occupationName} /> : null}
        <Row name='招几个人' value={`${post.headcount}人`} />
        <Row name='工作地点' value={area || '未填写'} />
        {dates ? <Row name='用工日期' value={dates} /> : null}
        <Row name='福利' value={post.benefits.length > 0 ? post.benefits.map((b) => BENEFIT_LABELS[b] ?? b).join('、') : '没有写明'} />
        {post.skills.length > 0 ? <Row name='技能要求' value={post.skills.join('、')} /> : null}
        <Row name='提交时间' value={formatDateTime(post.updatedAt)} />
      </View>

      <View className='rv-desc-title'>工作内容</View>
      <View className='rv-desc zg-pre'>
        <Marked text={post.description} words={words} />
      </View>

      {error ? <View className='zg-error'>{error.message}</View> : null}
      {needsVerification ? (
        <View className='rv-verify'>
          <View className='zg-text'>企业要先通过认证，这个岗位才能发布。</View>
          <Button
            className='zg-btn zg-btn-ghost zg-btn-block rv-verify-link'
            onClick={() => void Taro.navigateTo({ url: ROUTES.employerQueue })}
          >
            去企业认证
          </Button>
        </View>
      ) : null}

      <View className='rv-buttons'>
        <Button className='zg-btn zg-btn-danger rv-reject' onClick={() => onReject(post)}>
          驳回
        </Button>
        <Button
          className={busy ? 'zg-btn rv-approve zg-btn-disabled' : 'zg-btn rv-approve'}
          disabled={busy || undefined}
          onClick={() => void approve()}
        >
          {busy ? '正在提交…' : '通过'}
        </Button>
      </View>
    </View>
  );
}

function ReviewQueue() {
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [rejecting, setRejecting] = useState<JobPostingItem | null>(null);
  const list = useCursorList(
    (cursor) => api.reviewQueue({ cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined }),
    [],
  );

  usePagedScrolling(list, () => setDone(new Set()));

  const finish = (post: JobPostingItem, message: string) => {
    setDone((prev) => new Set(prev).add(post.id));
    void Taro.showToast({ title: message, icon: 'none', duration: 2000 });
  };
  const items = list.items.filter((p) => !done.has(p.id));

  return (
    <View>
      <View className='zg-card rv-intro'>
        <View className='zg-h2'>待审核的岗位</View>
        <View className='zg-small'>先提交的排在前面。通过后岗位马上对外公开；驳回要写明原因，企业改好后可以再提交。</View>
      </View>

      <QueueList list={list} empty={items.length === 0} emptyTitle='没有待审核的岗位' emptyBody='企业提交新岗位后会出现在这里。'>
        {items.map((post) => (
          <ReviewCard
            key={post.id}
            post={post}
            onReject={setRejecting}
            onApproved={(p) => finish(p, '已通过，岗位已发布')}
          />
        ))}
      </QueueList>

      {rejecting ? (
        <ReasonSheet
          title={`驳回：${rejecting.title}`}
          label='驳回原因（企业会看到）'
          required
          presets={REJECT_PRESETS}
          placeholder='写清楚哪里要改，企业改好后可以再提交'
          submitText='确认驳回'
          onClose={() => setRejecting(null)}
          onSubmit={async (reason) => {
            await api.reviewPost(rejecting.id, { approve: false, reason }, { toast: false });
            finish(rejecting, '已驳回，企业会看到原因');
            setRejecting(null);
          }}
        />
      ) : null}
    </View>
  );
}

/** 岗位审核 (admin): posts waiting for review, oldest first, with what the compliance check found. */
export default function ReviewPage() {
  return (
    <PageShell>
      <RoleGate role='admin'>{() => <ReviewQueue />}</RoleGate>
    </PageShell>
  );
}
