import { useRef, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { regionLevelOf, type AuthUser, type ResidentItem, type SharedAgreementItem } from '@zaogong/shared';
import { ApiRequestError } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { fetchRegions, useApi } from '../../../../api/hooks';
import { sharedStaffApi } from '../../../../api/shared-staff';
import { Chip } from '../../../../components/Chip';
import { ConfirmSheet } from '../../../../components/ConfirmSheet';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { AgreementStatusTag, SharedAgreementFacts, SharedWorkerList, WaitingFor } from '../../../../components/SharedAgreementFacts';
import { StateView } from '../../../../components/StateView';
import { formatDate } from '../../../../lib/format';
import { agreementIdOf, liaisonConsentUrl, periodShort } from '../../../../lib/shared-staff';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
type Method = 'signature' | 'verbal';

/** The person to record, and how they said yes: 本人签字 (on the printed agreement) or 口头同意. */
function ConsentSheet({ agreementId, person, a, onClose, onDone }: { agreementId: string; person: { id: string; name: string }; a: SharedAgreementItem | undefined; onClose: () => void; onDone: (a: SharedAgreementItem) => void }) {
  const [method, setMethod] = useState<Method>();
  return (
    <ConfirmSheet
      title={`登记${person.name}同意`}
      submitText='登记同意'
      onClose={onClose}
      onSubmit={async () => {
        if (!method) throw new ApiRequestError(400, '请选：本人签字，还是口头同意');
        onDone(await sharedStaffApi.consent(agreementId, person.id, method, { toast: false }));
      }}
    >
      <View>
        {a
          ? `${person.name}同意借到${a.borrower.name}干活（${formatDate(a.from)}到${formatDate(a.to)}）；工伤由${a.lender.name}负责，劳动合同和社保不变。`
          : `请先把企业给的协议念给${person.name}听，本人同意了再登记。`}
      </View>
      <View className='sc-method-head'>本人怎么同意的？</View>
      <View className='zg-row-wrap sc-methods'>
        <Chip label='本人签字' on={method === 'signature'} onTap={() => setMethod('signature')} />
        <Chip label='口头同意' on={method === 'verbal'} onTap={() => setMethod('verbal')} />
      </View>
    </ConfirmSheet>
  );
}

/** Find a villager of the liaison's area by name, phone or 身份证号, and pick them. */
function VillagerSearch({ onPick }: { onPick: (r: ResidentItem) => void }) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<ResidentItem[]>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const seq = useRef(0);
  const search = async () => {
    const text = q.trim();
    if (!text) return setError('请写村民的名字或电话');
    const mine = ++seq.current;
    setBusy(true);
    setError('');
    try {
      const page = await api.listResidents({ q: text, limit: 10 }, { toast: false });
      if (mine === seq.current) setResults(page.items);
    } catch (e) {
      if (mine === seq.current) setError(e instanceof ApiRequestError ? e.message : '没有搜到，请再试一次');
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  };
  return (
    <View className='sc-search'>
      <View className='zg-row'>
        <Input className='zg-input zg-grow sc-q' type='text' placeholder='名字或电话' value={q} maxlength={20} confirmType='search' onInput={(e) => setQ(e.detail.value)} onConfirm={() => void search()} />
        <Button className='zg-btn zg-btn-ghost sc-find' onClick={() => void search()}>
          找
        </Button>
      </View>
      {error ? <View className='zg-field-error'>{error}</View> : null}
      {busy ? <View className='zg-small sc-note'>正在找…</View> : null}
      {results && !busy && results.length === 0 ? <View className='zg-small sc-note'>没有找到“{q.trim()}”。先在“登记居民”里登记TA。</View> : null}
      {results && !busy
        ? results.map((r) => (
            <View key={r.id} className='sc-person' onClick={() => onPick(r)} aria-role='button'>
              <View className='zg-grow'>
                <View className='sc-person-name'>{r.name}</View>
                <View className='zg-small'>
                  {r.villageName ?? ''} {r.phone}
                </View>
              </View>
              <Text className='sc-person-pick'>选TA</Text>
            </View>
          ))
        : null}
    </View>
  );
}

/** The names of the 村居 the liaison looks after (theirs, or each of their 镇街's), to tell their villagers on a list. */
function useAreaVillageNames(user: AuthUser): Set<string> | undefined {
  const town = regionLevelOf(user.regionCode) === 'town' ? user.regionCode : null;
  const villages = useApi(() => (town ? fetchRegions(town) : Promise.resolve([])), [town]);
  if (!town) return new Set(user.regionName ? [user.regionName] : []);
  return villages.data ? new Set(villages.data.map((v) => v.name)) : undefined;
}

function Consent({ id, user }: { id: string; user: AuthUser }) {
  const agreement = useApi(() => sharedStaffApi.agreement(id, { toast: false }), [id, user.id]);
  const mine = useAreaVillageNames(user);
  const [shown, setShown] = useState<SharedAgreementItem>();
  const [person, setPerson] = useState<{ id: string; name: string }>();
  const [searches, setSearches] = useState(0);
  usePullDownRefresh(() => {
    void agreement.reload().then(() => setShown(undefined)).finally(() => Taro.stopPullDownRefresh());
  });
  if (agreement.loading && !agreement.data && !shown) return <StateView title='正在加载…' />;
  const a = shown ?? agreement.data;
  const unseen = !a && agreement.error?.statusCode === 404;
  if (!a && !unseen) return <StateView title='没有加载出来' body={agreement.error?.message} actionText='再试一次' onAction={() => void agreement.reload()} />;

  const done = (next: SharedAgreementItem) => {
    setShown(next);
    setPerson(undefined);
    setSearches((n) => n + 1); // a fresh search box for the next villager
    void Taro.showToast({ title: '已登记同意', icon: 'success', duration: 1500 });
  };

  return (
    <View className='sc'>
      {a ? (
        <View>
          <View className='zg-card'>
            <View className='zg-row'>
              <Text className='zg-grow sc-title'>共享用工协议</Text>
              <AgreementStatusTag a={a} />
            </View>
            <WaitingFor a={a} />
            <SharedAgreementFacts a={a} />
          </View>
          <View className='zg-card'>
            <View className='zg-card-title'>借出的工人</View>
            <SharedWorkerList a={a} />
            {a.status !== 'ended'
              ? a.workers
                  // Only the liaison's own villagers: another 村's are their own liaison's to record.
                  .filter((w) => !w.consentAt && w.villageName !== null && mine?.has(w.villageName))
                  .map((w) => (
                    <Button key={w.residentId} className='zg-btn zg-btn-block sc-record' onClick={() => setPerson({ id: w.residentId, name: w.name })}>
                      登记{w.name}同意
                    </Button>
                  ))
              : null}
          </View>
        </View>
      ) : (
        <View className='zg-card sc-unseen'>
          <View className='zg-card-title'>还看不到协议内容</View>
          <View className='zg-text'>这份协议上还没有您村里的人，所以看不到内容。请对照企业给的协议（打印版）念给村民听；本人同意了，在下面登记。登记后就能看到协议了。</View>
          <View className='zg-small sc-code'>协议编号 {id.slice(0, 8).toUpperCase()}</View>
        </View>
      )}
      {!a || a.status !== 'ended' ? (
        <View className='zg-card sc-add'>
          <View className='zg-card-title'>登记村民同意</View>
          <View className='zg-small sc-add-note'>企业要借调的是您村里的人：找到TA，问清楚本人愿意，再登记。登记后TA就加到协议上了。</View>
          <VillagerSearch key={searches} onPick={(r) => setPerson({ id: r.id, name: r.name })} />
        </View>
      ) : null}
      {person ? <ConsentSheet agreementId={id} person={person} a={a} onClose={() => setPerson(undefined)} onDone={done} /> : null}
    </View>
  );
}

/** The villagers' agreements, and how to open another one (the QR on the firm's agreement page). */
function List({ user }: { user: AuthUser }) {
  const list = useApi(() => sharedStaffApi.agreements({ toast: false }), [user.id, user.regionCode]);
  const [link, setLink] = useState('');
  const [error, setError] = useState('');
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current) void list.reload();
    seen.current = true;
  });
  const openText = (text: string) => {
    const id = agreementIdOf(text);
    if (!id) return setError('这不是共享用工协议的码或链接');
    setError('');
    void Taro.navigateTo({ url: liaisonConsentUrl(id) });
  };
  const scan = async () => {
    let text = '';
    try {
      text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result;
    } catch {
      return; // closed without scanning
    }
    openText(text);
  };
  return (
    <View>
      <View className='zg-card sc-open'>
        <View className='zg-card-title'>打开企业的协议</View>
        <View className='zg-small sc-add-note'>企业的协议页上有个二维码，是给联络员登记村民同意的。</View>
        {IS_WEAPP ? (
          <Button className='zg-btn zg-btn-block sc-scan' onClick={() => void scan()}>
            扫一扫
          </Button>
        ) : null}
        <View className='zg-label'>{IS_WEAPP ? '或者粘贴企业发来的链接' : '粘贴企业发来的链接'}</View>
        <View className='zg-row'>
          <Input className='zg-input zg-grow sc-link' type='text' placeholder='粘贴链接' value={link} onInput={(e) => { setLink(e.detail.value); setError(''); }} />
          <Button className='zg-btn zg-btn-ghost sc-find' onClick={() => openText(link)}>
            打开
          </Button>
        </View>
        {error ? <View className='zg-field-error'>{error}</View> : null}
      </View>
      <View className='zg-h2 sc-list-head'>村民的共享用工</View>
      {list.loading && !list.data ? <View className='zg-small sc-note'>正在加载…</View> : null}
      {list.error ? <StateView title='没有加载出来' body={list.error.message} actionText='再试一次' onAction={() => void list.reload()} /> : null}
      {list.data && list.data.items.length === 0 ? <View className='zg-small sc-note'>还没有村民被借调。</View> : null}
      {(list.data?.items ?? []).map((a) => (
        <View key={a.id} className='zg-card sc-item' onClick={() => void Taro.navigateTo({ url: liaisonConsentUrl(a.id) })} aria-role='link'>
          <View className='zg-row'>
            <Text className='zg-grow sc-item-title'>
              {a.lender.name} → {a.borrower.name}
            </Text>
            <AgreementStatusTag a={a} />
          </View>
          <View className='zg-small'>{periodShort(a)}</View>
          <View className='zg-text'>{a.workers.map((w) => `${w.name}${w.consentAt ? '✓' : '（未同意）'}`).join('、')}</View>
        </View>
      ))}
    </View>
  );
}

/**
 * 共享用工：登记村民同意 (liaison). A firm lending a villager without a smartphone asks the village liaison: the
 * liaison opens the agreement by the QR (or link) on the firm's agreement page (?id=), finds the villager, and
 * records 本人签字 or 口头同意, which puts them on the agreement. Without an id: the villagers' agreements.
 */
export default function SharedConsentPage() {
  const { params } = useRouter();
  const id = params.id ? agreementIdOf(params.id) : null;
  return (
    <PageShell>
      <RoleGate role='liaison'>{(user) => (id ? <Consent key={`${user.id}:${id}`} id={id} user={user} /> : <List key={user.id} user={user} />)}</RoleGate>
    </PageShell>
  );
}
