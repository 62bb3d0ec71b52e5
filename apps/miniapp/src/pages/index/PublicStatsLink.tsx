import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PUBLIC_STATS_ROUTE } from '../../lib/public-stats';
import './PublicStatsLink.css';

/** A small link on the home to 山亭区就业服务, the district's progress anyone may see. */
export function PublicStatsLink() {
  return (
    <View className='psl-row'>
      <View className='psl' aria-role='link' onClick={() => void Taro.navigateTo({ url: PUBLIC_STATS_ROUTE })}>
        全区就业进度 ▸
      </View>
    </View>
  );
}
