import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import {
  AVAILABILITY_LABELS,
  CONSENT_METHOD_LABELS,
  EDUCATION_LABELS,
  GENDER_LABELS,
  KEY_GROUP_LABELS,
  RESIDENT_STATUS_LABELS,
  type ResidentDetail,
  type ResidentItem,
  type ResidentStatusChange,
} from '@zaogong/shared';
import { useOccupationNames } from '../api/hooks';
import { formatDate } from '../lib/format';
import { monthText } from '../lib/policies';
import {
  STATUS_TAG_CLASS,
  changeTitle,
  formatDateTime,
  formatExpectedWage,
  newestFirst,
  personLine,
  placeOf,
  whoChanged,
} from '../lib/resident';
import './ResidentView.css';
import { KeyGroupTags } from './KeyGroupTags';

function Row({ name, children }: { name: string; children: ReactNode }) {
  return (
    <View className='rv-row'>
      <View className='rv-name'>{name}</View>
      <View className='rv-value'>{children}</View>
    </View>
  );
}

const NONE = '没填';

/** "，经办人：刘书记"; nothing when nobody is named. */
function takenByName(takenBy: string | null): string {
  return takenBy ? `，经办人：${takenBy}` : '';
}

/** The head of a record: name, status, and who they are in one line. */
export function ResidentHead({ r }: { r: ResidentItem }) {
  return (
    <View className='zg-card rv-head'>
      <View className='zg-row-wrap'>
        <Text className='rv-title'>{r.name}</Text>
        <Text className={`${STATUS_TAG_CLASS[r.status]} rv-status`}>{RESIDENT_STATUS_LABELS[r.status]}</Text>
      </View>
      <View className='rv-sub'>
        {personLine(r, placeOf(r))}
      </View>
      <KeyGroupTags groups={r.keyGroups} />
    </View>
  );
}

/** Every field of a record, 身份证号 and phone masked as the API sent them. */
export function ResidentFields({ r, own }: { r: ResidentItem; /** The person's own record (我的档案). */ own?: boolean }) {
  const occupations = useOccupationNames(r.desiredOccupations);
  const wage = formatExpectedWage(r);
  return (
    <View className='zg-card'>
      <View className='zg-card-title'>登记的信息</View>
      <View className='rv-rows'>
        <Row name='身份证号'>{r.idNumber}</Row>
        <Row name='手机号'>{r.phone}</Row>
        <Row name='性别、出生日期'>
          {r.gender && r.birthDate ? `${GENDER_LABELS[r.gender]}，${formatDate(r.birthDate)}出生（${r.age}岁）` : '身份证号还没填，填了自动算出'}
        </Row>
        <Row name='住在'>{placeOf(r)}</Row>
        <Row name='文化程度'>{r.education ? EDUCATION_LABELS[r.education] : NONE}</Row>
        {r.graduationDate ? <Row name='毕业时间'>{monthText(r.graduationDate)}</Row> : null}
        <Row name='会的手艺'>{r.skills.length > 0 ? r.skills.join('、') : NONE}</Row>
        <Row name='想干的活'>{occupations.length > 0 ? occupations.join('、') : NONE}</Row>
        <Row name='能怎么干'>
          {r.availability.length > 0 ? r.availability.map((a) => AVAILABILITY_LABELS[a]).join('、') : NONE}
        </Row>
        <Row name='最少要多少工资'>{wage || NONE}</Row>
        <Row name='最远能去多远'>{r.maxCommuteKm !== null ? `${r.maxCommuteKm} 公里` : NONE}</Row>
        <Row name='重点人群'>{r.keyGroups.length > 0 ? r.keyGroups.map((g) => KEY_GROUP_LABELS[g]).join('、') : '都不是'}</Row>
        <Row name='本人同意'>
          {CONSENT_METHOD_LABELS[r.consent.method]}，{formatDateTime(r.consent.at)}
          {takenByName(r.consent.takenBy)}
        </Row>
        {own ? null : <Row name='本人用微信登录过'>{r.selfRegistered ? '是，本人也能看自己的档案' : '还没有'}</Row>}
        <Row name='登记时间'>{formatDateTime(r.createdAt)}</Row>
        <Row name='最后修改'>{formatDateTime(r.updatedAt)}</Row>
      </View>
    </View>
  );
}

/** 就业状态变化: newest first, each with who changed it, when, and the note. */
export function ResidentHistory({ history }: { history: ResidentDetail['history'] }) {
  const items: ResidentStatusChange[] = newestFirst(history);
  return (
    <View className='zg-card rv-history'>
      <View className='zg-card-title'>就业状态变化</View>
      {items.length === 0 ? <View className='zg-small'>还没有记录。</View> : null}
      {items.map((c, i) => (
        <View key={`${c.changedAt}-${i}`} className='rv-step'>
          <View className={i === 0 ? 'rv-dot rv-dot-now' : 'rv-dot'} />
          <View className='rv-step-body'>
            <View className='rv-step-title'>{changeTitle(c)}</View>
            {c.note ? <View className='rv-step-note'>“{c.note}”</View> : null}
            <View className='zg-small'>
              {formatDateTime(c.changedAt)} · {whoChanged(c)}
            </View>
          </View>
        </View>
      ))}
    </View>
  );
}
