import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { ANNUAL_JOBS_TARGET, DISTRICT_CODE, DISTRICT_NAME, type AuthUser, type RegionItem } from '@zaogong/shared';
import { api } from '../../../../api/endpoints';
import { fetchRegions, useApi } from '../../../../api/hooks';
import { HomeHeader } from '../../../../components/HomeHeader';
import { HomeLinks } from '../../../../components/HomeLinks';
import { PageShell } from '../../../../components/PageShell';
import { RegionOverviewCard } from '../../../../components/RegionOverviewCard';
import { RoleGate } from '../../../../components/RoleGate';
import { EVENT_ROUTES } from '../../../../lib/events';
import { allPoliciesUrl, policyFormUrl, POLICY_ROUTES } from '../../../../lib/policies';
import { ROUTES } from '../../../../lib/routes';
import { SHARED_STAFF_ROUTES } from '../../../../lib/shared-staff';
import { MessagesButton } from '../../../../pages/messages/MessagesButton';
import { DisputesLink } from '../../components/DisputesLink';
import { EmploymentProgress } from '../../components/EmploymentProgress';
import { chinaYear } from '../../lib/employment';
import { usePendingCounts } from '../../lib/pending-counts';
import './index.css';

/** 就业统计 first: the one number the district reports, against its target. */
function Employment() {
  const stats = useApi(() => api.employmentStats(chinaYear(), { toast: false }), []);
  useDidShow(() => {
    if (!stats.loading) void stats.reload();
  });
  return (
    <View className='zg-card home-tools home-employment'>
      <View className='zg-card-title'>就业统计</View>
      {stats.loading && !stats.data ? <View className='zg-small'>正在加载…</View> : null}
      {stats.error ? <View className='zg-error'>{stats.error.message}</View> : null}
      {stats.data ? <EmploymentProgress stats={stats.data} /> : null}
      <View className='zg-gap' />
      <Button className='zg-btn zg-btn-block' onClick={() => void Taro.navigateTo({ url: ROUTES.dashboard })}>
        看各镇街、各月份和供需情况
      </Button>
    </View>
  );
}

/** One queue's button, with how many wait in it (nothing shown until the number is known, or when none). */
function QueueButton({ label, count, url }: { label: string; count: number | undefined; url: string }) {
  return (
    <Button className='zg-btn zg-btn-block home-queue' onClick={() => void Taro.navigateTo({ url })}>
      <Text>{label}</Text>
      {count !== undefined && count > 0 ? (
        <Text className='home-queue-count' aria-label={`${count}个等您处理`}>
          {count > 99 ? '99+' : count}
        </Text>
      ) : null}
    </Button>
  );
}

/** 岗位审核, 企业认证, 举报处理: what waits for an admin's decision, with how many. */
function Queues() {
  const counts = usePendingCounts();
  const n = counts.data;
  const total = n ? n.posts + n.employers + n.reports : undefined;
  return (
    <View className='zg-card home-tools home-queues'>
      <View className='zg-card-title'>审核和处理</View>
      {n && total !== undefined ? (
        <View className='zg-text home-queue-sum'>
          {total > 0 ? `等您处理：${[n.posts ? `岗位${n.posts}个` : '', n.employers ? `企业${n.employers}家` : '', n.reports ? `举报${n.reports}个` : ''].filter(Boolean).join('，')}。` : '现在没有等您处理的事。'}
        </View>
      ) : null}
      <View className='zg-small'>岗位审核通过才对外公开；企业认证后才能发布岗位（也可以在审核岗位时一起认证）；求职者的举报要尽快核实。</View>
      <View className='zg-gap' />
      <QueueButton label='岗位审核' count={n?.posts} url={ROUTES.reviewQueue} />
      <QueueButton label='企业认证' count={n?.employers} url={ROUTES.employerQueue} />
      <QueueButton label='举报处理' count={n?.reports} url={ROUTES.reportQueue} />
      <Button className='zg-btn zg-btn-ghost zg-btn-block home-queue' onClick={() => void Taro.navigateTo({ url: `${ROUTES.employerQueue}?tab=verified` })}>
        <Text>已认证的企业{n ? `（${n.verifiedEmployers}家）` : ''}</Text>
      </Button>
    </View>
  );
}

