import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DISTRICT_CODE, regionLevelOf, type AuthUser } from '@zaogong/shared';
import { useRegions } from '../../../../api/hooks';
import { HomeHeader } from '../../../../components/HomeHeader';
import { HomeLinks } from '../../../../components/HomeLinks';
import { PageShell } from '../../../../components/PageShell';
import { RegionOverviewCard } from '../../../../components/RegionOverviewCard';
import { RoleGate } from '../../../../components/RoleGate';
import { ROUTES } from '../../../../lib/routes';
import { MessagesButton } from '../../../../pages/messages/MessagesButton';

const TOWN_CODE_LENGTH = 9;
const VILLAGE_CODE_LENGTH = 12;

function Scope({ user }: { user: AuthUser }) {
  const code = user.regionCode ?? '';
  const isTown = code.length === TOWN_CODE_LENGTH;
  const isVillage = code.length === VILLAGE_CODE_LENGTH;
  const towns = useRegions(isVillage ? DISTRICT_CODE : null);
  const villages = useRegions(isTown ? code : null);
  const townName = isVillage ? towns.data?.find((t) => t.code === code.slice(0, TOWN_CODE_LENGTH))?.name : undefined;

  if (!isTown && !isVillage) {
    return (
      <View className='zg-card'>
        <View className='zg-card-title'>负责范围</View>
        <View className='zg-text'>还没有给您分配村居。请联系区人社局。</View>
      </View>
    );
  }

  if (isVillage) {
    return (
      <View className='zg-card'>
        <View className='zg-card-title'>负责范围</View>
        <View className='zg-h2'>
          {townName ? `${townName} ` : ''}
          {user.regionName ?? code}
        </View>
        <View className='zg-small'>您负责这个村居的劳动就业服务。</View>
      </View>
    );
  }

  return (
    <View className='zg-card'>
      <View className='zg-card-title'>负责范围</View>
      <View className='zg-h2'>{user.regionName ?? code}（整个镇街）</View>
      <View className='zg-small'>
        {villages.data ? `本镇街共有 ${villages.data.length} 个村居，名单在下面。` : villages.error ? '' : '正在加载村居…'}
      </View>
      {villages.error ? <View className='zg-error'>{villages.error.message}</View> : null}
    </View>
  );
}

/** For a 镇街-wide liaison: the 村居 of that 镇街. */
function Villages({ user }: { user: AuthUser }) {
  const code = user.regionCode ?? '';
  const villages = useRegions(code.length === TOWN_CODE_LENGTH ? code : null);
  if (!villages.data || villages.data.length === 0) return null;
  return (
    <View className='zg-card'>
      <View className='zg-card-title'>{user.regionName ?? ''}的村居</View>
      {villages.data.map((v, i) => (
        <View key={v.code} className='zg-list-item'>
          <Text className='zg-muted home-list-no'>{i + 1}</Text>
          <Text className='zg-grow'>{v.name}</Text>
        </View>
      ))}
    </View>
  );
}

/** 实名制台账: register people, the list, and Excel import/export. */
function Ledger() {
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <View className='zg-card home-tools'>
      <View className='zg-card-title'>居民实名台账</View>
      <View className='zg-small'>把想找工作的乡亲登记进来，随时更新他们的就业情况。</View>
      <View className='zg-gap' />
      <Button className='zg-btn zg-btn-block' onClick={() => go(ROUTES.residentForm)}>
        登记居民
      </Button>
      <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => go(ROUTES.residents)}>
        居民名单
      </Button>
      <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => go(ROUTES.residentImport)}>
        Excel 批量导入、导出
      </Button>
    </View>
  );
}

/** A 镇街 officer (the whole 镇街): new employment against the 镇街's target, on the dashboard. */
function TownEmployment({ user }: { user: AuthUser }) {
  if ((user.regionCode ?? '').length !== TOWN_CODE_LENGTH) return null;
  return (
    <View className='zg-card home-tools'>
      <View className='zg-card-title'>就业统计</View>
      <View className='zg-small'>本镇街今年新增就业多少人、离目标还差多少，按月份和重点人群看。</View>
      <View className='zg-gap' />
      <Button className='zg-btn zg-btn-block' onClick={() => void Taro.navigateTo({ url: ROUTES.dashboard })}>
        打开就业统计
      </Button>
    </View>
  );
}

/** 帮村民报名 happens on 为TA找工作; here the liaison follows up and confirms hires. */
function Employment() {
  return (
    <View className='zg-card home-tools'>
      <View className='zg-card-title'>报名和就业</View>
      <View className='zg-small'>村民被录用后，问过本人确实在上班，点“确认已上班”，才算进全区新增就业。帮村民报名：在居民详情里点“为TA找工作”。</View>
      <View className='zg-gap' />
      <Button className='zg-btn zg-btn-block' onClick={() => void Taro.navigateTo({ url: ROUTES.liaisonHires })}>
        录用确认和村民投递
      </Button>
    </View>
  );
}

/** 注销申请: people of the area who asked for their data to be erased (个人信息保护法). */
function Privacy() {
  return (
    <View className='zg-card home-tools home-privacy'>
      <View className='zg-card-title'>注销申请</View>
      <View className='zg-small'>村民申请注销账号、删除个人信息，核实是本人的意思后在这里办理。本人到村委会来申请的，在居民详情里点“注销此人信息”。</View>
      <View className='zg-gap' />
      <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void Taro.navigateTo({ url: ROUTES.liaisonDeletionRequests })}>
        注销申请
      </Button>
    </View>
  );
}

/** The numbers of the liaison's 村居 (or whole 镇街); nothing until they have been given one. */
function Overview({ user }: { user: AuthUser }) {
  const level = regionLevelOf(user.regionCode);
  if (level !== 'town' && level !== 'village') return null;
  // Keyed by user and scope: another login on a page kept in the stack starts afresh.
  return <RegionOverviewCard key={`${user.id}:${user.regionCode}`} scope={user.regionCode} />;
}

/** 联络员 landing: greeting and 消息, their 村居 or 镇街 in numbers, the 台账 tools, 注销申请, and their area by name. */
export default function LiaisonHomePage() {
  return (
    <PageShell>
      <RoleGate role='liaison'>
        {(user) => (
          <View>
            <HomeHeader user={user}>
              <View className='zg-text' style={{ marginTop: '12px' }}>
                感谢您为乡亲们找工作出力。
              </View>
              <MessagesButton />
            </HomeHeader>
            <Overview user={user} />
            <TownEmployment user={user} />
            {regionLevelOf(user.regionCode) ? <Ledger /> : null}
            {regionLevelOf(user.regionCode) ? <Employment /> : null}
            {regionLevelOf(user.regionCode) ? <Privacy /> : null}
            <Scope user={user} />
            <Villages user={user} />
            <HomeLinks />
          </View>
        )}
      </RoleGate>
    </PageShell>
  );
}
