import { Text, View } from '@tarojs/components';
import type { ApplicationItem } from '@zaogong/shared';
import { formatInterview, newestStepsFirst, stepTitle, stepWho } from '../lib/applications';
import { formatDateTime } from '../lib/resident';
import './ApplicationTimeline.css';

/**
 * Every step of an application, newest on top (as a parcel is tracked): what happened, who did it
 * and when; an interview's time and place stand out in bold.
 */
export function ApplicationTimeline({ app }: { app: ApplicationItem }) {
  const steps = newestStepsFirst(app);
  const oldest = steps[steps.length - 1];
  return (
    <View className='at'>
      {steps.map((s, i) => (
        <View key={`${s.at}-${i}`} className='at-step'>
          <View className={i === 0 ? 'at-dot at-dot-now' : 'at-dot'} />
          <View className='at-body'>
            <View className={i === 0 ? 'at-title at-title-now' : 'at-title'}>{stepTitle(s, s === oldest)}</View>
            {s.status === 'interview' && s.interviewAt ? (
              <View className='at-interview'>
                <View>
                  时间：<Text className='at-strong'>{formatInterview(s.interviewAt)}</Text>
                </View>
                {s.interviewPlace ? (
                  <View>
                    地点：<Text className='at-strong'>{s.interviewPlace}</Text>
                  </View>
                ) : null}
              </View>
            ) : null}
            {s.note ? <View className='at-note'>“{s.note}”</View> : null}
            <View className='zg-small'>
              {formatDateTime(s.at)} · {stepWho(s)}
            </View>
          </View>
        </View>
      ))}
    </View>
  );
}
