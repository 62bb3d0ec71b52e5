import { Text, View } from '@tarojs/components';
import type { EmploymentStats } from '@zaogong/shared';
import { barWidth, chinaYear, formatCount, formatPercent, paceOf } from '../lib/employment';
import './EmploymentProgress.css';

interface Props {
  stats: EmploymentStats;
  /** "本镇街" for a 镇街 officer; the district otherwise. */
  areaName?: string;
}

/** The sentence under the bar: ahead of or behind an even spread of the target over the year. */
function PaceLine({ stats }: { stats: EmploymentStats }) {
  const pace = paceOf(stats.year, stats.target, stats.count);
  if (pace.yearOver) {
    const left = stats.target - stats.count;
    return left <= 0 ? (
      <View className='ep-pace ep-pace-ok'>全年完成了目标{left < 0 ? `，超出 ${formatCount(-left)} 人` : ''}</View>
    ) : (
      <View className='ep-pace ep-pace-behind'>全年差 {formatCount(left)} 人没有完成</View>
    );
  }
  return (
    <View>
      <View className='zg-small ep-key'>
        <View className='ep-key-mark' />
        <Text>竖线：按天数算，到今天应完成 {formatCount(pace.expected)} 人</Text>
      </View>
      {stats.count >= stats.target ? (
        <View className='ep-pace ep-pace-ok'>今年的目标已经完成了</View>
      ) : pace.ahead > 0 ? (
        <View className='ep-pace ep-pace-ok'>比进度快 {formatCount(pace.ahead)} 人</View>
      ) : pace.ahead < 0 ? (
        <View className='ep-pace ep-pace-behind'>比进度慢 {formatCount(-pace.ahead)} 人</View>
      ) : (
        <View className='ep-pace ep-pace-ok'>正好赶上进度</View>
      )}
    </View>
  );
}

/**
 * 新增就业 against the target, big and plain: the count, the target, a thick bar with the share
 * done, and a line where an even pace would be today.
 */
export function EmploymentProgress({ stats, areaName }: Props) {
  const thisYear = stats.year === chinaYear();
  const label = `${areaName ?? ''}${thisYear ? '今年' : `${stats.year}年`}新增就业`;
  const pace = paceOf(stats.year, stats.target, stats.count);
  return (
    <View className='ep'>
      <View className='ep-label'>{label}</View>
      <View className='ep-count-row'>
        <Text className='ep-count'>{formatCount(stats.count)}</Text>
        <Text className='ep-unit'>人</Text>
        {stats.target > 0 ? <Text className='ep-target'>/ 目标 {formatCount(stats.target)} 人</Text> : null}
      </View>
      {stats.target > 0 ? (
        <View>
          <View className='ep-percent'>
            已完成 <Text className='ep-percent-num'>{formatPercent(stats.count, stats.target)}</Text>
          </View>
          <View className='ep-track' aria-role='progressbar' aria-label={`已完成${formatPercent(stats.count, stats.target)}`}>
            <View className='ep-bar' style={{ width: barWidth(stats.count, stats.target) }} />
            {!pace.yearOver ? <View className='ep-marker' style={{ left: barWidth(pace.expectedShare, 1) }} /> : null}
          </View>
          <PaceLine stats={stats} />
        </View>
      ) : (
        <View className='zg-small ep-no-target'>还没有定{thisYear ? '今年' : '这一年'}的目标，由区人社局设置。</View>
      )}
    </View>
  );
}
