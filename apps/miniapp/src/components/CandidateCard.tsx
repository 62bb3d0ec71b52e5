import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { RESIDENT_STATUS_LABELS, type CandidateMatch } from '@zaogong/shared';
import { personLine, STATUS_TAG_CLASS } from '../lib/resident';
import { availabilityText, scorePercent } from '../lib/matching';
import { KeyGroupTags } from './KeyGroupTags';
import { MatchReasons } from './MatchReasons';
import './CandidateCard.css';

interface Props {
  match: CandidateMatch;
  /** Tapping the card (a liaison opens the resident's record); none for an employer. */
  onOpen?: () => void;
  /** Below the reasons: the employer's (for now disabled) 邀请报名. */
  children?: ReactNode;
}

function Line({ name, value }: { name: string; value: string }) {
  if (!value) return null;
  return (
    <View className='cc-line'>
      <Text className='cc-line-name'>{name}</Text>
      <Text className='cc-line-value'>{value}</Text>
    </View>
  );
}

/** "桑村镇 东庄村", whichever names are known. */
function placeOf(r: CandidateMatch['resident']): string {
  return [r.townName, r.villageName].filter((p): p is string => Boolean(p)).join(' ');
}

/**
 * One person who fits a post: who they are (the name as the API sent it, masked for an employer),
 * what they can do and want, how well they fit (匹配度 as a bar and a number) and why.
 */
export function CandidateCard({ match, onOpen, children }: Props) {
  const r = match.resident;
  const percent = scorePercent(match.score);
  const place = placeOf(r);
  return (
    <View className='zg-card cc-card' onClick={onOpen} aria-role={onOpen ? 'link' : undefined}>
      <View className='cc-top'>
        <Text className='cc-name'>{r.name}</Text>
        <Text className={`${STATUS_TAG_CLASS[r.status]} cc-status`}>{RESIDENT_STATUS_LABELS[r.status]}</Text>
      </View>
      <View className='cc-sub'>
        {personLine(r, place)}
      </View>
      <KeyGroupTags groups={r.keyGroups} />

      <View className='cc-score'>
        <View className='cc-score-text'>匹配度 {percent}%</View>
        <View className='cc-bar'>
          <View className='cc-bar-fill' style={{ width: `${percent}%` }} />
        </View>
      </View>

      <View className='cc-lines'>
        <Line name='想干的活' value={r.desiredOccupationNames.join('、')} />
        <Line name='会的手艺' value={r.skills.join('、')} />
        <Line name='能怎么干' value={availabilityText(r.availability)} />
      </View>
      <MatchReasons reasons={match.reasons} title='为什么合适' />
      {children}
      {onOpen ? <View className='cc-open'>看这个人的详细信息 ›</View> : null}
    </View>
  );
}
