import { useState } from 'react';
import { Button, ScrollView, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { DISTRICT_CODE, EVENT_SERIES, EVENT_SERIES_LABELS, type EventItem, type EventSeries } from '@zaogong/shared';
import { eventsApi } from '../../api/events';
import { useCursorList, usePagedScrolling, useRegions } from '../../api/hooks';
import { Chip } from '../../components/Chip';
import { EventCard } from '../../components/EventCard';
import { PageShell } from '../../components/PageShell';
import { Sheet, SheetOption } from '../../components/Sheet';
import { StateView } from '../../components/StateView';
import { useSession } from '../../hooks/useSession';
import { dayHeading, eventFormUrl, eventUrl, startDay } from '../../lib/events';
import './index.css';

const PAGE_SIZE = 20;

/** The events as the API gave them (upcoming first), in runs of the same start day. */
function byDay(items: EventItem[]): { day: string; items: EventItem[] }[] {
  const groups: { day: string; items: EventItem[] }[] = [];
  for (const e of items) {
    const day = startDay(e);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.items.push(e);
    else groups.push({ day, items: [e] });
  }
  return groups;
}

/** 招聘活动: every event by date (月/日 星期), filtered by 镇街 and series; ?all=1 adds ended and cancelled ones. */
export default function EventsPage() {
  const { params } = useRouter();
  const all = params.all === '1';
  const user = useSession();
  const [townCode, setTownCode] = useState<string | undefined>(params.townCode);
  const [series, setSeries] = useState<EventSeries>();
  const [sheet, setSheet] = useState<'town' | 'series' | null>(null);
  const towns = useRegions(DISTRICT_CODE);
  const list = useCursorList(
    (cursor) => eventsApi.list({ townCode, series, all, cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined }),
    [townCode, series, all, user?.id],
  );
  usePagedScrolling(list);
  const townName = towns.data?.find((t) => t.code === townCode)?.name;
  const filtered = Boolean(townCode || series);
  const canCreate = user?.role === 'admin';
  const choose = (change: () => void) => () => {
    change();
    setSheet(null);
  };

  return (
    <PageShell>
      <View className='evl-head zg-small'>{all ? '全部活动，包括已结束和已取消的。' : '春风行动、职等你来、直播带岗……企业当面招人，去之前先报名。'}</View>
      <ScrollView scrollX className='zg-chips evl-filters' enhanced showScrollbar={false}>
        <Chip label={`${townName ?? '全部镇街'} ▾`} on={Boolean(townCode)} onTap={() => setSheet('town')} />
        <Chip label={`${series ? EVENT_SERIES_LABELS[series] : '全部活动'} ▾`} on={Boolean(series)} onTap={() => setSheet('series')} />
        <View className='zg-chips-end' />
      </ScrollView>
      {canCreate ? (
        <View className='zg-section evl-create'>
          <Button className='zg-btn zg-btn-block' onClick={() => void Taro.navigateTo({ url: eventFormUrl() })}>
            新建活动
          </Button>
        </View>
      ) : null}

      {list.loading && list.items.length === 0 ? (
        <StateView title='正在加载活动…' />
      ) : list.error ? (
        <StateView title='活动没有加载出来' body={list.error.message} actionText='再试一次' onAction={() => void list.refresh()} />
      ) : list.items.length === 0 ? (
        <StateView
          title={filtered ? '没有找到这样的活动' : '最近没有招聘活动'}
          body={filtered ? '换个镇街或活动看看。' : '有了新活动会在这里出现，过几天再来看看。'}
          actionText={filtered ? '看全部活动' : '刷新'}
          onAction={
            filtered
              ? () => {
                  setTownCode(undefined);
                  setSeries(undefined);
                }
              : () => void list.refresh()
          }
        />
      ) : (
        <View>
          {byDay(list.items).map((g) => (
            <View key={g.day} className='evl-day'>
              <View className='evl-day-title'>{dayHeading(g.day)}</View>
              {g.items.map((e) => (
                <EventCard key={e.id} e={e} timeOnly onOpen={(x) => void Taro.navigateTo({ url: eventUrl(x.id) })} />
              ))}
            </View>
          ))}
          <View className='evl-foot zg-small'>{list.loadingMore ? '正在加载更多…' : list.hasMore ? '往上滑看更多' : `已经到底了，共${list.items.length}个活动`}</View>
        </View>
      )}

      {sheet === 'town' ? (
        <Sheet title='哪个镇街的活动' onClose={() => setSheet(null)}>
          <View className='zg-sheet-grid'>
            <SheetOption label='全部镇街' on={!townCode} onTap={choose(() => setTownCode(undefined))} />
            {(towns.data ?? []).map((t) => (
              <SheetOption key={t.code} label={t.name} on={townCode === t.code} onTap={choose(() => setTownCode(t.code))} />
            ))}
          </View>
          {towns.error ? <View className='zg-error'>{towns.error.message}</View> : null}
        </Sheet>
      ) : null}
      {sheet === 'series' ? (
        <Sheet title='哪一类活动' onClose={() => setSheet(null)}>
          <SheetOption label='全部活动' on={!series} onTap={choose(() => setSeries(undefined))} />
          {EVENT_SERIES.map((s) => (
            <SheetOption key={s} label={EVENT_SERIES_LABELS[s]} on={series === s} onTap={choose(() => setSeries(s))} />
          ))}
        </Sheet>
      ) : null}
    </PageShell>
  );
}
