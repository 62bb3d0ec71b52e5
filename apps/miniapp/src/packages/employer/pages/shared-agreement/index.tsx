import { useRef, useState } from 'react';
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { SHARED_AGREEMENT_STATUS_LABELS, type AuthUser, type SharedAgreementItem } from '@zaogong/shared';
import { ApiRequestError, apiBase } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useApi } from '../../../../api/hooks';
import { sharedStaffApi } from '../../../../api/shared-staff';
import { ConfirmSheet } from '../../../../components/ConfirmSheet';
import { PageShell } from '../../../../components/PageShell';
import { QrImage } from '../../../../components/QrImage';
import { RoleGate } from '../../../../components/RoleGate';
import { AgreementStatusTag, consentText, SharedAgreementFacts, SharedWorkerList, WaitingFor } from '../../../../components/SharedAgreementFacts';
import { Sheet } from '../../../../components/Sheet';
import { StateView } from '../../../../components/StateView';
import { formatDate } from '../../../../lib/format';
import { h5Link } from '../../../../lib/routes';
import { datesText, liaisonConsentUrl, periodText, sideOf } from '../../../../lib/shared-staff';
import './index.css';

const IS_H5 = process.env.TARO_ENV === 'h5';
const SIDE_WORDS = { lender: '出借方', borrower: '借入方' } as const;

