import { useEffect, useRef, useState } from 'react';
import { Button, Input, ScrollView, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import {
  BENEFIT_LABELS,
  BENEFITS,
  DISTRICT_CODE,
  PAID_DAYS_PER_MONTH,
  POST_SORT_LABELS,
  POST_SORTS,
  POST_TYPE_LABELS,
  POST_TYPES,
  SUGGEST_BELOW,
  type Benefit,
  type PostSort,
  type PostType,
} from '@zaogong/shared';
import { usePagedScrolling, usePostList, useRegions } from '../../api/hooks';
import { Chip } from '../../components/Chip';
import { PageShell } from '../../components/PageShell';
import { PostCard } from '../../components/PostCard';
import { Recommendations, useRecommendations } from '../../components/Recommendations';
import { Sheet, SheetOption } from '../../components/Sheet';
import { StateView } from '../../components/StateView';
import { VoiceInput } from '../../components/VoiceInput';
import { useSession } from '../../hooks/useSession';
import { getUser } from '../../lib/session';
import { useUnreadBadge } from '../../hooks/useUnreadBadge';
import { usePosterScene } from '../../hooks/usePosterScene';
import { loginUrl, postUrl, ROUTES } from '../../lib/routes';
import { describeSearch, SavedSearchesSheet, useSavedSearches } from './SavedSearches';
import { PoliciesEntry } from '../../components/PoliciesEntry';
import { GigEntry } from './GigEntry';
import { EventsEntry } from './EventsEntry';
import { PublicStatsLink } from './PublicStatsLink';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** Monthly floors offered by the 工资 filter (the API compares day and hour wages converted). */
const WAGE_FLOORS = [3000, 4000, 5000, 6000] as const;

const TYPE_DESC: Record<PostType, string> = {
  full_time: '长期干，按月发工资',
  part_time: '每天干几个小时',
  gig: '干一天或几天，按天算钱',
  seasonal: '农忙、旺季时干一段时间',
  shared_staff: '企业之间借用人手，干一段时间',
};

const SORT_DESC: Record<PostSort, string> = {
  newest: '新发布、刚更新的排在前面',
  wage: '按月工资算，高的排在前面',
  distance: '要用到您现在的位置',
};

const LIST_HEAD: Record<PostSort, string> = {
  newest: '最新发布的岗位',
  wage: '工资从高到低',
  distance: '离您从近到远',
};

type SheetKind = 'town' | 'type' | 'wage' | 'benefits' | 'sort' | 'saved';

interface Coords {
  lat: number;
  lng: number;
}

/** The browser gives only GPS (WGS-84) positions; WeChat gives the GCJ-02 ones maps in China use. */
async function currentCoords(): Promise<Coords> {
  const loc = await Taro.getLocation({ type: IS_WEAPP ? 'gcj02' : 'wgs84' });
  return { lat: loc.latitude, lng: loc.longitude };
}

function benefitsLabel(list: readonly Benefit[]): string {
  if (list.length === 0) return '福利';
  if (list.length <= 2) return list.map((b) => BENEFIT_LABELS[b]).join('·');
  return `福利${list.length}项`;
}

/** 找工作: the public list of published posts, with search, filters and sort. No login needed. */
export default function IndexPage() {
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [townCode, setTownCode] = useState<string>();
  const [type, setType] = useState<PostType>();
  const [wageMin, setWageMin] = useState<number>();
  const [benefits, setBenefits] = useState<Benefit[]>([]);
  const [sort, setSort] = useState<PostSort>('newest');
  const [coords, setCoords] = useState<Coords>();
  const [locating, setLocating] = useState(false);
  const [locationNote, setLocationNote] = useState('');
  const [sheet, setSheet] = useState<SheetKind | null>(null);
  const [benefitsDraft, setBenefitsDraft] = useState<Benefit[]>([]);
  const towns = useRegions(DISTRICT_CODE);
  const list = usePostList({
    q: q || undefined,
    townCode,
    type,
    wageMin,
    benefits: benefits.length > 0 ? benefits.join(',') : undefined,
    // 最新 is the API's default order: left out, the URL stays the plain one.
    sort: sort === 'newest' ? undefined : sort,
    // Once known, the position also gives every card its distance, whatever the order.
    lat: coords?.lat,
    lng: coords?.lng,
  });

  const user = useSession();
  const recs = useRecommendations(user, coords);
  const saved = useSavedSearches(user);
  /** 有了告诉我 for the search on screen: saved (with what was said), or why not. */
  const [saveNote, setSaveNote] = useState<{ key: string; ok: boolean; message: string }>();
  const [saving, setSaving] = useState(false);
  /** 有了告诉我 tapped while logged out: saved on return from the login page. */
  const saveAfterLogin = useRef(false);
  // The 消息 tab's badge, refreshed on each show of this tab.
  useUnreadBadge();
  // Opened from a poster's code (?scene=): count the scan and go on to its post or event.
  usePosterScene();
  // Back from 我的 (the personalised switch) or 我的档案 (a new record): the block may have changed.
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current && recs.enabled) void recs.feed.reload();
    shownBefore.current = true;
  });

  usePagedScrolling(list, () => {
    if (recs.enabled) void recs.feed.reload();
  });

  const search = () => setQ(draft.trim());
  /** A 你是不是要找 chip: search that instead. */
  const searchFor = (word: string) => {
    setDraft(word);
    setQ(word);
  };

  // What 有了告诉我 saves: the keyword and the filters the API keeps (not benefits).
  const searchKey = JSON.stringify([q, townCode, type, wageMin]);
  const note = saveNote?.key === searchKey ? saveNote : undefined;
  const alreadySaved = saved.items.some((s) => s.q === q.toLowerCase() && s.townCode === (townCode ?? null) && s.type === (type ?? null) && s.wageMin === (wageMin ?? null) && s.occupationCode === null);
  async function saveSearch() {
    if (!q) return;
    if (!getUser()) {
      saveAfterLogin.current = true;
      void Taro.navigateTo({ url: loginUrl(ROUTES.index) });
      return;
    }
    setSaving(true);
    const result = await saved.save({ q, townCode, type, wageMin });
    setSaving(false);
    setSaveNote({ key: searchKey, ...result });
  }
  // Back from the login page with an account: save what was asked for before leaving.
  useEffect(() => {
    if (user && saveAfterLogin.current) {
      saveAfterLogin.current = false;
      void saveSearch();
    }
  }, [user]);
  const fewFound = Boolean(q) && !list.loading && !list.error && !list.hasMore && list.items.length < SUGGEST_BELOW;
  const runSaved = (s: { q: string; townCode: string | null; type: PostType | null; wageMin: number | null }) => {
    setSheet(null);
    setDraft(s.q);
    setQ(s.q);
    setTownCode(s.townCode ?? undefined);
    setType(s.type ?? undefined);
    setWageMin(s.wageMin ?? undefined);
  };
  const filtered = Boolean(q || townCode || type || wageMin || benefits.length > 0);
  const clearFilters = () => {
    setDraft('');
    setQ('');
    setTownCode(undefined);
    setType(undefined);
    setWageMin(undefined);
    setBenefits([]);
  };

  const openSheet = (kind: SheetKind) => {
    if (kind === 'benefits') setBenefitsDraft(benefits);
    setSheet(kind);
  };
  const closeSheet = () => setSheet(null);
  /** A tap on a choice: apply it and close the sheet. */
  const choose = (change: () => void) => () => {
    change();
    setSheet(null);
  };

  const chooseSort = async (next: PostSort) => {
    setSheet(null);
    setLocationNote('');
    if (next !== 'distance') {
      setSort(next);
      return;
    }
    setLocating(true);
    try {
      setCoords(await currentCoords());
      setSort('distance');
    } catch {
      setSort('newest');
      setLocationNote(
        IS_WEAPP
          ? '没有拿到您的位置，先按最新发布排列。想按距离排，请点下面的按钮允许使用位置，再选“离我最近”。'
          : '没有拿到您的位置，先按最新发布排列。想按距离排，请在浏览器里允许使用位置，再选“离我最近”。',
      );
    } finally {
      setLocating(false);
    }
  };

  const townName = towns.data?.find((t) => t.code === townCode)?.name;

  return (
    <PageShell>
      <View className='search-bar zg-row'>
        <Input
          className='zg-input search-input'
          type='text'
          confirmType='search'
          placeholder='搜工作，如：电焊工'
          value={draft}
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={search}
        />
        {/* What was heard goes into the box to check; the search runs on 搜索, as typed words do. */}
        <VoiceInput className='search-voice' onText={setDraft} />
        <Button className='zg-btn search-btn' onClick={search}>
          搜索
        </Button>
      </View>

      {filtered ? null : <PoliciesEntry />}

      {filtered ? null : <GigEntry />}

      {filtered ? null : <EventsEntry />}

      {filtered ? null : <PublicStatsLink />}

      {/* While searching or filtering the seeker asked for something else: their results come first. */}
      {filtered ? null : <Recommendations state={recs} />}

      <ScrollView scrollX className='zg-chips filter-row' enhanced showScrollbar={false}>
        <Chip label={`${townName ?? '镇街'} ▾`} on={Boolean(townCode)} onTap={() => openSheet('town')} />
        <Chip label={`${type ? POST_TYPE_LABELS[type] : '类型'} ▾`} on={Boolean(type)} onTap={() => openSheet('type')} />
        <Chip label={`${wageMin ? `${wageMin}元以上` : '工资'} ▾`} on={Boolean(wageMin)} onTap={() => openSheet('wage')} />
        <Chip label={`${benefitsLabel(benefits)} ▾`} on={benefits.length > 0} onTap={() => openSheet('benefits')} />
        <View className='zg-chips-end' />
      </ScrollView>
      {filtered ? (
        <View className='filter-clear-row'>
          <View className='filter-clear' onClick={clearFilters} aria-role='button'>
            ✕ 清除筛选
          </View>
        </View>
      ) : null}

      {locationNote ? (
        <View className='zg-card location-note'>
          <View className='zg-text'>{locationNote}</View>
          {IS_WEAPP ? (
            <Button className='zg-btn zg-btn-ghost zg-btn-block location-setting' onClick={() => void Taro.openSetting()}>
              允许使用位置
            </Button>
          ) : null}
        </View>
      ) : null}

      {saved.items.length > 0 ? (
        <View className='saved-open-row'>
          <View className='saved-open' onClick={() => openSheet('saved')} aria-role='button'>
            有了告诉我：我保存的搜索（{saved.items.length}个）▸
          </View>
        </View>
      ) : null}

      {q && list.suggestions && list.suggestions.length > 0 && !list.loading ? (
        <View className='suggest zg-card'>
          <View className='suggest-head'>你是不是要找：</View>
          <View className='zg-row-wrap suggest-chips'>
            {list.suggestions.map((w) => (
              <Chip key={w} label={w} on={false} onTap={() => searchFor(w)} />
            ))}
          </View>
        </View>
      ) : null}

      <View className='list-head zg-row'>
        <View className='zg-grow zg-small'>{filtered ? '按您的条件找到的岗位' : LIST_HEAD[sort]}</View>
        <View className='sort-btn' onClick={() => openSheet('sort')} aria-role='button'>
          {locating ? '正在定位…' : `排序：${POST_SORT_LABELS[sort]} ▾`}
        </View>
      </View>

      {list.loading && list.items.length === 0 ? (
        <StateView title='正在加载岗位…' />
      ) : list.error ? (
        <StateView title='岗位没有加载出来' body={list.error.message} actionText='再试一次' onAction={() => void list.refresh()} />
      ) : list.items.length === 0 ? (
        <StateView
          title={filtered ? '没有找到合适的岗位' : '现在还没有岗位'}
          body={filtered ? '少选几个条件试试，也可以少写几个字再搜。' : '新岗位审核通过后会出现在这里，过几天再来看看。'}
          actionText={filtered ? '看全部岗位' : '刷新'}
          onAction={filtered ? clearFilters : () => void list.refresh()}
        />
      ) : (
        <View>
          {list.items.map((post) => (
            <PostCard key={post.id} post={post} nearest={sort === 'distance'} onOpen={(p) => void Taro.navigateTo({ url: postUrl(p.id) })} />
          ))}
          <View className='list-foot'>
            {list.loadingMore ? (
              <View className='zg-small'>正在加载更多…</View>
            ) : list.hasMore ? (
              <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void list.loadMore()}>
                看更多岗位
              </Button>
            ) : (
              <View className='zg-small'>已经到底了，共{list.items.length}个岗位</View>
            )}
          </View>
        </View>
      )}

      {fewFound ? (
        <View className='notify zg-card'>
          {note?.ok || alreadySaved ? (
            <View className='notify-done'>✓ {note?.ok ? note.message : `「${q}」已经保存了，有了新岗位会在「消息」里告诉您`}</View>
          ) : (
            <View>
              <View className='zg-text'>
                {list.items.length === 0 ? `现在还没有「${q}」的岗位。` : `「${q}」的岗位现在只有这些。`}有了新的，我们发消息告诉您。
              </View>
              {note && !note.ok ? <View className='zg-error'>{note.message}</View> : null}
              <Button className={`zg-btn zg-btn-block notify-btn${saving ? ' zg-btn-disabled' : ''}`} disabled={saving || undefined} onClick={() => void saveSearch()}>
                {saving ? '正在保存…' : '有了告诉我'}
              </Button>
              {!user ? <View className='zg-small'>要先登录，才能给您发消息。</View> : null}
            </View>
          )}
          {townCode || type || wageMin ? <View className='zg-small notify-what'>按这些条件：{describeSearch({ q, townName: townName ?? null, type: type ?? null, wageMin: wageMin ?? null })}</View> : null}
        </View>
      ) : null}

      {sheet === 'town' ? (
        <Sheet title='在哪个镇街干' onClose={closeSheet}>
          <View className='zg-sheet-grid'>
            <SheetOption label='全部镇街' on={!townCode} onTap={choose(() => setTownCode(undefined))} />
            {(towns.data ?? []).map((t) => (
              <SheetOption key={t.code} label={t.name} on={townCode === t.code} onTap={choose(() => setTownCode(t.code))} />
            ))}
          </View>
          {towns.error ? <View className='zg-error'>{towns.error.message}</View> : null}
        </Sheet>
      ) : null}

      {sheet === 'type' ? (
        <Sheet title='干什么样的活' onClose={closeSheet}>
          <SheetOption label='全部' on={!type} onTap={choose(() => setType(undefined))} />
          {POST_TYPES.map((t) => (
            <SheetOption key={t} label={POST_TYPE_LABELS[t]} desc={TYPE_DESC[t]} on={type === t} onTap={choose(() => setType(t))} />
          ))}
        </Sheet>
      ) : null}

      {sheet === 'wage' ? (
        <Sheet title='每月工资至少多少' onClose={closeSheet}>
          <View className='zg-sheet-note'>
            按天、按小时发工资的岗位，折算成月工资来比：一个月按{PAID_DAYS_PER_MONTH}天、一天按8小时算。
          </View>
          <SheetOption label='不限' on={!wageMin} onTap={choose(() => setWageMin(undefined))} />
          {WAGE_FLOORS.map((w) => (
            <SheetOption
              key={w}
              label={`每月${w}元以上`}
              desc={`按天算，约每天${Math.round(w / PAID_DAYS_PER_MONTH)}元以上`}
              on={wageMin === w}
              onTap={choose(() => setWageMin(w))}
            />
          ))}
        </Sheet>
      ) : null}

      {sheet === 'benefits' ? (
        <Sheet
          title='要有哪些福利（可多选）'
          onClose={closeSheet}
          footer={
            <View className='zg-sheet-buttons'>
              <Button className='zg-btn zg-btn-ghost' onClick={choose(() => setBenefits([]))}>
                不限
              </Button>
              <Button className='zg-btn' onClick={choose(() => setBenefits(benefitsDraft))}>
                确定
              </Button>
            </View>
          }
        >
          <View className='zg-sheet-grid'>
            {BENEFITS.map((b) => (
              <SheetOption
                key={b}
                multi
                label={BENEFIT_LABELS[b]}
                on={benefitsDraft.includes(b)}
                onTap={() =>
                  setBenefitsDraft((prev) =>
                    prev.includes(b) ? prev.filter((x) => x !== b) : BENEFITS.filter((x) => x === b || prev.includes(x)),
                  )
                }
              />
            ))}
          </View>
        </Sheet>
      ) : null}

      {sheet === 'saved' ? <SavedSearchesSheet state={saved} onClose={closeSheet} onRun={runSaved} /> : null}

      {sheet === 'sort' ? (
        <Sheet title='怎么排列' onClose={closeSheet}>
          {POST_SORTS.map((s) => (
            <SheetOption key={s} label={POST_SORT_LABELS[s]} desc={SORT_DESC[s]} on={sort === s} onTap={() => void chooseSort(s)} />
          ))}
        </Sheet>
      ) : null}
    </PageShell>
  );
}
