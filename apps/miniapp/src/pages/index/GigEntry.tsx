import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { GIG_DAY_WORDS, gigListUrl } from '../../lib/gigs';
import './GigEntry.css';

/** 零工 on the seeker's home: three big buttons, each opening the day's work nearby. */
export function GigEntry() {
  return (
    <View className='zg-card gig-entry'>
      <View className='gig-entry-title'>零工 · 干一天结一天</View>
      <View className='zg-small gig-entry-lead'>附近哪天有活？点一下就能看：</View>
      <View className='gig-entry-days'>
        {GIG_DAY_WORDS.map((word, offset) => (
          <Button key={word} className='zg-btn gig-entry-day' onClick={() => void Taro.navigateTo({ url: gigListUrl(offset) })}>
            {word}
          </Button>
        ))}
      </View>
    </View>
  );
}
