import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { DISTRICT_CODE, DISTRICT_NAME, isTownCode, type AuthUser, type InvitationCreated, type InvitationRequest } from '@zaogong/shared';
import { ApiRequestError, apiBase } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useRegions } from '../../../../api/hooks';
import { Chip } from '../../../../components/Chip';
import { FormField } from '../../../../components/FormField';
import { PageShell } from '../../../../components/PageShell';
import { Sheet, SheetOption } from '../../../../components/Sheet';
import { QrImage } from '../../../../components/QrImage';
import { RoleGate } from '../../../../components/RoleGate';
import { formatDateTime } from '../../../../lib/resident';
import { h5Link, invitationUrl, ROUTES } from '../../../../lib/routes';
import './index.css';

/** Who can be invited: a liaison (村居 or 镇街), a 镇街 officer (an admin of one 镇街), a district admin. */
type Kind = 'liaison' | 'town_admin' | 'district_admin';

const KINDS: ReadonlyArray<{ kind: Kind; label: string; desc: string }> = [
  { kind: 'liaison', label: '联络员', desc: '村居或镇街的联络员：登记居民，帮村民找工作' },
  { kind: 'town_admin', label: '镇街干部', desc: '管本镇街的岗位审核、统计和联络员' },
  { kind: 'district_admin', label: '区级管理员', desc: '区人社局的工作人员，管全区' },
];

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

function kindOf(created: InvitationCreated): string {
  if (created.role === 'liaison') return '联络员';
  return created.regionCode ? '镇街干部' : '区级管理员';
}

/** The invitation as made: the code big, who it is for, until when, a QR and a share card. */
function Created({ created, onAgain }: { created: InvitationCreated; onAgain: () => void }) {
  const link = h5Link(invitationUrl(created.code), apiBase());
  const copy = () =>
    void Taro.setClipboardData({ data: created.code }).catch(() => Taro.showToast({ title: '没有复制成功，请把码抄下来', icon: 'none' }));

  return (
    <View>
      <View className='zg-card iv-created'>
        <View className='zg-card-title'>邀请码已生成</View>
        <View className='zg-text'>
          邀请 <Text className='iv-who'>{created.name}</Text> 做{created.regionName ?? DISTRICT_NAME}的{kindOf(created)}
        </View>
        <View className='iv-code-box'>
          <View className='iv-code'>{created.code}</View>
          <View className='zg-text iv-expires'>{formatDateTime(created.expiresAt)}前有效，只能用一次</View>
        </View>
        {IS_WEAPP ? (
          <Button className='zg-btn zg-btn-wechat zg-btn-block iv-share' openType='share'>
            发给他（微信）
          </Button>
        ) : null}
        <Button className='zg-btn zg-btn-ghost zg-btn-block iv-copy' onClick={copy}>
          复制邀请码
        </Button>
      </View>

      <View className='zg-card'>
        <View className='zg-card-title'>对方怎么用</View>
        <View className='zg-text'>1. 在微信里打开“枣工快递”小程序，登录。</View>
        <View className='zg-text'>2. 点“我的”，再点“我有邀请码”，输入上面的码。</View>
        <View className='zg-text iv-line'>也可以让他用手机扫下面的二维码，或者直接点您发过去的邀请。</View>
        <QrImage text={link} label='邀请二维码' small />
      </View>

      <View className='zg-section'>
        <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={onAgain}>
          再邀请一位
        </Button>
      </View>
    </View>
  );
}

