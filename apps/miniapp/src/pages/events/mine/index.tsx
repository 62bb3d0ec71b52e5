import { useEffect, useRef, useState } from 'react';
import { Button, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { AuthUser, EventSignupItem } from '@zaogong/shared';
import { eventsApi } from '../../../api/events';
import { useApi, useCursorList, usePagedScrolling } from '../../../api/hooks';
// EventCard's and EventTicket's styles before ConfirmSheet's, in the order the event page has them (one CSS order for WeChat's common chunk).
import { PhaseLabel } from '../../../components/EventCard';
import { EventTicket } from '../../../components/EventTicket';
import { ConfirmSheet } from '../../../components/ConfirmSheet';
import { PageShell } from '../../../components/PageShell';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { EVENT_ROUTES, eventUrl, placeText, whenText } from '../../../lib/events';
import './index.css';

const PAGE_SIZE = 50;

/** When and where of a ticket's event (the ticket carries only the title). */
function EventLine({ eventId }: { eventId: string }) {
  const ev = useApi(() => eventsApi.get(eventId, { toast: false }), [eventId]);
  if (!ev.data) return null;
  return (
    <View className='mev-line'>
      <View className='zg-row'>
        <View className='zg-grow mev-when'>{whenText(ev.data)}</View>
        <PhaseLabel e={ev.data} />
      </View>
      <View className='mev-place'>{placeText(ev.data)}</View>
    </View>
  );
}

/** Runs of tickets of the same event, in the order the API gave them. */
function byEvent(items: EventSignupItem[]): { eventId: string; title: string; items: EventSignupItem[] }[] {
  const groups: { eventId: string; title: string; items: EventSignupItem[] }[] = [];
  for (const s of items) {
    const g = groups.find((x) => x.eventId === s.eventId);
    if (g) g.items.push(s);
    else groups.push({ eventId: s.eventId, title: s.eventTitle, items: [s] });
  }
  return groups;
}

function MyEvents({ user, eventId }: { user: AuthUser; eventId?: string }) {
  const liaison = user.role === 'liaison';
  const list = useCursorList((cursor) => eventsApi.mySignups({ eventId, cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined }), [user.id, eventId]);
  usePagedScrolling(list);
  const [cancelling, setCancelling] = useState<EventSignupItem>();
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current) void list.refresh();
    seen.current = true;
  });
  useEffect(() => {
    if (liaison) void Taro.setNavigationBarTitle({ title: '村民的电子票' }).catch(() => undefined);
  }, [liaison]);

  if (list.loading && list.items.length === 0) return <StateView title='正在加载…' />;
  if (list.error) return <StateView title='没有加载出来' body={list.error.message} actionText='再试一次' onAction={() => void list.refresh()} />;
  if (list.items.length === 0) {
    return (
      <StateView
        title={liaison ? '还没有替村民报过名' : '您还没有报名参加活动'}
        body={liaison ? '在活动页点“帮村民报名”，报上的电子票都在这里。' : '招聘会上企业当面招人。看看最近有什么活动吧。'}
        actionText='看招聘活动'
        onAction={() => void Taro.navigateTo({ url: EVENT_ROUTES.list })}
      />
    );
  }

  return (
    <View>
      <View className='mev-head zg-small'>
        {liaison ? '您替村民报的名，和村民自己报的名。票号可以抄给TA，到了门口念给工作人员。' : '到了门口，把电子票给工作人员扫一下。'}
      </View>
      {byEvent(list.items).map((g) => (
        <View key={g.eventId} className='zg-card mev-card'>
          <View className='mev-title' aria-role='link' onClick={() => void Taro.navigateTo({ url: eventUrl(g.eventId) })}>
            {g.title} ▸
          </View>
          <EventLine eventId={g.eventId} />
          {g.items.map((s) => (
            <View key={s.id} className='mev-ticket'>
              <EventTicket s={s} showName={liaison} small={liaison} />
              {s.status !== 'cancelled' && !s.checkedInAt ? (
                <Button className='zg-btn zg-btn-ghost zg-btn-block mev-cancel' onClick={() => setCancelling(s)}>
                  {liaison ? `${s.residentName}去不了，取消报名` : '去不了，取消报名'}
                </Button>
              ) : null}
            </View>
          ))}
        </View>
      ))}
      <View className='mev-foot zg-small'>{list.loadingMore ? '正在加载更多…' : list.hasMore ? '往上滑看更多' : '已经到底了'}</View>
      {cancelling ? (
        <ConfirmSheet
          title={liaison ? `取消${cancelling.residentName}的报名？` : '取消报名？'}
          submitText='取消报名'
          cancelText='不取消'
          onClose={() => setCancelling(undefined)}
          onSubmit={async () => {
            await eventsApi.cancelSignup(cancelling.id, { toast: false });
            setCancelling(undefined);
            void Taro.showToast({ title: '已取消', icon: 'success', duration: 1500 });
            void list.refresh();
          }}
        >
          <View>「{cancelling.eventTitle}」的电子票就不能用了，名额会让给排队的人。</View>
        </ConfirmSheet>
      ) : null}
    </View>
  );
}

/** 我的活动: a seeker's tickets; for a liaison, their villagers' (?eventId= for one event). */
export default function MyEventsPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <RoleGate role='seeker' also={['liaison']}>
        {(user) => <MyEvents key={user.id} user={user} eventId={params.eventId} />}
      </RoleGate>
    </PageShell>
  );
}
