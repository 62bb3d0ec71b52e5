import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import { DISTRICT_CODE } from '@zaogong/shared';
import { useRegions } from '../api/hooks';
import { Chip } from './Chip';
import './VillagePicker.css';

interface Props {
  townCode: string | undefined;
  villageCode: string | undefined;
  onTown: (code: string) => void;
  onVillage: (code: string) => void;
}

/**
 * 住在哪个村: the district's 镇街 as chips, then that 镇街's 村居. Once a 村 is picked the lists fold away
 * and the choice is said in words, with 换一个 to open them again.
 */
export function VillagePicker({ townCode, villageCode, onTown, onVillage }: Props) {
  const [open, setOpen] = useState(!villageCode);
  const towns = useRegions(DISTRICT_CODE);
  const villages = useRegions(townCode ?? null);
  const townName = towns.data?.find((x) => x.code === townCode)?.name;
  const villageName = villages.data?.find((x) => x.code === villageCode)?.name;

  if (!open && villageCode) {
    return (
      <View className='zg-row vp-chosen'>
        <View className='zg-grow vp-picked'>
          {townName} {villageName ?? '…'}
        </View>
        <Button className='zg-btn zg-btn-ghost vp-change' onClick={() => setOpen(true)}>
          换一个
        </Button>
      </View>
    );
  }
  return (
    <View className='vp'>
      <View className='zg-row-wrap vp-grid'>
        {towns.loading ? <View className='zg-small'>正在加载镇街…</View> : null}
        {towns.error ? <View className='zg-error'>{towns.error.message}</View> : null}
        {(towns.data ?? []).map((t) => (
          <Chip key={t.code} label={t.name} on={townCode === t.code} onTap={() => onTown(t.code)} />
        ))}
      </View>
      {townCode ? (
        <View className='zg-row-wrap vp-grid vp-villages'>
          {villages.loading ? <View className='zg-small'>正在加载村居…</View> : null}
          {villages.error ? <View className='zg-error'>{villages.error.message}</View> : null}
          {(villages.data ?? []).map((x) => (
            <Chip
              key={x.code}
              label={x.name}
              on={villageCode === x.code}
              onTap={() => {
                onVillage(x.code);
                setOpen(false);
              }}
            />
          ))}
        </View>
      ) : null}
    </View>
  );
}
