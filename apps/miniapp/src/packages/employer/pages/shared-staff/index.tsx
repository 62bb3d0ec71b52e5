import { useRef, useState } from 'react';
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { chinaDateOf, DISTRICT_CODE, type AuthUser, type EmployerItem, type SharedAgreementItem, type SharedMatch, type SharedOfferItem } from '@zaogong/shared';
import { ApiRequestError } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useApi, useRegions } from '../../../../api/hooks';
import { sharedStaffApi } from '../../../../api/shared-staff';
import { Chip } from '../../../../components/Chip';
import { FormField } from '../../../../components/FormField';
import { MatchReasons } from '../../../../components/MatchReasons';
import { OccupationPicker, type PickedOccupation } from '../../../../components/OccupationPicker';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { AgreementStatusTag } from '../../../../components/SharedAgreementFacts';
import { Sheet } from '../../../../components/Sheet';
import { StateView } from '../../../../components/StateView';
import { formatDate } from '../../../../lib/format';
import { agreementUrl, draftFromMatch, periodShort, sideOf, wageText } from '../../../../lib/shared-staff';
import './index.css';

type Kind = 'offer' | 'request';
type WageUnit = 'day' | 'month' | 'hour';

const UNITS: { unit: WageUnit; label: string }[] = [
  { unit: 'day', label: '按天' },
  { unit: 'month', label: '按月' },
  { unit: 'hour', label: '按小时' },
];

