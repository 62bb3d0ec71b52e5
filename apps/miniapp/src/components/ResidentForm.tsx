import { useMemo, useState } from 'react';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  AVAILABILITIES,
  AVAILABILITY_LABELS,
  CONSENT_METHOD_LABELS,
  DISTRICT_CODE,
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  GENDER_LABELS,
  KEY_GROUPS,
  KEY_GROUP_LABELS,
  WAGE_UNITS,
  WAGE_UNIT_LABELS,
  ageOn,
  regionLevelOf,
  townOf,
  validateIdNumber,
  validateMobile,
  type Availability,
  type ConsentMethod,
  type EducationLevel,
  type KeyGroup,
  type ResidentInput,
  type ResidentItem,
  type ResidentPatch,
  type WageUnit,
} from '@zaogong/shared';
import { ApiRequestError } from '../api/client';
import { useOccupationNames, useRegions, useServicePhone } from '../api/hooks';
import { formatDate } from '../lib/format';
import { clearDraft, readDraft, useKeepDraft } from '../lib/outbox';
import { asksGraduation, chinaMonth, monthText } from '../lib/policies';
import { fieldKey, fieldLabel, formatDateTime, formatExpectedWage, localIsoNow } from '../lib/resident';
import { Chip } from './Chip';
import { FormField } from './FormField';
import { IdNumberCheckNote, useIdNumberCheck } from './IdNumberCheck';
import { OccupationPicker, type PickedOccupation } from './OccupationPicker';
import { WordsInput } from './WordsInput';
import './ResidentForm.css';

interface Common {
  /**
   * The liaison's area: a 村居 (fixed) or a 镇街 (pick one of its 村居). null (a seeker): pick the
   * 镇街 and then the 村居.
   */
  scope: string | null;
  scopeName?: string | null;
  /** On a 409: open the record already registered with this 身份证号. */
  onOpenExisting?: (id: string) => void;
  /**
   * Keep what is typed on the phone under this key (登记居民), and bring it back when the form opens
   * again. The page drops it after a successful submit.
   */
  draftKey?: string;
}

type Props = Common &
  (
    /** 'queued': no network, the registration is kept on the phone (lib/outbox) and sent later. */
    | { mode: 'create'; initial?: undefined; onSubmit: (input: ResidentInput) => Promise<void | 'queued'> }
    /** A seeker's own record; with `initial` they are changing it (and type 身份证号 and phone again). */
    | { mode: 'self'; initial?: ResidentItem; onSubmit: (input: ResidentInput) => Promise<void> }
    | { mode: 'edit'; initial: ResidentItem; onSubmit: (patch: ResidentPatch) => Promise<void> }
  );

interface Values {
  name: string;
  idNumber: string;
  phone: string;
  townCode: string | undefined;
  villageCode: string | undefined;
  education: EducationLevel | undefined;
  /** 毕业时间 (YYYY-MM), '' when not given: asked of 大专 and above, and of 高校毕业生. */
  graduationDate: string;
  skills: string[];
  occupations: PickedOccupation[];
  availability: Availability[];
  wage: string;
  wageUnit: WageUnit;
  commute: string;
  /** 想去的镇街 (codes). */
  desiredTowns: string[];
  keyGroups: KeyGroup[];
  /** 修改: 不限 picked, so the expected wage on record is cleared (an explicit choice; a blank box keeps it). */
  clearWage: boolean;
  /** 修改: 不限 picked for the distance. */
  clearCommute: boolean;
}

type Errors = Partial<Record<string, string>>;

