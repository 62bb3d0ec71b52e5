import { useEffect, useMemo, useState } from 'react';
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  BENEFITS,
  BENEFIT_LABELS,
  DISTRICT_CODE,
  POST_STATUS_LABELS,
  POST_TYPES,
  POST_TYPE_LABELS,
  WAGE_UNITS,
  WAGE_UNIT_LABELS,
  checkPostCompliance,
  type ComplianceFinding,
  type ComplianceInput,
  type EmployerItem,
  type JobPostingInput,
  type JobPostingItem,
  type MinimumWage,
  type PostStatus,
} from '@zaogong/shared';
import { ApiRequestError, newIdempotencyKey } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useApi, useRegions } from '../../../../api/hooks';
import { Chip } from '../../../../components/Chip';
import { FormField } from '../../../../components/FormField';
import { OccupationPicker } from '../../../../components/OccupationPicker';
import { OutboxBar } from '../../../../components/OutboxBar';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { WordsInput } from '../../../../components/WordsInput';
import { VoiceInput } from '../../../../components/VoiceInput';
import { appendHeard } from '../../../../lib/speech';
import { formatDate } from '../../../../lib/format';
import { clearDraft, draftKeyOf, isOffline, queueWrite, readDraft, useKeepDraft } from '../../../../lib/outbox';
import { getUser } from '../../../../lib/session';
import { ROUTES } from '../../../../lib/routes';
import { askSubscribe, EMPLOYER_KINDS } from '../../../../lib/subscribe';
import { ComplianceHints } from '../../components/ComplianceHints';
import { LocationButton } from '../../components/LocationButton';
import { localDate } from '../../lib/dates';
import {
  POST_FIELD_LABELS,
  POST_FIELD_ORDER,
  POST_TYPE_HINTS,
  checkPost,
  complianceInputOf,
  datesAsked,
  emptyValues,
  toInput,
  valuesOf,
  wageUnitOf,
  type PostErrors,
  type PostValues,
} from '../../lib/post-values';
import { backToEmployerHome } from '../../lib/urls';
import './index.css';

/** Until the settings load (or if they fail) the wage rule has nothing to compare with: it stays quiet. */
const NO_MINIMUM: MinimumWage = { monthly: 0, hourly: 0 };
/** How long typing must pause before the hints are worked out again. */
const HINT_DELAY_MS = 300;

