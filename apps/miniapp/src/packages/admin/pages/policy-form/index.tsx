import { useEffect, useRef, useState } from 'react';
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  DISTRICT_NAME,
  POLICY_AUDIENCES,
  ruleProblem,
  type AuthUser,
  type PolicyAudience,
  type PolicyInput,
  type PolicyItem,
  type PolicyPreview,
} from '@zaogong/shared';
import { ApiRequestError } from '../../../../api/client';
import { useApi } from '../../../../api/hooks';
import { policiesApi } from '../../../../api/policies';
import { Chip } from '../../../../components/Chip';
import { ConfirmSheet } from '../../../../components/ConfirmSheet';
import { FormField } from '../../../../components/FormField';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { formatDate } from '../../../../lib/format';
import { chinaToday } from '../../../../lib/gigs';
import { draftsOf, isDistrictAdmin, policyUrl, rulesOf, type RuleDraft } from '../../../../lib/policies';
import { RulesEditor } from './RulesEditor';
import './index.css';

/** A mobile, a landline with or without its area code, or 12333 (what the API takes). */
const PHONE = /^(1[3-9]\d{9}|(0\d{2,3}-?)?\d{7,8}|12333)$/;
const PREVIEW_DELAY_MS = 600;

interface Form {
  title: string;
  issuer: string;
  docNumber: string;
  audience: PolicyAudience;
  summary: string;
  benefit: string;
  materials: string;
  howToApply: string;
  contactPhone: string;
  validFrom: string;
  /** '' for 长期有效. */
  validTo: string;
  sourceUrl: string;
}
type FormKey = keyof Form;
type Errors = Partial<Record<FormKey | 'rules', string>>;

const FIELD_ORDER: FormKey[] = ['title', 'issuer', 'docNumber', 'summary', 'benefit', 'materials', 'howToApply', 'contactPhone', 'validFrom', 'validTo', 'sourceUrl'];

function emptyForm(): Form {
  return {
    title: '',
    issuer: `${DISTRICT_NAME}人力资源和社会保障局`,
    docNumber: '',
    audience: 'person',
    summary: '',
    benefit: '',
    materials: '',
    howToApply: '',
    contactPhone: '',
    validFrom: chinaToday(),
    validTo: '',
    sourceUrl: '',
  };
}

function formOf(p: PolicyItem): Form {
  return {
    title: p.title,
    issuer: p.issuer,
    docNumber: p.docNumber ?? '',
    audience: p.audience,
    summary: p.summary,
    benefit: p.benefit,
    materials: p.materials ?? '',
    howToApply: p.howToApply,
    contactPhone: p.contactPhone ?? '',
    validFrom: p.validFrom,
    validTo: p.validTo ?? '',
    sourceUrl: p.sourceUrl ?? '',
  };
}

/** Checked here first, so the admin is told at once; the API checks the same again. */
function check(f: Form): Errors {
  const e: Errors = {};
  const len = (s: string) => s.trim().length;
  if (len(f.title) < 2 || len(f.title) > 80) e.title = '政策名称写2到80个字';
  if (len(f.issuer) < 2 || len(f.issuer) > 80) e.issuer = '发文单位写2到80个字';
  if (len(f.summary) < 2) e.summary = '用几句大白话说说这是什么政策';
  if (len(f.benefit) < 2) e.benefit = '写上能享受什么（金额只写公布的）';
  if (len(f.howToApply) < 2) e.howToApply = '写上怎么办、去哪里办';
  if (f.contactPhone.trim() && !PHONE.test(f.contactPhone.trim())) e.contactPhone = '电话号码不对：手机号11位，座机如 0632-8811234';
  if (f.validTo && f.validTo < f.validFrom) e.validTo = '截止日期不能早于开始日期';
  if (f.sourceUrl.trim() && !/^https?:\/\/\S+$/.test(f.sourceUrl.trim())) e.sourceUrl = '原文链接要以 http:// 或 https:// 开头';
  return e;
}

function bodyOf(f: Form, rules: PolicyInput['rules']): PolicyInput {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    title: f.title.trim(),
    issuer: f.issuer.trim(),
    docNumber: opt(f.docNumber),
    summary: f.summary.trim(),
    benefit: f.benefit.trim(),
    audience: f.audience,
    rules,
    materials: opt(f.materials),
    howToApply: f.howToApply.trim(),
    contactPhone: opt(f.contactPhone),
    validFrom: f.validFrom,
    validTo: f.validTo || undefined,
    sourceUrl: opt(f.sourceUrl),
  };
}

type PreviewState = { kind: 'incomplete'; message: string } | { kind: 'loading' } | { kind: 'done'; preview: PolicyPreview } | { kind: 'error'; message: string };

