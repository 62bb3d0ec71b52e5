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
import { useApi, useCursorList, usePagedScrolling } from '../../../../api/hooks';
import { ConfirmSheet } from '../../../../components/ConfirmSheet';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { formatDateRange, formatMonthlyWage, formatWage } from '../../../../lib/format';
import { formatDateTime } from '../../../../lib/resident';
import { ReasonSheet } from '../../components/ReasonSheet';
import './index.css';
import { QueueList } from '../../components/QueueList';
import { EmployerFacts } from '../../components/EmployerFacts';
import { usePendingCounts } from '../../lib/pending-counts';

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
  /** The employer was verified on this screen (with another of its posts). */
  employerVerified: boolean;
  onReject: (post: JobPostingItem) => void;
  onApprove: (post: JobPostingItem) => void;
}

function ReviewCard({ post, employerVerified, onReject, onApprove }: CardProps) {
  const flags = post.complianceFlags ?? [];
  const words = flags.map((f) => f.match);
  const monthly = formatMonthlyWage(post);
  const dates = formatDateRange(post.startDate, post.endDate);
  const area = [post.townName, post.villageName, post.address].filter(Boolean).join(' ');
  const verified = post.employer.verified || employerVerified;

  return (
    <View className='zg-card rv-card'>
      <View className='rv-title'>
        <Marked text={post.title} words={words} />
      </View>
      <View className='rv-wage zg-money'>{formatWage(post)}</View>
      {monthly ? <View className='zg-small'>{monthly}</View> : null}

      <View className='rv-employer'>
        <Text className='rv-employer-name'>{post.employer.name}</Text>
        {verified ? (
          <Text className='zg-tag zg-tag-ok rv-badge'>✓ 已认证企业</Text>
        ) : (
          <Text className='zg-tag zg-tag-warn rv-badge'>企业未认证</Text>
        )}
      </View>
      {verified ? null : <View className='zg-small rv-verify-hint'>点“通过”时会先看企业信息，可以同时认证这家企业。</View>}
      {post.reviewNote ? <View className='rv-note'>退回说明：{post.reviewNote}</View> : null}

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

      <View className='rv-buttons'>
        <Button className='zg-btn zg-btn-danger rv-reject' onClick={() => onReject(post)}>
          驳回
        </Button>
        <Button className='zg-btn rv-approve' onClick={() => onApprove(post)}>
          通过
        </Button>
      </View>
    </View>
  );
}

/** The employer of a post to be approved, when it is not verified: what to check before 同时认证. */
function UnverifiedEmployer({ employerId, name }: { employerId: string; name: string }) {
  const employer = useApi(() => api.getEmployer(employerId, { toast: false }), [employerId]);
  return (
    <View className='rv-firm'>
      <View className='rv-firm-warn'>这家企业还没有认证。企业登记时已被告知：企业认证和岗位审核一起办。</View>
      <View className='rv-firm-name'>{name}</View>
      {employer.loading && !employer.data ? <View className='zg-small'>正在加载企业信息…</View> : null}
      {employer.error ? (
        <View className='zg-error'>
          {employer.error.statusCode === 403 ? '这家企业登记在别的镇街，要由那里的管理员或区里认证。' : employer.error.message}
        </View>
      ) : null}
      {employer.data ? <EmployerFacts employer={employer.data} /> : null}
      <View className='zg-small rv-firm-hint'>
        请到国家企业信用信息公示系统核对名称和信用代码，拿不准可以先打电话问一问。核对无误再点“同时认证该企业并通过”：企业显示“已认证企业”，岗位马上对外公开。
      </View>
    </View>
  );
}

interface ApproveProps {
  post: JobPostingItem;
  employerVerified: boolean;
  onClose: () => void;
  onApproved: (post: JobPostingItem, verifiedEmployer: boolean) => void;
}

/** 确认通过: for a verified employer a plain confirmation; otherwise the firm's facts and 同时认证该企业. */
function ApproveSheet({ post, employerVerified, onClose, onApproved }: ApproveProps) {
  // Turned on when the API says the employer is not verified after all (revoked since the list was loaded).
  const [found, setFound] = useState(false);
  const verify = found || !(post.employer.verified || employerVerified);
  return (
    <ConfirmSheet
      title={`通过：${post.title}`}
      submitText={verify ? '同时认证该企业并通过' : '确认通过'}
      onClose={onClose}
      onSubmit={async () => {
        try {
          await api.reviewPost(post.id, verify ? { approve: true, verifyEmployer: true } : { approve: true }, { toast: false });
        } catch (e) {
          if (!verify && e instanceof ApiRequestError && e.statusCode === 409 && e.body.employerId) {
            setFound(true);
            throw new ApiRequestError(409, '这家企业现在没有认证（可能刚被撤销），请看上面的企业信息再决定。');
          }
          throw e;
        }
        onApproved(post, verify);
      }}
    >
      {verify ? (
        <UnverifiedEmployer employerId={post.employer.id} name={post.employer.name} />
      ) : (
        <View>通过后，岗位马上对外公开，求职者都能看到。</View>
      )}
    </ConfirmSheet>
  );
}

function ReviewQueue() {
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [verifiedHere, setVerifiedHere] = useState<ReadonlySet<string>>(new Set());
  const [rejecting, setRejecting] = useState<JobPostingItem | null>(null);
  const [approving, setApproving] = useState<JobPostingItem | null>(null);
  const counts = usePendingCounts();
  const list = useCursorList(
    (cursor) => api.reviewQueue({ cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined }),
    [],
  );

  usePagedScrolling(list, () => {
    setDone(new Set());
    setVerifiedHere(new Set());
    void counts.reload();
  });

  const finish = (post: JobPostingItem, message: string) => {
    setDone((prev) => new Set(prev).add(post.id));
    void counts.reload();
    void Taro.showToast({ title: message, icon: 'none', duration: 2000 });
  };
  const items = list.items.filter((p) => !done.has(p.id));
  const waiting = counts.data?.posts;

  return (
    <View>
      <View className='zg-card rv-intro'>
        <View className='zg-h2'>待审核的岗位</View>
        {waiting !== undefined ? (
          <View className='rv-count'>
            {waiting > 0 ? (
              <>
                共 <Text className='rv-count-num'>{waiting}</Text> 个等您审核
              </>
            ) : (
              '现在没有要审核的岗位'
            )}
          </View>
        ) : null}
        <View className='zg-small'>先提交的排在前面。通过后岗位马上对外公开；驳回要写明原因，企业改好后可以再提交。</View>
      </View>

      <QueueList list={list} empty={items.length === 0} emptyTitle='没有待审核的岗位' emptyBody='企业提交新岗位后会出现在这里。'>
        {items.map((post) => (
          <ReviewCard
            key={post.id}
            post={post}
            employerVerified={verifiedHere.has(post.employer.id)}
            onReject={setRejecting}
            onApprove={setApproving}
          />
        ))}
      </QueueList>

      {approving ? (
        <ApproveSheet
          post={approving}
          employerVerified={verifiedHere.has(approving.employer.id)}
          onClose={() => setApproving(null)}
          onApproved={(p, verifiedEmployer) => {
            if (verifiedEmployer) setVerifiedHere((prev) => new Set(prev).add(p.employer.id));
            setApproving(null);
            finish(p, verifiedEmployer ? '已通过，企业也已认证' : '已通过，岗位已发布');
          }}
        />
      ) : null}

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
