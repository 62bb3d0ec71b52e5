import { useState } from 'react';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { ROUTES } from '../../../../lib/routes';
import { POST_STATUS_LABELS, monthDayText, regionLevelOf, type AuthUser, type HouseholdItem } from '@zaogong/shared';
import { ApiRequestError } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useApi, useRegions } from '../../../../api/hooks';
import { Chip } from '../../../../components/Chip';
import { FormField } from '../../../../components/FormField';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { addDays, chinaToday } from '../../../../lib/gigs';
import './index.css';

/** 种植工: the work a household's 农忙帮工 is filed under. */
const FARM_WORK = '5-01-01';

interface GigForm {
  title: string;
  description: string;
  pay: string;
  headcount: string;
  startDate: string;
  endDate: string;
  workStartTime: string;
  address: string;
}

const emptyGig = (today: string): GigForm => ({ title: '', description: '', pay: '', headcount: '2', startDate: addDays(today, 1), endDate: addDays(today, 1), workStartTime: '07:00', address: '' });

/** What the API said, one line: the first field's message, else the message. */
const errorText = (e: unknown) => (e instanceof ApiRequestError ? (e.errors[0]?.message ?? e.message) : '没有提交成功，请再试一次');

function Households({ user }: { user: AuthUser }) {
  const today = chinaToday();
  const isTown = regionLevelOf(user.regionCode) === 'town';
  const villages = useRegions(isTown ? user.regionCode : null);
  const [villageCode, setVillageCode] = useState<string | undefined>(isTown ? undefined : (user.regionCode ?? undefined));
  const list = useApi(() => api.households(isTown ? villageCode : undefined, { toast: false }), [user.id, villageCode]);
  const [chosen, setChosen] = useState<HouseholdItem>();
  const [adding, setAdding] = useState(false);
  const [person, setPerson] = useState({ name: '', contactName: '', contactPhone: '', address: '' });
  const [gig, setGig] = useState<GigForm>(() => emptyGig(today));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const addHousehold = async () => {
    if (!villageCode) return setError('请先选择是哪个村的农户');
    setBusy(true);
    setError('');
    try {
      const h = await api.createHousehold({ name: person.name, villageCode, contactName: person.contactName, contactPhone: person.contactPhone, ...(person.address ? { address: person.address } : {}) }, { toast: false });
      setAdding(false);
      setPerson({ name: '', contactName: '', contactPhone: '', address: '' });
      setChosen(h);
      await list.reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const submitGig = async () => {
    if (!chosen) return;
    const pay = Number(gig.pay);
    setBusy(true);
    setError('');
    try {
      const post = await api.createHouseholdGig(
        chosen.id,
        {
          title: gig.title,
          occupationCode: FARM_WORK,
          description: gig.description || `${chosen.name}${gig.title}，按天结工钱。`,
          skills: [gig.title].filter(Boolean),
          wageMin: pay,
          wageMax: pay,
          wageUnit: 'day',
          headcount: Number(gig.headcount),
          startDate: gig.startDate,
          ...(gig.endDate && gig.endDate !== gig.startDate ? { endDate: gig.endDate } : {}),
          workStartTime: gig.workStartTime,
          ...(gig.address ? { address: gig.address } : {}),
        },
        { toast: false },
      );
      setGig(emptyGig(today));
      setChosen(undefined);
      void Taro.showToast({ title: post.status === 'rejected' ? '没有通过检查' : '已提交审核', icon: post.status === 'rejected' ? 'none' : 'success', duration: 1500 });
      await list.reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const text = (value: string, onInput: (v: string) => void, type: 'text' | 'number' | 'digit' = 'text', placeholder = '') => (
    <Input className='zg-input hh-input' type={type} value={value} placeholder={placeholder} onInput={(e) => onInput(e.detail.value)} />
  );

  return (
    <View>
      <View className='hh-head zg-small'>农户家里农忙要人手，您替TA登记、发零工。审核通过后村民就能报名；干活那天由您出示现场码、登记工钱。</View>
      {isTown && villages.data && villages.data.length > 0 ? (
        <View className='hh-chips'>
          {villages.data.map((v) => (
            <Chip key={v.code} label={v.name} on={villageCode === v.code} onTap={() => setVillageCode(v.code)} />
          ))}
        </View>
      ) : null}

      {list.loading && !list.data ? <StateView title='正在加载…' /> : null}
      {list.error ? <StateView title='没有加载出来' body={list.error.message} actionText='再试一次' onAction={() => void list.reload()} /> : null}
      {list.data && list.data.items.length === 0 ? <StateView title='还没有登记农户' body='点下面“登记一户农户”。' /> : null}

      {(list.data?.items ?? []).map((h) => (
        <View key={h.id} className='zg-card'>
          <View className='hh-name'>{h.name}</View>
          <View className='zg-small'>
            {h.contactName} {h.contactPhone} · {h.villageName ?? ''}
          </View>
          {h.gigs.map((g) => (
            <View key={g.id} className='hh-gig'>
              <View className='hh-gig-title'>
                {g.title} · {POST_STATUS_LABELS[g.status]}
              </View>
              <View className='zg-small'>
                {g.startDate ? monthDayText(g.startDate) : ''}
                {g.endDate && g.endDate !== g.startDate ? ` 到 ${monthDayText(g.endDate)}` : ''}
              </View>
              {g.reviewNote ? <View className='zg-small hh-note'>{g.reviewNote}</View> : null}
              {g.status === 'published' ? (
                <Button className='zg-btn zg-btn-ghost hh-roster' onClick={() => void Taro.navigateTo({ url: `${ROUTES.gigRoster}?postId=${g.id}` })}>
                  报名名单和现场码
                </Button>
              ) : null}
            </View>
          ))}
          <Button className='zg-btn zg-btn-block hh-pick' onClick={() => setChosen(h)}>
            为{h.name}招零工
          </Button>
        </View>
      ))}

      {!adding && !chosen ? (
        <View className='zg-section'>
          <Button className='zg-btn zg-btn-ghost zg-btn-block hh-submit' onClick={() => setAdding(true)}>
            登记一户农户
          </Button>
        </View>
      ) : null}

      {adding ? (
        <View className='zg-card hh-form'>
          <View className='zg-card-title'>登记农户</View>
          <FormField label='怎么称呼' hint='例如：王大爷家'>{text(person.name, (v) => setPerson({ ...person, name: v }))}</FormField>
          <FormField label='联系人'>{text(person.contactName, (v) => setPerson({ ...person, contactName: v }))}</FormField>
          <FormField label='联系电话'>{text(person.contactPhone, (v) => setPerson({ ...person, contactPhone: v }), 'number')}</FormField>
          <FormField label='干活的地方' optional>{text(person.address, (v) => setPerson({ ...person, address: v }), 'text', '不填就是本村')}</FormField>
          {error ? <View className='hh-error'>{error}</View> : null}
          <Button className='zg-btn zg-btn-block hh-submit' loading={busy} disabled={busy} onClick={() => void addHousehold()}>
            登记
          </Button>
          <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => setAdding(false)}>
            取消
          </Button>
        </View>
      ) : null}

      {chosen ? (
        <View className='zg-card hh-form'>
          <View className='zg-card-title'>为{chosen.name}招零工</View>
          <FormField label='干什么活' hint='例如：摘花椒'>{text(gig.title, (v) => setGig({ ...gig, title: v }))}</FormField>
          <FormField label='说明' optional hint='管不管饭、带什么'>{text(gig.description, (v) => setGig({ ...gig, description: v }))}</FormField>
          <FormField label='一天给多少钱（元）'>{text(gig.pay, (v) => setGig({ ...gig, pay: v }), 'digit')}</FormField>
          <FormField label='要几个人'>{text(gig.headcount, (v) => setGig({ ...gig, headcount: v }), 'number')}</FormField>
          <FormField label='从哪天'>
            <Picker mode='date' value={gig.startDate} start={today} onChange={(e) => setGig({ ...gig, startDate: e.detail.value, endDate: e.detail.value > gig.endDate ? e.detail.value : gig.endDate })}>
              <View className='zg-input hh-input'>{gig.startDate}</View>
            </Picker>
          </FormField>
          <FormField label='到哪天'>
            <Picker mode='date' value={gig.endDate} start={gig.startDate} onChange={(e) => setGig({ ...gig, endDate: e.detail.value })}>
              <View className='zg-input hh-input'>{gig.endDate}</View>
            </Picker>
          </FormField>
          <FormField label='几点开工'>
            <Picker mode='time' value={gig.workStartTime} onChange={(e) => setGig({ ...gig, workStartTime: e.detail.value })}>
              <View className='zg-input hh-input'>{gig.workStartTime}</View>
            </Picker>
          </FormField>
          <FormField label='在哪干' optional>{text(gig.address, (v) => setGig({ ...gig, address: v }), 'text', chosen.address)}</FormField>
          {error ? <View className='hh-error'>{error}</View> : null}
          <Button className='zg-btn zg-btn-block hh-submit' loading={busy} disabled={busy} onClick={() => void submitGig()}>
            提交审核
          </Button>
          <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => setChosen(undefined)}>
            <Text>取消</Text>
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** 代农户招零工 (零工驿站): the households of the liaison's 村, adding one, and a short 零工 form for it. */
export default function LiaisonHouseholdsPage() {
  return (
    <PageShell>
      <RoleGate role='liaison'>{(user) => <Households user={user} />}</RoleGate>
    </PageShell>
  );
}
