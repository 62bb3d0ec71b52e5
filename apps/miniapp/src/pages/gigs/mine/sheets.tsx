import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { DISPUTE_REASON_LABELS, DISPUTE_REASONS, type DisputeItem, type DisputeReason, type GigSignupItem } from '@zaogong/shared';
import { ApiRequestError } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { Chip } from '../../../components/Chip';
import { StarPicker } from '../../../components/StarPicker';
import { Sheet, SheetOption } from '../../../components/Sheet';

/** 工钱有问题: why (one tap), a few words if they like, and it goes to the 人社局 as a case. */
export function DisputeSheet({ s, onClose, onOpened }: { s: GigSignupItem; onClose: () => void; onOpened: (d: DisputeItem) => void }) {
  const [reason, setReason] = useState<DisputeReason>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async () => {
    if (busy) return;
    if (!reason) return setError('请先选一个：工钱哪里有问题');
    setBusy(true);
    setError('');
    try {
      onOpened(await api.disputeGigPay(s.id, { reason, note: note.trim() || undefined }, { toast: false }));
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有交上去，请再试一次');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Sheet
      title='工钱有问题'
      onClose={onClose}
      footer={
        <>
          {error ? <View className='zg-error mg-sheet-error'>{error}</View> : null}
          <Button className={busy ? 'zg-btn zg-btn-block mg-dispute-go zg-btn-disabled' : 'zg-btn zg-btn-block mg-dispute-go'} disabled={busy || undefined} onClick={() => void submit()}>
            {busy ? '正在交…' : '交给人社局'}
          </Button>
        </>
      }
    >
      <View className='zg-text mg-sheet-lead'>人社局会先打电话问企业，办到哪一步都会发消息告诉您。报名、上工、工钱的记录会一起交上去。</View>
      {DISPUTE_REASONS.map((r) => (
        <SheetOption
          key={r}
          label={DISPUTE_REASON_LABELS[r]}
          on={reason === r}
          onTap={() => {
            setReason(r);
            setError('');
          }}
        />
      ))}
      <View className='zg-label mg-note-label'>
        说一说<Text className='zg-optional'>可不填</Text>
      </View>
      <Textarea className='zg-sheet-textarea' value={note} maxlength={500} placeholder='比如：说好一天200元，只给了150元' onInput={(e) => setNote(e.detail.value)} />
    </Sheet>
  );
}

/** What a worker may say about an employer in a word or two (each at most 10 characters). */
export const WORKER_TAGS = ['按时给钱', '说话算数', '活和说的一样', '待人和气', '拖欠工钱', '活比说的累'] as const;

/** 评价 the employer once: stars (one tap) and a few words if they like. */
export function RatingSheet({ s, onClose, onRated }: { s: GigSignupItem; onClose: () => void; onRated: () => void }) {
  const [stars, setStars] = useState(0);
  const [tags, setTags] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async () => {
    if (busy) return;
    if (!stars) return setError('请点星星，几颗都行');
    setBusy(true);
    setError('');
    try {
      await api.rateGig(s.id, { stars, tags: tags.length ? tags : undefined }, { toast: false });
      onRated();
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有评上，请再试一次');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Sheet
      title='评价这家'
      onClose={onClose}
      footer={
        <>
          {error ? <View className='zg-error mg-sheet-error'>{error}</View> : null}
          <Button className={busy ? 'zg-btn zg-btn-block mg-rate-go zg-btn-disabled' : 'zg-btn zg-btn-block mg-rate-go'} disabled={busy || undefined} onClick={() => void submit()}>
            {busy ? '正在提交…' : '评价'}
          </Button>
        </>
      }
    >
      <View className='zg-text mg-sheet-lead'>在「{s.employerName}」干得怎么样？只能评一次。</View>
      <StarPicker
        stars={stars}
        onChange={(n) => {
          setStars(n);
          setError('');
        }}
      />
      <View className='zg-row-wrap mg-tags'>
        {WORKER_TAGS.map((t) => (
          <Chip key={t} multi label={t} on={tags.includes(t)} onTap={() => setTags((prev) => (prev.includes(t) ? prev.filter((x) => x !== t) : [...prev, t].slice(0, 5)))} />
        ))}
      </View>
    </Sheet>
  );
}
