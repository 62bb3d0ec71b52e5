import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { LIST_LIMIT_MAX } from '@zaogong/shared';
import { api } from '../../../api/endpoints';
import { useApi } from '../../../api/hooks';
import { ROUTES } from '../../../lib/routes';
import './DisputesLink.css';

/** Cases not yet finished: new ones and those being mediated (a page each, so at most 100 of each counted). */
async function openCases(): Promise<{ open: number; mediating: number }> {
  const [open, mediating] = await Promise.all([
    api.disputeCases({ status: 'open', limit: LIST_LIMIT_MAX }, { toast: false }),
    api.disputeCases({ status: 'mediating', limit: LIST_LIMIT_MAX }, { toast: false }),
  ]);
  return { open: open.items.length, mediating: mediating.items.length };
}

const many = (n: number) => (n >= LIST_LIMIT_MAX ? `${LIST_LIMIT_MAX}多` : String(n));

/** 权益维护 on the admin home: the 零工 pay cases, with how many wait. A failure only hides the numbers. */
export function DisputesLink() {
  const counts = useApi(openCases, []);
  useDidShow(() => {
    if (!counts.loading) void counts.reload();
  });
  const n = counts.data;
  return (
    <View className='zg-card home-tools home-disputes'>
      <View className='zg-card-title'>权益维护</View>
      {n ? (
        <View className='zg-text home-queue-sum'>
          {n.open + n.mediating > 0 ? `零工工钱投诉：新的${many(n.open)}件，调解中${many(n.mediating)}件。` : '现在没有没办完的工钱投诉。'}
        </View>
      ) : null}
      <View className='zg-small'>零工干了活没拿到工钱，投诉到这里：先打电话问企业，再调解，企业不配合就转劳动监察（12333）。</View>
      <View className='zg-gap' />
      <Button className='zg-btn zg-btn-block home-queue home-disputes-btn' onClick={() => void Taro.navigateTo({ url: ROUTES.disputes })}>
        <Text>工钱投诉</Text>
        {n && n.open > 0 ? (
          <Text className='home-queue-count' aria-label={`${n.open}件新的`}>
            {n.open > 99 ? '99+' : n.open}
          </Text>
        ) : null}
      </Button>
    </View>
  );
}
