import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './LocationButton.css';

/** Only WeChat has a map to pick from; on H5 the address words are enough. */
export const CAN_PICK_LOCATION = process.env.TARO_ENV === 'weapp';

export interface PickedLocation {
  lat: number;
  lng: number;
  /** The place's name and address as the map gives them, e.g. "桑村镇工业园3号". */
  address: string;
}

interface Props {
  lat: number | undefined;
  lng: number | undefined;
  onPick: (place: PickedLocation) => void;
  onClear: () => void;
}

/** 选择位置: WeChat's map picker, so seekers can sort by distance. Hidden outside WeChat. */
export function LocationButton({ lat, lng, onPick, onClear }: Props) {
  const [error, setError] = useState('');
  if (!CAN_PICK_LOCATION) return null;
  const picked = lat !== undefined && lng !== undefined;

  const choose = async () => {
    setError('');
    try {
      const res = await Taro.chooseLocation(picked ? { latitude: lat, longitude: lng } : {});
      const address = [res.address, res.name].filter(Boolean).join(' ').trim();
      onPick({ lat: res.latitude, lng: res.longitude, address });
    } catch (e) {
      const msg = e && typeof e === 'object' && 'errMsg' in e ? String((e as { errMsg: unknown }).errMsg) : '';
      // Closing the map is not an error worth a message.
      if (!msg.includes('cancel')) setError('没有打开地图。请在手机设置里允许微信使用位置，再试一次。');
    }
  };

  return (
    <View className='loc'>
      <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void choose()}>
        {picked ? '重新选择位置' : '在地图上选择位置'}
      </Button>
      {picked ? (
        <View className='zg-row loc-picked'>
          <View className='zg-grow zg-small'>已选好位置，找工作的人能看到离他多远。</View>
          <View className='loc-clear' onClick={onClear} aria-role='button'>
            不要位置
          </View>
        </View>
      ) : (
        <View className='zg-small loc-note'>选好位置，附近找工作的人更容易看到。</View>
      )}
      {error ? <View className='zg-field-error'>{error}</View> : null}
    </View>
  );
}
