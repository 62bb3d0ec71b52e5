import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ROUTES } from '../lib/routes';

/** Role homes sit outside the tab bar; these lead back to the two tabs. */
export function HomeLinks() {
  return (
    <View className='zg-section home-links'>
      <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void Taro.switchTab({ url: ROUTES.index })}>
        看招工信息
      </Button>
      <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void Taro.switchTab({ url: ROUTES.me })}>
        我的（切换身份、大字模式）
      </Button>
    </View>
  );
}
