import { useEffect, useState } from 'react';
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  DISTRICT_CODE,
  EVENT_KIND_LABELS,
  EVENT_KINDS,
  EVENT_SERIES,
  EVENT_SERIES_LABELS,
  LIVE_PLATFORM_LABELS,
  LIVE_PLATFORMS,
  type AuthUser,
  type EventDetail,
  type EventInput,
  type EventKind,
  type EventSeries,
  type LivePlatform,
} from '@zaogong/shared';
import { ApiRequestError } from '../../../../api/client';
import { eventsApi } from '../../../../api/events';
import { useApi, useRegions } from '../../../../api/hooks';
import { Chip } from '../../../../components/Chip';
import { FormField } from '../../../../components/FormField';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { Sheet, SheetOption } from '../../../../components/Sheet';
import { StateView } from '../../../../components/StateView';
import { chinaDateTime, chinaInstant, dayHeading, eventUrl } from '../../../../lib/events';
import { addDays, chinaToday } from '../../../../lib/gigs';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const TITLE_MAX = 60;
const DESCRIPTION_MAX = 2000;
/** A mobile, a landline with or without its area code, or 12333 (what the API takes). */
const PHONE = /^(1[3-9]\d{9}|(0\d{2,3}-?)?\d{7,8}|12333)$/;

const KIND_DESC: Record<EventKind, string> = {
  onsite: '在一个地方摆展位，求职者到现场',
  online: '不用出门，在小程序里看岗位、应聘',
  livestream: '在快手、抖音、视频号上直播讲岗位',
};

const START_TIMES = [
  { value: '08:30', label: '上午8点半' },
  { value: '09:00', label: '上午9点' },
  { value: '14:00', label: '下午2点' },
  { value: '19:00', label: '晚上7点' },
];
const END_TIMES = [
  { value: '11:30', label: '上午11点半' },
  { value: '12:00', label: '中午12点' },
  { value: '16:00', label: '下午4点' },
  { value: '17:00', label: '下午5点' },
  { value: '21:00', label: '晚上9点' },
];

interface Form {
  title: string;
  series: EventSeries;
  kind: EventKind;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  townCode: string | undefined;
  villageCode: string | undefined;
  address: string;
  lat: number | undefined;
  lng: number | undefined;
  liveUrl: string;
  livePlatform: LivePlatform;
  capacity: string;
  description: string;
  contactPhone: string;
}
type Errors = Partial<Record<keyof Form | 'when', string>>;

function emptyForm(user: AuthUser): Form {
  const tomorrow = addDays(chinaToday(), 1);
  return {
    title: '',
    series: 'chunfeng',
    kind: 'onsite',
    startDate: tomorrow,
    startTime: '09:00',
    endDate: tomorrow,
    endTime: '12:00',
    townCode: user.regionCode && user.regionCode.length === 9 ? user.regionCode : undefined,
    villageCode: undefined,
    address: '',
    lat: undefined,
    lng: undefined,
    liveUrl: '',
    livePlatform: 'kuaishou',
    capacity: '',
    description: '',
    contactPhone: '',
  };
}

function formOf(ev: EventDetail): Form {
  const s = chinaDateTime(ev.startsAt);
  const e = chinaDateTime(ev.endsAt);
  return {
    title: ev.title,
    series: ev.series,
    kind: ev.kind,
    startDate: s.date,
    startTime: s.time,
    endDate: e.date,
    endTime: e.time,
    townCode: ev.townCode ?? undefined,
    villageCode: ev.villageCode ?? undefined,
    address: ev.address ?? '',
    lat: ev.lat ?? undefined,
    lng: ev.lng ?? undefined,
    liveUrl: ev.liveUrl ?? '',
    livePlatform: ev.livePlatform ?? 'kuaishou',
    capacity: ev.capacity === null ? '' : String(ev.capacity),
    description: ev.description,
    contactPhone: ev.contactPhone ?? '',
  };
}

/** Checked here first, so the organiser is told at once; the API checks the same again. */
function check(f: Form): Errors {
  const e: Errors = {};
  if (f.title.trim().length < 2) e.title = '请写上活动名称（至少2个字）';
  if (chinaInstant(f.endDate, f.endTime) <= chinaInstant(f.startDate, f.startTime)) e.when = '结束时间要在开始时间之后';
  if (f.kind === 'onsite' && f.address.trim().length < 2) e.address = '现场招聘会要写上在哪儿办';
  if (f.kind === 'livestream' && !/^https?:\/\/\S+$/i.test(f.liveUrl.trim())) e.liveUrl = '请贴上直播间的链接（http 开头）';
  if (f.capacity && !(Number.isInteger(Number(f.capacity)) && Number(f.capacity) > 0)) e.capacity = '人数要写整数，不限人数就空着';
  if (f.description.trim().length < 2) e.description = '请写几句活动介绍：有哪些企业、要什么人';
  if (f.contactPhone.trim() && !PHONE.test(f.contactPhone.trim())) e.contactPhone = '电话号码不对：手机号11位，座机如 0632-8123456';
  return e;
}

