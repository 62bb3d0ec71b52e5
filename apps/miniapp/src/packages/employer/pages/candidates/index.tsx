import { useState, type ReactNode } from 'react';
import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { APPLICATION_STATUS_LABELS, CANDIDATE_VIEWS_PER_DAY, LIST_LIMIT_MAX, type ApplicationStatus } from '@zaogong/shared';
import { ApiRequestError } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useApi } from '../../../../api/hooks';
import { CandidateCard } from '../../../../components/CandidateCard';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { formatWage } from '../../../../lib/format';
import { ROUTES } from '../../../../lib/routes';
import './index.css';

const LIMIT = 20;

/** Where an invitation (or the person's own application) to this post stands, by resident. */
type Invited = Map<string, ApplicationStatus>;

/** 邀请报名: one tap; afterwards the card says so, and stays so on the next visit. */
function InviteButton({ postId, residentId, status, onInvited }: { postId: string; residentId: string; status?: ApplicationStatus; onInvited: (s: ApplicationStatus) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  if (status) {
    return (
      <View className='cd-invited'>
        {status === 'invited' ? '已邀请，对方接受后就能看到电话' : `TA已报名（${APPLICATION_STATUS_LABELS[status]}），在「报名的人」里能看到电话`}
      </View>
    );
  }
  const invite = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      const app = await api.invite({ postId, residentId }, { toast: false });
      onInvited(app.status);
      void Taro.showToast({ title: '已邀请', icon: 'success', duration: 1500 });
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有邀请成功，请再试一次');
    } finally {
      setBusy(false);
    }
  };
  return (
    <View>
      {error ? <View className='zg-error cd-invite-error'>{error}</View> : null}
      <Button
        className={`zg-btn zg-btn-block cd-invite${busy ? ' zg-btn-disabled' : ''}`}
        disabled={busy || undefined}
        onClick={() => void invite()}
      >
        {busy ? '正在邀请…' : '邀请报名'}
      </Button>
    </View>
  );
}

function Candidates({ postId }: { postId: string }) {
  const post = useApi(() => api.getPost(postId, { toast: false }), [postId]);
  // Not reloaded on every show: each look counts against the employer's daily allowance.
  const matches = useApi(() => api.matchCandidates(postId, { limit: LIMIT }, { toast: false }), [postId]);
  // Who was invited or applied already, so nobody is invited twice.
  const known = useApi(async (): Promise<Invited> => {
    const page = await api.listApplications({ postId, limit: LIST_LIMIT_MAX }, { toast: false });
    return new Map(page.items.map((a) => [a.resident.id, a.status]));
  }, [postId]);
  const [invited, setInvited] = useState<Invited>(new Map());

  const head = post.data ? (
    <View className='zg-card cd-head'>
      <View className='zg-small'>岗位</View>
      <View className='cd-title'>{post.data.title}</View>
      <View className='zg-money cd-wage'>{formatWage(post.data)}</View>
    </View>
  ) : null;

  let body: ReactNode;
  if (matches.loading && !matches.data) {
    body = <StateView title='正在找合适的人…' />;
  } else if (matches.error || !matches.data) {
    const status = matches.error?.statusCode;
    // 403 another employer's post, 404 gone, 409 not published (any more): nothing to retry.
    const final = status === 403 || status === 404 || status === 409;
    body = (
      <StateView
        title={
          status === 429
            ? '今天看推荐人选的次数用完了'
            : final
              ? '看不了这个岗位的推荐人选'
              : '推荐人选没有加载出来'
        }
        body={matches.error?.message}
        actionText={status === 429 || final ? '回到企业首页' : '再试一次'}
        onAction={
          status === 429 || final
            ? () => void Taro.redirectTo({ url: ROUTES.employerHome })
            : () => void matches.reload()
        }
      />
    );
  } else if (matches.data.items.length === 0) {
    body = (
      <StateView
        title='暂时没有合适的人选'
        body='登记的求职者里，还没有和这个岗位对得上的。过几天再来看看，也可以把岗位要求写得更清楚些。'
      />
    );
  } else {
    body = (
      <View>
        <View className='cd-count zg-small'>找到{matches.data.items.length}位合适的人，最合适的在前面</View>
        {matches.data.items.map((m) => (
          <CandidateCard key={m.residentId} match={m}>
            <InviteButton
              postId={postId}
              residentId={m.residentId}
              status={invited.get(m.residentId) ?? known.data?.get(m.residentId)}
              onInvited={(s) => setInvited((prev) => new Map(prev).set(m.residentId, s))}
            />
          </CandidateCard>
        ))}
        <View className='cd-foot zg-small'>为防止求职者的信息被滥用，每家企业每天最多看{CANDIDATE_VIEWS_PER_DAY}人次。</View>
      </View>
    );
  }

  return (
    <View>
      {head}
      <View className='zg-card cd-privacy'>
        <View className='cd-privacy-title'>保护求职者的个人信息</View>
        <View className='zg-text'>名字只显示姓，不显示手机号。对方报名或接受您的邀请后，才能看到联系方式。</View>
      </View>
      {body}
    </View>
  );
}

/** 推荐人选: the registered job seekers who fit one of the employer's published posts, masked. */
export default function CandidatesPage() {
  const { params } = useRouter();
  const postId = params.postId ?? '';
  return (
    <PageShell>
      <RoleGate role='employer'>
        {() =>
          postId ? (
            <Candidates postId={postId} />
          ) : (
            <StateView
              title='没有找到这个岗位'
              actionText='回到企业首页'
              onAction={() => void Taro.redirectTo({ url: ROUTES.employerHome })}
            />
          )
        }
      </RoleGate>
    </PageShell>
  );
}
