import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { TICKET_CODE_ALPHABET, ticketCodeOf, type AuthUser, type EventDetail, type EventSignupItem } from '@zaogong/shared';
import { ApiRequestError } from '../../../../api/client';
import { eventsApi } from '../../../../api/events';
import { useApi, useCursorList, usePagedScrolling } from '../../../../api/hooks';
import { Chip } from '../../../../components/Chip';
import { PageShell } from '../../../../components/PageShell';
import { QrImage } from '../../../../components/QrImage';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { hhmm, spacedCode, ticketState, whenText } from '../../../../lib/events';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const PAGE_SIZE = 100;

type Outcome = { kind: 'in'; s: EventSignupItem } | { kind: 'already'; message: string } | { kind: 'error'; message: string };

/** Only the characters a ticket code can have (no 0/O, 1/I/L), upper case, at most 8. */
function cleanCode(raw: string): string {
  const up = raw.toUpperCase();
  let out = '';
  for (const ch of up) if (TICKET_CODE_ALPHABET.includes(ch)) out += ch;
  return out.slice(0, 8);
}

/** 验票: scan a ticket's QR (WeChat) or type its 8 characters; says who came in, or why not, in words. */
function TicketCheck({ ev, onIn }: { ev: EventDetail; onIn: () => void }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const send = async (ticketCode: string) => {
    if (busy) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const s = await eventsApi.checkIn(ev.id, { ticketCode }, { toast: false });
      setOutcome({ kind: 'in', s });
      setCode('');
      onIn();
    } catch (e) {
      // The same ticket again: 409 with the time it first came in (nothing changes).
      if (e instanceof ApiRequestError && e.statusCode === 409 && typeof e.body.checkedInAt === 'string') {
        setOutcome({ kind: 'already', message: e.message });
        setCode('');
      } else setOutcome({ kind: 'error', message: e instanceof ApiRequestError ? e.message : '没有验上，请再试一次' });
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    let text = '';
    try {
      text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result;
    } catch {
      return; // closed without scanning
    }
    const found = ticketCodeOf(text);
    if (!found) {
      setOutcome({ kind: 'error', message: '这不是电子票的码。请扫求职者手机上的电子票，或者输入票上的8位票号。' });
      return;
    }
    void send(found);
  };

  const typed = () => {
    const found = ticketCodeOf(code);
    if (!found) {
      setOutcome({ kind: 'error', message: '票号是8位，字母和数字，请对着票再看一遍' });
      return;
    }
    void send(found);
  };

  return (
    <View className='zg-card ed-check'>
      <View className='zg-card-title'>验票</View>
      {IS_WEAPP ? (
        <Button className={busy ? 'zg-btn zg-btn-block ed-scan zg-btn-disabled' : 'zg-btn zg-btn-block ed-scan'} disabled={busy || undefined} onClick={() => void scan()}>
          {busy ? '正在验票…' : '扫电子票'}
        </Button>
      ) : null}
      <View className='zg-small ed-type-lead'>{IS_WEAPP ? '扫不上，就输入票上的8位票号：' : '输入电子票上的8位票号（字母不分大小写）：'}</View>
      <View className='zg-row ed-type-row'>
        <Input
          className='zg-input ed-code-input'
          type='text'
          maxlength={12}
          value={code}
          placeholder='8位票号'
          onInput={(e) => {
            setCode(cleanCode(e.detail.value));
            if (outcome?.kind === 'error') setOutcome(undefined);
          }}
          onConfirm={typed}
        />
        <Button className={busy ? 'zg-btn ed-go zg-btn-disabled' : 'zg-btn ed-go'} disabled={busy || undefined} onClick={typed}>
          入场
        </Button>
      </View>
      {outcome?.kind === 'in' ? (
        <View className='ed-result ed-result-in'>
          <View className='ed-result-title'>✓ 可以进</View>
          <View className='ed-result-name'>
            {outcome.s.residentName}
            {outcome.s.villageName ? <Text className='ed-result-village'>{outcome.s.villageName}</Text> : null}
          </View>
          <View className='zg-text'>入场时间 {outcome.s.checkedInAt ? hhmm(outcome.s.checkedInAt) : ''}</View>
        </View>
      ) : null}
      {outcome?.kind === 'already' ? (
        <View className='ed-result ed-result-already'>
          <View className='ed-result-title'>已经入场了</View>
          <View className='zg-text'>{outcome.message}，不用再验，请进。</View>
        </View>
      ) : null}
      {outcome?.kind === 'error' ? (
        <View className='ed-result ed-result-bad'>
          <View className='ed-result-title'>不能入场</View>
          <View className='zg-text'>{outcome.message}</View>
        </View>
      ) : null}
    </View>
  );
}

/** 门口贴的入场码: the seeker scans it (or types its 6 digits) to come in by themself. */
function VenueCode({ ev }: { ev: EventDetail }) {
  const code = useApi(() => eventsApi.venueCode(ev.id, { toast: false }), [ev.id]);
  return (
    <View className='zg-card ed-venue'>
      <View className='zg-card-title'>门口贴的入场码</View>
      {code.loading && !code.data ? <View className='zg-small'>正在加载…</View> : null}
      {code.error ? <View className='zg-error'>{code.error.message}</View> : null}
      {code.data ? (
        <View className='ed-venue-body'>
          <View className='ed-venue-title'>{ev.title}</View>
          <QrImage text={code.data.qrText} label='门口入场码' />
          <View className='ed-venue-code'>{code.data.code}</View>
          <View className='zg-text ed-venue-when'>
            能用的时间：{whenText({ startsAt: code.data.validFrom, endsAt: code.data.validTo })}
          </View>
          <View className='zg-small ed-venue-note'>打印出来贴在门口。求职者用微信扫一下，或者输入上面的6位数字，就算入场了。</View>
        </View>
      ) : null}
    </View>
  );
}

