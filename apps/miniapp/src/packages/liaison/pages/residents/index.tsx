import { useCallback, useRef, useState } from 'react';
import { Button, Input, ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import {
  KEY_GROUPS,
  KEY_GROUP_LABELS,
  RESIDENT_STATUSES,
  RESIDENT_STATUS_LABELS,
  regionLevelOf,
  type AuthUser,
  type KeyGroup,
  type ResidentItem,
  type ResidentStatus,
} from '@zaogong/shared';
import { api } from '../../../../api/endpoints';
import { useCursorList, usePagedScrolling, useRegions } from '../../../../api/hooks';
import { CallButton } from '../../../../components/CallButton';
import { Chip } from '../../../../components/Chip';
import { OutboxBar } from '../../../../components/OutboxBar';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { useOutboxSent } from '../../../../lib/outbox';
import { personLine, STATUS_TAG_CLASS } from '../../../../lib/resident';
import { residentFormUrl, residentUrl } from '../../../../lib/routes';
import './index.css';
import { KeyGroupTags } from '../../../../components/KeyGroupTags';

const PAGE_SIZE = 20;

function ResidentRow({ r, showVillage }: { r: ResidentItem; showVillage: boolean }) {
  return (
    <View className='zg-card res-row'>
      {/* The record opens from the text; 打电话 sits beside it, not inside the tappable part. */}
      <View className='res-row-main' onClick={() => void Taro.navigateTo({ url: residentUrl(r.id) })} aria-role='link'>
        <View className='res-row-top'>
          <Text className='res-name'>{r.name}</Text>
          <Text className={`${STATUS_TAG_CLASS[r.status]} res-status`}>{RESIDENT_STATUS_LABELS[r.status]}</Text>
        </View>
        <View className='res-line'>
          <Text className='res-phone'>{r.phone}</Text>
          {r.age === null ? <Text className='res-no-id'> · 身份证号未填</Text> : <Text>{` · ${personLine(r)}`}</Text>}
          {showVillage && r.villageName ? <Text>{` · ${r.villageName}`}</Text> : null}
        </View>
        <KeyGroupTags groups={r.keyGroups} />
      </View>
      <CallButton className='res-call' compact fetchPhone={() => api.callResident(r.id, { toast: false })} />
    </View>
  );
}

function ResidentList({ user }: { user: AuthUser }) {
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ResidentStatus>();
  const [keyGroup, setKeyGroup] = useState<KeyGroup>();
  // From a 村居 card on the home (?villageCode=): that 村居 picked already.
  const { params } = useRouter();
  const [villageCode, setVillageCode] = useState<string | undefined>(() => (params.villageCode && params.villageCode !== user.regionCode ? params.villageCode : undefined));
  const isTown = regionLevelOf(user.regionCode) === 'town';
  const villages = useRegions(isTown ? user.regionCode : null);

  const list = useCursorList(
    (cursor) =>
      api.listResidents(
        { q: q || undefined, status, keyGroup, villageCode, cursor, limit: PAGE_SIZE },
        { toast: cursor !== undefined },
      ),
    [q, status, keyGroup, villageCode, user.id],
  );

  // Back from 登记 or 详情: show what changed. The first show comes with the first load.
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current && !list.loading) void list.refresh();
    seen.current = true;
  });
  usePagedScrolling(list);
  // A registration kept while there was no network went out: show it.
  const refreshList = list.refresh;
  useOutboxSent(useCallback(() => void refreshList(), [refreshList]));

  const search = () => setQ(draft.trim());
  const filtered = Boolean(q || status || keyGroup || villageCode);
  const clear = () => {
    setDraft('');
    setQ('');
    setStatus(undefined);
    setKeyGroup(undefined);
    setVillageCode(undefined);
  };

  return (
    <View>
      <View className='zg-section'>
        <Button className='zg-btn zg-btn-block res-add' onClick={() => void Taro.navigateTo({ url: residentFormUrl() })}>
          ＋ 登记居民
        </Button>
      </View>
      <OutboxBar kind='resident' />
      <View className='res-search zg-row'>
        <Input
          className='zg-input res-search-input'
          type='text'
          confirmType='search'
          placeholder='姓名、身份证号或手机号'
          value={draft}
          maxlength={20}
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={search}
        />
        <Button className='zg-btn res-search-btn' onClick={search}>
          搜索
        </Button>
      </View>
      <View className='res-hint zg-small'>名字可以只写一部分；身份证号、手机号要写全。</View>

      {isTown && villages.data && villages.data.length > 0 ? (
        <View>
          <View className='res-filter-label'>村居</View>
          <ScrollView scrollX className='zg-chips' enhanced showScrollbar={false}>
            <Chip label='全部村居' on={!villageCode} onTap={() => setVillageCode(undefined)} />
            {villages.data.map((v) => (
              <Chip key={v.code} label={v.name} on={villageCode === v.code} onTap={() => setVillageCode(v.code)} />
            ))}
            <View className='zg-chips-end' />
          </ScrollView>
        </View>
      ) : null}

      <View className='res-filter-label'>就业状态</View>
      <ScrollView scrollX className='zg-chips res-status-chips' enhanced showScrollbar={false}>
        <Chip label='全部' on={!status} onTap={() => setStatus(undefined)} />
        {RESIDENT_STATUSES.map((s) => (
          <Chip key={s} label={RESIDENT_STATUS_LABELS[s]} on={status === s} onTap={() => setStatus(s)} />
        ))}
        <View className='zg-chips-end' />
      </ScrollView>

      <View className='res-filter-label'>重点人群</View>
      <ScrollView scrollX className='zg-chips res-group-chips' enhanced showScrollbar={false}>
        <Chip label='全部' on={!keyGroup} onTap={() => setKeyGroup(undefined)} />
        {KEY_GROUPS.map((g) => (
          <Chip key={g} label={KEY_GROUP_LABELS[g]} on={keyGroup === g} onTap={() => setKeyGroup(g)} />
        ))}
        <View className='zg-chips-end' />
      </ScrollView>

      {list.loading && list.items.length === 0 ? (
        <StateView title='正在加载名单…' />
      ) : list.error ? (
        <StateView title='名单没有加载出来' body={list.error.message} actionText='再试一次' onAction={() => void list.refresh()} />
      ) : list.items.length === 0 ? (
        <StateView
          title={filtered ? '没有找到符合条件的居民' : '还没有登记居民'}
          body={filtered ? '换个条件试试，或者少写几个字再搜。' : '点上面的“登记居民”，把想找工作的乡亲登记进来。'}
          actionText={filtered ? '看全部居民' : undefined}
          onAction={filtered ? clear : undefined}
        />
      ) : (
        <View>
          <View className='res-head zg-small'>{filtered ? '按您的条件找到的居民' : '最近登记的居民在前面'}</View>
          {list.items.map((r) => (
            <ResidentRow key={r.id} r={r} showVillage={isTown} />
          ))}
          <View className='res-foot'>
            {list.loadingMore ? (
              <View className='zg-small'>正在加载更多…</View>
            ) : list.hasMore ? (
              <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void list.loadMore()}>
                看更多
              </Button>
            ) : (
              <View className='zg-small'>已经到底了，共{list.items.length}人</View>
            )}
          </View>
        </View>
      )}
    </View>
  );
}

/** 居民名单: the liaison's own 村居 (or 镇街), searchable and filtered, newest first. */
export default function ResidentsPage() {
  return (
    <PageShell>
      <RoleGate role='liaison'>{(user) => <ResidentList key={user.id} user={user} />}</RoleGate>
    </PageShell>
  );
}