/** 招聘活动: create one, the organiser's list (with ended and cancelled ones), and the year's summary by series. */
function Events({ user }: { user: AuthUser }) {
  return (
    <View className='zg-card home-tools home-events'>
      <View className='zg-card-title'>招聘活动</View>
      <View className='zg-small'>
        春风行动、职等你来、直播带岗：{user.regionCode ? '办本镇街的活动，' : ''}审核参会企业、验票入场、看活动报表。
      </View>
      <View className='zg-gap' />
      <Button className='zg-btn zg-btn-block home-event-new' onClick={() => void Taro.navigateTo({ url: EVENT_ROUTES.form })}>
        新建活动
      </Button>
      <Button className='zg-btn zg-btn-ghost zg-btn-block home-event-list' onClick={() => void Taro.navigateTo({ url: `${EVENT_ROUTES.list}?all=1` })}>
        全部活动（含已结束）
      </Button>
      <Button className='zg-btn zg-btn-ghost zg-btn-block home-event-summary' onClick={() => void Taro.navigateTo({ url: EVENT_ROUTES.summary })}>
        活动汇总（按类别）
      </Button>
    </View>
  );
}

/** 政策找人: write a policy (the district admin), every policy, and how far each has got (符合 → 已享受). */
function Policies({ user }: { user: AuthUser }) {
  const district = !user.regionCode;
  return (
    <View className='zg-card home-tools home-policies'>
      <View className='zg-card-title'>政策找人</View>
      <View className='zg-small'>{district ? '把政策写成条件，平台从台账里找出符合的人，告诉本人和联络员。' : '本镇街有多少人符合政策、告知了多少、办成了多少。'}</View>
      <View className='zg-gap' />
      {district ? (
        <Button className='zg-btn zg-btn-block home-policy-new' onClick={() => void Taro.navigateTo({ url: policyFormUrl() })}>
          新建政策
        </Button>
      ) : null}
      {district ? (
        <Button className='zg-btn zg-btn-ghost zg-btn-block home-policy-list' onClick={() => void Taro.navigateTo({ url: allPoliciesUrl() })}>
          全部政策（含草稿）
        </Button>
      ) : null}
      <Button className='zg-btn zg-btn-ghost zg-btn-block home-policy-stats' onClick={() => void Taro.navigateTo({ url: POLICY_ROUTES.stats })}>
        政策落实情况
      </Button>
    </View>
  );
}

/** 共享员工: agreements between firms, lent workers and worker-days (never 新增就业). */
function SharedStaff() {
  return (
    <View className='zg-card home-tools home-shared-staff'>
      <View className='zg-card-title'>共享员工</View>
      <View className='zg-small'>企业之间借调工人：协议、借出的工人、工日，按工种和镇街。不计入新增就业。</View>
      <View className='zg-gap' />
      <Button className='zg-btn zg-btn-ghost zg-btn-block home-shared-stats' onClick={() => void Taro.navigateTo({ url: SHARED_STAFF_ROUTES.stats })}>
        共享员工统计
      </Button>
    </View>
  );
}

/** 消息发送: the WeChat messages and texts the platform sends, and the ones that failed. */
function Deliveries() {
  return (
    <View className='zg-card home-tools home-deliveries'>
      <View className='zg-card-title'>消息发送</View>
      <View className='zg-small'>发给求职者、企业、联络员的微信通知和短信；发不出去的在这里查原因、重发。</View>
      <View className='zg-gap' />
      <Button className='zg-btn zg-btn-block' onClick={() => void Taro.navigateTo({ url: ROUTES.deliveries })}>
        消息发送情况
      </Button>
    </View>
  );
}