type Filter = 'all' | 'in' | 'out';

/** Who checks tickets: the organiser, and the liaisons of the event's 镇街 (every liaison at a district-wide event). */
function isStaff(ev: EventDetail, user: AuthUser): boolean {
  if (ev.canManage) return true;
  return user.role === 'liaison' && (!ev.townCode || (user.regionCode ?? '').startsWith(ev.townCode));
}

function Door({ user, id, showVenue }: { user: AuthUser; id: string; showVenue: boolean }) {
  const detail = useApi(() => eventsApi.get(id, { toast: false }), [id, user.id]);
  const list = useCursorList((cursor) => eventsApi.doorList(id, { cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined }), [id, user.id]);
  usePagedScrolling(list);
  const [filter, setFilter] = useState<Filter>('all');
  const [venueOpen, setVenueOpen] = useState(showVenue);

  if (detail.loading && !detail.data) return <StateView title='正在加载…' />;
  if (!detail.data) return <StateView title='活动没有加载出来' body={detail.error?.message} actionText='再试一次' onAction={() => void detail.reload()} />;
  const ev = detail.data;
  const holders = list.items.filter((s) => s.status === 'registered');
  const inside = holders.filter((s) => s.checkedInAt);
  const shown = list.items.filter((s) => (filter === 'in' ? s.checkedInAt : filter === 'out' ? s.status === 'registered' && !s.checkedInAt : true));
  const live = ev.phase === 'upcoming' || ev.phase === 'ongoing';

  return (
    <View>
      <View className='zg-card ed-head'>
        <View className='ed-title'>{ev.title}</View>
        <View className='zg-text ed-when'>{whenText(ev)}</View>
        <View className='zg-row ed-counts'>
          <View className='ed-count'>
            <View className='ed-count-n ed-count-in'>{inside.length}</View>
            <View className='ed-count-l'>已入场</View>
          </View>
          <View className='ed-count'>
            <View className='ed-count-n'>{holders.length}</View>
            <View className='ed-count-l'>有票</View>
          </View>
          <View className='ed-count'>
            <View className='ed-count-n'>{list.items.filter((s) => s.status === 'waitlisted').length}</View>
            <View className='ed-count-l'>排队</View>
          </View>
        </View>
      </View>

      {isStaff(ev, user) && live && ev.kind === 'onsite' ? <TicketCheck ev={ev} onIn={() => void list.refresh()} /> : null}
      {ev.canManage && ev.kind === 'onsite' ? (
        venueOpen ? (
          <VenueCode ev={ev} />
        ) : (
          <View className='zg-section ed-venue-open'>
            <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => setVenueOpen(true)}>
              显示门口贴的入场码
            </Button>
          </View>
        )
      ) : null}

      <View className='ed-list-head'>
        <View className='ed-list-title'>入场名单</View>
        <View className='zg-row-wrap ed-filters'>
          <Chip label={`全部 ${list.items.length}`} on={filter === 'all'} onTap={() => setFilter('all')} />
          <Chip label={`已入场 ${inside.length}`} on={filter === 'in'} onTap={() => setFilter('in')} />
          <Chip label={`还没来 ${holders.length - inside.length}`} on={filter === 'out'} onTap={() => setFilter('out')} />
        </View>
      </View>
      {list.loading && list.items.length === 0 ? <StateView title='正在加载名单…' /> : null}
      {list.error ? <StateView title='名单没有加载出来' body={list.error.message} actionText='再试一次' onAction={() => void list.refresh()} /> : null}
      {!list.loading && !list.error && list.items.length === 0 ? <StateView title='还没有人报名' body='有人报名后会出现在这里。' /> : null}
      {shown.length > 0 ? (
        <View className='zg-card ed-list'>
          {shown.map((s) => (
            <View key={s.id} className='zg-row ed-person'>
              <View className='zg-grow'>
                <View className='ed-person-name'>
                  {s.residentName}
                  {s.byLiaison ? <Text className='zg-tag zg-tag-plain ed-by'>联络员代报</Text> : null}
                </View>
                <View className='zg-small'>
                  {s.villageName ?? ''} · {spacedCode(s.ticketCode)}
                </View>
              </View>
              <Text className={s.checkedInAt ? 'ed-state ed-state-in' : s.status === 'registered' ? 'ed-state' : 'ed-state ed-state-off'}>{ticketState(s)}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {list.items.length > 0 ? <View className='ed-foot zg-small'>{list.loadingMore ? '正在加载更多…' : list.hasMore ? '往上滑看更多' : '已经到底了'}</View> : null}
    </View>
  );
}

/** 验票入场 (?id=, &show=venue opens the venue code): the organiser checks tickets; the organiser and its 镇街's liaisons see the door list. */
export default function EventDoorPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  return (
    <PageShell>
      <RoleGate role='admin' also={['liaison']}>
        {(user) => (id ? <Door key={user.id} user={user} id={id} showVenue={params.show === 'venue'} /> : <StateView title='没有找到这个活动' />)}
      </RoleGate>
    </PageShell>
  );
}
