import { useRef, useState } from 'react';
import { Button, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { LIAISON_TODAY_LIMIT_DEFAULT, LIAISON_TODAY_LIMIT_MAX, regionLevelOf, type AuthUser } from '@zaogong/shared';
import { api } from '../../../../api/endpoints';
import { useApi } from '../../../../api/hooks';
import { HomeHeader } from '../../../../components/HomeHeader';
import { HomeTabBar, WITH_TAB_BAR } from '../../../../components/HomeTabBar';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { EVENT_ROUTES } from '../../../../lib/events';
import { GIG_ROUTES } from '../../../../lib/gigs';
import { POLICY_ROUTES } from '../../../../lib/policies';
import { ROUTES } from '../../../../lib/routes';
import { SHARED_STAFF_ROUTES } from '../../../../lib/shared-staff';
import { TodayList, type TodoGroupKey } from '../../components/TodayList';
import { VillageCards } from '../../components/VillageCards';
import './index.css';

const go = (url: string) => void Taro.navigateTo({ url });

/** 实名制台账 and the other tools, one button each. */
function Tools({ user }: { user: AuthUser }) {
  const isTown = regionLevelOf(user.regionCode) === 'town';
  return (
    <View>
      <View className='zg-card home-tools'>
        <View className='zg-card-title'>居民实名台账</View>
        <View className='lh-grid'>
          <Button className='zg-btn lh-tool' onClick={() => go(ROUTES.residentForm)}>
            登记居民
          </Button>
          <Button className='zg-btn zg-btn-ghost lh-tool' onClick={() => go(ROUTES.residents)}>
            居民名单
          </Button>
          <Button className='zg-btn zg-btn-ghost lh-tool' onClick={() => go(ROUTES.liaisonHires)}>
            录用确认和村民投递
          </Button>
          <Button className='zg-btn zg-btn-ghost lh-tool' onClick={() => go(ROUTES.residentImport)}>
            Excel 批量导入、导出
          </Button>
        </View>
      </View>
      <View className='zg-card home-tools'>
        <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => go(GIG_ROUTES.liaisonToday)}>
          今天的零工（作证上工）
        </Button>
        <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => go(GIG_ROUTES.liaisonHouseholds)}>代农户招零工</Button>
      </View>
      <View className='zg-card home-tools lh-policies'>
        <View className='zg-card-title'>政策找人</View>
        <View className='zg-small lh-note'>平台找出可能符合补贴、扶持政策的村民：告诉他们，帮着办，记下办到哪一步。</View>
        <View className='zg-gap' />
        <Button className='zg-btn zg-btn-ghost zg-btn-block lh-policies-btn' onClick={() => go(POLICY_ROUTES.liaisonList)}>
          看政策和符合的村民
        </Button>
      </View>
      <View className='zg-card home-tools lh-events'>
        <View className='zg-card-title'>招聘活动</View>
        <View className='zg-small lh-note'>春风行动、职等你来等招聘会：帮没有智能手机的村民报名，票号抄给TA。</View>
        <Button className='zg-btn zg-btn-ghost zg-btn-block lh-events-list' onClick={() => go(EVENT_ROUTES.list)}>
          看招聘活动
        </Button>
        <Button className='zg-btn zg-btn-ghost zg-btn-block lh-events-tickets' onClick={() => go(EVENT_ROUTES.mine)}>
          村民的电子票
        </Button>
      </View>
      <View className='zg-card home-tools lh-shared'>
        <View className='zg-card-title'>共享用工：登记村民同意</View>
        <View className='zg-small lh-note'>企业把村民借到别的企业干活，要本人同意。没有智能手机的，扫企业协议上的码，替TA登记签字或口头同意。</View>
        <View className='zg-gap' />
        <Button className='zg-btn zg-btn-ghost zg-btn-block lh-shared-btn' onClick={() => go(SHARED_STAFF_ROUTES.liaisonConsent)}>
          登记村民同意
        </Button>
      </View>
      {isTown ? (
        // A 镇街 officer (the whole 镇街): new employment against the 镇街's target, on the dashboard.
        <View className='zg-card home-tools'>
          <View className='zg-card-title'>就业统计</View>
          <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => go(ROUTES.dashboard)}>
            打开就业统计
          </Button>
        </View>
      ) : null}
      <View className='zg-card home-tools home-privacy'>
        <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => go(ROUTES.liaisonDeletionRequests)}>
          注销申请
        </Button>
        <View className='zg-small lh-note'>村民要求删除个人信息，核实是本人的意思后在这里办理。</View>
      </View>
    </View>
  );
}

function LiaisonHome({ user }: { user: AuthUser }) {
  const [expanded, setExpanded] = useState<TodoGroupKey | null>(null);
  const villages = useApi(() => api.liaisonVillages(undefined, { toast: false }), [user.id, user.regionCode]);
  const today = useApi(() => api.liaisonToday({ limit: expanded ? LIAISON_TODAY_LIMIT_MAX : LIAISON_TODAY_LIMIT_DEFAULT }, { toast: false }), [user.id, user.regionCode, expanded]);

  // Back from 录用确认 or a person's page: the numbers and the list as they are now.
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current) {
      if (!villages.loading) void villages.reload();
      if (!today.loading) void today.reload();
    }
    seen.current = true;
  });
  usePullDownRefresh(() => {
    void Promise.all([villages.reload(), today.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View>
      <HomeHeader user={user}>
        <View className='zg-small lh-scope'>负责范围：{user.regionName ?? user.regionCode}</View>
      </HomeHeader>
      <VillageCards state={villages} />
      <TodayList state={today} expanded={expanded} onExpand={setExpanded} />
      <Tools user={user} />
    </View>
  );
}

/** No 村居 or 镇街 yet: nothing to show but whom to ask. */
function NoArea() {
  return (
    <View className='zg-card'>
      <View className='zg-card-title'>负责范围</View>
      <View className='zg-text'>还没有给您分配村居。请联系区人社局。</View>
    </View>
  );
}

/**
 * 联络员首页: their 村居 in numbers (or each 村居 of their 镇街), 今日要办, the 台账 tools, and the app's tab
 * bar. Short on purpose: lists open on their own pages.
 */
export default function LiaisonHomePage() {
  return (
    <PageShell className={WITH_TAB_BAR}>
      <RoleGate role='liaison'>
        {(user) =>
          regionLevelOf(user.regionCode) === 'town' || regionLevelOf(user.regionCode) === 'village' ? (
            <LiaisonHome key={`${user.id}:${user.regionCode}`} user={user} />
          ) : (
            <View>
              <HomeHeader user={user} />
              <NoArea />
            </View>
          )
        }
      </RoleGate>
      <HomeTabBar />
    </PageShell>
  );
}
