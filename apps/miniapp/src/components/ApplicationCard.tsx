import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { APPLICATION_STATUS_LABELS, type ApplicationItem, type ApplicationStatus, type HireItem } from '@zaogong/shared';
import { api } from '../api/endpoints';
import { APPLICATION_TAG_CLASS, beforeFirstDay, formatInterview, isOpen, nextStepText, notStartedText } from '../lib/applications';
import { formatDate } from '../lib/format';
import { personLine } from '../lib/resident';
import { postUrl } from '../lib/routes';
import { ApplicationTimeline } from './ApplicationTimeline';
import { CallButton } from './CallButton';
import { ConfirmSheet, idNumberField } from './ConfirmSheet';
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
/** The act waiting for a yes in the confirm sheet. */
type Asking = { kind: 'withdraw' } | { kind: 'decline' } | { kind: 'confirm'; hire: HireItem };

export function ApplicationCard({ app, forResident, pendingHire, onChanged }: Props) {
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<Asking>();
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
  /** The confirm sheet's act: errors stay in the sheet; done closes it and reloads the list. */
  const decided = async (action: () => Promise<unknown>, done: string) => {
    await action();
    setAsking(undefined);
    void Taro.showToast({ title: done, icon: 'none', duration: 2000 });
    onChanged();
  };

  const btn = (extra = '') => `zg-btn ac-btn ${extra}${busy ? ' zg-btn-disabled' : ''}`;
  const p = app.post;
  const r = app.resident;

  return (
    <View className='zg-card ac-card' id={`ac-${app.id}`}>
      {forResident ? (
        <View className='ac-person'>
          <Text className='ac-person-name'>{r.name}</Text>
          <Text className='zg-small'>{personLine({ gender: null, age: r.age }, r.villageName)}</Text>
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
            <Button className={btn('zg-btn-ghost')} disabled={busy || undefined} onClick={() => setAsking({ kind: 'decline' })}>
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
              <Button className={btn('zg-btn-block')} disabled={busy || undefined} onClick={() => setAsking({ kind: 'confirm', hire: pendingHire })}>
                确认已上班
              </Button>
            </>
          )}
        </View>
      ) : null}

      {isOpen(app.status) || app.status === 'hired' ? (
        <CallButton className='ac-call' label='打电话给企业' fetchPhone={() => api.callAboutApplication(app.id, { toast: false })} />
      ) : null}

      <ApplicationTimeline app={app} />

      {isOpen(app.status) && app.status !== 'invited' ? (
        <View className='ac-withdraw-row'>
          <Button className={btn('zg-btn-danger ac-withdraw')} disabled={busy || undefined} onClick={() => setAsking({ kind: 'withdraw' })}>
            撤回报名
          </Button>
        </View>
      ) : null}

      {asking?.kind === 'withdraw' ? (
        <ConfirmSheet title='撤回这次报名？' submitText='撤回' danger cancelText='不撤回' onClose={() => setAsking(undefined)} onSubmit={() => decided(() => api.patchApplication(app.id, { status: 'withdrawn' }, { toast: false }), '已撤回')}>
          撤回后企业就不再考虑{you}了。<Text className='cs-strong'>撤回不能反悔，这个岗位也不能再报。</Text>
        </ConfirmSheet>
      ) : null}
      {asking?.kind === 'decline' ? (
        <ConfirmSheet title='不去这个岗位？' submitText='不感兴趣' onClose={() => setAsking(undefined)} onSubmit={() => decided(() => api.patchApplication(app.id, { status: 'withdrawn' }, { toast: false }), '已回复企业')}>
          企业会知道{you}不感兴趣。<Text className='cs-strong'>以后不能再报这个岗位。</Text>
        </ConfirmSheet>
      ) : null}
      {asking?.kind === 'confirm' ? (
        <ConfirmSheet
          title='确认已经上班了？'
          submitText='确认已上班'
          cancelText='还没上班'
          field={asking.hire.idNumberMissing ? idNumberField(`${forResident ? 'TA的' : '您的'}身份证号（算新增就业的实名台账要用）`) : undefined}
          onClose={() => setAsking(undefined)}
          onSubmit={(idNumber) => decided(() => api.confirmHire(asking.hire.id, idNumber ? { idNumber } : {}, { toast: false }), '已确认，谢谢')}
        >
          {asking.hire.employerName}说{you}
          <Text className='cs-strong'>{formatDate(asking.hire.startDate)}</Text>开始上班。确认后算进今年的新增就业，<Text className='cs-strong'>确认了不能撤回</Text>，没去上班请点“还没上班”。
        </ConfirmSheet>
      ) : null}
    </View>
  );
}