/**
 * "现在符合的有 N 人…": asked again (POST /policies/preview) a moment after the rules stop changing; nothing is
 * asked while a row is unfinished, or while the rules break the shared checks (the message says which row).
 */
function usePreview(audience: PolicyAudience, drafts: RuleDraft[]): PreviewState {
  const [state, setState] = useState<PreviewState>({ kind: 'incomplete', message: '' });
  const seq = useRef(0);
  const built = rulesOf(audience, drafts);
  const key = JSON.stringify([audience, 'rules' in built ? built.rules : built]);
  useEffect(() => {
    const mine = ++seq.current;
    if (!('rules' in built)) {
      setState({ kind: 'incomplete', message: drafts.length === 0 ? '加上条件后，这里显示现在有多少人符合。' : `条件${built.index + 1}还没写完：${built.message}` });
      return;
    }
    const problem = ruleProblem(audience, built.rules);
    if (problem) {
      setState({ kind: 'incomplete', message: problem.message });
      return;
    }
    setState({ kind: 'loading' });
    const timer = setTimeout(() => {
      policiesApi
        .previewRules(audience, built.rules, { toast: false })
        .then((preview) => mine === seq.current && setState({ kind: 'done', preview }))
        .catch((e: unknown) => mine === seq.current && setState({ kind: 'error', message: e instanceof ApiRequestError ? e.message : '没有算出来' }));
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key]);
  return state;
}

function DateField({ value, start, empty, onChange }: { value: string; start?: string; empty: string; onChange: (d: string) => void }) {
  return (
    <Picker mode='date' value={value || chinaToday()} start={start} onChange={(e) => onChange(String(e.detail.value))}>
      <View className='zg-input prf-picker'>{value ? formatDate(value) : empty} ▾</View>
    </Picker>
  );
}

function PolicyForm({ id }: { user: AuthUser; id?: string }) {
  const existing = useApi(() => (id ? policiesApi.get(id, { toast: false }) : Promise.resolve(null)), [id]);
  const [f, setF] = useState<Form>(emptyForm);
  const [rules, setRules] = useState<RuleDraft[]>([]);
  const [loaded, setLoaded] = useState(!id);
  const [errors, setErrors] = useState<Errors>({});
  const [ruleErrors, setRuleErrors] = useState<Record<number, string>>({});
  const [banner, setBanner] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmPublish, setConfirmPublish] = useState(false);
  const preview = usePreview(f.audience, rules);
  const status = existing.data?.status;

  useEffect(() => {
    if (existing.data && !loaded) {
      setF(formOf(existing.data));
      setRules(draftsOf(existing.data.rules));
      setLoaded(true);
    }
  }, [existing.data, loaded]);
  useEffect(() => {
    if (id) void Taro.setNavigationBarTitle({ title: '修改政策' }).catch(() => undefined);
  }, [id]);

  const set = <K extends FormKey>(key: K, value: Form[K]) => {
    setF((prev) => ({ ...prev, [key]: value }));
    if (errors[key]) setErrors((prev) => ({ ...prev, [key]: undefined }));
  };
  const changeRules = (next: RuleDraft[]) => {
    setRules(next);
    setRuleErrors({});
    if (errors.rules) setErrors((prev) => ({ ...prev, rules: undefined }));
  };
  const changeAudience = (a: PolicyAudience) => {
    if (a === f.audience) return;
    set('audience', a);
    // The fields differ: a person's rules mean nothing for a firm.
    changeRules([]);
  };

  const scrollTo = (selector: string) => void Taro.pageScrollTo({ selector, duration: 200, offsetTop: -20 }).catch(() => undefined);

  /** Everything checked; the body to send, or null (the errors shown, the page scrolled to the first). */
  const ready = (): PolicyInput | null => {
    const found = check(f);
    const built = rulesOf(f.audience, rules);
    const rowErrors: Record<number, string> = {};
    if (!('rules' in built)) rowErrors[built.index] = built.message;
    else {
      const problem = ruleProblem(f.audience, built.rules);
      if (problem) {
        if (problem.index === null) found.rules = problem.message;
        else rowErrors[problem.index] = problem.message;
      }
    }
    setErrors(found);
    setRuleErrors(rowErrors);
    const first = FIELD_ORDER.find((k) => found[k]);
    if (first || found.rules || Object.keys(rowErrors).length > 0) {
      setBanner('有几处要改一下，看红字');
      if (first && FIELD_ORDER.indexOf(first) < FIELD_ORDER.indexOf('summary')) scrollTo(`#prf-${first}`);
      else if (found.rules || Object.keys(rowErrors).length > 0) scrollTo('#prf-rules');
      else if (first) scrollTo(`#prf-${first}`);
      return null;
    }
    setBanner('');
    return 'rules' in built ? bodyOf(f, built.rules) : null;
  };

  const fail = (e: unknown) => {
    if (!(e instanceof ApiRequestError)) {
      setBanner('没有保存成功，请再试一次');
      return;
    }
    const found: Errors = {};
    const rowErrors: Record<number, string> = {};
    for (const x of e.errors) {
      const m = /^rules\.(\d+)/.exec(x.field);
      if (m) rowErrors[Number(m[1])] ??= x.message;
      else if (x.field === 'rules') found.rules ??= x.message;
      else if ((FIELD_ORDER as string[]).includes(x.field)) found[x.field as FormKey] ??= x.message;
    }
    setErrors(found);
    setRuleErrors(rowErrors);
    setBanner(e.message);
  };

  /** 存草稿 (a new one, or a draft kept a draft), 发布, or 保存修改 of a published policy. */
  const save = async (mode: 'draft' | 'publish' | 'update') => {
    if (busy) return;
    const body = ready();
    if (!body) return;
    setBusy(true);
    try {
      let saved: PolicyItem;
      if (!id) saved = await policiesApi.create({ ...body, draft: mode === 'draft' }, { toast: false });
      else saved = await policiesApi.patch(id, mode === 'update' ? body : { ...body, status: mode === 'draft' ? 'draft' : 'published' }, { toast: false });
      setConfirmPublish(false);
      void Taro.showToast({ title: mode === 'draft' ? '草稿已存' : mode === 'publish' ? '已发布' : '已保存', icon: 'success', duration: 1500 });
      void Taro.redirectTo({ url: policyUrl(saved.id) });
    } catch (e) {
      setConfirmPublish(false);
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  if (id && existing.loading && !loaded) return <StateView title='正在加载…' />;
  if (id && existing.error) return <StateView title='政策没有加载出来' body={existing.error.message} actionText='再试一次' onAction={() => void existing.reload()} />;

  const previewText =
    preview.kind === 'done' ? preview.preview.text : preview.kind === 'loading' ? '正在算现在有多少人符合…' : preview.kind === 'error' ? `没有算出来：${preview.message}` : preview.message;
  const published = status === 'published';

  return (
    <View className='prf'>
      <View className='zg-card'>
        <View className='zg-card-title'>政策</View>
        <FormField id='prf-title' label='政策名称' error={errors.title}>
          <Input className='zg-input' value={f.title} maxlength={80} placeholder='如：高校毕业生就业创业补贴' onInput={(e) => set('title', e.detail.value)} />
        </FormField>
        <FormField id='prf-issuer' label='发文单位' error={errors.issuer}>
          <Input className='zg-input' value={f.issuer} maxlength={80} onInput={(e) => set('issuer', e.detail.value)} />
        </FormField>
        <FormField id='prf-docNumber' label='文号' optional error={errors.docNumber}>
          <Input className='zg-input' value={f.docNumber} maxlength={60} placeholder='如：枣人社发〔2026〕1号' onInput={(e) => set('docNumber', e.detail.value)} />
        </FormField>
        <FormField label='给谁的政策'>
          <View className='zg-row-wrap prf-chips'>
            {POLICY_AUDIENCES.map((a) => (
              <Chip key={a} label={a === 'person' ? '个人（居民）' : '企业'} on={f.audience === a} onTap={() => changeAudience(a)} />
            ))}
          </View>
        </FormField>
      </View>

      <View className='zg-card' id='prf-rules'>
        <View className='zg-card-title'>符合什么条件（都要满足）</View>
        <View className='zg-small prf-lead'>平台按这些条件从台账里找人，找到了会告诉本人和村里的联络员。</View>
        <RulesEditor audience={f.audience} rules={rules} onChange={changeRules} errors={ruleErrors} />
        {errors.rules ? <View className='zg-field-error'>{errors.rules}</View> : null}
        <View className={preview.kind === 'done' ? 'prf-preview prf-preview-done' : 'prf-preview'}>{previewText}</View>
      </View>

      <View className='zg-card'>
        <View className='zg-card-title'>说给老百姓听</View>
        <FormField id='prf-summary' label='这是什么政策' error={errors.summary} hint='用大白话，几句就行'>
          <Textarea className='zg-sheet-textarea prf-text' value={f.summary} maxlength={2000} placeholder='如：刚毕业的大学生在山亭找到工作，可以领补贴。' onInput={(e) => set('summary', e.detail.value)} />
        </FormField>
        <FormField id='prf-benefit' label='能享受什么' error={errors.benefit} hint='金额只写文件里公布的；页面上会注明“以人社部门公布为准”'>
          <Textarea className='zg-sheet-textarea prf-text' value={f.benefit} maxlength={2000} placeholder='如：按规定给予一次性就业补贴（金额照文件写）' onInput={(e) => set('benefit', e.detail.value)} />
        </FormField>
        <FormField id='prf-materials' label='要带的材料' optional error={errors.materials}>
          <Textarea className='zg-sheet-textarea prf-text' value={f.materials} maxlength={2000} placeholder='如：身份证、毕业证、劳动合同' onInput={(e) => set('materials', e.detail.value)} />
        </FormField>
        <FormField id='prf-howToApply' label='怎么办' error={errors.howToApply} hint='去哪里、找谁、什么时候'>
          <Textarea className='zg-sheet-textarea prf-text' value={f.howToApply} maxlength={2000} placeholder='如：带上材料到镇便民服务中心人社窗口申请' onInput={(e) => set('howToApply', e.detail.value)} />
        </FormField>
        <FormField id='prf-contactPhone' label='咨询电话' optional error={errors.contactPhone}>
          <Input className='zg-input' value={f.contactPhone} maxlength={20} placeholder='如：0632-8811234' onInput={(e) => set('contactPhone', e.detail.value)} />
        </FormField>
      </View>

      <View className='zg-card'>
        <View className='zg-card-title'>有效期和原文</View>
        <FormField id='prf-validFrom' label='从哪天开始' error={errors.validFrom}>
          <DateField value={f.validFrom} empty='选日期' onChange={(d) => set('validFrom', d)} />
        </FormField>
        <FormField id='prf-validTo' label='到哪天截止' error={errors.validTo}>
          <View className='zg-row-wrap prf-chips'>
            <Chip label='长期有效' on={!f.validTo} onTap={() => set('validTo', '')} />
          </View>
          <DateField value={f.validTo} start={f.validFrom} empty='有截止日期的，点这里选' onChange={(d) => set('validTo', d)} />
        </FormField>
        <FormField id='prf-sourceUrl' label='原文链接' optional error={errors.sourceUrl} hint='政府网站上这份文件的网址'>
          <Input className='zg-input' value={f.sourceUrl} maxlength={500} placeholder='http://' onInput={(e) => set('sourceUrl', e.detail.value)} />
        </FormField>
      </View>

      <View className='zg-section prf-submit-box'>
        {banner ? <View className='zg-error zg-pre prf-banner'>{banner}</View> : null}
        {preview.kind === 'done' ? <View className='prf-preview-again'>{preview.preview.text}</View> : null}
        {published ? (
          <Button className={busy ? 'zg-btn zg-btn-block prf-publish zg-btn-disabled' : 'zg-btn zg-btn-block prf-publish'} disabled={busy || undefined} onClick={() => void save('update')}>
            {busy ? '正在保存…' : '保存修改'}
          </Button>
        ) : (
          <View>
            <Button
              className={busy ? 'zg-btn zg-btn-block prf-publish zg-btn-disabled' : 'zg-btn zg-btn-block prf-publish'}
              disabled={busy || undefined}
              onClick={() => {
                if (ready()) setConfirmPublish(true);
              }}
            >
              发布
            </Button>
            <Button className={busy ? 'zg-btn zg-btn-ghost zg-btn-block prf-draft zg-btn-disabled' : 'zg-btn zg-btn-ghost zg-btn-block prf-draft'} disabled={busy || undefined} onClick={() => void save('draft')}>
              {busy ? '正在保存…' : '存草稿'}
            </Button>
          </View>
        )}
        <View className='zg-small prf-note'>
          {published ? '保存后马上生效；按新条件符合的人会收到消息。' : <Text>存草稿：只有区人社局能看到，可以先看看有多少人符合。发布：所有人都能看到，符合的人会收到消息。</Text>}
        </View>
      </View>

      {confirmPublish ? (
        <ConfirmSheet title='发布这项政策？' submitText='发布' onClose={() => setConfirmPublish(false)} onSubmit={() => save('publish')}>
          <View className='zg-text'>
            发布后所有人都能看到。{preview.kind === 'done' ? `${preview.preview.text}，` : ''}符合的人和他们村的联络员会收到消息。
          </View>
        </ConfirmSheet>
      ) : null}
    </View>
  );
}

/** 新建政策 / 修改政策 (?id=): the district admin writes a policy as rules, sees who it finds now, then saves a draft or publishes. */
export default function PolicyFormPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <RoleGate role='admin'>
        {(user) =>
          isDistrictAdmin(user) ? (
            <PolicyForm key={`${user.id}:${params.id ?? ''}`} user={user} id={params.id} />
          ) : (
            <StateView title='政策由区人社局发布' body='镇街的同志可以在“政策落实情况”里看本镇街的人数。' />
          )
        }
      </RoleGate>
    </PageShell>
  );
}
