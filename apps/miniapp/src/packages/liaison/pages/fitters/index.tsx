import { useState, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { LIST_LIMIT_MAX, type ApplicationStatus, type AuthUser } from '@zaogong/shared';
import { api } from '../../../../api/endpoints';
import { useApi } from '../../../../api/hooks';
import { CandidateCard } from '../../../../components/CandidateCard';
import { HelpApplyButton } from '../../../../components/HelpApplyButton';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { formatWage } from '../../../../lib/format';
import { residentUrl, ROUTES } from '../../../../lib/routes';
import './index.css';

const LIMIT = 50;

function Fitters({ postId, user }: { postId: string; user: AuthUser }) {
  const post = useApi(() => api.getPost(postId, { toast: false }), [postId]);
  // The API keeps to the liaison's own area and sends their residents' full names.
  const matches = useApi(() => api.matchCandidates(postId, { limit: LIMIT }, { toast: false }), [postId, user.id]);
  const area = user.regionName ?? '您负责的村居';
  // Who of the area applied to this post already (or was invited), by resident.
  const applied = useApi(async () => {
    const page = await api.listApplications({ postId, limit: LIST_LIMIT_MAX }, { toast: false });
    return new Map<string, ApplicationStatus>(page.items.map((a) => [a.resident.id, a.status]));
  }, [postId, user.id]);
  const [justApplied, setJustApplied] = useState(new Map<string, ApplicationStatus>());

  let list: ReactNode;
  if (matches.loading && !matches.data) {
    list = <StateView title='正在找合适的人…' />;
  } else if (matches.error || !matches.data) {
    list = (
      <StateView
        title='合适的人没有加载出来'
        body={matches.error?.message}
        actionText='再试一次'
        onAction={() => void matches.reload()}
      />
    );
  } else if (matches.data.items.length === 0) {
    list = (
      <StateView
        title={`${area}暂时没有合适的人`}
        body='登记的居民里还没有和这个岗位对得上的。登记更多想找工作的乡亲，或把他们会的手艺填全一些。'
        actionText='看居民名单'
        onAction={() => void Taro.navigateTo({ url: ROUTES.residents })}
      />
    );
  } else {
    list = (
      <View>
        <View className='ft-count zg-small'>
          {area}有{matches.data.items.length}人合适，最合适的在前面。点名字看详细信息，问过本人愿意再帮TA报名。
        </View>
        {matches.data.items.map((m) => (
          <CandidateCard
            key={m.residentId}
            match={m}
            onOpen={() => void Taro.navigateTo({ url: residentUrl(m.residentId) })}
          >
            {post.data ? (
              <HelpApplyButton
                postId={postId}
                postTitle={post.data.title}
                residentId={m.residentId}
                residentName={m.resident.name}
                status={justApplied.get(m.residentId) ?? applied.data?.get(m.residentId)}
                onApplied={(s) => setJustApplied((prev) => new Map(prev).set(m.residentId, s))}
              />
            ) : null}
          </CandidateCard>
        ))}
      </View>
    );
  }

  return (
    <View>
      {post.data ? (
        <View className='zg-card ft-head'>
          <View className='zg-small'>这个岗位本村谁合适</View>
          <View className='ft-title'>{post.data.title}</View>
          <View className='zg-money ft-wage'>{formatWage(post.data)}</View>
          <View className='zg-small'>
            {post.data.employer.name}
            {post.data.townName ? ` · ${post.data.townName}` : ''}
          </View>
        </View>
      ) : null}
      {list}
    </View>
  );
}

/** 看看本村谁合适: the residents of the liaison's own area who fit one post, each leading to their record. */
export default function PostFittersPage() {
  const { params } = useRouter();
  const postId = params.postId ?? '';
  return (
    <PageShell>
      <RoleGate role='liaison'>
        {(user) =>
          postId ? (
            <Fitters postId={postId} user={user} />
          ) : (
            <StateView title='没有找到这个岗位' actionText='去看招工信息' onAction={() => void Taro.switchTab({ url: ROUTES.index })} />
          )
        }
      </RoleGate>
    </PageShell>
  );
}