function bodyOf(f: Form): EventInput {
  const body: EventInput = {
    title: f.title.trim(),
    series: f.series,
    kind: f.kind,
    startsAt: chinaInstant(f.startDate, f.startTime),
    endsAt: chinaInstant(f.endDate, f.endTime),
    description: f.description.trim(),
  };
  if (f.townCode) body.townCode = f.townCode;
  if (f.villageCode) body.villageCode = f.villageCode;
  if (f.kind === 'onsite') {
    body.address = f.address.trim();
    if (f.lat !== undefined && f.lng !== undefined) {
      body.lat = f.lat;
      body.lng = f.lng;
    }
  }
  if (f.kind === 'livestream') {
    body.liveUrl = f.liveUrl.trim();
    body.livePlatform = f.livePlatform;
  }
  if (f.capacity) body.capacity = Number(f.capacity);
  if (f.contactPhone.trim()) body.contactPhone = f.contactPhone.trim();
  return body;
}

/** The API's field errors on the form's fields (startsAt / endsAt go to 时间). */
function errorsFrom(e: ApiRequestError): Errors {
  const out: Errors = {};
  for (const x of e.errors) {
    const key = x.field === 'startsAt' || x.field === 'endsAt' ? 'when' : (x.field as keyof Form);
    out[key] ??= x.message;
  }
  return out;
}

function DayPicker({ value, start, onChange, chips }: { value: string; start: string; onChange: (d: string) => void; chips: boolean }) {
  const today = chinaToday();
  return (
    <View>
      {chips ? (
        <View className='zg-row-wrap ef-chips'>
          {['今天', '明天', '后天'].map((label, i) => {
            const d = addDays(today, i);
            return <Chip key={label} label={label} on={value === d} onTap={() => onChange(d)} />;
          })}
        </View>
      ) : null}
      <Picker mode='date' value={value} start={start} onChange={(e) => onChange(String(e.detail.value))}>
        <View className='zg-input ef-picker'>{dayHeading(value)} ▾</View>
      </Picker>
    </View>
  );
}

function TimePicker({ value, options, onChange }: { value: string; options: { value: string; label: string }[]; onChange: (t: string) => void }) {
  const known = options.find((o) => o.value === value);
  return (
    <View>
      <View className='zg-row-wrap ef-chips'>
        {options.map((o) => (
          <Chip key={o.value} label={o.label} on={value === o.value} onTap={() => onChange(o.value)} />
        ))}
      </View>
      <Picker mode='time' value={value} onChange={(e) => onChange(String(e.detail.value))}>
        <View className='zg-input ef-picker'>{known ? `${known.label}（点这里换别的时间）` : `${value} ▾`}</View>
      </Picker>
    </View>
  );
}

