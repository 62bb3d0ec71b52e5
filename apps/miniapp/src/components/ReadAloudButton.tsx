import { useEffect, useRef, useState } from 'react';
import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { canSpeak, speak, type Speaking } from '../lib/voice';
import './ReadAloudButton.css';

interface Props {
  /** What to say; built when tapped (see lib/speech.ts). */
  text: () => string;
  /** A smaller button, for a message in a list. */
  compact?: boolean;
  className?: string;
}

/** 读给我听: reads the text aloud; a second tap stops. Not shown where the browser cannot speak. */
export function ReadAloudButton({ text, compact, className }: Props) {
  const [available] = useState(canSpeak);
  const [speaking, setSpeaking] = useState(false);
  const session = useRef<Speaking | null>(null);

  useEffect(() => () => session.current?.stop(), []);

  if (!available) return null;

  const toggle = (e?: { stopPropagation?: () => void }) => {
    // On a message card the tap would otherwise also open the message.
    e?.stopPropagation?.();
    if (session.current) {
      session.current.stop();
      return;
    }
    const s = speak(text(), (error) => {
      session.current = null;
      setSpeaking(false);
      if (error) void Taro.showToast({ title: error, icon: 'none', duration: 2000 });
    });
    if (!s) return;
    session.current = s;
    setSpeaking(true);
  };

  const cls = ['zg-btn', compact ? 'read-aloud read-aloud-compact' : 'zg-btn-block read-aloud', speaking ? 'read-aloud-on' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <Button className={cls} onClick={toggle} aria-label={speaking ? '正在读，点一下停' : '读给我听'}>
      {speaking ? '停，不读了' : '读给我听'}
    </Button>
  );
}