function initialValues(scope: string | null, r: ResidentItem | undefined): Values {
  const scopeLevel = regionLevelOf(scope);
  return {
    name: r?.name ?? '',
    idNumber: '',
    phone: '',
    townCode: r?.townCode ?? townOf(scope) ?? undefined,
    villageCode: r?.villageCode ?? (scopeLevel === 'village' ? (scope ?? undefined) : undefined),
    education: r?.education ?? undefined,
    graduationDate: r?.graduationDate ?? '',
    skills: r?.skills ?? [],
    occupations: (r?.desiredOccupations ?? []).map((code) => ({ code, name: code })),
    availability: r?.availability ?? [],
    wage: r?.expectedWageMin !== null && r?.expectedWageMin !== undefined ? String(r.expectedWageMin) : '',
    wageUnit: r?.wageUnit ?? 'month',
    commute: r?.maxCommuteKm !== null && r?.maxCommuteKm !== undefined ? String(r.maxCommuteKm) : '',
    desiredTowns: r?.desiredTownCodes ?? [],
    keyGroups: r?.keyGroups ?? [],
    clearWage: false,
    clearCommute: false,
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function toggled<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** The order fields appear in, to scroll to the first one with an error. */
const FIELD_ORDER = [
  'name',
  'idNumber',
  'phone',
  'villageCode',
  'education',
  'graduationDate',
  'skills',
  'desiredOccupations',
  'availability',
  'expectedWageMin',
  'maxCommuteKm',
  'desiredTownCodes',
  'keyGroups',
];

/** What the person is told before agreeing: what is kept, why, who sees it. */
function ConsentExplanation() {
  const servicePhone = useServicePhone();
  return (
    <View className='rf-explain'>
      <View className='rf-explain-head'>登记哪些信息</View>
      <View className='rf-explain-text'>
        姓名、身份证号、手机号、住在哪个村居；文化程度、会的手艺、想干的活、想要的工资；是不是退役军人、残疾人等需要帮扶的人。
      </View>
      <View className='rf-explain-head'>为什么登记</View>
      <View className='rf-explain-text'>
        有合适的工作时给您推荐、打电话通知您；区里统计就业情况，按政策给需要的人帮扶。
      </View>
      <View className='rf-explain-head'>谁能看到</View>
      <View className='rf-explain-text'>
        本人，本村居、本镇街的联络员，区人社局的工作人员。身份证号和手机号加密保存，页面上只显示一部分数字，不给招工的企业看。给您推荐工作时，企业只能看到打了码的信息。不会卖给别人。
      </View>
      <View className='rf-explain-head'>您随时可以</View>
      <View className='rf-explain-text'>
        找村里的联络员，或打人社服务电话
        <Text className='rf-service-phone' onClick={() => void Taro.makePhoneCall({ phoneNumber: servicePhone }).catch(() => undefined)}>
          {servicePhone}
        </Text>
        ，要求修改或删除这些信息。
      </View>
    </View>
  );
}

/**
 * 登记居民 (a liaison), 修改 (a liaison, PATCH) and 我的档案 (a seeker, PUT /me/profile): the same
 * questions, checked as they are typed, then (except when changing a record) a consent step.
 */
export function ResidentForm(props: Props) {
  const { mode, scope, scopeName, initial, onOpenExisting, draftKey } = props;
  const pristine = useMemo(() => initialValues(scope, initial), [scope, initial]);
  const [restored, setRestored] = useState(() => readDraft<Values>(draftKey) !== undefined);
  const [v, setV] = useState<Values>(() => ({ ...pristine, ...readDraft<Values>(draftKey) }));
  // Kept as typed; an untouched form keeps no draft.
  useKeepDraft(draftKey, v, JSON.stringify(v) === JSON.stringify(pristine));
  const [queued, setQueued] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [step, setStep] = useState<'fill' | 'consent'>('fill');
  const [method, setMethod] = useState<ConsentMethod>();
  const [selfAgreed, setSelfAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [banner, setBanner] = useState('');
  const [existingId, setExistingId] = useState<string>();
  const [consentAt, setConsentAt] = useState(() => new Date());

  // Occupation names of an existing record (codes from the API).
  const initialNames = useOccupationNames(initial?.desiredOccupations ?? []);
  const knownNames = new Map((initial?.desiredOccupations ?? []).map((code, i) => [code, initialNames[i]]));
  const occupations = v.occupations.map((o) => {
    const known = knownNames.get(o.code);
    return o.name === o.code && known && known !== '…' ? { ...o, name: known } : o;
  });

  const scopeLevel = regionLevelOf(scope);
  const villageFixed = scopeLevel === 'village';
  const pickTown = !villageFixed && scopeLevel !== 'town';
  // The 镇街: picked from when the liaison's area is not one, and for 想去的镇街 always (regions are cached).
  const towns = useRegions(DISTRICT_CODE);
  const servicePhone = useServicePhone();
  // 登记居民: a duplicate 身份证号 shows as soon as the number is whole, before the consent step.
  const dup = useIdNumberCheck(v.idNumber, mode === 'create');
  const duplicate = dup.status === 'done' && dup.result?.exists === true;
  const villages = useRegions(!villageFixed && v.townCode ? v.townCode : null);

  const set = <K extends keyof Values>(key: K, value: Values[K], errorKey: string = key) => {
    setV((prev) => ({ ...prev, [key]: value }));
    if (errors[errorKey]) setErrors((prev) => ({ ...prev, [errorKey]: undefined }));
  };

  const idCheck = v.idNumber.trim() ? validateIdNumber(v.idNumber) : null;
  const idTyped = v.idNumber.trim().length >= 18;
  const today = new Date();

  // ---------- checking ----------
  const check = (): Errors => {
    const e: Errors = {};
    const name = v.name.trim();
    if (!name) e.name = '请填写姓名';
    else if (name.length < 2 || name.length > 32) e.name = '姓名应为2到32个字';
    else if (!/^[\u4e00-\u9fff·A-Za-z ]+$/.test(name)) e.name = '姓名只能是汉字、字母或间隔号·';
    if (mode !== 'edit') {
      const id = validateIdNumber(v.idNumber);
      if (!id.ok) e.idNumber = id.message;
      else if (duplicate) e.idNumber = '这个身份证号已经登记过了，不能再登记';
      const phone = validateMobile(v.phone);
      if (!phone.ok) e.phone = phone.message;
    } else if (v.phone.trim()) {
      const phone = validateMobile(v.phone);
      if (!phone.ok) e.phone = phone.message;
    }
    if (!v.villageCode) e.villageCode = pickTown && !v.townCode ? '请选择镇街和村居' : '请选择村居';
    if (v.availability.length === 0) e.availability = '请至少选一种';
    if (v.wage.trim() && !v.clearWage) {
      const n = Number(v.wage);
      if (!Number.isFinite(n) || n <= 0 || n > 1000000) e.expectedWageMin = '工资请写一个大于0的数字';
    }
    if (v.commute.trim() && !v.clearCommute) {
      const n = Number(v.commute);
      if (!Number.isInteger(n) || n < 0 || n > 300) e.maxCommuteKm = '请写0到300之间的整数（公里）';
    }
    return e;
  };

  const scrollToFirst = (e: Errors) => {
    const first = FIELD_ORDER.find((k) => e[k]);
    if (!first) {
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
      return;
    }
    void Taro.pageScrollTo({ selector: `#rf-${first}`, duration: 200, offsetTop: -20 }).catch(() => undefined);
  };

  const next = () => {
    const e = check();
    setErrors(e);
    setBanner('');
    setExistingId(undefined);
    if (Object.values(e).some(Boolean)) {
      scrollToFirst(e);
      return;
    }
    if (mode === 'edit') {
      void send();
      return;
    }
    setConsentAt(new Date());
    setStep('consent');
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  // ---------- sending ----------
  const common = () => {
    const wage = v.wage.trim() && !v.clearWage ? Math.round(Number(v.wage) * 100) / 100 : undefined;
    const commute = v.commute.trim() && !v.clearCommute ? Number(v.commute) : undefined;
    return {
      name: v.name.trim(),
      villageCode: v.villageCode ?? '',
      education: v.education,
      // Only while the question is on screen: a 毕业时间 left over from another choice is not sent.
      graduationDate: asksGraduation(v.education, v.keyGroups) && v.graduationDate ? v.graduationDate : undefined,
      skills: v.skills,
      desiredOccupations: v.occupations.map((o) => o.code),
      desiredTownCodes: v.desiredTowns,
      maxCommuteKm: commute,
      expectedWageMin: wage,
      wageUnit: wage !== undefined ? v.wageUnit : undefined,
      availability: v.availability,
      // 重点人群 are a liaison's or admin's word: a seeker's own form shows them, never sends them.
      keyGroups: mode === 'self' ? undefined : v.keyGroups,
    };
  };

  /**
   * 修改: only what was changed. A blank wage or distance box keeps what is on record; 不限 clears it
   * (null). Nothing left out is ever cleared by accident.
   */
  const changes = (r: ResidentItem): ResidentPatch => {
    const c = common();
    const patch: ResidentPatch = {};
    if (c.name !== r.name) patch.name = c.name;
    if (c.villageCode && c.villageCode !== r.villageCode) patch.villageCode = c.villageCode;
    if (c.education && c.education !== r.education) patch.education = c.education;
    if (c.graduationDate && c.graduationDate !== r.graduationDate) patch.graduationDate = c.graduationDate;
    if (!sameList(c.skills, r.skills)) patch.skills = c.skills;
    if (!sameList(c.desiredOccupations, r.desiredOccupations)) patch.desiredOccupations = c.desiredOccupations;
    if (!sameSet(c.desiredTownCodes, r.desiredTownCodes)) patch.desiredTownCodes = c.desiredTownCodes;
    if (!sameSet(c.availability, r.availability)) patch.availability = c.availability;
    if (c.keyGroups && !sameSet(c.keyGroups, r.keyGroups)) patch.keyGroups = c.keyGroups;
    if (v.clearWage) {
      if (r.expectedWageMin !== null) patch.expectedWageMin = null;
    } else if (c.expectedWageMin !== undefined && (c.expectedWageMin !== r.expectedWageMin || c.wageUnit !== r.wageUnit)) {
      patch.expectedWageMin = c.expectedWageMin;
      patch.wageUnit = c.wageUnit;
    }
    if (v.clearCommute) {
      if (r.maxCommuteKm !== null) patch.maxCommuteKm = null;
    } else if (c.maxCommuteKm !== undefined && c.maxCommuteKm !== r.maxCommuteKm) {
      patch.maxCommuteKm = c.maxCommuteKm;
    }
    if (v.phone.trim()) patch.phone = v.phone.trim();
    return patch;
  };

  const fail = (e: unknown) => {
    if (!(e instanceof ApiRequestError)) {
      setBanner('没有提交成功，请再试一次');
      return;
    }
    if (e.statusCode === 409 && typeof e.body.existingId === 'string') {
      setExistingId(e.body.existingId);
      setBanner(e.message);
      setStep('fill');
      setErrors({ idNumber: '这个身份证号已经登记过了' });
      scrollToFirst({});
      return;
    }
    const fieldErrors: Errors = {};
    const loose: string[] = [];
    for (const fe of e.errors) {
      const key = fieldKey(fe.field);
      if (FIELD_ORDER.includes(key) && !fieldErrors[key]) fieldErrors[key] = fe.message;
      else loose.push(`${fieldLabel(fe.field)}：${fe.message}`);
    }
    setErrors(fieldErrors);
    setBanner([e.message, ...loose].join('\n'));
    if (Object.keys(fieldErrors).length > 0) {
      setStep('fill');
      scrollToFirst(fieldErrors);
    }
  };

  const send = async () => {
    setBusy(true);
    setBanner('');
    try {
      if (props.mode === 'edit') {
        await props.onSubmit(changes(props.initial));
      } else {
        const at = new Date();
        setConsentAt(at);
        const outcome = await props.onSubmit({
          ...common(),
          idNumber: v.idNumber.trim().toUpperCase(),
          phone: v.phone.trim(),
          consent: { method: props.mode === 'self' ? 'self' : (method ?? 'signature'), at: localIsoNow(at) },
        });
        if (outcome === 'queued') setQueued(true);
      }
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const submitConsent = () => {
    if (mode === 'self' ? !selfAgreed : !method) {
      setBanner(mode === 'self' ? '请先勾选“我同意”' : '请选择本人是怎么同意的');
      return;
    }
    void send();
  };

  // ---------- consent step ----------
  if (step === 'consent') {
    const id = validateIdNumber(v.idNumber);
    const who = id.ok ? `${v.name.trim()}（${GENDER_LABELS[id.gender]}，${ageOn(id.birthDate, today)}岁）` : v.name.trim();
    return (
      <View className='rf rf-consent'>
        <View className='zg-card'>
          <View className='zg-h2'>{mode === 'self' ? '最后一步：您本人同意' : '最后一步：请本人同意'}</View>
          <View className='rf-who'>
            {mode === 'self' ? '登记人：' : '为这位居民登记：'}
            <Text className='rf-who-name'>{who}</Text>
          </View>
          {mode === 'self' ? null : (
            <View className='zg-small'>请把下面的话念给本人听，本人同意后再提交。</View>
          )}
        </View>
        <View className='zg-card'>
          <ConsentExplanation />
        </View>
        <View className='zg-card'>
          {mode === 'self' ? (
            <View
              className={selfAgreed ? 'rf-agree rf-agree-on' : 'rf-agree'}
              onClick={() => {
                setSelfAgreed(!selfAgreed);
                setBanner('');
              }}
              aria-role='checkbox'
              aria-checked={selfAgreed}
            >
              <View className='rf-box'>{selfAgreed ? '✓' : ''}</View>
              <View className='zg-grow'>我已看懂上面的话，同意登记我的这些信息。</View>
            </View>
          ) : (
            <View>
              <View className='zg-label'>本人是怎么同意的？</View>
              {(['signature', 'verbal'] as const).map((m) => (
                <View
                  key={m}
                  className={method === m ? 'rf-method rf-method-on' : 'rf-method'}
                  onClick={() => {
                    setMethod(m);
                    setBanner('');
                  }}
                  aria-role='radio'
                  aria-checked={method === m}
                >
                  <View className='rf-radio'>{method === m ? '●' : ''}</View>
                  <View className='zg-grow'>
                    <View className='rf-method-name'>{CONSENT_METHOD_LABELS[m]}</View>
                    <View className='zg-small'>
                      {m === 'signature' ? '本人在纸质登记表上签了字，表格由村里留存' : '本人当面口头说了同意'}
                    </View>
                  </View>
                </View>
              ))}
            </View>
          )}
          <View className='rf-time'>同意时间：{formatDateTime(consentAt.toISOString())}（提交时记下）</View>
        </View>
        <View className='zg-section'>
          {banner ? <View className='zg-error zg-pre'>{banner}</View> : null}
          {queued ? (
            <View className='rf-queued'>没有网络。这条登记已存在手机上，有网了自动发送，填的内容不会丢。</View>
          ) : null}
          <Button
            className={busy || queued ? 'zg-btn zg-btn-block rf-submit zg-btn-disabled' : 'zg-btn zg-btn-block rf-submit'}
            disabled={busy || queued || undefined}
            onClick={submitConsent}
          >
            {queued ? '已存入待发送' : busy ? '正在提交…' : mode === 'self' ? '同意并提交' : '本人已同意，提交登记'}
          </Button>
          <Button className='zg-btn zg-btn-ghost zg-btn-block rf-back' onClick={() => setStep('fill')}>
            返回修改
          </Button>
        </View>
      </View>
    );
  }

  // ---------- filling ----------
  /** 修改, a blank box: the value on record stays unless 不限 is picked; say so. */
  const keptHint = (field: 'wage' | 'commute'): string | undefined => {
    if (mode !== 'edit' || !initial) return undefined;
    if (field === 'wage') {
      if (v.clearWage) return '选了“不限”：保存后不再有工资要求';
      return !v.wage.trim() && initial.expectedWageMin !== null ? `空着就保留原来的：${formatExpectedWage(initial)}。不要求了请点“不限”。` : undefined;
    }
    if (v.clearCommute) return '选了“不限”：保存后多远都行';
    return !v.commute.trim() && initial.maxCommuteKm !== null ? `空着就保留原来的：${initial.maxCommuteKm}公里。多远都行请点“不限”。` : undefined;
  };
  const fieldsBad = Object.values(errors).some(Boolean);
  const notice = banner || (fieldsBad ? '有几项需要改一下，见上面的红字。' : '');
  const villageName = villages.data?.find((x) => x.code === v.villageCode)?.name;
  const townName = towns.data?.find((x) => x.code === v.townCode)?.name;
  return (
    <View className='rf'>
      {restored ? (
        <View className='rf-restored'>
          <Text>已恢复上次没填完的内容 · </Text>
          <Text
            className='rf-restored-clear'
            onClick={() => {
              clearDraft(draftKey);
              setV(pristine);
              setErrors({});
              setRestored(false);
            }}
          >
            清空
          </Text>
        </View>
      ) : null}
      {banner && existingId ? (
        <View className='zg-section'>
          <View className='zg-error zg-pre rf-banner'>{banner}</View>
          {onOpenExisting ? (
            <Button className='zg-btn zg-btn-block rf-existing' onClick={() => onOpenExisting(existingId)}>
              查看已登记的这个人
            </Button>
          ) : null}
        </View>
      ) : null}

      <View className='zg-card'>
        <View className='zg-card-title'>本人信息</View>
        <FormField id='rf-name' label='姓名' error={errors.name}>
          <Input
            className='zg-input rf-input-name'
            type='text'
            placeholder='身份证上的名字'
            maxlength={20}
            value={v.name}
            onInput={(e) => set('name', e.detail.value)}
          />
        </FormField>

        {mode === 'edit' ? (
          <FormField id='rf-idNumber' label='身份证号' hint='身份证号不能改。登记错了人，请重新登记。'>
            <View className='rf-fixed'>{initial?.idNumber}</View>
            <View className='rf-derived'>
              {initial?.gender && initial.birthDate ? `${GENDER_LABELS[initial.gender]}，${formatDate(initial.birthDate)}出生，${initial.age}岁` : ''}
            </View>
          </FormField>
        ) : (
          <FormField
            id='rf-idNumber'
            label='身份证号'
            hint={mode === 'self' && initial ? '为了安全，请再填一遍身份证号。' : '18位，最后一位可能是X'}
            error={duplicate ? undefined : (errors.idNumber ?? (idTyped && idCheck && !idCheck.ok ? idCheck.message : undefined))}
          >
            <Input
              className='zg-input rf-input-id'
              type='idcard'
              placeholder='18位身份证号'
              maxlength={18}
              value={v.idNumber}
              onInput={(e) => set('idNumber', e.detail.value)}
            />
            {idCheck?.ok ? (
              <View className='rf-derived rf-derived-ok'>
                <View className='rf-derived-item'>
                  性别：<Text className='rf-derived-v'>{GENDER_LABELS[idCheck.gender]}</Text>
                </View>
                <View className='rf-derived-item'>
                  出生日期：<Text className='rf-derived-v'>{formatDate(idCheck.birthDate)}</Text>
                </View>
                <View className='rf-derived-item'>
                  年龄：<Text className='rf-derived-v'>{ageOn(idCheck.birthDate, today)}岁</Text>
                </View>
              </View>
            ) : null}
            <IdNumberCheckNote state={dup} servicePhone={servicePhone} onOpen={onOpenExisting} />
          </FormField>
        )}

        <FormField
          id='rf-phone'
          label='手机号'
          hint={
            mode === 'edit'
              ? `现在是 ${initial?.phone ?? ''}，不换号就不用填`
              : mode === 'self' && initial
                ? '为了安全，请再填一遍手机号。'
                : '找到工作时打这个电话'
          }
          error={errors.phone}
        >
          <Input
            className='zg-input rf-input-phone'
            type='number'
            placeholder={mode === 'edit' ? '新的手机号' : '11位手机号'}
            maxlength={11}
            value={v.phone}
            onInput={(e) => set('phone', e.detail.value)}
          />
        </FormField>

        <FormField id='rf-villageCode' label={pickTown ? '住在哪个镇街、村居' : '住在哪个村居'} error={errors.villageCode}>
          {villageFixed ? (
            <View className='rf-fixed'>
              {scopeName ?? scope}
              <Text className='zg-small'>（您负责的村居）</Text>
            </View>
          ) : (
            <View>
              {pickTown ? (
                <View className='zg-row-wrap rf-grid'>
                  {towns.error ? <View className='zg-error'>{towns.error.message}</View> : null}
                  {(towns.data ?? []).map((t) => (
                    <Chip
                      key={t.code}
                      label={t.name}
                      on={v.townCode === t.code}
                      onTap={() => {
                        set('townCode', t.code, 'villageCode');
                        set('villageCode', undefined);
                      }}
                    />
                  ))}
                </View>
              ) : null}
              {v.townCode ? (
                <View className='zg-row-wrap rf-grid'>
                  {villages.loading ? <View className='zg-small'>正在加载村居…</View> : null}
                  {villages.error ? <View className='zg-error'>{villages.error.message}</View> : null}
                  {(villages.data ?? []).map((x) => (
                    <Chip key={x.code} label={x.name} on={v.villageCode === x.code} onTap={() => set('villageCode', x.code)} />
                  ))}
                </View>
              ) : null}
              {v.villageCode && villageName ? (
                <View className='rf-picked'>
                  已选：{pickTown && townName ? `${townName} ` : ''}
                  {villageName}
                </View>
              ) : null}
            </View>
          )}
        </FormField>

        <FormField id='rf-education' label='文化程度' optional error={errors.education}>
          <View className='zg-row-wrap rf-grid'>
            {EDUCATION_LEVELS.map((e) => (
              <Chip
                key={e}
                label={EDUCATION_LABELS[e]}
                on={v.education === e}
                onTap={() => set('education', v.education === e ? undefined : e)}
              />
            ))}
          </View>
        </FormField>

        {asksGraduation(v.education, v.keyGroups) ? (
          <FormField id='rf-graduationDate' label='毕业时间' optional hint='哪年哪月毕业的。找适合的就业政策要用。' error={errors.graduationDate}>
            <Picker mode='date' fields='month' value={v.graduationDate || chinaMonth()} start='1960-01' end={chinaMonth()} onChange={(e) => set('graduationDate', String(e.detail.value).slice(0, 7))}>
              <View className='zg-input rf-month'>{v.graduationDate ? monthText(v.graduationDate) : '选毕业的年月'} ▾</View>
            </Picker>
          </FormField>
        ) : null}
      </View>

      <View className='zg-card'>
        <View className='zg-card-title'>想找什么活</View>
        <FormField id='rf-skills' label='会的手艺' optional hint='随便写，如：电焊、开叉车、做饭' error={errors.skills}>
          <WordsInput value={v.skills} onChange={(s) => set('skills', s)} placeholder='写一个手艺' noun='手艺' voice />
        </FormField>

        <FormField id='rf-desiredOccupations' label='想干的活' optional hint='最多选5个' error={errors.desiredOccupations}>
          <OccupationPicker value={occupations} onChange={(o) => set('occupations', o, 'desiredOccupations')} />
        </FormField>

        <FormField id='rf-availability' label='能怎么干' hint='至少选一种，可以选几个' error={errors.availability}>
          <View className='zg-row-wrap rf-grid'>
            {AVAILABILITIES.map((a) => (
              <Chip
                key={a}
                multi
                label={AVAILABILITY_LABELS[a]}
                on={v.availability.includes(a)}
                onTap={() => set('availability', toggled(v.availability, a))}
              />
            ))}
          </View>
        </FormField>

        <FormField id='rf-expectedWageMin' label='最少要多少工资' optional error={errors.expectedWageMin}>
          <View className='zg-row'>
            <Input
              className='zg-input rf-input-wage'
              type='digit'
              placeholder={v.clearWage ? '不限' : '如：3000'}
              maxlength={7}
              value={v.wage}
              onInput={(e) => {
                set('wage', e.detail.value, 'expectedWageMin');
                if (v.clearWage && e.detail.value.trim()) set('clearWage', false);
              }}
            />
            {mode === 'edit' ? (
              <Chip
                label='不限'
                on={v.clearWage}
                onTap={() => {
                  set('clearWage', !v.clearWage, 'expectedWageMin');
                  if (!v.clearWage) set('wage', '', 'expectedWageMin');
                }}
              />
            ) : null}
          </View>
          <View className={v.clearWage ? 'zg-row-wrap rf-grid rf-hidden' : 'zg-row-wrap rf-grid'}>
            {WAGE_UNITS.map((u) => (
              <Chip key={u} label={WAGE_UNIT_LABELS[u]} on={v.wageUnit === u} onTap={() => set('wageUnit', u, 'wageUnit')} />
            ))}
          </View>
          {keptHint('wage') ? <View className='zg-small rf-kept'>{keptHint('wage')}</View> : null}
        </FormField>

        <FormField id='rf-maxCommuteKm' label='最远能去多远' optional error={errors.maxCommuteKm}>
          <View className='zg-row'>
            <Input
              className='zg-input rf-input-km'
              type='number'
              placeholder={v.clearCommute ? '不限' : '如：20'}
              maxlength={3}
              value={v.commute}
              onInput={(e) => {
                set('commute', e.detail.value, 'maxCommuteKm');
                if (v.clearCommute && e.detail.value.trim()) set('clearCommute', false);
              }}
            />
            <Text className='rf-unit'>公里</Text>
            {mode === 'edit' ? (
              <Chip
                label='不限'
                on={v.clearCommute}
                onTap={() => {
                  set('clearCommute', !v.clearCommute, 'maxCommuteKm');
                  if (!v.clearCommute) set('commute', '', 'maxCommuteKm');
                }}
              />
            ) : null}
          </View>
          {keptHint('commute') ? <View className='zg-small rf-kept'>{keptHint('commute')}</View> : null}
        </FormField>

        <FormField id='rf-desiredTownCodes' label='想去哪些镇街干活' optional hint='可以选几个；不选就是哪里都行' error={errors.desiredTownCodes}>
          <View className='zg-row-wrap rf-grid rf-towns'>
            {towns.error ? <View className='zg-error'>{towns.error.message}</View> : null}
            {(towns.data ?? []).map((t) => (
              <Chip key={t.code} multi label={t.name} on={v.desiredTowns.includes(t.code)} onTap={() => set('desiredTowns', toggled(v.desiredTowns, t.code), 'desiredTownCodes')} />
            ))}
          </View>
        </FormField>

        {mode === 'self' ? (
          // 重点人群 (退役军人, 残疾人 …) are vouched for by the 村居 liaison; the person sees them, cannot set them.
          <FormField id='rf-keyGroups' label='重点人群' hint='是退役军人、残疾人、高校毕业生等的，请找村里的联络员核实登记。'>
            {v.keyGroups.length > 0 ? (
              <View className='zg-row-wrap'>
                {v.keyGroups.map((g) => (
                  <Text key={g} className='zg-tag zg-tag-ok rf-key-tag'>
                    {KEY_GROUP_LABELS[g]}
                  </Text>
                ))}
              </View>
            ) : (
              <View className='zg-small'>还没有登记。</View>
            )}
          </FormField>
        ) : (
        <FormField id='rf-keyGroups' label='是否属于以下人员' optional hint='可以选几个，都不是就不选' error={errors.keyGroups}>
          <View className='zg-row-wrap rf-grid'>
            {KEY_GROUPS.map((g) => (
              <Chip
                key={g}
                multi
                label={KEY_GROUP_LABELS[g]}
                on={v.keyGroups.includes(g)}
                onTap={() => set('keyGroups', toggled(v.keyGroups, g))}
              />
            ))}
          </View>
        </FormField>
        )}
      </View>

      <View className='zg-section'>
        {notice && !existingId ? <View className='zg-error zg-pre'>{notice}</View> : null}
        <Button
          className={busy ? 'zg-btn zg-btn-block rf-submit zg-btn-disabled' : 'zg-btn zg-btn-block rf-submit'}
          disabled={busy || undefined}
          onClick={next}
        >
          {busy ? '正在保存…' : mode === 'edit' ? '保存修改' : '下一步：本人同意'}
        </Button>
      </View>
    </View>
  );
}