/** 延长: a later end date and why; both firms and the workers are told. */
function ExtendSheet({ a, onClose, onDone }: { a: SharedAgreementItem; onClose: () => void; onDone: (a: SharedAgreementItem) => void }) {
  const next = new Date(Date.parse(`${a.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const [to, setTo] = useState(next);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (busy) return;
    if (reason.trim().length < 2) return setError('请写明为什么延长（至少2个字）');
    setBusy(true);
    setError('');
    try {
      onDone(await sharedStaffApi.extend(a.id, { to, reason: reason.trim() }, { toast: false }));
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有办成，请再试一次');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Sheet
      title='延长协议'
      onClose={onClose}
      footer={
        <>
          {error ? <View className='zg-error sa-sheet-error'>{error}</View> : null}
          <View className='zg-sheet-buttons'>
            <Button className='zg-btn zg-btn-ghost' onClick={onClose}>
              再想想
            </Button>
            <Button className={busy ? 'zg-btn sa-extend-ok zg-btn-disabled' : 'zg-btn sa-extend-ok'} disabled={busy || undefined} onClick={() => void submit()}>
              {busy ? '正在办理…' : '延长'}
            </Button>
          </View>
        </>
      }
    >
      <View className='zg-text'>现在到 {formatDate(a.to)} 结束。延长后，两家企业和工人都会收到消息。</View>
      <View className='zg-label'>延长到哪天</View>
      <Picker mode='date' value={to} start={next} onChange={(e) => setTo(String(e.detail.value))}>
        <View className='zg-input sa-date'>{formatDate(to)}</View>
      </Picker>
      <View className='zg-label'>为什么延长</View>
      <View className='zg-row-wrap'>
        {['订单增加', '工期推迟'].map((p) => (
          <View key={p} className='zg-chip sa-preset' onClick={() => setReason(p)} aria-role='button'>
            {p}
          </View>
        ))}
      </View>
      <Textarea className='zg-sheet-textarea sa-reason' value={reason} maxlength={200} placeholder='如：订单增加' onInput={(e) => { setReason(e.detail.value); setError(''); }} />
    </Sheet>
  );
}

/** 添加工人 (the lender): a person of the firm by name and phone; they are then asked to consent. */
function AddWorkerSheet({ a, onClose, onDone }: { a: SharedAgreementItem; onClose: () => void; onDone: (a: SharedAgreementItem) => void }) {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (busy) return;
    if (name.trim().length < 2 || !/^1\d{10}$/.test(phone.trim())) return setError('请填写工人的姓名和11位手机号');
    setBusy(true);
    setError('');
    try {
      onDone(await sharedStaffApi.addWorkerByPhone(a.id, { name: name.trim(), phone: phone.trim() }, { toast: false }));
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有办成，请再试一次');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Sheet
      title='添加借出的工人'
      onClose={onClose}
      footer={
        <>
          {error ? <View className='zg-error sa-sheet-error'>{error}</View> : null}
          <View className='zg-sheet-buttons'>
            <Button className='zg-btn zg-btn-ghost' onClick={onClose}>
              再想想
            </Button>
            <Button className={busy ? 'zg-btn sa-add-ok zg-btn-disabled' : 'zg-btn sa-add-ok'} disabled={busy || undefined} onClick={() => void submit()}>
              {busy ? '正在添加…' : '添加'}
            </Button>
          </View>
        </>
      }
    >
      <View className='zg-text'>填工人在村里登记的姓名和手机号。添加后，工人会收到消息，本人同意（或联络员登记同意）后才算数。</View>
      <View className='zg-label'>姓名</View>
      <Input className='zg-input sa-add-name' value={name} maxlength={30} placeholder='如：王秀英' onInput={(e) => { setName(e.detail.value); setError(''); }} />
      <View className='zg-label'>手机号</View>
      <Input className='zg-input sa-add-phone' type='number' value={phone} maxlength={11} placeholder='11位手机号' onInput={(e) => { setPhone(e.detail.value); setError(''); }} />
    </Sheet>
  );
}

/** The one-page summary to print and sign on paper: the parties, the period, the work, the pay, the terms, the workers. */
function PrintView({ a, onBack }: { a: SharedAgreementItem; onBack: () => void }) {
  return (
    <View className='sa-print'>
      <View className='sa-print-bar sa-no-print'>
        {IS_H5 ? (
          <Button className='zg-btn sa-print-go' onClick={() => window.print()}>
            打印
          </Button>
        ) : null}
        <Button className='zg-btn zg-btn-ghost sa-print-back' onClick={onBack}>
          返回
        </Button>
      </View>
      <View className='sa-paper'>
        <View className='sa-paper-title'>共享用工协议</View>
        <View className='sa-paper-sub'>
          协议编号 {a.id.slice(0, 8).toUpperCase()} · {SHARED_AGREEMENT_STATUS_LABELS[a.status]}
        </View>
        <View className='sa-paper-row'>
          <Text className='sa-paper-k'>出借方（甲方）</Text>
          <Text className='sa-paper-v'>{a.lender.name}</Text>
        </View>
        <View className='sa-paper-row'>
          <Text className='sa-paper-k'>借入方（乙方）</Text>
          <Text className='sa-paper-v'>{a.borrower.name}</Text>
        </View>
        <View className='sa-paper-row'>
          <Text className='sa-paper-k'>期间</Text>
          <Text className='sa-paper-v'>{periodText(a)}</Text>
        </View>
        <View className='sa-paper-row'>
          <Text className='sa-paper-k'>工作内容</Text>
          <Text className='sa-paper-v'>{a.work}</Text>
        </View>
        <View className='sa-paper-row'>
          <Text className='sa-paper-k'>报酬结算</Text>
          <Text className='sa-paper-v'>{a.pay}</Text>
        </View>
        <View className='sa-paper-h'>约定</View>
        {a.terms.map((t, i) => (
          <View key={t} className='sa-paper-term'>
            {i + 1}. {t}
          </View>
        ))}
        <View className='sa-paper-h'>借出人员</View>
        {a.workers.length === 0 ? <View className='sa-paper-term'>（尚未登记）</View> : null}
        {a.workers.map((w) => (
          <View key={w.residentId} className='sa-paper-worker'>
            <Text className='sa-paper-wname'>{w.name}</Text>
            <Text className='sa-paper-wvillage'>{w.villageName ?? ''}</Text>
            <Text className='sa-paper-wconsent'>{consentText(w)}</Text>
          </View>
        ))}
        <View className='sa-paper-signs'>
          <View className='sa-paper-sign'>
            <View>甲方（盖章）：</View>
            <View className='sa-paper-date'>{a.lenderSignedAt ? `已在线签署 ${formatDate(a.lenderSignedAt)}` : '日期：'}</View>
          </View>
          <View className='sa-paper-sign'>
            <View>乙方（盖章）：</View>
            <View className='sa-paper-date'>{a.borrowerSignedAt ? `已在线签署 ${formatDate(a.borrowerSignedAt)}` : '日期：'}</View>
          </View>
        </View>
      </View>
    </View>
  );
}

function Agreement({ id, user }: { id: string; user: AuthUser }) {
  const agreement = useApi(() => sharedStaffApi.agreement(id, { toast: false }), [id, user.id]);
  const employer = useApi(() => (user.role === 'employer' ? api.myEmployer({ toast: false }) : Promise.resolve(undefined)), [user.id]);
  const [shown, setShown] = useState<SharedAgreementItem>();
  const [sheet, setSheet] = useState<'sign' | 'extend' | 'end' | 'add'>();
  const [print, setPrint] = useState(false);

  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current) void agreement.reload().then(() => setShown(undefined));
    seen.current = true;
  });
  usePullDownRefresh(() => {
    void agreement.reload().then(() => setShown(undefined)).finally(() => Taro.stopPullDownRefresh());
  });

  if (agreement.loading && !agreement.data) return <StateView title='正在加载…' />;
  if (agreement.error) return <StateView title='看不到这份协议' body={agreement.error.message} actionText='再试一次' onAction={() => void agreement.reload()} />;
  const a = shown ?? agreement.data;
  if (!a) return <StateView title='正在加载…' />;
  if (print) return <PrintView a={a} onBack={() => setPrint(false)} />;

  const side = sideOf(a, employer.data?.id);
  const myName = side ? a[side].name : '';
  const mySigned = side === 'lender' ? a.lenderSignedAt : side === 'borrower' ? a.borrowerSignedAt : null;
  const done = (next: SharedAgreementItem, toast: string) => {
    setShown(next);
    setSheet(undefined);
    void Taro.showToast({ title: toast, icon: 'success', duration: 1500 });
  };
  const link = h5Link(liaisonConsentUrl(a.id), apiBase());

  return (
    <View className='sa'>
      <View className='zg-card sa-head'>
        <View className='zg-row'>
          <Text className='zg-grow sa-title'>共享用工协议</Text>
          <AgreementStatusTag a={a} />
        </View>
        {side ? <View className='zg-small sa-me'>本企业是{SIDE_WORDS[side]}（{side === 'lender' ? '出人' : '用人'}）</View> : null}
        <WaitingFor a={a} />
        {a.status === 'active' ? <View className='sa-active'>两家企业已签署，工人都已同意，协议正在执行。</View> : null}
      </View>

      {side && a.status === 'draft' && !mySigned ? (
        <View className='zg-section'>
          <Button className='zg-btn zg-btn-block sa-sign' onClick={() => setSheet('sign')}>
            签署（{SIDE_WORDS[side]}）
          </Button>
        </View>
      ) : null}

      <View className='zg-card'>
        <SharedAgreementFacts a={a} />
      </View>

      <View className='zg-card sa-workers'>
        <View className='zg-card-title'>借出的工人（{a.workers.length}人）</View>
        <SharedWorkerList a={a} />
        {side === 'lender' && a.status !== 'ended' ? (
          <Button className='zg-btn zg-btn-ghost zg-btn-block sa-add-worker' onClick={() => setSheet('add')}>
            添加借出的工人
          </Button>
        ) : null}
        {a.status !== 'ended' ? (
          <View className='sa-consent-how'>
            <View className='sa-consent-how-head'>请工人本人在小程序确认，或请村里联络员登记同意</View>
            <View className='zg-small sa-consent-how-note'>
              工人本人：登记过的工人会收到消息，打开点“我同意”。没有智能手机的：请村里联络员用“扫一扫”扫下面的码，登记本人签字或口头同意，人就加到协议上了。
            </View>
            <QrImage text={link} label='联络员登记同意的二维码' small />
            <Button
              className='zg-btn zg-btn-ghost zg-btn-block sa-copy'
              onClick={() => void Taro.setClipboardData({ data: link }).catch(() => Taro.showToast({ title: '没有复制成功', icon: 'none' }))}
            >
              复制链接，发给联络员
            </Button>
          </View>
        ) : null}
      </View>

      <View className='zg-card sa-terms'>
        <View className='zg-card-title'>约定</View>
        {a.terms.map((t, i) => (
          <View key={t} className='zg-text sa-term'>
            {i + 1}. {t}
          </View>
        ))}
      </View>

      <View className='zg-section sa-actions'>
        <Button className='zg-btn zg-btn-ghost zg-btn-block sa-print-open' onClick={() => setPrint(true)}>
          打印版（一页）
        </Button>
        {side && a.status !== 'ended' ? (
          <>
            <Button className='zg-btn zg-btn-ghost zg-btn-block sa-extend' onClick={() => setSheet('extend')}>
              延长
            </Button>
            <Button className='zg-btn zg-btn-ghost zg-btn-block sa-end' onClick={() => setSheet('end')}>
              提前结束
            </Button>
          </>
        ) : null}
      </View>

      {sheet === 'sign' && side ? (
        <ConfirmSheet
          title={`以“${myName}”的名义签署？`}
          submitText='签署'
          onClose={() => setSheet(undefined)}
          onSubmit={async () => done(await sharedStaffApi.sign(a.id, { toast: false }), '已签署')}
        >
          <View>
            {a.lender.name}把工人借给{a.borrower.name}，{datesText(a)}。
          </View>
          <View>工伤由出借方负责；工资由借入方结算，经出借方发给工人；劳动合同和社保不变。</View>
        </ConfirmSheet>
      ) : null}
      {sheet === 'add' ? <AddWorkerSheet a={a} onClose={() => setSheet(undefined)} onDone={(n) => done(n, '已添加')} /> : null}
      {sheet === 'extend' ? <ExtendSheet a={a} onClose={() => setSheet(undefined)} onDone={(n) => done(n, '已延长')} /> : null}
      {sheet === 'end' ? (
        <ConfirmSheet
          title='提前结束协议？'
          submitText='结束协议'
          danger
          field={{ label: '为什么结束（两家企业和工人都会看到）', required: true, minLength: 2, maxLength: 200, presets: ['订单提前完成', '工人回原单位'], placeholder: '如：订单提前完成', requiredMessage: '请写明为什么结束（至少2个字）' }}
          onClose={() => setSheet(undefined)}
          onSubmit={async (reason) => done(await sharedStaffApi.end(a.id, reason, { toast: false }), '已结束')}
        >
          结束后不能再恢复；要再借人，请重新发起一份协议。
        </ConfirmSheet>
      ) : null}
    </View>
  );
}

/**
 * 共享用工协议 (?id=): for the two firms (and the admins of its 镇街, read only). Notifications of type 'shared_staff'
 * open it. The parties, period, work, pay, terms, the workers with their consent, what it waits for; 签署 for the
 * caller's side, 延长 / 提前结束 with a reason, and a one-page printable summary.
 */
export default function SharedAgreementPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  return (
    <PageShell>
      <RoleGate role='employer' also={['admin']}>
        {(user) => (id ? <Agreement key={`${user.id}:${id}`} id={id} user={user} /> : <StateView title='没有这份协议' body='请从“共享员工”或消息里打开协议。' />)}
      </RoleGate>
    </PageShell>
  );
}
