import { useState } from 'react';
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { Chip } from '../../../components/Chip';
import { Sheet } from '../../../components/Sheet';
import { localDateTimeIso } from '../../../lib/applications';
import { formatDate } from '../../../lib/format';
import { localDate } from '../lib/dates';
import './ApplicantSheets.css';

const NOTE_MAX = 200;
const PLACE_MAX = 120;
/** The usual interview hours, one tap each; any other time through the picker. */
const TIMES: readonly { label: string; value: string }[] = [
  { label: '上午8点', value: '08:00' },
  { label: '上午9点', value: '09:00' },
  { label: '上午10点', value: '10:00' },
  { label: '下午2点', value: '14:00' },
  { label: '下午3点', value: '15:00' },
  { label: '下午4点', value: '16:00' },
];

function timeLabel(t: string): string {
  const found = TIMES.find((x) => x.value === t);
  if (found) return found.label;
  const [h, m] = t.split(':').map(Number);
  const part = h < 12 ? '上午' : h < 18 ? '下午' : '晚上';
  return `${part}${h <= 12 ? h : h - 12}:${m < 10 ? `0${m}` : m}`;
}

interface SubmitButtonProps {
  busy: boolean;
  text: string;
  busyText: string;
  error: string;
  onTap: () => void;
  danger?: boolean;
}

function SubmitButton({ busy, text, busyText, error, onTap, danger }: SubmitButtonProps) {
  return (
    <>
      {error ? <View className='zg-error as-error'>{error}</View> : null}
      <Button
        className={`zg-btn zg-btn-block as-submit${danger ? ' zg-btn-danger' : ''}${busy ? ' zg-btn-disabled' : ''}`}
        disabled={busy || undefined}
        onClick={onTap}
      >
        {busy ? busyText : text}
      </Button>
    </>
  );
}

export interface InterviewInput {
  interviewAt: string;
  interviewPlace?: string;
  note?: string;
}

interface InterviewProps {
  name: string;
  /** Where the last interview was set, or the post's address: most interviews are at the workplace. */
  place: string;
  busy: boolean;
  error: string;
  onClose: () => void;
  onSubmit: (input: InterviewInput) => void;
}

/** 约面试: the day and the hour (both required, a tap each) and the place. */
export function InterviewSheet({ name, place: initialPlace, busy, error, onClose, onSubmit }: InterviewProps) {
  const today = localDate();
  const [date, setDate] = useState<string>();
  const [time, setTime] = useState<string>();
  const [place, setPlace] = useState(initialPlace);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState('');

  const submit = () => {
    if (!date || !time) return setMissing(!date ? '请选面试的日子' : '请选面试的时间');
    setMissing('');
    onSubmit({ interviewAt: localDateTimeIso(date, time), interviewPlace: place.trim() || undefined, note: note.trim() || undefined });
  };

  return (
    <Sheet
      title={`约${name}面试`}
      onClose={onClose}
      footer={<SubmitButton busy={busy} text='确定约面试' busyText='正在保存…' error={missing || error} onTap={submit} />}
    >
      <View className='zg-label as-label'>哪天</View>
      <View className='zg-row-wrap as-chips'>
        {[
          ['今天', 0],
          ['明天', 1],
          ['后天', 2],
        ].map(([label, days]) => {
          const d = localDate(Number(days));
          return <Chip key={d} label={String(label)} on={date === d} onTap={() => setDate(d)} />;
        })}
      </View>
      <Picker mode='date' value={date ?? today} start={today} onChange={(e) => setDate(String(e.detail.value))}>
        <View className={date ? 'zg-input as-picker' : 'zg-input as-picker as-picker-empty'}>
          {date ? formatDate(date) : '或者点这里选别的日子'}
        </View>
      </Picker>

      <View className='zg-label as-label'>几点</View>
      <View className='zg-row-wrap as-chips'>
        {TIMES.map((t) => (
          <Chip key={t.value} label={t.label} on={time === t.value} onTap={() => setTime(t.value)} />
        ))}
      </View>
      <Picker mode='time' value={time ?? '09:00'} onChange={(e) => setTime(String(e.detail.value))}>
        <View className={time ? 'zg-input as-picker' : 'zg-input as-picker as-picker-empty'}>
          {time ? timeLabel(time) : '或者点这里选别的时间'}
        </View>
      </Picker>

      <View className='zg-label as-label'>在哪儿面试</View>
      <Input
        className='zg-input as-place'
        type='text'
        value={place}
        maxlength={PLACE_MAX}
        placeholder='如：桑村镇工业园3号厂办'
        onInput={(e) => setPlace(e.detail.value)}
      />
      <View className='zg-label as-label'>
        要带什么、找谁<Text className='zg-optional'>可不填</Text>
      </View>
      <Input
        className='zg-input as-note-input'
        type='text'
        value={note}
        maxlength={NOTE_MAX}
        placeholder='如：带身份证，到门口找王经理'
        onInput={(e) => setNote(e.detail.value)}
      />
    </Sheet>
  );
}

interface HiredProps {
  name: string;
  busy: boolean;
  error: string;
  onClose: () => void;
  onSubmit: (startDate: string) => void;
}

/** 已入职: the first working day (today unless changed), which decides the year it counts in. */
export function HiredSheet({ name, busy, error, onClose, onSubmit }: HiredProps) {
  const [date, setDate] = useState(localDate());
  return (
    <Sheet
      title={`${name}哪天开始上班？`}
      onClose={onClose}
      footer={<SubmitButton busy={busy} text='确定已入职' busyText='正在保存…' error={error} onTap={() => onSubmit(date)} />}
    >
      <View className='zg-sheet-note'>第一天上班的日子。确定后记一条就业登记，等本人或村里联络员确认后，计入新增就业。</View>
      <View className='zg-row-wrap as-chips'>
        {[
          ['昨天', -1],
          ['今天', 0],
          ['明天', 1],
        ].map(([label, days]) => {
          const d = localDate(Number(days));
          return <Chip key={d} label={String(label)} on={date === d} onTap={() => setDate(d)} />;
        })}
      </View>
      <Picker mode='date' value={date} start={localDate(-365)} end={localDate(180)} onChange={(e) => setDate(String(e.detail.value))}>
        <View className='zg-input as-picker'>{formatDate(date)}（点这里改）</View>
      </Picker>
    </Sheet>
  );
}

interface RejectProps {
  name: string;
  busy: boolean;
  error: string;
  onClose: () => void;
  onSubmit: (note?: string) => void;
}

/** 不合适: ends the application, with a note if the employer wants to say why. */
export function RejectSheet({ name, busy, error, onClose, onSubmit }: RejectProps) {
  const [note, setNote] = useState('');
  return (
    <Sheet
      title={`${name}不合适？`}
      onClose={onClose}
      footer={
        <SubmitButton busy={busy} text='确定不合适' busyText='正在保存…' error={error} danger onTap={() => onSubmit(note.trim() || undefined)} />
      }
    >
      <View className='zg-sheet-note'>对方会看到“企业觉得不太合适”。写个原因对方心里有数，也可以不写。</View>
      <Textarea
        className='zg-sheet-textarea as-reason'
        value={note}
        maxlength={NOTE_MAX}
        placeholder='如：这次要有焊工证的，下次有合适的再联系您'
        onInput={(e) => setNote(e.detail.value)}
      />
    </Sheet>
  );
}
