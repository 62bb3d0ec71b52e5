import { useEffect, useState } from 'react';
import { Button, Input, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  DISTRICT_CODE,
  INDUSTRY_CODES,
  INDUSTRY_SECTIONS,
  validateCreditCode,
  validateMobile,
  type EmployerInput,
  type EmployerItem,
  type EmployerPatch,
  type IndustryCode,
} from '@zaogong/shared';
import { ApiRequestError } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useApi, useRegions } from '../../../../api/hooks';
import { Chip } from '../../../../components/Chip';
import { FormField } from '../../../../components/FormField';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { ROUTES } from '../../../../lib/routes';
import { saveUser } from '../../../../lib/session';
import { LocationButton } from '../../components/LocationButton';
import { backToEmployerHome } from '../../lib/urls';
import './index.css';

interface Values {
  name: string;
  creditCode: string;
  industryCode: IndustryCode | undefined;
  townCode: string | undefined;
  address: string;
  contactName: string;
  contactPhone: string;
  lat: number | undefined;
  lng: number | undefined;
}

type Field = keyof EmployerInput;
type Errors = Partial<Record<Field, string>>;

const FIELD_ORDER: Field[] = ['name', 'creditCode', 'industryCode', 'townCode', 'address', 'contactName', 'contactPhone'];
const FIELD_LABELS: Record<Field, string> = {
  name: '企业名称',
  creditCode: '统一社会信用代码',
  industryCode: '行业',
  townCode: '镇街',
  address: '地址',
  contactName: '联系人',
  contactPhone: '联系电话',
  lat: '位置',
  lng: '位置',
};

/** The 门类 most firms of the district fall in, offered first; the rest are one tap away. */
const COMMON_INDUSTRIES: IndustryCode[] = ['C', 'A', 'E', 'F', 'H', 'G', 'O'];
const industryLabel = (c: IndustryCode) => INDUSTRY_SECTIONS[c];
const DUPLICATE = '该企业已登记，请向同事要加入码';

function initialValues(e: EmployerItem | undefined): Values {
  return {
    name: e?.name ?? '',
    creditCode: e?.creditCode ?? '',
    industryCode: e?.industryCode,
    townCode: e?.townCode,
    address: e?.address ?? '',
    contactName: e?.contactName ?? '',
    contactPhone: '',
    lat: e?.lat ?? undefined,
    lng: e?.lng ?? undefined,
  };
}

/**
 * Only what was changed: an unchanged name or credit code must not send the employer back to
 * 待认证, and a blank phone means "keep the old one" (the form only knows it masked).
 */
function changes(existing: EmployerItem, input: EmployerInput): EmployerPatch {
  const patch: EmployerPatch = {};
  if (input.name !== existing.name) patch.name = input.name;
  if (input.creditCode !== existing.creditCode) patch.creditCode = input.creditCode;
  if (input.industryCode !== existing.industryCode) patch.industryCode = input.industryCode;
  if (input.townCode !== existing.townCode) patch.townCode = input.townCode;
  if (input.address !== existing.address) patch.address = input.address;
  if (input.contactName !== existing.contactName) patch.contactName = input.contactName;
  if (input.contactPhone) patch.contactPhone = input.contactPhone;
  if (input.lat !== undefined && input.lng !== undefined && (input.lat !== existing.lat || input.lng !== existing.lng)) {
    patch.lat = input.lat;
    patch.lng = input.lng;
  }
  return patch;
}