function toggled<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** The live compliance check over what has been typed, once typing pauses. */
function useLiveFindings(v: PostValues, minimumWage: MinimumWage): ComplianceFinding[] {
  const [checked, setChecked] = useState<ComplianceInput>(() => complianceInputOf(v));
  useEffect(() => {
    const timer = setTimeout(() => setChecked(complianceInputOf(v)), HINT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [v.title, v.description, v.skills, v.wageMin, v.wageMax, v.wageUnit, v.type]);
  return useMemo(() => checkPostCompliance(checked, minimumWage).findings, [checked, minimumWage]);
}

/** A date picker that looks like the other inputs: "2026年3月5日", or a plain prompt. */
function DateInput({ value, start, placeholder, onChange }: { value?: string; start: string; placeholder: string; onChange: (d: string) => void }) {
  return (
    <Picker mode='date' value={value ?? start} start={start} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={value ? 'zg-input pf-date' : 'zg-input pf-date pf-date-empty'}>{value ? formatDate(value) : placeholder}</View>
    </Picker>
  );
}

/** What the API said about a submitted post that did not pass: its note and findings. */
interface Outcome {
  note: string | null;
  flags: ComplianceFinding[];
}

interface FormProps {
  employer: EmployerItem;
  post?: JobPostingItem;
  minimumWage: MinimumWage;
}

function PostForm({ employer, post, minimumWage }: FormProps) {
  // A new post keeps a draft on the phone as it is typed (weak signal), per account.
  const [draftKey] = useState(() => {
    const uid = getUser()?.id;
    return !post && uid ? draftKeyOf('post', uid) : undefined;
  });
  const pristine = useMemo(() => emptyValues({ townCode: employer.townCode, address: employer.address }), [employer.townCode, employer.address]);
  const [v, setV] = useState<PostValues>(() => (post ? valuesOf(post) : { ...pristine, ...readDraft<PostValues>(draftKey) }));
  const [restored, setRestored] = useState(() => readDraft<PostValues>(draftKey) !== undefined);
  useKeepDraft(draftKey, v, JSON.stringify(v) === JSON.stringify(pristine));
  const [queued, setQueued] = useState(false);
  // After a create that came back 已驳回, the next submit changes that post instead of adding one.
  const [postId, setPostId] = useState(post?.id);
  const [status, setStatus] = useState<PostStatus | undefined>(post?.status);
  const [outcome, setOutcome] = useState<Outcome | undefined>(() =>
    post?.status === 'rejected' ? { note: post.reviewNote ?? null, flags: post.complianceFlags ?? [] } : undefined,
  );
  const [errors, setErrors] = useState<PostErrors>({});
  const [banner, setBanner] = useState('');
  const [busy, setBusy] = useState<'draft' | 'submit'>();
  const [showVillages, setShowVillages] = useState(Boolean(post?.villageCode));
  const findings = useLiveFindings(v, minimumWage);
  useEffect(() => {
    if (outcome) void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
  }, [outcome]);
  const villages = useRegions(showVillages && v.townCode ? v.townCode : null);
  const towns = useRegions(DISTRICT_CODE);
  const today = localDate();

  const set = <K extends keyof PostValues>(key: K, value: PostValues[K], errorKey: keyof JobPostingInput = key as keyof JobPostingInput) => {
    setV((prev) => ({ ...prev, [key]: value }));
    setErrors((prev) => (prev[errorKey] ? { ...prev, [errorKey]: undefined } : prev));
  };

  const scrollTo = (id: string) =>
    void Taro.pageScrollTo({ selector: `#${id}`, duration: 200, offsetTop: -20 }).catch(() => undefined);

  const showErrors = (e: PostErrors) => {
    setErrors(e);
    const first = POST_FIELD_ORDER.find((k) => e[k]);
    if (first) scrollTo(`pf-${first}`);
  };

  const fail = (err: unknown) => {
    if (!(err instanceof ApiRequestError)) {
      setBanner('没有提交成功，请再试一次');
      return;
    }
    const fieldErrors: PostErrors = {};
    const loose: string[] = [];
    for (const fe of err.errors) {
      const raw = fe.field.split(/[.[]/)[0];
      // Coordinates belong to the address question; the rest have their own.
      const key = (raw === 'lat' || raw === 'lng' ? 'address' : raw) as keyof JobPostingInput;
      if (key in POST_FIELD_LABELS && !fieldErrors[key]) fieldErrors[key] = fe.message;
      else loose.push(`${POST_FIELD_LABELS[raw] ?? fe.field}：${fe.message}`);
    }
    setBanner([err.message, ...loose].join('\n'));
    if (Object.keys(fieldErrors).length > 0) showErrors(fieldErrors);
  };

  /** What to do with the answer to 提交审核. */
  const afterSubmit = async (res: JobPostingItem) => {
    setPostId(res.id);
    setStatus(res.status);
    if (res.status === 'rejected') {
      // Shown at the top; the effect below scrolls there once it is on the page.
      setOutcome({ note: res.reviewNote ?? null, flags: res.complianceFlags ?? [] });
      return;
    }
    setOutcome(undefined);
    // In WeChat the same dialog asks whether to be told of the review and of people applying.
    const asked = await askSubscribe(EMPLOYER_KINDS, { title: '已提交', lead: '已提交，审核通过后大家就能看到。审核有了结果、有人报名时，' });
    if (!asked.shown) {
      await Taro.showModal({
        title: '已提交',
        content: '已提交，审核通过后大家就能看到。',
        showCancel: false,
        confirmText: '知道了',
      }).catch(() => undefined);
    }
    backToEmployerHome();
  };

  const save = async (mode: 'draft' | 'submit') => {
    // Kept in 待发送 already: sending it again here would make a second post.
    if (busy || queued) return;
    setBanner('');
    const e = checkPost(v, today);
    if (Object.values(e).some(Boolean)) {
      showErrors(e);
      return;
    }
    setErrors({});
    const input = toInput(v);
    setBusy(mode);
    // A new post: the same Idempotency-Key now and, with no network, later from 待发送.
    const key = newIdempotencyKey();
    const queueIfOffline = (err: unknown, body: JobPostingInput): boolean => {
      if (postId || !isOffline(err)) return false;
      queueWrite({ key, kind: 'post', method: 'POST', path: '/posts', body, label: `${mode === 'draft' ? '岗位草稿' : '发布岗位'}：${body.title}`, draftKey });
      setQueued(true);
      void Taro.showToast({ title: '已存入待发送', icon: 'none', duration: 2500 });
      return true;
    };
    try {
      if (mode === 'draft') {
        if (postId) await api.patchPost(postId, { ...input, draft: true }, { toast: false });
        else {
          try {
            await api.createPost({ ...input, draft: true }, { toast: false, idempotencyKey: key });
          } catch (err) {
            if (queueIfOffline(err, { ...input, draft: true })) return;
            throw err;
          }
        }
        clearDraft(draftKey);
        void Taro.showToast({ title: '草稿已保存', icon: 'success', duration: 1500 });
        backToEmployerHome();
        return;
      }
      let res: JobPostingItem;
      if (!postId) {
        try {
          res = await api.createPost(input, { toast: false, idempotencyKey: key });
        } catch (err) {
          if (queueIfOffline(err, input)) return;
          throw err;
        }
        clearDraft(draftKey);
      } else if (status === 'draft') {
        // A draft is saved first, then sent: the same two steps as 保存草稿 and 提交审核 on the list.
        await api.patchPost(postId, { ...input, draft: true }, { toast: false });
        res = await api.submitPost(postId, { toast: false });
      } else {
        // Changing a rejected, pending or published post checks it again and sends it to review.
        res = await api.patchPost(postId, input, { toast: false });
      }
      await afterSubmit(res);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(undefined);
    }
  };

  const asked = datesAsked(v.type);
  const unit = wageUnitOf(v);
  const hardCount = findings.filter((f) => f.severity === 'hard').length;
  const hard = hardCount > 0;
  const fieldsBad = Object.values(errors).some(Boolean);
  const notice = banner || (fieldsBad ? '有几项需要改一下，见上面的红字。' : '');
  const villageName = villages.data?.find((x) => x.code === v.villageCode)?.name;
  const townName = towns.data?.find((t) => t.code === v.townCode)?.name;
  const live = status === 'published' || status === 'pending_review';
  const draftAllowed = !status || status === 'draft';

  return (
    <View className='pf'>
      <OutboxBar kind='post' />
      {restored ? (
        <View className='pf-restored'>
          <Text>已恢复上次没填完的内容 · </Text>
          <Text
            className='pf-restored-clear'
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
      <View className='zg-card pf-intro'>
        <View className='zg-h2'>{postId ? `修改岗位（${POST_STATUS_LABELS[status ?? 'draft']}）` : '发布招工'}</View>
        <View className='zg-small'>
          {live
            ? '修改后要重新审核，审核通过前大家看不到这个岗位。'
            : '写清干什么活、给多少钱、招几个人。提交后管理员审核，通过了大家就能看到。'}
        </View>
        {employer.verification !== 'verified' ? (
          <View className='pf-note'>企业还没认证：可以先写好提交，管理员审核岗位时一起认证企业。</View>
        ) : null}
      </View>

      {outcome ? (
        <View id='pf-outcome' className='zg-card pf-outcome'>
          <View className='pf-outcome-title'>这个岗位没有通过，改好后再提交</View>
          {/* The automatic check's note only repeats its findings; a reviewer's own words are shown. */}
          {outcome.note && !outcome.flags.some((f) => f.severity === 'hard') ? (
            <View className='pf-outcome-note zg-pre'>{outcome.note}</View>
          ) : null}
          <ComplianceHints findings={outcome.flags} />
        </View>
      ) : null}

      <View className='zg-card'>
        <View className='zg-card-title'>招什么人</View>
        <FormField id='pf-title' label='岗位名称' hint='让人一眼看懂，比如“豆腐坊帮工”“电焊工”' error={errors.title}>
          <Input
            className='zg-input pf-input-title'
            type='text'
            placeholder='如：豆腐坊帮工'
            maxlength={40}
            value={v.title}
            onInput={(e) => set('title', e.detail.value)}
          />
        </FormField>

        <FormField id='pf-occupationCode' label='工种' hint='搜一下，选最接近的一个' error={errors.occupationCode}>
          <OccupationPicker value={v.occupation} max={1} onChange={(o) => set('occupation', o, 'occupationCode')} />
        </FormField>

        <FormField id='pf-type' label='用工方式' error={errors.type}>
          {POST_TYPES.map((t) => (
            <View
              key={t}
              className={v.type === t ? 'pf-type pf-type-on' : 'pf-type'}
              onClick={() => set('type', t)}
              aria-role='radio'
              aria-checked={v.type === t}
            >
              <View className='pf-radio'>{v.type === t ? '●' : ''}</View>
              <View className='zg-grow'>
                <View className='pf-type-name'>{POST_TYPE_LABELS[t]}</View>
                <View className='zg-small'>{POST_TYPE_HINTS[t]}</View>
              </View>
            </View>
          ))}
        </FormField>

        {asked === 'days' ? (
          <View>
            <FormField id='pf-startDate' label='哪天干活' error={errors.startDate}>
              <View className='zg-row-wrap pf-grid'>
                {[
                  ['今天', 0],
                  ['明天', 1],
                  ['后天', 2],
                ].map(([label, days]) => {
                  const d = localDate(Number(days));
                  return <Chip key={d} label={String(label)} on={v.startDate === d} onTap={() => set('startDate', d)} />;
                })}
              </View>
              <View className='pf-date-row'>
                <DateInput value={v.startDate} start={today} placeholder='或者点这里选别的日子' onChange={(d) => set('startDate', d)} />
              </View>
            </FormField>
            <FormField id='pf-endDate' label='干到哪天' optional hint='只干一天就不用选' error={errors.endDate}>
              <DateInput value={v.endDate} start={v.startDate ?? today} placeholder='点这里选日期' onChange={(d) => set('endDate', d)} />
              {v.endDate ? (
                <View className='pf-clear' onClick={() => set('endDate', undefined)} aria-role='button'>
                  只干一天（清除）
                </View>
              ) : null}
            </FormField>
            <FormField id='pf-workStartTime' label='几点开工' hint='报名到开工时截止；开工后没来的人可以记为没来' error={errors.workStartTime}>
              <Picker mode='time' value={v.workStartTime} onChange={(e) => set('workStartTime', String(e.detail.value))}>
                <View className='zg-input pf-date pf-time'>每天 {v.workStartTime} 开工</View>
              </Picker>
            </FormField>
          </View>
        ) : null}
        {asked === 'period' ? (
          <View>
            <FormField id='pf-startDate' label='从哪天开始' error={errors.startDate}>
              <DateInput value={v.startDate} start={today} placeholder='点这里选日期' onChange={(d) => set('startDate', d)} />
            </FormField>
            <FormField id='pf-endDate' label='干到哪天' error={errors.endDate}>
              <DateInput value={v.endDate} start={v.startDate ?? today} placeholder='点这里选日期' onChange={(d) => set('endDate', d)} />
            </FormField>
          </View>
        ) : null}

        <FormField
          id='pf-wageMin'
          label={v.type === 'gig' ? '日薪（每天给多少钱）' : '工资'}
          hint='只有一个数就只填左边'
          error={errors.wageMin ?? errors.wageMax}
        >
          <View className='zg-row'>
            <Input
              className='zg-input pf-wage'
              type='digit'
              placeholder={v.type === 'gig' ? '如：150' : '如：4000'}
              maxlength={8}
              value={v.wageMin}
              onInput={(e) => set('wageMin', e.detail.value)}
            />
            <Text className='pf-to'>到</Text>
            <Input
              className='zg-input pf-wage pf-wage-max'
              type='digit'
              placeholder='最高'
              maxlength={8}
              value={v.wageMax}
              onInput={(e) => set('wageMax', e.detail.value, 'wageMax')}
            />
          </View>
          {v.type === 'gig' ? (
            <View className='pf-unit-fixed'>单位：{WAGE_UNIT_LABELS.day}</View>
          ) : (
            <View className='zg-row-wrap pf-grid'>
              {WAGE_UNITS.map((u) => (
                <Chip key={u} label={WAGE_UNIT_LABELS[u]} on={unit === u} onTap={() => set('wageUnit', u)} />
              ))}
            </View>
          )}
        </FormField>

        <FormField id='pf-headcount' label='招几个人' error={errors.headcount}>
          <View className='zg-row'>
            <Input
              className='zg-input pf-headcount'
              type='number'
              placeholder='如：3'
              maxlength={4}
              value={v.headcount}
              onInput={(e) => set('headcount', e.detail.value)}
            />
            <Text className='pf-to'>人</Text>
          </View>
        </FormField>
      </View>

      <View className='zg-card'>
        <View className='zg-card-title'>干什么活</View>
        <FormField
          id='pf-description'
          label='工作内容'
          hint='干什么活、几点上下班、在哪里干。不要写男女、民族、户口、结没结婚这类要求。'
          error={errors.description}
        >
          <Textarea
            className='zg-input pf-desc'
            placeholder='如：豆腐坊帮工，泡豆、磨浆、压豆腐，早上5点到中午12点，月休4天。'
            maxlength={2000}
            value={v.description}
            onInput={(e) => set('description', e.detail.value)}
          />
          <VoiceInput
            hint='不想打字，用“说话”说出来，再看看写得对不对'
            onText={(heard) => {
              setV((prev) => ({ ...prev, description: appendHeard(prev.description, heard, 2000) }));
              setErrors((prev) => (prev.description ? { ...prev, description: undefined } : prev));
            }}
          />
          {findings.length > 0 ? (
            <View className={hard ? 'pf-pointer pf-pointer-hard' : 'pf-pointer'} onClick={() => scrollTo('pf-hints')} aria-role='link'>
              {hard ? `有${hardCount}处不能这样写，看下面 ↓` : `有${findings.length}处审核时会重点看，看下面 ↓`}
            </View>
          ) : null}
        </FormField>
        <FormField id='pf-skills' label='会这些更好' optional error={errors.skills}>
          <WordsInput value={v.skills} onChange={(s) => set('skills', s)} placeholder='如：开叉车' noun='要求' max={10} />
        </FormField>
        <FormField id='pf-benefits' label='福利待遇' optional hint='有哪些就点哪些' error={errors.benefits}>
          <View className='zg-row-wrap pf-grid'>
            {BENEFITS.map((b) => (
              <Chip key={b} multi label={BENEFIT_LABELS[b]} on={v.benefits.includes(b)} onTap={() => set('benefits', toggled(v.benefits, b))} />
            ))}
          </View>
        </FormField>
      </View>

      <View className='zg-card'>
        <View className='zg-card-title'>在哪里干</View>
        <FormField id='pf-townCode' label='镇街' error={errors.townCode}>
          <View className='zg-row-wrap pf-grid'>
            {towns.error ? <View className='zg-error'>{towns.error.message}</View> : null}
            {(towns.data ?? []).map((t) => (
              <Chip
                key={t.code}
                label={t.name}
                on={v.townCode === t.code}
                onTap={() => {
                  set('townCode', t.code);
                  if (t.code !== v.townCode) set('villageCode', undefined);
                }}
              />
            ))}
          </View>
          {townName ? <View className='pf-picked'>已选：{townName}{villageName ? ` ${villageName}` : ''}</View> : null}
        </FormField>
        {v.townCode ? (
          <FormField id='pf-villageCode' label='村居' optional error={errors.villageCode}>
            {showVillages ? (
              <View className='zg-row-wrap pf-grid'>
                {villages.loading ? <View className='zg-small'>正在加载村居…</View> : null}
                {villages.error ? <View className='zg-error'>{villages.error.message}</View> : null}
                <Chip label='不选' on={!v.villageCode} onTap={() => set('villageCode', undefined)} />
                {(villages.data ?? []).map((x) => (
                  <Chip key={x.code} label={x.name} on={v.villageCode === x.code} onTap={() => set('villageCode', x.code)} />
                ))}
              </View>
            ) : (
              <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => setShowVillages(true)}>
                选在哪个村居
              </Button>
            )}
          </FormField>
        ) : null}
        <FormField id='pf-address' label='地址' optional hint='村、路、门牌号，方便人找过来' error={errors.address}>
          <Input
            className='zg-input pf-input-address'
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

      <View id='pf-hints' className='zg-card pf-hints'>
        <View className='zg-card-title'>发布前检查</View>
        {findings.length === 0 ? (
          v.title.trim() || v.description.trim() ? (
            <View className='pf-hints-ok'>✓ 暂时没发现问题</View>
          ) : (
            <View className='zg-small'>边写边检查：有歧视、收费、骗人的字眼，会在这里提醒您。</View>
          )
        ) : (
          <ComplianceHints findings={findings} />
        )}
      </View>

      <View className='zg-section pf-buttons'>
        {notice ? <View className='zg-error zg-pre pf-banner'>{notice}</View> : null}
        {queued ? <View className='pf-queued'>没有网络。这个岗位已存在手机上，有网了自动发送，填的内容不会丢。</View> : null}
        {hard ? <View className='pf-hard-note'>有红色的问题，改好才能通过审核。</View> : null}
        <Button
          className={`zg-btn zg-btn-block pf-submit${busy ? ' zg-btn-disabled' : ''}`}
          disabled={busy !== undefined || undefined}
          onClick={() => void save('submit')}
        >
          {busy === 'submit' ? '正在提交…' : live ? '保存修改，重新审核' : '提交审核'}
        </Button>
        {draftAllowed ? (
          <Button
            className={`zg-btn zg-btn-ghost zg-btn-block pf-draft${busy ? ' zg-btn-disabled' : ''}`}
            disabled={busy !== undefined || undefined}
            onClick={() => void save('draft')}
          >
            {busy === 'draft' ? '正在保存…' : '保存草稿，以后再发'}
          </Button>
        ) : null}
      </View>
    </View>
  );
}

const EDITABLE: readonly PostStatus[] = ['draft', 'pending_review', 'published', 'rejected'];

function PostFormLoader({ id }: { id?: string }) {
  const employer = useApi(() => api.myEmployer({ toast: false }), []);
  const post = useApi(() => (id ? api.getPost(id, { toast: false }) : Promise.resolve(undefined)), [id]);
  const settings = useApi(() => api.complianceSettings({ toast: false }), []);
  const minimumWage = settings.data?.minimumWage ?? NO_MINIMUM;

  if (employer.error?.statusCode === 404) {
    return (
      <StateView
        title='请先登记企业'
        body='登记企业名称和统一社会信用代码后才能发布招工。'
        actionText='去登记企业'
        onAction={() => void Taro.redirectTo({ url: ROUTES.employerRegister })}
      />
    );
  }
  const failed = employer.error ?? post.error;
  if (failed) {
    return (
      <StateView
        title={post.error?.statusCode === 404 ? '没有找到这个岗位' : '没有打开'}
        body={failed.message}
        actionText='再试一次'
        onAction={() => {
          void employer.reload();
          void post.reload();
        }}
      />
    );
  }
  if (!employer.data || (id && !post.data)) return <StateView title='正在加载…' />;
  if (post.data && !EDITABLE.includes(post.data.status)) {
    return (
      <StateView
        title={`这个岗位${POST_STATUS_LABELS[post.data.status]}，不能再修改`}
        body={post.data.status === 'expired' ? '在企业首页点“刷新”，就能再展示30天。' : '要招人请重新发布一个岗位。'}
        actionText='回企业首页'
        onAction={backToEmployerHome}
      />
    );
  }
  return <PostForm employer={employer.data} post={post.data} minimumWage={minimumWage} />;
}

/** 发布招工, or with `?id=` 修改 that post. */
export default function PostFormPage() {
  const { params } = useRouter();
  const id = params.id;
  useEffect(() => {
    if (id) void Taro.setNavigationBarTitle({ title: '修改岗位' }).catch(() => undefined);
  }, [id]);
  return (
    <PageShell>
      <RoleGate role='employer'>{(user) => <PostFormLoader key={`${user.id}:${id ?? ''}`} id={id} />}</RoleGate>
    </PageShell>
  );
}