function EventForm({ user, id }: { user: AuthUser; id?: string }) {
  const editing = Boolean(id);
  const officer = Boolean(user.regionCode && user.regionCode.length === 9);
  const existing = useApi(() => (id ? eventsApi.get(id, { toast: false }) : Promise.resolve(null)), [id]);
  const [f, setF] = useState<Form>(() => emptyForm(user));
  const [loaded, setLoaded] = useState(!id);
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [townSheet, setTownSheet] = useState(false);
  const towns = useRegions(DISTRICT_CODE);
  const villages = useRegions(f.townCode ?? null);
  const today = chinaToday();

  useEffect(() => {
    if (existing.data && !loaded) {
      setF(formOf(existing.data));
      setLoaded(true);
    }
  }, [existing.data, loaded]);
  useEffect(() => {
    if (editing) void Taro.setNavigationBarTitle({ title: '编辑活动' }).catch(() => undefined);
  }, [editing]);

  const set = <K extends keyof Form>(key: K, value: Form[K], errorKey: keyof Errors = key) => {
    setF((prev) => ({ ...prev, [key]: value }));
    if (errors[errorKey]) setErrors((prev) => ({ ...prev, [errorKey]: undefined }));
  };

  const pickPlace = async () => {
    try {
      const res = await Taro.chooseLocation(f.lat !== undefined && f.lng !== undefined ? { latitude: f.lat, longitude: f.lng } : {});
      setF((prev) => ({ ...prev, lat: res.latitude, lng: res.longitude, address: prev.address || [res.address, res.name].filter(Boolean).join(' ') }));
    } catch {
      // Closed the map, or no permission: the address in words is enough.
    }
  };

  const submit = async () => {
    if (busy) return;
    const found = check(f);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setError('有几处要改一下，看红字');
      return;
    }
    setBusy(true);
    setError('');
    try {
      if (id) {
        await eventsApi.patch(id, bodyOf(f), { toast: false });
        void Taro.showToast({ title: '已保存', icon: 'success', duration: 1500 });
        void Taro.navigateBack().catch(() => Taro.redirectTo({ url: eventUrl(id) }));
      } else {
        const made = await eventsApi.create(bodyOf(f), { toast: false });
        void Taro.showToast({ title: '活动已发布', icon: 'success', duration: 1500 });
        void Taro.redirectTo({ url: eventUrl(made.id) });
      }
    } catch (e) {
      if (e instanceof ApiRequestError) {
        setErrors(errorsFrom(e));
        setError(e.message);
      } else setError('没有保存成功，请再试一次');
    } finally {
      setBusy(false);
    }
  };

  if (id && existing.loading && !loaded) return <StateView title='正在加载…' />;
  if (id && existing.error) return <StateView title='活动没有加载出来' body={existing.error.message} actionText='再试一次' onAction={() => void existing.reload()} />;

  const townName = officer ? (user.regionName ?? user.regionCode) : (towns.data?.find((t) => t.code === f.townCode)?.name ?? '全区（不分镇街）');

  return (
    <View className='ef'>
      <View className='zg-card ef-card'>
        <FormField id='ef-title' label='活动名称' error={errors.title}>
          <Input className='zg-input' value={f.title} maxlength={TITLE_MAX} placeholder='如：2026年春风行动桑村镇专场' onInput={(e) => set('title', e.detail.value)} />
        </FormField>
        <FormField label='哪一类活动' hint='年底按这个分类汇总'>
          <View className='zg-row-wrap ef-chips'>
            {EVENT_SERIES.map((s) => (
              <Chip key={s} label={EVENT_SERIES_LABELS[s]} on={f.series === s} onTap={() => set('series', s)} />
            ))}
          </View>
        </FormField>
        <FormField label='怎么办'>
          {EVENT_KINDS.map((k) => (
            <SheetOption key={k} label={EVENT_KIND_LABELS[k]} desc={KIND_DESC[k]} on={f.kind === k} onTap={() => set('kind', k)} />
          ))}
        </FormField>
      </View>

      <View className='zg-card ef-card'>
        <View className='zg-card-title'>什么时候</View>
        <FormField label='哪天开始'>
          <DayPicker
            chips
            value={f.startDate}
            start={f.startDate < today ? f.startDate : today}
            onChange={(d) => setF((prev) => ({ ...prev, startDate: d, endDate: prev.endDate < d || prev.endDate === prev.startDate ? d : prev.endDate }))}
          />
        </FormField>
        <FormField label='几点开始'>
          <TimePicker value={f.startTime} options={START_TIMES} onChange={(t) => set('startTime', t, 'when')} />
        </FormField>
        <FormField label='几点结束' error={errors.when}>
          <TimePicker value={f.endTime} options={END_TIMES} onChange={(t) => set('endTime', t, 'when')} />
        </FormField>
        <FormField label='哪天结束' hint='一天办完的不用改'>
          <DayPicker chips={false} value={f.endDate} start={f.startDate} onChange={(d) => set('endDate', d, 'when')} />
        </FormField>
      </View>

      <View className='zg-card ef-card'>
        <View className='zg-card-title'>在哪儿</View>
        <FormField label='哪个镇街的活动' hint={officer ? '镇街干部只能办本镇街的活动' : '全区的活动不用选镇街'}>
          {officer ? (
            <View className='ef-fixed'>{townName}</View>
          ) : (
            <View className='zg-input ef-picker' aria-role='button' onClick={() => setTownSheet(true)}>
              {townName} ▾
            </View>
          )}
        </FormField>
        {f.townCode && villages.data && villages.data.length > 0 ? (
          <FormField label='在哪个村居办' optional hint='村居小型招聘会才选'>
            <View className='zg-row-wrap ef-chips'>
              <Chip label='整个镇街' on={!f.villageCode} onTap={() => set('villageCode', undefined)} />
              {villages.data.map((v) => (
                <Chip key={v.code} label={v.name} on={f.villageCode === v.code} onTap={() => set('villageCode', v.code)} />
              ))}
            </View>
          </FormField>
        ) : null}
        {f.kind === 'onsite' ? (
          <FormField id='ef-address' label='地址' error={errors.address} hint='写得让人能找到：哪个广场、哪个院子'>
            <Input className='zg-input' value={f.address} maxlength={120} placeholder='如：桑村镇政府西广场' onInput={(e) => set('address', e.detail.value)} />
            {IS_WEAPP ? (
              <Button className='zg-btn zg-btn-ghost zg-btn-block ef-map' onClick={() => void pickPlace()}>
                {f.lat !== undefined ? '✓ 已在地图上选好（点这里重选）' : '在地图上选位置（求职者能导航）'}
              </Button>
            ) : null}
          </FormField>
        ) : null}
        {f.kind === 'livestream' ? (
          <View>
            <FormField label='在哪个平台直播'>
              <View className='zg-row-wrap ef-chips'>
                {LIVE_PLATFORMS.map((p) => (
                  <Chip key={p} label={LIVE_PLATFORM_LABELS[p]} on={f.livePlatform === p} onTap={() => set('livePlatform', p)} />
                ))}
              </View>
            </FormField>
            <FormField id='ef-live' label='直播间链接' error={errors.liveUrl} hint='在直播平台里点“分享”→“复制链接”，贴在这里'>
              <Input className='zg-input' value={f.liveUrl} maxlength={500} placeholder='https://' onInput={(e) => set('liveUrl', e.detail.value)} />
            </FormField>
          </View>
        ) : null}
      </View>

      <View className='zg-card ef-card'>
        {f.kind === 'onsite' ? (
          <FormField id='ef-capacity' label='限多少求职者' optional error={errors.capacity} hint='不限人数就空着；超过的人排队'>
            <Input className='zg-input' type='number' value={f.capacity} maxlength={6} placeholder='如：300' onInput={(e) => set('capacity', e.detail.value.replace(/\D/g, ''))} />
          </FormField>
        ) : null}
        <FormField id='ef-description' label='活动介绍' error={errors.description} hint='有哪些企业、招什么人、要带什么'>
          <Textarea
            className='zg-sheet-textarea ef-description'
            value={f.description}
            maxlength={DESCRIPTION_MAX}
            placeholder='如：20多家企业现场招工，有电焊、缝纫、装卸等岗位。带上身份证。'
            onInput={(e) => set('description', e.detail.value)}
          />
        </FormField>
        <FormField id='ef-phone' label='咨询电话' optional error={errors.contactPhone} hint='村居或镇街的电话，求职者有事打这个'>
          <Input className='zg-input' type='text' value={f.contactPhone} maxlength={20} placeholder='如：0632-8123456' onInput={(e) => set('contactPhone', e.detail.value)} />
        </FormField>
      </View>

      <View className='zg-section ef-submit-box'>
        {error ? <View className='zg-error ef-error'>{error}</View> : null}
        <Button className={busy ? 'zg-btn zg-btn-block ef-submit zg-btn-disabled' : 'zg-btn zg-btn-block ef-submit'} disabled={busy || undefined} onClick={() => void submit()}>
          {busy ? '正在保存…' : editing ? '保存修改' : '发布活动'}
        </Button>
        <View className='zg-small ef-note'>
          {editing ? '保存后，活动页上马上就是新的内容。' : <Text>发布后所有人都能看到；本镇街在找工作的人会收到消息。</Text>}
        </View>
      </View>

      {townSheet ? (
        <Sheet title='哪个镇街的活动' onClose={() => setTownSheet(false)}>
          <View className='zg-sheet-grid'>
            <SheetOption
              label='全区'
              on={!f.townCode}
              onTap={() => {
                setF((prev) => ({ ...prev, townCode: undefined, villageCode: undefined }));
                setTownSheet(false);
              }}
            />
            {(towns.data ?? []).map((t) => (
              <SheetOption
                key={t.code}
                label={t.name}
                on={f.townCode === t.code}
                onTap={() => {
                  setF((prev) => ({ ...prev, townCode: t.code, villageCode: undefined }));
                  setTownSheet(false);
                }}
              />
            ))}
          </View>
        </Sheet>
      ) : null}
    </View>
  );
}

/** 新建活动 (or 编辑, ?id=): an admin's 招聘活动; a 镇街 officer's is always in their own 镇街. */
export default function EventFormPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <RoleGate role='admin'>{(user) => <EventForm key={`${user.id}:${params.id ?? ''}`} user={user} id={params.id} />}</RoleGate>
    </PageShell>
  );
}
