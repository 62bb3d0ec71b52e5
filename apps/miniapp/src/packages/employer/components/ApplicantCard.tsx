import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { APPLICATION_TRANSITIONS, type ApplicationItem, type HireItem } from '@zaogong/shared';
import { ApplicationTimeline } from '../../../components/ApplicationTimeline';
import { formatInterview } from '../../../lib/applications';
import { formatDate } from '../../../lib/format';
import { formatDateTime, personLine } from '../../../lib/resident';
import './ApplicantCard.css';

/** What the employer may do next; each opens a sheet or asks once, then the page patches. */
export type ApplicantAction = 'viewed' | 'interview' | 'offered' | 'hired' | 'rejected' | 'cancel-invite';

interface Props {
  app: ApplicationItem;
  /** The hire made at 已入职, to say whether it counts yet. */
  hire?: HireItem;
  busy: boolean;
  onAction: (action: ApplicantAction) => void;
}

const SOURCE_NOTE: Record<ApplicationItem['source'], string> = {
  self: '',
  liaison: '村里联络员帮TA报的名',
  invitation: '您邀请的',
};

function placeOf(r: ApplicationItem['resident']): string {
  return [r.townName, r.villageName].filter((p): p is string => Boolean(p)).join(' ');
}

/** Where a person's hire stands: waiting for the person's side, or counted. */
function HireNote({ hire }: { hire?: HireItem }) {
  if (hire?.verified) return <View className='apc-box apc-box-ok'>✓ 双方已确认，已计入新增就业</View>;
  return (
    <View className='apc-box apc-box-warn'>
      {hire ? `第一天上班：${formatDate(hire.startDate)}。` : ''}等待本人或村里联络员确认后计入新增就业
    </View>
  );
}

/**
 * One applicant in the employer's pipeline: who they are and how to call them, where they stand, and
 * the next steps the rules allow from there (APPLICATION_TRANSITIONS).
 */
export function ApplicantCard({ app, hire, busy, onAction }: Props) {
  const [open, setOpen] = useState(false);
  const r = app.resident;
  const next = APPLICATION_TRANSITIONS[app.status].employer;
  const place = placeOf(r);
  const latest = app.steps[app.steps.length - 1];
  const invited = app.status === 'invited';
  const btn = (extra = '') => `zg-btn apc-btn ${extra}${busy ? ' zg-btn-disabled' : ''}`;
  const call = () => void Taro.makePhoneCall({ phoneNumber: r.phone }).catch(() => undefined);

  return (
    <View className='zg-card apc-card' id={`apc-${app.id}`}>
      <View className='apc-top'>
        <Text className='apc-name'>{r.name}</Text>
        {SOURCE_NOTE[app.source] ? <Text className='zg-tag zg-tag-plain apc-source'>{SOURCE_NOTE[app.source]}</Text> : null}
      </View>
      <View className='apc-sub'>
        {personLine(r, place)}
      </View>
      {r.skills.length > 0 ? (
        <View className='apc-line'>
          <Text className='apc-line-name'>会的手艺</Text>
          <Text className='apc-line-value'>{r.skills.join('、')}</Text>
        </View>
      ) : null}

      {invited ? (
        <View className='apc-box apc-box-plain'>已邀请，对方接受后就能看到电话</View>
      ) : (
        <View className='apc-phone zg-row'>
          <Text className='zg-grow apc-phone-number'>{r.phone}</Text>
          <Button className='zg-btn apc-call' onClick={call}>
            打电话
          </Button>
        </View>
      )}

      {app.status === 'interview' && app.interviewAt ? (
        <View className='apc-box apc-box-warn'>
          <View>
            面试：<Text className='apc-strong'>{formatInterview(app.interviewAt)}</Text>
          </View>
          {app.interviewPlace ? (
            <View>
              地点：<Text className='apc-strong'>{app.interviewPlace}</Text>
            </View>
          ) : null}
        </View>
      ) : null}
      {app.status === 'hired' ? <HireNote hire={hire} /> : null}

      {latest ? (
        <View className='apc-latest zg-small' onClick={() => setOpen(!open)} aria-role='button'>
          {formatDateTime(latest.at)} · {open ? '收起经过 ▲' : `看经过（${app.steps.length}步）▼`}
        </View>
      ) : null}
      {open ? <ApplicationTimeline app={app} /> : null}

      {next.length > 0 ? (
        <View className='apc-actions'>
          {next.includes('viewed') ? (
            <Button className={btn('zg-btn-ghost')} disabled={busy || undefined} onClick={() => onAction('viewed')}>
              标记已查看
            </Button>
          ) : null}
          {next.includes('interview') ? (
            <Button className={btn('zg-btn-ghost')} disabled={busy || undefined} onClick={() => onAction('interview')}>
              {app.status === 'interview' ? '改面试时间' : '约面试'}
            </Button>
          ) : null}
          {next.includes('offered') ? (
            <Button className={btn()} disabled={busy || undefined} onClick={() => onAction('offered')}>
              录用
            </Button>
          ) : null}
          {app.status === 'offered' || app.status === 'interview' ? (
            <Button className={btn()} disabled={busy || undefined} onClick={() => onAction('hired')}>
              已入职
            </Button>
          ) : null}
          {next.includes('rejected') ? (
            <Button className={btn('zg-btn-danger')} disabled={busy || undefined} onClick={() => onAction('rejected')}>
              不合适
            </Button>
          ) : null}
          {invited ? (
            <Button className={btn('zg-btn-danger')} disabled={busy || undefined} onClick={() => onAction('cancel-invite')}>
              撤回邀请
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