const today = () => chinaDateOf(new Date());
/** The China date `days` after `ymd`. */
const plusDays = (ymd: string, days: number) => new Date(Date.parse(`${ymd}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A date picker that looks like the other inputs. */
function DateInput({ id, value, start, onChange }: { id: string; value: string; start: string; onChange: (d: string) => void }) {
  return (
    <Picker mode='date' value={value} start={start} onChange={(e) => onChange(String(e.detail.value))}>
      <View id={id} className='zg-input ss-date'>
        {formatDate(value)}
      </View>
    </Picker>
  );
}

const FIELDS: ReadonlySet<string> = new Set(['occupationCode', 'headcount', 'from', 'to', 'townCode', 'wage', 'wageUnit', 'note']);
type Errors = Partial<Record<'occupationCode' | 'headcount' | 'from' | 'to' | 'townCode' | 'wage' | 'wageUnit' | 'note' | 'form', string>>;

/** 我有富余工人 (an offer) or 我缺人手 (a request, with the pay): trade, how many, from–to, 镇街. */
function PostForm({ kind, employer, onDone, onCancel }: { kind: Kind; employer: EmployerItem; onDone: (item: SharedOfferItem) => void; onCancel: () => void }) {
  const start = today();
  const [occupation, setOccupation] = useState<PickedOccupation[]>([]);
  const [headcount, setHeadcount] = useState('');
  const [from, setFrom] = useState(start);
  const [to, setTo] = useState(plusDays(start, 29));
  const [townCode, setTownCode] = useState(employer.townCode);
  const [wage, setWage] = useState('');
  const [wageUnit, setWageUnit] = useState<WageUnit>('day');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const towns = useRegions(DISTRICT_CODE);

  const clear = (k: keyof Errors) => setErrors((e) => (e[k] || e.form ? { ...e, [k]: undefined, form: undefined } : e));

  const submit = async () => {
    if (busy) return;
    const n = Number(headcount);
    const pay = Number(wage);
    const bad: Errors = {};
    if (occupation.length === 0) bad.occupationCode = '请搜一下，选一个工种';
    if (!Number.isInteger(n) || n < 1 || n > 500) bad.headcount = '请写人数（1到500）';
    if (to < from) bad.to = '结束日期不能早于开始日期';
    if (!townCode) bad.townCode = '请选镇街';
    if (kind === 'request' && !(pay > 0)) bad.wage = '请写给多少钱';
    if (Object.keys(bad).length > 0) {
      setErrors(bad);
      return;
    }
    setBusy(true);
    setErrors({});
    const base = { occupationCode: occupation[0].code, headcount: n, from, to, townCode, note: note.trim() || undefined };
    try {
      const item = kind === 'offer' ? await sharedStaffApi.postOffer(base, { toast: false }) : await sharedStaffApi.postRequest({ ...base, wage: pay, wageUnit }, { toast: false });
      onDone(item);
    } catch (e) {
      if (e instanceof ApiRequestError) {
        const next: Errors = {};
        for (const f of e.errors) next[(FIELDS.has(f.field) ? f.field : 'form') as keyof Errors] = f.message;
        if (Object.keys(next).length === 0) next.form = e.message;
        setErrors(next);
      } else setErrors({ form: '没有发出去，请再试一次' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='zg-card ss-form' id='ss-form'>
      <View className='zg-card-title'>{kind === 'offer' ? '我有富余工人，可以借给别家' : '我缺人手，想从别家借人'}</View>
      <View className='zg-small'>
        {kind === 'offer' ? '写清什么工种、几个人、哪段时间有空。缺人的企业会看到。' : '写清什么工种、要几个人、哪段时间、给多少钱。有富余工人的企业会看到。'}
      </View>
      <FormField id='ss-occupationCode' label='工种' hint='搜一下，选最接近的一个' error={errors.occupationCode}>
        <OccupationPicker value={occupation} max={1} onChange={(o) => { setOccupation(o); clear('occupationCode'); }} />
      </FormField>
      <FormField id='ss-headcount' label={kind === 'offer' ? '能借出几个人' : '要几个人'} error={errors.headcount}>
        <View className='zg-row'>
          <Input className='zg-input ss-headcount' type='number' maxlength={3} placeholder='如：3' value={headcount} onInput={(e) => { setHeadcount(e.detail.value); clear('headcount'); }} />
          <Text className='ss-unit'>人</Text>
        </View>
      </FormField>
      <FormField id='ss-from' label='从哪天' error={errors.from}>
        <DateInput id='ss-from-date' value={from} start={start} onChange={(d) => { setFrom(d); if (to < d) setTo(d); clear('from'); }} />
      </FormField>
      <FormField id='ss-to' label='到哪天' error={errors.to}>
        <DateInput id='ss-to-date' value={to} start={from} onChange={(d) => { setTo(d); clear('to'); }} />
      </FormField>
      <FormField id='ss-townCode' label={kind === 'offer' ? '工人在哪个镇街' : '在哪个镇街干活'} error={errors.townCode}>
        <View className='zg-row-wrap ss-grid'>
          {towns.error ? <View className='zg-error'>{towns.error.message}</View> : null}
          {(towns.data ?? []).map((t) => (
            <Chip key={t.code} label={t.name} on={townCode === t.code} onTap={() => { setTownCode(t.code); clear('townCode'); }} />
          ))}
        </View>
      </FormField>
      {kind === 'request' ? (
        <FormField id='ss-wage' label='给多少钱' hint='借入方付钱，经出借方发给工人' error={errors.wage ?? errors.wageUnit}>
          <View className='zg-row-wrap ss-grid'>
            {UNITS.map((u) => (
              <Chip key={u.unit} label={u.label} on={wageUnit === u.unit} onTap={() => setWageUnit(u.unit)} />
            ))}
          </View>
          <View className='zg-row ss-wage-row'>
            <Input className='zg-input ss-wage' type='digit' maxlength={8} placeholder='如：150' value={wage} onInput={(e) => { setWage(e.detail.value); clear('wage'); }} />
            <Text className='ss-unit'>元/{wageUnit === 'day' ? '天' : wageUnit === 'month' ? '月' : '小时'}</Text>
          </View>
        </FormField>
      ) : null}
      <FormField id='ss-note' label='说明' optional error={errors.note}>
        <Input className='zg-input ss-note' type='text' maxlength={200} placeholder={kind === 'offer' ? '如：石材厂淡季，工人会开叉车' : '如：春节前赶订单'} value={note} onInput={(e) => setNote(e.detail.value)} />
      </FormField>
      {errors.form ? <View className='zg-error ss-form-error'>{errors.form}</View> : null}
      <View className='zg-sheet-buttons ss-form-buttons'>
        <Button className='zg-btn zg-btn-ghost' onClick={onCancel}>
          不发了
        </Button>
        <Button className={busy ? 'zg-btn ss-submit zg-btn-disabled' : 'zg-btn ss-submit'} disabled={busy || undefined} onClick={() => void submit()}>
          {busy ? '正在发布…' : '发布'}
        </Button>
      </View>
    </View>
  );
}

/** 发起协议 from a match: the two firms, the days, the work and the pay (editable); 工伤 with the lender, fixed. */
function AgreementSheet({ mine, match, onClose }: { mine: SharedOfferItem; match: SharedMatch; onClose: () => void }) {
  const start = today();
  const draft = draftFromMatch(mine, match, start);
  const [from, setFrom] = useState(draft.from);
  const [to, setTo] = useState(draft.to < draft.from ? draft.from : draft.to);
  const [work, setWork] = useState(draft.work);
  const [pay, setPay] = useState(draft.pay);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    if (!work.trim()) return setError('请写干什么活');
    if (!pay.trim()) return setError('请写工资怎么结算');
    if (to < from) return setError('结束日期不能早于开始日期');
    setBusy(true);
    setError('');
    try {
      const a = await sharedStaffApi.createAgreement(
        { offerId: draft.offerId, requestId: draft.requestId, lenderId: draft.lenderId, borrowerId: draft.borrowerId, from, to, work: work.trim(), pay: pay.trim(), injuryCover: 'lender' },
        { toast: false },
      );
      onClose();
      void Taro.navigateTo({ url: agreementUrl(a.id) });
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有发起成功，请再试一次');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Sheet
      title='发起共享用工协议'
      onClose={onClose}
      footer={
        <>
          {error ? <View className='zg-error ss-sheet-error'>{error}</View> : null}
          <View className='zg-sheet-buttons'>
            <Button className='zg-btn zg-btn-ghost' onClick={onClose}>
              再想想
            </Button>
            <Button className={busy ? 'zg-btn ss-create zg-btn-disabled' : 'zg-btn ss-create'} disabled={busy || undefined} onClick={() => void submit()}>
              {busy ? '正在发起…' : '发起协议'}
            </Button>
          </View>
        </>
      }
    >
      <View className='ss-party'>
        <Text className='ss-party-label'>出借方（出人）</Text>
        <Text className='ss-party-name'>{draft.lenderName}</Text>
      </View>
      <View className='ss-party'>
        <Text className='ss-party-label'>借入方（用人）</Text>
        <Text className='ss-party-name'>{draft.borrowerName}</Text>
      </View>
      <View className='zg-label'>从哪天</View>
      <DateInput id='ss-agree-from' value={from} start={start} onChange={(d) => { setFrom(d); if (to < d) setTo(d); }} />
      <View className='zg-label'>到哪天</View>
      <DateInput id='ss-agree-to' value={to} start={from} onChange={setTo} />
      <View className='zg-label'>干什么活</View>
      <Textarea className='zg-sheet-textarea ss-work' value={work} maxlength={500} onInput={(e) => setWork(e.detail.value)} />
      <View className='zg-label'>工资怎么结算</View>
      <Textarea className='zg-sheet-textarea ss-pay' value={pay} maxlength={500} onInput={(e) => setPay(e.detail.value)} />
      <View className='ss-fixed'>
        <View className='ss-fixed-line'>工伤由出借方（{draft.lenderName}）负责</View>
        <View className='ss-fixed-note'>这是共享用工的规定，不能改。工人的劳动合同和社保也还在出借方。</View>
      </View>
      <View className='zg-small ss-next'>发起后，两家企业各自签署；借出的工人本人同意（或村里联络员登记同意）后，协议生效。</View>
    </Sheet>
  );
}

function MatchCard({ mine, m, onAgree }: { mine: SharedOfferItem; m: SharedMatch; onAgree: () => void }) {
  const pay = wageText(m);
  return (
    <View className='ss-match'>
      <View className='ss-match-name'>{m.employerName}</View>
      <View className='zg-text ss-match-line'>
        {m.occupationName ?? m.occupationCode} · {mine.kind === 'offer' ? '要' : '能借出'}
        {m.headcount}人{m.townName ? ` · ${m.townName}` : ''}
      </View>
      <View className='zg-small'>{periodShort(m)}</View>
      {pay ? <View className='zg-money ss-match-pay'>{pay}</View> : null}
      <MatchReasons reasons={m.reasons} />
      <Button className='zg-btn zg-btn-block ss-agree' onClick={onAgree}>
        发起协议
      </Button>
    </View>
  );
}

function PostCard({ item, onAgree }: { item: SharedOfferItem; onAgree: (m: SharedMatch) => void }) {
  const pay = wageText(item);
  return (
    <View className={`zg-card ss-post ss-post-${item.kind}`}>
      <View className='zg-row'>
        <Text className='zg-grow ss-post-title'>
          {item.occupationName ?? item.occupationCode} {item.headcount}人
        </Text>
        <Text className={item.status === 'open' ? 'zg-tag zg-tag-ok' : 'zg-tag zg-tag-plain'}>{item.status === 'open' ? '在找' : '已关闭'}</Text>
      </View>
      <View className='zg-text'>{periodShort(item)}</View>
      <View className='zg-small'>
        {item.townName ?? ''}
        {pay ? ` · ${pay}` : ''}
        {item.note ? ` · ${item.note}` : ''}
      </View>
      <View className='ss-matches-head'>
        {item.matches.length > 0 ? `合适的企业（${item.matches.length}家）` : item.kind === 'offer' ? '还没有缺人的企业合适。有了会出现在这里。' : '还没有合适的富余工人。有了会出现在这里。'}
      </View>
      {item.matches.map((m) => (
        <MatchCard key={m.id} mine={item} m={m} onAgree={() => onAgree(m)} />
      ))}
    </View>
  );
}

function AgreementRow({ a, employerId }: { a: SharedAgreementItem; employerId: string }) {
  const side = sideOf(a, employerId);
  const other = side === 'lender' ? a.borrower.name : a.lender.name;
  return (
    <View className='zg-card ss-agreement' onClick={() => void Taro.navigateTo({ url: agreementUrl(a.id) })} aria-role='link'>
      <View className='zg-row'>
        <Text className='zg-grow ss-agreement-title'>
          {side === 'lender' ? '借给' : '借自'}
          {other}
        </Text>
        <AgreementStatusTag a={a} />
      </View>
      <View className='zg-small'>
        {periodShort(a)} · {a.workers.length}人
      </View>
      {a.status === 'draft' && a.waitingFor.length > 0 ? <View className='ss-agreement-wait'>还差：{a.waitingFor.join('、')}</View> : null}
      <View className='ss-open'>看协议 ›</View>
    </View>
  );
}

function SharedStaff({ user }: { user: AuthUser }) {
  const employer = useApi(() => api.myEmployer({ toast: false }), [user.id]);
  const offers = useApi(() => sharedStaffApi.offers({ toast: false }), [user.id]);
  const requests = useApi(() => sharedStaffApi.requests({ toast: false }), [user.id]);
  const agreements = useApi(() => sharedStaffApi.agreements({ toast: false }), [user.id]);
  const [form, setForm] = useState<Kind>();
  const [agreeing, setAgreeing] = useState<{ mine: SharedOfferItem; match: SharedMatch }>();

  const reloadAll = () => Promise.all([offers.reload(), requests.reload(), agreements.reload()]);
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current) void reloadAll();
    seen.current = true;
  });
  usePullDownRefresh(() => {
    void reloadAll().finally(() => Taro.stopPullDownRefresh());
  });

  if (employer.error?.statusCode === 404) return <StateView title='请先登记企业' body='登记企业、通过认证后，才能借人、借出工人。' actionText='回企业首页' onAction={() => void Taro.navigateBack()} />;
  if (employer.error) return <StateView title='没有加载出来' body={employer.error.message} actionText='再试一次' onAction={() => void employer.reload()} />;
  if (!employer.data) return <StateView title='正在加载…' />;
  const e = employer.data;
  const verified = e.verification === 'verified';

  const open = (kind: Kind) => {
    setForm(kind);
    setTimeout(() => void Taro.pageScrollTo({ selector: '#ss-form', duration: 200 }).catch(() => undefined), 50);
  };
  const posted = (item: SharedOfferItem) => {
    setForm(undefined);
    void (item.kind === 'offer' ? offers.reload() : requests.reload()).then(() =>
      Taro.pageScrollTo({ selector: `#ss-${item.kind}s`, duration: 200 }).catch(() => undefined),
    );
    void Taro.showToast({ title: '已发布', icon: 'success', duration: 1500 });
  };

  const list = (state: typeof offers, kind: Kind) => {
    if (state.loading && !state.data) return <View className='zg-small ss-loading'>正在加载…</View>;
    if (state.error) return <StateView title='没有加载出来' body={state.error.message} actionText='再试一次' onAction={() => void state.reload()} />;
    const items = state.data?.items ?? [];
    if (items.length === 0) return <View className='zg-small ss-empty'>{kind === 'offer' ? '还没发过。淡季工人闲着，点上面“我有富余工人”。' : '还没发过。旺季缺人，点上面“我缺人手”。'}</View>;
    return items.map((item) => <PostCard key={item.id} item={item} onAgree={(m) => setAgreeing({ mine: item, match: m })} />);
  };

  const myAgreements = agreements.data?.items ?? [];
  return (
    <View>
      <View className='zg-card ss-intro'>
        <View className='zg-card-title'>共享员工</View>
        <View className='zg-text'>淡季把闲着的工人借给缺人的企业，旺季从别家借人。</View>
        <View className='zg-small ss-intro-note'>工人的劳动合同和社保不变，还在原单位；工伤由出借方负责；工资由借入方结算，经出借方发给工人。</View>
      </View>
      {verified ? (
        <View className='zg-section ss-actions'>
          <Button className='zg-btn zg-btn-block ss-new-offer' onClick={() => open('offer')}>
            我有富余工人
          </Button>
          <Button className='zg-btn zg-btn-block ss-new-request' onClick={() => open('request')}>
            我缺人手
          </Button>
        </View>
      ) : (
        <View className='zg-card ss-unverified'>企业认证通过后，才能发布富余工人和用工需求。</View>
      )}
      {form ? <PostForm key={form} kind={form} employer={e} onDone={posted} onCancel={() => setForm(undefined)} /> : null}

      {myAgreements.length > 0 ? (
        <View className='ss-block'>
          <View className='zg-h2 ss-head'>我的协议</View>
          {myAgreements.map((a) => (
            <AgreementRow key={a.id} a={a} employerId={e.id} />
          ))}
        </View>
      ) : null}

      <View className='ss-block' id='ss-requests'>
        <View className='zg-h2 ss-head'>我缺的人手</View>
        {list(requests, 'request')}
      </View>
      <View className='ss-block' id='ss-offers'>
        <View className='zg-h2 ss-head'>我的富余工人</View>
        {list(offers, 'offer')}
      </View>
      {agreeing ? <AgreementSheet mine={agreeing.mine} match={agreeing.match} onClose={() => setAgreeing(undefined)} /> : null}
    </View>
  );
}

/**
 * 共享员工 (企业): 我有富余工人 / 我缺人手, the firm's own with the other side's that fit (with the reasons), 发起协议 from
 * a match, and the firm's agreements.
 */
export default function SharedStaffPage() {
  return (
    <PageShell>
      <RoleGate role='employer'>{(user) => <SharedStaff key={user.id} user={user} />}</RoleGate>
    </PageShell>
  );
}
