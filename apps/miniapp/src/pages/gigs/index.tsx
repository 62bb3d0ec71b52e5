import { useEffect, useState } from 'react';
import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { monthDayText, type GigItem } from '@zaogong/shared';
import { api } from '../../api/endpoints';
import { useCursorList, usePagedScrolling } from '../../api/hooks';
import { GigCard } from '../../components/GigCard';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import { useSession } from '../../hooks/useSession';
import { currentPoint, GIG_DAY_WORDS, GIG_ROUTES, gigDate, gigPostUrl } from '../../lib/gigs';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
/** The 15-minute circle the list starts with (the API widens it when nothing is inside). */
const FIRST_RADIUS_KM = 3;
const PAGE_SIZE = 20;

type Point = { lat: number; lng: number };
type Row = GigItem & { id: string };

function dayOffset(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n < GIG_DAY_WORDS.length ? n : 0;
}

/** The day's gigs around the point (or, without one, the person's own 村 and 镇 first). */
function GigList({ date, point, word }: { date: string; point: Point | null; word: string }) {
  const [radius, setRadius] = useState<{ key: string; km: number | null }>();
  const key = `${date}|${point?.lat ?? ''}|${point?.lng ?? ''}`;
  const list = useCursorList<Row>(
    async (cursor) => {
      const page = await api.listGigs({ date, lat: point?.lat, lng: point?.lng, cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined });
      if (cursor === undefined) setRadius({ key, km: page.radiusKm });
      return { items: page.items.map((i) => ({ ...i, id: i.post.id })), nextCursor: page.nextCursor };
    },
    [key],
  );
  usePagedScrolling(list);
  const open = (item: GigItem) => void Taro.navigateTo({ url: gigPostUrl(item.post.id, date) });
  const km = radius?.key === key ? radius.km : null;

  if (list.loading && list.items.length === 0) return <StateView title='正在找附近的零工…' />;
  if (list.error) return <StateView title='零工没有加载出来' body={list.error.message} actionText='再试一次' onAction={() => void list.refresh()} />;
  if (list.items.length === 0) {
    return <StateView title={`${word}附近还没有零工`} body='看看别的日子，或者过一会儿再来看。' actionText='刷新' onAction={() => void list.refresh()} />;
  }
  return (
    <View>
      {km !== null && km > FIRST_RADIUS_KM ? (
        <View className='gl-widened'>
          {FIRST_RADIUS_KM}公里内没有，这是{km}公里内的
        </View>
      ) : null}
      {list.items.map((item) => (
        <GigCard key={item.id} item={item} onOpen={open}>
          <Button className='zg-btn zg-btn-block gl-open' onClick={() => open(item)}>
            看看，报名
          </Button>
        </GigCard>
      ))}
      <View className='gl-foot zg-small'>
        {list.loadingMore ? '正在加载更多…' : list.hasMore ? '往上滑看更多' : `已经到底了，共${list.items.length}个零工`}
      </View>
    </View>
  );
}

/** 附近的零工: one day's work (今天/明天/后天), nearest first, with the pay, the places left and the way there. */
export default function GigsPage() {
  const { params } = useRouter();
  const user = useSession();
  const [offset, setOffset] = useState(() => dayOffset(params.day));
  /** undefined while asking the phone where it is; null when it would not say. */
  const [point, setPoint] = useState<Point | null>();

  const locate = async () => {
    setPoint(undefined);
    try {
      setPoint(await currentPoint());
    } catch {
      setPoint(null);
    }
  };
  useEffect(() => {
    void locate();
  }, []);

  const date = gigDate(offset);
  return (
    <PageShell>
      <View className='gl-days'>
        {GIG_DAY_WORDS.map((word, i) => (
          <Button key={word} className={i === offset ? 'zg-btn gl-day gl-day-on' : 'zg-btn zg-btn-ghost gl-day'} onClick={() => setOffset(i)} aria-selected={i === offset}>
            <View className='gl-day-word'>{word}</View>
            <View className='gl-day-date'>{monthDayText(gigDate(i))}</View>
          </Button>
        ))}
      </View>
      {user?.role === 'seeker' ? (
        <View className='gl-mine' onClick={() => void Taro.navigateTo({ url: GIG_ROUTES.mine })} aria-role='link'>
          我报的零工 ›
        </View>
      ) : null}
      {point === null ? (
        <View className='zg-card gl-noplace'>
          <View className='zg-text'>没拿到您的位置，先列{user?.role === 'seeker' ? '您村里、镇上' : '全区'}的零工，算不出离您多远。</View>
          <Button className='zg-btn zg-btn-ghost zg-btn-block gl-locate' onClick={() => void (IS_WEAPP ? Taro.openSetting().then(() => locate()) : locate())}>
            {IS_WEAPP ? '允许使用位置' : '再定位一次'}
          </Button>
        </View>
      ) : null}
      {point === undefined ? <StateView title='正在看您在哪儿…' /> : <GigList key={`${date}`} date={date} point={point} word={GIG_DAY_WORDS[offset]} />}
    </PageShell>
  );
}
