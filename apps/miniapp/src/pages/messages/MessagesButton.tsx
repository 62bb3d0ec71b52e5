import { Button, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useUnreadBadge } from '../../hooks/useUnreadBadge';
import { ROUTES } from '../../lib/routes';
import './MessagesButton.css';

/** 消息 with the unread count, for the role homes (they are not tab pages, so they have no badge). */
export function MessagesButton() {
  const count = useUnreadBadge();
  return (
    <Button className='zg-btn zg-btn-ghost zg-btn-block home-messages' onClick={() => void Taro.switchTab({ url: ROUTES.messages })}>
      <Text>消息</Text>
      {count > 0 ? (
        <Text className='home-messages-count'>{count > 99 ? '99+' : count}条新消息</Text>
      ) : (
        <Text className='home-messages-none'>没有新消息</Text>
      )}
    </Button>
  );
}
