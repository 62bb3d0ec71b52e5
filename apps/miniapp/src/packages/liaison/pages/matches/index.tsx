import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { LIST_LIMIT_MAX, type ApplicationStatus, type ResidentDetail } from '@zaogong/shared';
import { api } from '../../../../api/endpoints';
import { useApi, useOccupationNames } from '../../../../api/hooks';
import { HelpApplyButton } from '../../../../components/HelpApplyButton';
import { KeyGroupTags } from '../../../../components/KeyGroupTags';
import { PageShell } from '../../../../components/PageShell';
import { PostCard } from '../../../../components/PostCard';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { availabilityText } from '../../../../lib/matching';
import { formatExpectedWage, personLine, placeOf } from '../../../../lib/resident';
import { postUrl, residentFormUrl, ROUTES } from '../../../../lib/routes';
import './index.css';

const LIMIT = 20;

function Want({ name, value }: { name: string; value: string }) {
  return (
    <View className='rm-want'>
      <Text className='rm-want-name'>{name}</Text>
      <Text className='rm-want-value'>{value || '没填'}</Text>
    </View>
  );
}

/** Who the work is for and what they want, so the liaison can judge the list below. */
function ResidentSummary({ r }: { r: ResidentDetail }) {
  const occupations = useOccupationNames(r.desiredOccupations);
  return (
    <View className='zg-card rm-head'>
      <View className='rm-name'>为{r.name}找工作</View>
      <View className='rm-sub'>
        {personLine(r, placeOf(r))}
      </View>
      <KeyGroupTags groups={r.keyGroups} />
      <View className='rm-wants'>
        <Want name='想干的活' value={occupations.join('、')} />
        <Want name='会的手艺' value={r.skills.join('、')} />
        <Want name='能怎么干' value={availabilityText(r.availability)} />
        <Want name='最少要多少工资' value={formatExpectedWage(r)} />
        {r.maxCommuteKm !== null ? <Want name='最远能去多远' value={`${r.maxCommuteKm} 公里`} /> : null}
      </View>
    </View>
  );
}

function Matches({ residentId }: { residentId: string }) {
  const resident = useApi(() => api.getResident(residentId, { toast: false }), [residentId]);
  const matches = useApi(() => api.matchPosts(residentId, { limit: LIMIT }, { toast: false }), [residentId]);
  // The posts TA has applied to already (or been invited to), by post.
  const applied = useApi(async () => {
    const page = await api.listApplications({ residentId, limit: LIST_LIMIT_MAX }, { toast: false });
    return new Map<string, ApplicationStatus>(page.items.map((a) => [a.postId, a.status]));
  }, [residentId]);
  const [justApplied, setJustApplied] = useState(new Map<string, ApplicationStatus>());

  if (resident.loading && !resident.data) return <StateView title='正在加载…' />;
  if (resident.error || !resident.data) {
    const gone = resident.error?.statusCode === 404 || resident.error?.statusCode === 403;
    return (
      <StateView
        title={gone ? '没有找到这个居民' : '这个居民的信息没有打开'}
        body={gone ? '可能已经删除，或者不在您负责的村居。' : resident.error?.message}
        actionText={gone ? '回到居民名单' : '再试一次'}
        onAction={gone ? () => void Taro.redirectTo({ url: ROUTES.residents }) : () => void resident.reload()}
      />
    );
  }
  const r = resident.data;

  let list: ReactNode;
  if (matches.loading && !matches.data) {
    list = <StateView title='正在找合适的岗位…' />;
  } else if (matches.error || !matches.data) {
    list = (
      <StateView
        title='合适的岗位没有加载出来'
        body={matches.error?.message}
        actionText='再试一次'
        onAction={() => void matches.reload()}
      />
    );
  } else if (matches.data.items.length === 0) {
    list = (
      <StateView
        title='暂时没有合适的岗位'
        body={`把${r.name}会的手艺、想干的活填全一些，推荐会更准；新岗位发布后也会出现在这里。`}
        actionText='补充TA的信息'
        onAction={() => void Taro.navigateTo({ url: residentFormUrl(r.id) })}
      />
    );
  } else {
    const { items, personalized } = matches.data;
    list = (
      <View>
        {personalized ? null : (
          <View className='zg-card rm-off'>
            {r.name}关闭了个性化推荐，下面是附近新发布的岗位，不按TA的求职信息挑选。
          </View>
        )}
        <View className='rm-count zg-small'>
          {personalized ? `找到${items.length}个合适的岗位，最合适的在前面` : `附近的${items.length}个新岗位`}
        </View>
        {items.map((m) => (
          <PostCard
            key={m.postId}
            post={m.post}
            reasons={m.reasons}
            onOpen={() => void Taro.navigateTo({ url: postUrl(m.postId) })}
          >
            <HelpApplyButton
              postId={m.postId}
              postTitle={m.post.title}
              residentId={r.id}
              residentName={r.name}
              status={justApplied.get(m.postId) ?? applied.data?.get(m.postId)}
              onApplied={(s) => setJustApplied((prev) => new Map(prev).set(m.postId, s))}
            />
          </PostCard>
        ))}
        <View className='rm-foot zg-small'>点岗位看详细信息。问过本人愿意，再帮TA报名。</View>
      </View>
    );
  }

  return (
    <View>
      <ResidentSummary r={r} />
      {list}
    </View>
  );
}

/** 为村民找工作: the posts that fit one resident of the liaison's area, with the reasons. */
export default function ResidentMatchesPage() {
  const { params } = useRouter();
  const residentId = params.residentId ?? '';
  return (
    <PageShell>
      <RoleGate role='liaison'>
        {() =>
          residentId ? (
            <Matches residentId={residentId} />
          ) : (
            <StateView title='没有找到这个居民' actionText='回到居民名单' onAction={() => void Taro.redirectTo({ url: ROUTES.residents })} />
          )
        }
      </RoleGate>
    </PageShell>
  );
}
