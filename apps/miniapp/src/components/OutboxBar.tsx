import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import { formatDateTime } from '../lib/resident';
import { useOutbox, type OutboxKind } from '../lib/outbox';
import { Sheet } from './Sheet';
import './OutboxBar.css';

/**
 * 待发送 N 条: what was filled in while there was no network, kept on the phone until it is sent.
 * Tapping it shows what is waiting, with 现在发送. Nothing shows when nothing waits.
 */
export function OutboxBar({ kind }: { kind?: OutboxKind }) {
  const { items, sendNow, remove } = useOutbox(kind);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (items.length === 0) return null;
  const refused = items.filter((i) => i.refused).length;
  const send = () => {
    setBusy(true);
    void sendNow().finally(() => setBusy(false));
  };
  return (
    <View>
      <View className='zg-outbox-bar' onClick={() => setOpen(true)} aria-role='button'>
        <View className='zg-grow'>
          <View className='zg-outbox-count'>待发送 {items.length} 条</View>
          <View className='zg-outbox-hint'>{refused > 0 ? '有没发送成功的，点开看看' : '没有网络，已存在手机上，有网了自动发送'}</View>
        </View>
        <View className='zg-outbox-more'>查看 ›</View>
      </View>
      {open ? (
        <Sheet
          title={`待发送 ${items.length} 条`}
          onClose={() => setOpen(false)}
          footer={
            <Button className={busy ? 'zg-btn zg-btn-block zg-btn-disabled' : 'zg-btn zg-btn-block'} disabled={busy || undefined} onClick={send}>
              {busy ? '正在发送…' : '现在发送'}
            </Button>
          }
        >
          {items.map((i) => (
            <View key={i.id} className='zg-outbox-item'>
              <View className='zg-outbox-label'>{i.label}</View>
              <View className='zg-small'>填写时间：{formatDateTime(i.at)}</View>
              {i.refused ? (
                <View>
                  <View className='zg-error'>没有发送成功：{i.refused}</View>
                  <View className='zg-small'>填的内容还在原来的表里，改好再提交。</View>
                  <View className='zg-outbox-remove' onClick={() => remove(i.id)} aria-role='button'>
                    不发了，删掉这条
                  </View>
                </View>
              ) : (
                <View className='zg-small'>等网络好了自动发送</View>
              )}
            </View>
          ))}
        </Sheet>
      ) : null}
    </View>
  );
}
