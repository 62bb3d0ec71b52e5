import { useState } from 'react';
import { Button, Input, View } from '@tarojs/components';
import { appendHeard } from '../lib/speech';
import { VoiceInput } from './VoiceInput';

interface Props {
  value: string[];
  onChange: (words: string[]) => void;
  placeholder: string;
  max?: number;
  /** For tests and screen readers: what the words are ("手艺"). */
  noun: string;
  /** A 说话 button: what is heard goes into the box, to check and 添加. */
  voice?: boolean;
}

/** Splits "电焊，开叉车 瓦工" into words. */
function splitWords(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((w) => w.trim())
    .filter(Boolean);
}

/** Free words as chips: type one (or several, separated by spaces or commas), 添加; tap a chip to remove it. */
export function WordsInput({ value, onChange, placeholder, max = 20, noun, voice }: Props) {
  const [draft, setDraft] = useState('');

  const add = () => {
    const words = splitWords(draft).map((w) => w.slice(0, 20));
    if (words.length === 0) return;
    const next = [...value];
    for (const w of words) if (!next.includes(w) && next.length < max) next.push(w);
    onChange(next);
    setDraft('');
  };

  return (
    <View className='zg-words'>
      <View className='zg-row'>
        <Input
          className='zg-input zg-grow zg-words-input'
          type='text'
          placeholder={placeholder}
          value={draft}
          maxlength={60}
          confirmType='done'
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={add}
        />
        <Button className='zg-btn zg-btn-ghost zg-words-add' onClick={add}>
          添加
        </Button>
      </View>
      {voice ? <VoiceInput hint={`说出来的${noun}先写在上面的框里，看对了再点“添加”`} onText={(heard) => setDraft((d) => appendHeard(d, heard, 60))} /> : null}
      {value.length > 0 ? (
        <View className='zg-row-wrap zg-words-list'>
          {value.map((w) => (
            <View
              key={w}
              className='zg-chip zg-chip-on zg-chip-remove'
              onClick={() => onChange(value.filter((x) => x !== w))}
              aria-role='button'
              aria-label={`去掉${noun}：${w}`}
            >
              {w}
              <View className='zg-chip-x'>✕</View>
            </View>
          ))}
        </View>
      ) : null}
      {value.length > 0 ? <View className='zg-small'>点一下可以去掉。</View> : null}
    </View>
  );
}