/** "contactPhone" or "lat" → the form field it belongs to; unknown names stay loose. */
function fieldOf(apiField: string): Field | undefined {
  const key = apiField.split(/[.[]/)[0];
  return key in FIELD_LABELS ? (key as Field) : undefined;
}

/** After joining or registering the user belongs to an employer: keep the stored user current. */
async function refreshUser(): Promise<void> {
  try {
    saveUser(await api.me({ toast: false }));
  } catch {
    // The home page asks again; nothing to tell the user here.
  }
}

function scrollTo(id: string) {
  void Taro.pageScrollTo({ selector: `#${id}`, duration: 200, offsetTop: -20 }).catch(() => undefined);
}

/** 已有同事登记过？: join the employer a colleague registered, with the code they made. */
function JoinCard({ highlight }: { highlight: boolean }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const join = async () => {
    const c = code.trim().toUpperCase();
    if (!c) {
      setError('请填写同事给您的加入码');
      return;
    }
    setBusy(true);
    setError('');
    try {
      const employer = await api.joinEmployer(c, { toast: false });
      await refreshUser();
      void Taro.showToast({ title: `已加入${employer.name}`, icon: 'none', duration: 2000 });
      void Taro.reLaunch({ url: ROUTES.employerHome });
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有加入成功，请再试一次');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View id='er-join' className={highlight ? 'zg-card er-join er-join-on' : 'zg-card er-join'}>
      <View className='zg-card-title'>已有同事登记过？输入加入码</View>
      <View className='zg-small'>同事在“企业首页 → 邀请同事”里生成加入码，填进来就能一起管理招工，不用再登记。</View>
      <View className='zg-row er-join-row'>
        <Input
          className='zg-input zg-grow er-join-input'
          type='text'
          placeholder='加入码'
          maxlength={8}
          value={code}
          confirmType='done'
          onInput={(e) => {
            setCode(e.detail.value.toUpperCase());
            setError('');
          }}
          onConfirm={() => void join()}
        />
        <Button
          className={`zg-btn er-join-btn${busy ? ' zg-btn-disabled' : ''}`}
          disabled={busy || undefined}
          onClick={() => void join()}
        >
          {busy ? '加入中…' : '加入'}
        </Button>
      </View>
      {error ? <View className='zg-field-error'>{error}</View> : null}
    </View>
  );
}

function IndustryPicker({ value, onChange }: { value: IndustryCode | undefined; onChange: (c: IndustryCode) => void }) {
  const [all, setAll] = useState(false);
  const short = !all && !(value && !COMMON_INDUSTRIES.includes(value));
  const shown = short ? COMMON_INDUSTRIES : INDUSTRY_CODES;
  return (
    <View>
      <View className='zg-row-wrap er-grid'>
        {shown.map((c) => (
          <Chip key={c} label={industryLabel(c)} on={value === c} onTap={() => onChange(c)} />
        ))}
        {short ? (
          <View className='zg-chip er-more' onClick={() => setAll(true)} aria-role='button'>
            其他行业…
          </View>
        ) : null}
      </View>
      {value ? <View className='er-picked'>已选：{industryLabel(value)}</View> : null}
    </View>
  );
}

interface FormProps {
  /** The employer being changed (修改企业信息); without it, a new registration. */
  existing?: EmployerItem;
  /** Offer the 加入码 below the form (a new registration that did not start with it). */
  withJoin?: boolean;
}

function EmployerForm({ existing, withJoin }: FormProps) {
  const editing = existing !== undefined;
  const [v, setV] = useState<Values>(() => initialValues(existing));
  const [errors, setErrors] = useState<Errors>({});
  const [banner, setBanner] = useState('');
  const [duplicate, setDuplicate] = useState(false);
  const [busy, setBusy] = useState(false);
  const towns = useRegions(DISTRICT_CODE);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setV((prev) => ({ ...prev, [key]: value }));
    setErrors((prev) => (prev[key] ? { ...prev, [key]: undefined } : prev));
    if (key === 'creditCode' && duplicate) {
      // Another code is another employer: the "already registered" advice no longer applies.
      setDuplicate(false);
      setBanner('');
    }
  };

  const code = v.creditCode.trim();
  // Checked live once all 18 characters are there; earlier it would only nag.
  const codeCheck = code.length >= 18 ? validateCreditCode(code) : null;

  const check = (): Errors => {
    const e: Errors = {};
    const name = v.name.trim();
    if (!name) e.name = '请填写企业名称';
    else if (name.length < 2 || name.length > 60) e.name = '企业名称应为2到60个字';
    const cc = validateCreditCode(v.creditCode);
    if (!cc.ok) e.creditCode = cc.message;
    if (!v.industryCode) e.industryCode = '请选企业属于哪个行业';
    if (!v.townCode) e.townCode = '请选企业在哪个镇街';
    if (!v.address.trim()) e.address = '请填写地址，比如“桑村镇工业园3号”';
    else if (v.address.trim().length > 120) e.address = '地址请写短一点，120个字以内';
    const contact = v.contactName.trim();
    if (!contact) e.contactName = '请填写联系人姓名';
    else if (contact.length > 20) e.contactName = '联系人姓名请写短一点';
    if (!editing || v.contactPhone.trim()) {
      const phone = validateMobile(v.contactPhone);
      if (!phone.ok) e.contactPhone = phone.message;
    }
    return e;
  };

  const showErrors = (e: Errors) => {
    setErrors(e);
    const first = FIELD_ORDER.find((k) => e[k]);
    if (first) scrollTo(`er-${first}`);
  };

  const fail = (err: unknown) => {
    if (!(err instanceof ApiRequestError)) {
      setBanner('没有提交成功，请再试一次');
      return;
    }
    if (err.statusCode === 409) {
      setDuplicate(true);
      setBanner(`${DUPLICATE}。同事在“企业首页 → 邀请同事”里能生成加入码，填在下面就行。`);
      showErrors({ creditCode: DUPLICATE });
      return;
    }
    const fieldErrors: Errors = {};
    const loose: string[] = [];
    for (const fe of err.errors) {
      const key = fieldOf(fe.field);
      if (key && FIELD_ORDER.includes(key) && !fieldErrors[key]) fieldErrors[key] = fe.message;
      else loose.push(`${key ? FIELD_LABELS[key] : fe.field}：${fe.message}`);
    }
    setBanner([err.message, ...loose].join('\n'));
    if (Object.keys(fieldErrors).length > 0) showErrors(fieldErrors);
  };

  const submit = async () => {
    setBanner('');
    setDuplicate(false);
    const e = check();
    if (Object.values(e).some(Boolean)) {
      showErrors(e);
      return;
    }
    setErrors({});
    const input: EmployerInput = {
      name: v.name.trim(),
      creditCode: v.creditCode.trim().toUpperCase(),
      industryCode: v.industryCode ?? 'C',
      townCode: v.townCode ?? '',
      address: v.address.trim(),
      contactName: v.contactName.trim(),
      contactPhone: v.contactPhone.trim(),
    };
    if (v.lat !== undefined && v.lng !== undefined) {
      input.lat = v.lat;
      input.lng = v.lng;
    }
    setBusy(true);
    try {
      if (existing) {
        await api.patchEmployer(existing.id, changes(existing, input), { toast: false });
        void Taro.showToast({ title: '已保存', icon: 'success', duration: 1500 });
        backToEmployerHome();
      } else {
        await api.createEmployer(input, { toast: false });
        await refreshUser();
        void Taro.showToast({ title: '登记成功', icon: 'success', duration: 1500 });
        void Taro.reLaunch({ url: ROUTES.employerHome });
      }
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const fieldsBad = Object.values(errors).some(Boolean);
  const notice = banner || (fieldsBad ? '有几项需要改一下，见上面的红字。' : '');
  const townName = towns.data?.find((t) => t.code === v.townCode)?.name;
  const renamed = existing && (v.name.trim() !== existing.name || code.toUpperCase() !== existing.creditCode);

  return (
    <View>
      <View className='zg-card'>
        <View className='zg-card-title'>{editing ? '修改企业信息' : '登记企业'}</View>
        <View className='zg-small'>
          {editing ? '改好后点最下面的“保存修改”。' : '照着营业执照填写。登记后管理员会核对，认证前也可以先写好岗位。'}
        </View>

        <FormField id='er-name' label='企业名称' hint='营业执照上的名称' error={errors.name}>
          <Input
            className='zg-input er-input-name'
            type='text'
            placeholder='如：山亭区某某豆制品厂'
            maxlength={60}
            value={v.name}
            onInput={(e) => set('name', e.detail.value)}
          />
        </FormField>

        <FormField
          id='er-creditCode'
          label='统一社会信用代码'
          hint='营业执照上的18位代码，数字和大写字母'
          error={errors.creditCode ?? (codeCheck && !codeCheck.ok ? codeCheck.message : undefined)}
        >
          <Input
            className='zg-input er-input-code'
            type='text'
            placeholder='18位代码'
            maxlength={18}
            value={v.creditCode}
            onInput={(e) => set('creditCode', e.detail.value.toUpperCase())}
          />
          {codeCheck?.ok && !errors.creditCode ? <View className='er-ok'>✓ 代码填写正确</View> : null}
          {duplicate && withJoin ? (
            <Button className='zg-btn zg-btn-block er-to-join' onClick={() => scrollTo('er-join')}>
              去输入加入码
            </Button>
          ) : null}
        </FormField>

        {renamed ? <View className='er-warn'>改了企业名称或信用代码，保存后要重新认证。</View> : null}

        <FormField
          id='er-industryCode'
          label='属于哪个行业'
          hint='做豆腐、豆皮、编织袋、建材这些加工的，选“制造业”'
          error={errors.industryCode}
        >
          <IndustryPicker value={v.industryCode} onChange={(c) => set('industryCode', c)} />
        </FormField>

        <FormField id='er-townCode' label='在哪个镇街' error={errors.townCode}>
          <View className='zg-row-wrap er-grid'>
            {towns.error ? <View className='zg-error'>{towns.error.message}</View> : null}
            {towns.loading && !towns.data ? <View className='zg-small'>正在加载镇街…</View> : null}
            {(towns.data ?? []).map((t) => (
              <Chip key={t.code} label={t.name} on={v.townCode === t.code} onTap={() => set('townCode', t.code)} />
            ))}
          </View>
          {townName ? <View className='er-picked'>已选：{townName}</View> : null}
        </FormField>

        <FormField id='er-address' label='地址' hint='村、路、门牌号，方便人找过来' error={errors.address}>
          <Input
            className='zg-input er-input-address'
            type='text'
            placeholder='如：桑村镇工业园3号'
            maxlength={120}
            value={v.address}
            onInput={(e) => set('address', e.detail.value)}
          />
          <LocationButton
            lat={v.lat}
            lng={v.lng}
            onPick={(p) =>
              setV((prev) => ({
                ...prev,
                lat: p.lat,
                lng: p.lng,
                address: prev.address.trim() ? prev.address : p.address.slice(0, 120),
              }))
            }
            onClear={() => setV((prev) => ({ ...prev, lat: undefined, lng: undefined }))}
          />
        </FormField>
      </View>

      <View className='zg-card'>
        <View className='zg-card-title'>谁来联系</View>
        <FormField id='er-contactName' label='联系人' error={errors.contactName}>
          <Input
            className='zg-input er-input-contact'
            type='text'
            placeholder='如：王经理'
            maxlength={20}
            value={v.contactName}
            onInput={(e) => set('contactName', e.detail.value)}
          />
        </FormField>
        <FormField
          id='er-contactPhone'
          label='联系电话'
          hint={editing ? `现在是 ${existing?.contactPhone ?? ''}，不换号就不用填` : '管理员核对企业时打这个电话'}
          error={errors.contactPhone}
        >
          <Input
            className='zg-input er-input-phone'
            type='number'
            placeholder={editing ? '新的手机号' : '11位手机号'}
            maxlength={11}
            value={v.contactPhone}
            onInput={(e) => set('contactPhone', e.detail.value)}
          />
        </FormField>
      </View>

      <View className='zg-section er-submit-box'>
        {notice ? <View className='zg-error zg-pre er-banner'>{notice}</View> : null}
        <Button
          className={`zg-btn zg-btn-block er-submit${busy ? ' zg-btn-disabled' : ''}`}
          disabled={busy || undefined}
          onClick={() => void submit()}
        >
          {busy ? '正在提交…' : editing ? '保存修改' : '提交登记'}
        </Button>
      </View>
      {withJoin ? <JoinCard highlight={duplicate} /> : null}
    </View>
  );
}

function RegisterPage({ edit, join }: { edit: boolean; join: boolean }) {
  const mine = useApi(() => api.myEmployer({ toast: false }), []);
  if (mine.loading && !mine.data && !mine.error) return <StateView title='正在加载…' />;
  const none = mine.error?.statusCode === 404;
  if (mine.error && !none) {
    return <StateView title='没有打开' body={mine.error.message} actionText='再试一次' onAction={() => void mine.reload()} />;
  }
  if (edit && mine.data) return <EmployerForm existing={mine.data} />;
  if (mine.data) {
    return (
      <StateView
        title={`您已经加入了${mine.data.name}`}
        body='一个账号只属于一家企业，不用再登记。'
        actionText='回企业首页'
        onAction={() => void Taro.reLaunch({ url: ROUTES.employerHome })}
      />
    );
  }
  if (edit) {
    return (
      <StateView
        title='还没有登记企业'
        actionText='去登记企业'
        onAction={() => void Taro.redirectTo({ url: ROUTES.employerRegister })}
      />
    );
  }
  if (join) {
    // Came for the code: it comes first; the registration stays below for whoever needs it.
    return (
      <View className='er'>
        <JoinCard highlight />
        <View className='zg-section er-or zg-small'>还没有同事登记过？在下面登记企业。</View>
        <EmployerForm />
      </View>
    );
  }
  return (
    <View className='er'>
      <EmployerForm withJoin />
    </View>
  );
}

/** 登记企业 (or `?edit=1` 修改企业信息; `?join=1` opens with the 加入码 first). */
export default function EmployerRegisterPage() {
  const { params } = useRouter();
  const edit = params.edit === '1';
  const join = params.join === '1';
  useEffect(() => {
    if (edit) void Taro.setNavigationBarTitle({ title: '修改企业信息' }).catch(() => undefined);
    else if (join) void Taro.setNavigationBarTitle({ title: '加入企业' }).catch(() => undefined);
  }, [edit, join]);
  return (
    <PageShell>
      <RoleGate role='employer'>{(user) => <RegisterPage key={user.id} edit={edit} join={join} />}</RoleGate>
    </PageShell>
  );
}
