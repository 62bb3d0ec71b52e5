import { useEffect, useRef, useState } from 'react';
import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { cleanHeard } from '../lib/speech';
import { canRecognise, startListening, type Listening } from '../lib/voice';
import './VoiceInput.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

interface Props {
  /** What was heard, for the page to put into its field (never submitted on its own). */
  onText: (text: string) => void;
  className?: string;
  /** A line beside the button (for a form field); the button alone when not given. */
  hint?: string;
}

/**
 * 说话: speak instead of typing. In WeChat: hold the button, speak, let go (微信同声传译). In a browser:
 * tap, speak, and it stops by itself when you pause (or tap again). Not shown where the browser cannot
 * listen; typing always works.
 */
export function VoiceInput({ onText, className, hint }: Props) {
  const [available] = useState(canRecognise);
  const [listening, setListening] = useState(false);
  const session = useRef<Listening | null>(null);

  useEffect(() => () => session.current?.stop(), []);

  if (!available) return null;

  const start = () => {
    if (session.current) return;
    const s = startListening(
      (text) => {
        const heard = cleanHeard(text);
        if (heard) onText(heard);
        else void Taro.showToast({ title: '没有听清，请再说一次', icon: 'none', duration: 2000 });
      },
      (error) => {
        session.current = null;
        setListening(false);
        if (error) void Taro.showToast({ title: error, icon: 'none', duration: 2000 });
      },
    );
    if (!s) {
      void Taro.showToast({ title: '现在用不了说话，请打字', icon: 'none', duration: 2000 });
      return;
    }
    session.current = s;
    setListening(true);
  };
  const stop = () => session.current?.stop();

  const cls = `zg-btn voice-btn${listening ? ' voice-btn-on' : ''}${className ? ` ${className}` : ''}`;
  const button = IS_WEAPP ? (
    <Button className={cls} onTouchStart={start} onTouchEnd={stop} onTouchCancel={stop} aria-label='按住说话，松开结束'>
      {listening ? '松开' : '说话'}
    </Button>
  ) : (
    <Button className={cls} onClick={listening ? stop : start} aria-label={listening ? '正在听，点一下结束' : '点一下，说话'}>
      {listening ? '在听…' : '说话'}
    </Button>
  );
  if (!hint) return button;
  return (
    <View className='voice-row'>
      {button}
      <View className='zg-small voice-hint'>{listening ? (IS_WEAPP ? '说完松开手' : '说完停一下，就写进去了') : hint}</View>
    </View>
  );
}