/** 账号: invite liaisons and officers, manage the accounts of the admin's area, and handle 注销申请. */
function Accounts({ user }: { user: AuthUser }) {
  return (
    <View className='zg-card home-tools home-accounts'>
      <View className='zg-card-title'>账号管理</View>
      <View className='zg-small'>
        {user.regionCode ? '邀请本镇街的联络员；' : '邀请联络员、镇街干部和区级管理员；'}查看谁在用、停用离职人员的账号；办理居民注销账号、删除个人信息的申请。
      </View>
      <View className='zg-gap' />
      <Button className='zg-btn zg-btn-block' onClick={() => void Taro.navigateTo({ url: ROUTES.invite })}>
        邀请联络员/干部
      </Button>
      <Button className='zg-btn zg-btn-block' onClick={() => void Taro.navigateTo({ url: ROUTES.users })}>
        用户管理
      </Button>
      <Button className='zg-btn zg-btn-block home-deletion' onClick={() => void Taro.navigateTo({ url: ROUTES.adminDeletionRequests })}>
        注销申请
      </Button>
    </View>
  );
}

/** 人力资源地图: registered residents by 镇街 and 村居. */
function Tools() {
  return (
    <View className='zg-card home-tools'>
      <View className='zg-card-title'>人力资源地图</View>
      <View className='zg-small'>各镇街、村居登记了多少人，多少人在找工作。</View>
      <View className='zg-gap' />
      <Button className='zg-btn zg-btn-block' onClick={() => void Taro.navigateTo({ url: ROUTES.laborMap })}>
        打开人力资源地图
      </Button>
    </View>
  );
}

interface TownRow {
  town: RegionItem;
  villages: number;
}

async function loadTowns(scope: string | null): Promise<TownRow[]> {
  const towns = await fetchRegions(DISTRICT_CODE);
  const mine = scope && scope.length === 9 ? towns.filter((t) => t.code === scope) : towns;
  return Promise.all(mine.map(async (town) => ({ town, villages: (await fetchRegions(town.code)).length })));
}

function Towns({ user }: { user: AuthUser }) {
  const rows = useApi(() => loadTowns(user.regionCode), [user.regionCode]);
  const total = (rows.data ?? []).reduce((sum, r) => sum + r.villages, 0);
  const scoped = Boolean(user.regionCode);

  return (
    <View className='zg-card'>
      <View className='zg-card-title'>{scoped ? '管理范围' : `${DISTRICT_NAME}的镇街和村居`}</View>
      {rows.loading && !rows.data ? <View className='zg-small'>正在加载…</View> : null}
      {rows.error ? <View className='zg-error'>{rows.error.message}</View> : null}
      {rows.data ? (
        <View className='zg-small'>
          {scoped ? '' : `共 ${rows.data.length} 个镇街、`}
          {total} 个村居
        </View>
      ) : null}
      <View className='zg-gap' />
      {(rows.data ?? []).map((r) => (
        <View key={r.town.code} className='zg-list-item'>
          <Text className='zg-grow'>{r.town.name}</Text>
          <Text className='zg-muted'>{r.villages} 个村居</Text>
        </View>
      ))}
      {scoped ? null : <Button className='zg-btn zg-btn-ghost zg-btn-block' style={{ marginTop: '12px' }} onClick={() => void Taro.navigateTo({ url: ROUTES.regionCentres })}>导入村居中心点</Button>}
    </View>
  );
}

/** 管理员 landing: greeting and 消息, new employment against the target, the district (or 镇街) in numbers, the review queues, 消息发送, 账号管理, the 人力资源地图, its 镇街 and 村居. */
export default function AdminHomePage() {
  return (
    <PageShell>
      <RoleGate role='admin'>
        {(user) => (
          <View>
            <HomeHeader user={user}>
              <View className='zg-text' style={{ marginTop: '12px' }}>
                全区目标：每年新增就业不少于{ANNUAL_JOBS_TARGET}人。
              </View>
              <MessagesButton />
            </HomeHeader>
            <Employment key={`${user.id}:${user.regionCode ?? ''}`} />
            <RegionOverviewCard key={`${user.id}:${user.regionCode ?? ''}`} scope={user.regionCode} />
            <Queues />
            <Events user={user} />
            <Policies user={user} />
            <SharedStaff />
            <DisputesLink />
            <Deliveries />
            <Accounts user={user} />
            <Tools />
            <Towns user={user} />
            <HomeLinks />
          </View>
        )}
      </RoleGate>
    </PageShell>
  );
}
