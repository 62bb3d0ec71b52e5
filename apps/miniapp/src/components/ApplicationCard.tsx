import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { APPLICATION_STATUS_LABELS, type ApplicationItem, type ApplicationStatus, type HireItem } from '@zaogong/shared';
import { api } from '../api/endpoints';
import { APPLICATION_TAG_CLASS, beforeFirstDay, formatInterview, isOpen, nextStepText, notStartedText } from '../lib/applications';
import { formatDate } from '../lib/format';
import { postUrl } from '../lib/routes';
import { ApplicationTimeline } from './ApplicationTimeline';
import './ApplicationCard.css';

interface Props {
  app: ApplicationItem;
  /** A liaison acting for the person: the person is named and the words say TA, not 您. */
  forResident?: boolean;
  /** The hire made at 已入职 that still waits for the person's side (the seeker confirms it here). */
  pendingHire?: HireItem;
  /** After any change: the list loads again. */
  onChanged: () => void;
}

/**
 * One application as the applicant (or their liaison) sees it: the post, where it stands, what to do
 * next (accept an invitation, withdraw, confirm the first day at work) and every step so far.
 */
export function ApplicationCard({ app, forResident, pendingHire, onChanged }: Props) {
  const [busy, setBusy] = useState(false);
  const you = forResident ? 'TA' : '您';

  const run = async (action: () => Promise<unknown>, done: string) => {
    if (busy) return;
    setBusy(true);
    try {
      await action();
      void Taro.showToast({ title: done, icon: 'none', duration: 2000 });
      onChanged();
    } catch {
      // The client has shown the API's message in a toast.
    } finally {
      setBusy(false);
    }
  };
  const move = (status: ApplicationStatus, done: string) => run(() => api.patchApplication(app.id, { status }), done);

  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回这次报名？',
      content: `撤回后企业就不再考虑${you}了，这个岗位也不能再报。`,
      confirmText: '撤回',
      confirmColor: '#b3261e',
      cancelText: '不撤回',
    });
    if (confirm) void move('withdrawn', '已撤回');
  };
  const declineInvitation = async () => {
    const { confirm } = await Taro.showModal({
      title: '不去这个岗位？',
      content: '企业会知道不感兴趣，以后也不能再报这个岗位。',
      confirmText: '不感兴趣',
      cancelText: '再想想',
    });
    if (confirm) void move('withdrawn', '已回复企业');
  };
  const confirmHire = async (hire: HireItem) => {
    const { confirm } = await Taro.showModal({
      title: '确认已经上班了？',
      content: `${hire.employerName}说${you}${formatDate(hire.startDate)}开始上班。确认后算进今年的新增就业。`,
      confirmText: '确认',
      cancelText: '还没上班',
    });
    if (confirm) void run(() => api.confirmHire(hire.id), '已确认，谢谢');
  };

  const btn = (extra = '') => `zg-btn ac-btn ${extra}${busy ? ' zg-btn-disabled' : ''}`;
  const p = app.post;
  const r = app.resident;

  return (
    <View className='zg-card ac-card' id={`ac-${app.id}`}>
      {forResident ? (
        <View className='ac-person'>
          <Text className='ac-person-name'>{r.name}</Text>
          <Text className='zg-small'>
            {r.age}岁{r.villageName ? ` · ${r.villageName}` : ''}
          </Text>
        </View>
      ) : null}
      <View className='ac-top'>
        <View className='ac-title' onClick={() => void Taro.navigateTo({ url: postUrl(p.id) })} aria-role='link'>
          {p.title}
        </View>
        <Text className={`${APPLICATION_TAG_CLASS[app.status]} ac-status`}>{APPLICATION_STATUS_LABELS[app.status]}</Text>
      </View>
      <View className='ac-employer'>
        {p.employerName}
        {p.townName ? ` · ${p.townName}` : ''}
      </View>
      {app.status === 'invited' ? null : <View className='ac-now'>{nextStepText(app.status, you, pendingHire?.startDate)}</View>}

      {app.status === 'interview' && app.interviewAt ? (
        <View className='ac-box ac-box-warn'>
          <View className='ac-box-head'>面试</View>
          <View>
            时间：<Text className='ac-strong'>{formatInterview(app.interviewAt)}</Text>
          </View>
          {app.interviewPlace ? (
            <View>
              地点：<Text className='ac-strong'>{app.interviewPlace}</Text>
            </View>
          ) : null}
        </View>
      ) : null}

      {app.status === 'invited' ? (
        <View className='ac-box ac-box-warn'>
          <View className='ac-box-head'>企业邀请{you}报名</View>
          <View className='zg-small ac-box-sub'>接受后企业能看到{you}的姓名和电话，会打电话联系。</View>
          <View className='ac-actions'>
            <Button className={btn()} disabled={busy || undefined} onClick={() => void move('applied', '已接受邀请')}>
              {forResident ? '替TA接受邀请' : '接受邀请'}
            </Button>
            <Button className={btn('zg-btn-ghost')} disabled={busy || undefined} onClick={() => void declineInvitation()}>
              不感兴趣
            </Button>
          </View>
        </View>
      ) : null}

      {pendingHire && !pendingHire.personConfirmedAt ? (
        <View className='ac-box ac-box-ok'>
          <View className='ac-box-head'>第一天上班：{formatDate(pendingHire.startDate)}</View>
          {beforeFirstDay(pendingHire.startDate) ? (
            <>
              <View className='zg-small ac-box-sub'>{notStartedText(pendingHire.startDate)}。</View>
              <Button className='zg-btn ac-btn zg-btn-block zg-btn-disabled' disabled>
                确认已上班
              </Button>
            </>
          ) : (
            <>
              <View className='zg-small ac-box-sub'>已经去上班了，就点确认。确认后算进今年的新增就业。</View>
              <Button className={btn('zg-btn-block')} disabled={busy || undefined} onClick={() => void confirmHire(pendingHire)}>
                确认已上班
              </Button>
            </>
          )}
        </View>
      ) : null}

      <ApplicationTimeline app={app} />

      {isOpen(app.status) && app.status !== 'invited' ? (
        <View className='ac-withdraw-row'>
          <Button className={btn('zg-btn-danger ac-withdraw')} disabled={busy || undefined} onClick={() => void withdraw()}>
            撤回报名
          </Button>
        </View>
      ) : null}
    </View>
  );
}