function InviteForm({ user, onCreated }: { user: AuthUser; onCreated: (c: InvitationCreated) => void }) {
  // A 镇街 officer invites liaisons of their own 镇街 only; a district admin anyone.
  const ownTown = user.regionCode && isTownCode(user.regionCode) ? user.regionCode : null;
  const district = !user.regionCode;
  const kinds = district ? KINDS : KINDS.filter((k) => k.kind === 'liaison');
  const [kind, setKind] = useState<Kind>(kinds[0].kind);
  const [townCode, setTownCode] = useState<string | undefined>(ownTown ?? undefined);
  const [villageCode, setVillageCode] = useState<string>();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<'town' | 'name' | 'form', string>>>({});

  const needsTown = kind !== 'district_admin';
  const towns = useRegions(district && needsTown ? DISTRICT_CODE : null);
  const villages = useRegions(kind === 'liaison' && townCode ? townCode : null);
  const townName = ownTown ? user.regionName : towns.data?.find((t) => t.code === townCode)?.name;
  const villageName = villages.data?.find((v) => v.code === villageCode)?.name;
  const [villageSheet, setVillageSheet] = useState(false);

  const pickKind = (k: Kind) => {
    setKind(k);
    setVillageCode(undefined);
    setErrors({});
  };
  const pickTown = (code: string) => {
    setTownCode(code);
    setVillageCode(undefined);
    setErrors((e) => ({ ...e, town: undefined }));
  };

  const submit = async () => {
    if (busy) return;
    const trimmed = name.trim();
    const found: typeof errors = {};
    if (needsTown && !townCode) found.town = '请选择镇街';
    if (!trimmed) found.name = '请填写对方的姓名';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body: InvitationRequest =
      kind === 'liaison'
        ? { role: 'liaison', regionCode: villageCode ?? townCode, name: trimmed }
        : kind === 'town_admin'
          ? { role: 'admin', regionCode: townCode, name: trimmed }
          : { role: 'admin', name: trimmed };
    setBusy(true);
    try {
      onCreated(await api.createInvitation(body, { toast: false }));
    } catch (e) {
      setErrors({ form: e instanceof ApiRequestError ? e.message : '邀请码没有生成，请再试一次' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      <View className='iv-intro'>
        <View className='zg-h1'>邀请联络员/干部</View>
        <View className='zg-small'>生成一个邀请码发给对方，他登录后输入这个码，就有了相应的身份和负责范围。</View>
      </View>

      <View className='zg-card'>
        <FormField label='1. 邀请谁？'>
          {kinds.map((k) => (
            <View
              key={k.kind}
              className={kind === k.kind ? 'iv-kind iv-kind-on' : 'iv-kind'}
              onClick={() => pickKind(k.kind)}
              aria-role='radio'
              aria-checked={kind === k.kind}
            >
              <View className='zg-grow'>
                <View className='iv-kind-label'>{k.label}</View>
                <View className='iv-kind-desc'>{k.desc}</View>
              </View>
              <View className='iv-kind-mark'>{kind === k.kind ? '✓' : ''}</View>
            </View>
          ))}
        </FormField>

        {needsTown ? (
          <FormField label={kind === 'liaison' ? '2. 负责哪里？' : '2. 哪个镇街？'} error={errors.town}>
            {ownTown ? (
              <View className='zg-text iv-own-town'>{user.regionName ?? ownTown}</View>
            ) : (
              <View className='zg-row-wrap iv-grid'>
                {towns.error ? <View className='zg-error'>{towns.error.message}</View> : null}
                {(towns.data ?? []).map((t) => (
                  <Chip key={t.code} label={t.name} on={townCode === t.code} onTap={() => pickTown(t.code)} />
                ))}
              </View>
            )}
            {kind === 'liaison' && townCode ? (
              <View>
                <View className='zg-label iv-village-label'>哪个村居？</View>
                {villages.error ? <View className='zg-error'>{villages.error.message}</View> : null}
                <View className='zg-row-wrap iv-grid'>
                  <Chip label='整个镇街' on={!villageCode} onTap={() => setVillageCode(undefined)} />
                  <Chip
                    label={villageName ? `${villageName} ▾` : villages.loading ? '正在加载村居…' : '选村居 ▾'}
                    on={Boolean(villageCode)}
                    onTap={() => setVillageSheet(true)}
                  />
                </View>
              </View>
            ) : null}
            {townCode ? (
              <View className='iv-scope'>
                {kind === 'liaison' ? '负责范围' : '管理范围'}：{townName ?? ''}
                {kind === 'liaison' ? (villageName ? ` ${villageName}` : '（整个镇街）') : ''}
              </View>
            ) : null}
          </FormField>
        ) : null}

        <FormField label={needsTown ? '3. 对方的姓名' : '2. 对方的姓名'} error={errors.name}>
          <Input
            className='zg-input iv-name'
            type='text'
            placeholder='请输入姓名'
            maxlength={20}
            value={name}
            onInput={(e) => {
              setName(e.detail.value);
              setErrors((er) => ({ ...er, name: undefined }));
            }}
          />
        </FormField>

        {errors.form ? <View className='zg-error'>{errors.form}</View> : null}
        <Button
          className={busy ? 'zg-btn zg-btn-block iv-submit zg-btn-disabled' : 'zg-btn zg-btn-block iv-submit'}
          disabled={busy || undefined}
          onClick={() => void submit()}
        >
          {busy ? '正在生成…' : '生成邀请码'}
        </Button>
        <View className='zg-small iv-line'>邀请码7天内有效，只能用一次。</View>
      </View>

      {villageSheet ? (
        <Sheet title={`${townName ?? ''}的哪个村居`} onClose={() => setVillageSheet(false)}>
          {villages.loading && !villages.data ? <View className='zg-small'>正在加载村居…</View> : null}
          <View className='zg-sheet-grid'>
            {(villages.data ?? []).map((v) => (
              <SheetOption
                key={v.code}
                label={v.name}
                on={villageCode === v.code}
                onTap={() => {
                  setVillageCode(v.code);
                  setVillageSheet(false);
                }}
              />
            ))}
          </View>
        </Sheet>
      ) : null}
    </View>
  );
}

function Invite({ user }: { user: AuthUser }) {
  const [created, setCreated] = useState<InvitationCreated>();

  // WeChat 转发: the card opens 输入邀请码 with the code filled in.
  useShareAppMessage(() =>
    created
      ? { title: `${created.name}，邀请您做枣工快递的${kindOf(created)}`, path: invitationUrl(created.code) }
      : { title: '枣工快递：山亭区公共就业服务', path: ROUTES.index },
  );

  return created ? <Created created={created} onAgain={() => setCreated(undefined)} /> : <InviteForm user={user} onCreated={setCreated} />;
}

/** 邀请联络员/干部 (admins; a 镇街 officer only liaisons of their own 镇街). */
export default function InvitePage() {
  return (
    <PageShell>
      <RoleGate role='admin'>{(user) => <Invite user={user} />}</RoleGate>
    </PageShell>
  );
}
