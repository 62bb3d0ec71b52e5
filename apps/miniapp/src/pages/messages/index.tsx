import { useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { NOTIFICATION_TYPE_LABELS, type AuthUser, type NotificationItem, type Role } from '@zaogong/shared';
import { api } from '../../api/endpoints';
import { useCursorList, usePagedScrolling } from '../../api/hooks';
import { PageShell } from '../../components/PageShell';
import { ReadAloudButton } from '../../components/ReadAloudButton';
import { StateView } from '../../components/StateView';
import { refreshUnread, setUnreadCount, useUnreadBadge } from '../../hooks/useUnreadBadge';
import { useSession } from '../../hooks/useSession';
import { formatMessageTime } from '../../lib/format';
import { messageSpeech } from '../../lib/speech';
import { loginUrl, openPage, ROUTES } from '../../lib/routes';
import './index.css';

const PAGE_SIZE = 20;

const EMPTY_BODY: Record<Role, string> = {
  seeker: '报名以后，企业看了、约您面试、录用您，都会在这里告诉您。',
  employer: '有人报名、岗位审核有了结果，都会在这里告诉您。',
  liaison: '村里有人被录用、要确认上班时，会在这里告诉您。',
  admin: '有给您的消息时会在这里。',
};

function MessageCard({ item, read, onOpen }: { item: NotificationItem; read: boolean; onOpen: () => void }) {
  return (
    <View className={read ? 'zg-card msg-item' : 'zg-card msg-item msg-unread'} onClick={onOpen}>
      <View className='zg-row msg-top'>
        {read ? null : <View className='msg-dot' aria-label='未读' />}
        <Text className='zg-tag msg-type'>{NOTIFICATION_TYPE_LABELS[item.type] ?? '消息'}</Text>
        <View className='zg-grow' />
        <Text className='zg-small msg-time'>{formatMessageTime(item.createdAt)}</Text>
      </View>
      <View className='msg-title'>{item.title}</View>
      {item.body ? <View className='msg-body zg-pre'>{item.body}</View> : null}
      {item.page ? <View className='msg-open'>点这里查看 ›</View> : null}
      <View className='msg-read-row'>
        <ReadAloudButton compact text={() => messageSpeech(item)} />
      </View>
    </View>
  );
}

function Inbox({ user }: { user: AuthUser }) {
  const list = useCursorList(
    (cursor) => api.listNotifications({ cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined }),
    [user.id],
  );
  // Read on this screen since the list was loaded (the list itself is only refetched on refresh).
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(new Set());
  const [markingAll, setMarkingAll] = useState(false);
  const opening = useRef(false);
  const unread = useUnreadBadge();
  usePagedScrolling(list, () => setReadHere(new Set()));

  // Back from the page a message opened, or to the tab later: show what came in meanwhile.
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current && !list.loading) void list.refresh().then(() => setReadHere(new Set()));
    seen.current = true;
  });

  const isRead = (item: NotificationItem) => item.readAt !== null || readHere.has(item.id);

  const open = async (item: NotificationItem) => {
    if (opening.current) return;
    opening.current = true;
    try {
      if (!isRead(item)) {
        setReadHere((prev) => new Set(prev).add(item.id));
        setUnreadCount(unread - 1);
        await api.markRead(item.id, { toast: false }).catch(() => undefined);
        void refreshUnread();
      }
      if (item.page) openPage(item.page);
    } finally {
      opening.current = false;
    }
  };

  const markAll = async () => {
    if (markingAll) return;
    setMarkingAll(true);
    try {
      await api.markAllRead();
      setReadHere(new Set(list.items.map((i) => i.id)));
      setUnreadCount(0);
      void Taro.showToast({ title: '已全部标为已读', icon: 'none', duration: 1500 });
    } catch {
      // The client has shown the API's message.
    } finally {
      setMarkingAll(false);
    }
  };

  const unreadShown = list.items.some((i) => !isRead(i));
  const anyUnread = unread > 0 || unreadShown;

  const head = (
    <View className='zg-card msg-head'>
      <View className='msg-head-title'>{unread > 0 ? `有${unread}条新消息` : '没有新消息'}</View>
      {list.items.length > 0 ? <View className='zg-small'>点一条消息，就打开和它有关的页面。</View> : null}
      <View className='msg-head-buttons'>
        {anyUnread ? (
          <Button
            className={`zg-btn zg-btn-ghost msg-read-all${markingAll ? ' zg-btn-disabled' : ''}`}
            disabled={markingAll || undefined}
            onClick={() => void markAll()}
          >
            {markingAll ? '正在标记…' : '全部已读'}
          </Button>
        ) : null}
        {user.role === 'admin' ? (
          <Button className='zg-btn zg-btn-ghost msg-settings' onClick={() => void Taro.navigateTo({ url: ROUTES.deliveries })}>
            消息发送情况
          </Button>
        ) : (
          <Button className='zg-btn zg-btn-ghost msg-settings' onClick={() => void Taro.navigateTo({ url: ROUTES.notificationSettings })}>
            消息设置
          </Button>
        )}
      </View>
    </View>
  );

  if (list.loading && list.items.length === 0) {
    return (
      <View>
        {head}
        <StateView title='正在加载…' />
      </View>
    );
  }
  if (list.error) {
    return (
      <View>
        {head}
        <StateView title='消息没有加载出来' body={list.error.message} actionText='再试一次' onAction={() => void list.refresh()} />
      </View>
    );
  }
  if (list.items.length === 0) {
    return (
      <View>
        {head}
        <StateView title='还没有消息' body={EMPTY_BODY[user.role]} actionText='刷新' onAction={() => void list.refresh()} />
      </View>
    );
  }
  return (
    <View>
      {head}
      {list.items.map((item) => (
        <MessageCard key={item.id} item={item} read={isRead(item)} onOpen={() => void open(item)} />
      ))}
      <View className='msg-foot zg-small'>{list.loadingMore ? '正在加载更多…' : list.hasMore ? '往上滑看更多' : '已经到底了'}</View>
    </View>
  );
}

/** 消息 (tab): the signed-in user's inbox, newest first, with the unread ones marked. */
export default function MessagesPage() {
  const user = useSession();
  // Keeps the tab's badge current for visitors too (it is removed once logged out).
  useUnreadBadge();
  return (
    <PageShell>
      {user ? (
        <Inbox key={user.id} user={user} />
      ) : (
        <StateView
          title='登录后能看到消息'
          body='企业回复、约面试、录用，都会在这里告诉您。'
          actionText='去登录'
          onAction={() => void Taro.navigateTo({ url: loginUrl() })}
        />
      )}
    </PageShell>
  );
}
