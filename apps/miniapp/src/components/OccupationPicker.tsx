import { useRef, useState } from 'react';
import { Button, Input, View } from '@tarojs/components';
import type { OccupationItem } from '@zaogong/shared';
import { ApiRequestError } from '../api/client';
import { api } from '../api/endpoints';
import { rememberOccupation } from '../api/hooks';

/** A picked occupation: its leaf code and name. */
export interface PickedOccupation {
  code: string;
  name: string;
}

interface Props {
  value: PickedOccupation[];
  onChange: (next: PickedOccupation[]) => void;
  max?: number;
}

const SHOWN = 8;

/** 想干的活: search the occupation list by a word (名称或俗称), tap a result to add it. */
export function OccupationPicker({ value, onChange, max = 5 }: Props) {
  const [draft, setDraft] = useState('');
  const [results, setResults] = useState<OccupationItem[]>();
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState('');
  const seq = useRef(0);

  const search = async () => {
    const q = draft.trim();
    if (!q) return;
    const mine = ++seq.current;
    setSearching(true);
    setError('');
    try {
      const res = await api.searchOccupations(q, { toast: false });
      if (mine === seq.current) setResults(res.items.slice(0, SHOWN));
    } catch (e) {
      if (mine === seq.current) setError(e instanceof ApiRequestError ? e.message : '没有搜到，请再试一次');
    } finally {
      if (mine === seq.current) setSearching(false);
    }
  };

  const picked = new Set(value.map((o) => o.code));
  const toggle = (o: OccupationItem) => {
    if (picked.has(o.code)) {
      onChange(value.filter((v) => v.code !== o.code));
      return;
    }
    if (value.length >= max) {
      setError(`最多选${max}个，先去掉一个再选`);
      return;
    }
    rememberOccupation(o);
    setError('');
    onChange([...value, { code: o.code, name: o.name }]);
  };

  return (
    <View className='zg-occ'>
      {value.length > 0 ? (
        <View className='zg-row-wrap zg-words-list'>
          {value.map((o) => (
            <View
              key={o.code}
              className='zg-chip zg-chip-on zg-chip-remove'
              onClick={() => onChange(value.filter((v) => v.code !== o.code))}
              aria-role='button'
              aria-label={`去掉想干的活：${o.name}`}
            >
              {o.name}
              <View className='zg-chip-x'>✕</View>
            </View>
          ))}
        </View>
      ) : null}
      <View className='zg-row'>
        <Input
          className='zg-input zg-grow zg-words-input zg-occ-input'
          type='text'
          placeholder='如：电焊、保洁'
          value={draft}
          maxlength={20}
          confirmType='search'
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={() => void search()}
        />
        <Button className='zg-btn zg-btn-ghost zg-words-add zg-occ-search' onClick={() => void search()}>
          搜索
        </Button>
      </View>
      {searching ? <View className='zg-small zg-occ-note'>正在搜索…</View> : null}
      {error ? <View className='zg-field-error'>{error}</View> : null}
      {results && !searching ? (
        results.length === 0 ? (
          <View className='zg-small zg-occ-note'>没有找到“{draft.trim()}”，换个说法试试，比如“焊工”“厨师”。</View>
        ) : (
          <View className='zg-occ-results'>
            <View className='zg-small zg-occ-note'>点一下选上：</View>
            {results.map((o) => (
              <View
                key={o.code}
                className={picked.has(o.code) ? 'zg-occ-item zg-occ-item-on' : 'zg-occ-item'}
                onClick={() => toggle(o)}
                aria-role='checkbox'
                aria-checked={picked.has(o.code)}
              >
                <View className='zg-grow'>
                  <View className='zg-occ-name'>{o.name}</View>
                  {o.groupName ? <View className='zg-small'>{o.groupName}</View> : null}
                </View>
                <View className='zg-occ-mark'>{picked.has(o.code) ? '✓ 已选' : '选'}</View>
              </View>
            ))}
          </View>
        )
      ) : null}
    </View>
  );
}
