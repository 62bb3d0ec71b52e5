import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DISTRICT_CODE, DISTRICT_NAME, ROLE_LABELS, ROLES, type AdminUserSummary, type AuthUser, type Role } from '@zaogong/shared';
import { ApiRequestError } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useCursorList, usePagedScrolling, useRegions } from '../../../../api/hooks';
import { Chip } from '../../../../components/Chip';
import { ConfirmSheet } from '../../../../components/ConfirmSheet';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { Sheet, SheetOption } from '../../../../components/Sheet';
import { formatDateTime } from '../../../../lib/resident';
import { ReasonSheet } from '../../components/ReasonSheet';
import './index.css';
// After ReasonSheet, as on the other admin pages: one order of their stylesheets in the subpackage.
import { QueueList } from '../../components/QueueList';

const PAGE_SIZE = 20;
const DISABLE_PRESETS = ['已离职', '调换岗位', '账号借给他人使用', '本人申请停用'] as const;


interface RowProps {
  item: AdminUserSummary;
  self: boolean;
  /** A district admin may reset another admin's two-factor. */
  canResetMfa: boolean;
  onDisable: (item: AdminUserSummary) => void;
  onChanged: (item: AdminUserSummary, patch: Partial<AdminUserSummary>) => void;
}

function UserRow({ item: u, self, canResetMfa, onDisable, onChanged }: RowProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [asking, setAsking] = useState<'enable' | 'reset-mfa'>();

  const act = async (send: () => Promise<AdminUserSummary | null>, patch: Partial<AdminUserSummary>, done: string) => {
    setBusy(true);
    setError('');
    try {
      const res = await send();
      onChanged(u, res && typeof res === 'object' && 'id' in res ? res : patch);
      void Taro.showToast({ title: done, icon: 'success', duration: 1500 });
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有办成，请再试一次');
    } finally {
      setBusy(false);
    }
  };

  const enable = () => {
    setAsking(undefined);
    return act(() => api.enableUser(u.id, { toast: false }), { disabled: false, disabledReason: null }, '已启用');
  };
  const resetMfa = () => {
    setAsking(undefined);
    return act(() => api.resetUserMfa(u.id, { toast: false }), { mfaEnabled: false }, '已重置');
  };

  return (
    <View className={u.disabled ? 'zg-card us-row us-row-off' : 'zg-card us-row'}>
      <View className='zg-row'>
        <View className='zg-grow us-name'>{u.name}</View>
        {u.disabled ? <Text className='zg-tag zg-tag-warn us-badge'>已停用</Text> : null}
        {self ? <Text className='zg-tag zg-tag-plain us-badge'>我自己</Text> : null}
      </View>
      <View className='zg-row-wrap'>
        <Text className='zg-tag'>{ROLE_LABELS[u.role] ?? u.role}</Text>
        {u.role === 'admin' ? (
          <Text className={u.mfaEnabled ? 'zg-tag zg-tag-ok' : 'zg-tag zg-tag-plain'}>{u.mfaEnabled ? '两步验证已设置' : '两步验证未设置'}</Text>
        ) : null}
      </View>
      <View className='us-line'>
        <Text className='us-key'>范围</Text>
        {u.regionName ?? (u.role === 'admin' || u.role === 'liaison' ? DISTRICT_NAME : '—')}
      </View>
      <View className='us-line'>
        <Text className='us-key'>手机</Text>
        {u.phoneMasked ?? '没有登记'}
      </View>
      <View className='us-line'>
        <Text className='us-key'>最近登录</Text>
        {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : '还没有登录过'}
      </View>
      {u.disabled && u.disabledReason ? <View className='us-reason'>停用原因：{u.disabledReason}</View> : null}
      {error ? <View className='zg-error'>{error}</View> : null}
      {self ? null : (
        <View className='us-actions'>
          {u.disabled ? (
            <Button
              className={busy ? 'zg-btn zg-btn-ghost us-enable zg-btn-disabled' : 'zg-btn zg-btn-ghost us-enable'}
              disabled={busy || undefined}
              onClick={() => setAsking('enable')}
            >
              启用
            </Button>
          ) : (
            <Button className='zg-btn zg-btn-danger us-disable' onClick={() => onDisable(u)}>
              停用
            </Button>
          )}
          {canResetMfa && u.role === 'admin' && u.mfaEnabled ? (
            <Button
              className={busy ? 'zg-btn zg-btn-ghost us-reset zg-btn-disabled' : 'zg-btn zg-btn-ghost us-reset'}
              disabled={busy || undefined}
              onClick={() => setAsking('reset-mfa')}
            >
              重置两步验证
            </Button>
          ) : null}
        </View>
      )}
      {asking === 'enable' ? (
        <ConfirmSheet title='启用账号？' submitText='启用' cancelText='不了' onClose={() => setAsking(undefined)} onSubmit={enable}>
          启用后，{u.name}又能登录使用了。
        </ConfirmSheet>
      ) : null}
      {asking === 'reset-mfa' ? (
        <ConfirmSheet title='重置两步验证？' submitText='重置' danger cancelText='不了' onClose={() => setAsking(undefined)} onSubmit={resetMfa}>
          {u.name}下次登录时要重新设置验证器。<Text className='cs-strong'>请先确认是本人提出的（例如换了手机）。</Text>
        </ConfirmSheet>
      ) : null}
    </View>
  );
}

function Users({ user }: { user: AuthUser }) {
  const district = !user.regionCode;
  const [role, setRole] = useState<Role>();
  const [townCode, setTownCode] = useState<string>();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [townSheet, setTownSheet] = useState(false);
  const [disabling, setDisabling] = useState<AdminUserSummary | null>(null);
  const [changes, setChanges] = useState<ReadonlyMap<string, Partial<AdminUserSummary>>>(new Map());
  const towns = useRegions(district ? DISTRICT_CODE : null);

  const list = useCursorList(
    (cursor) =>
      api.listUsers({ role, regionCode: district ? townCode : undefined, q: q || undefined, cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined }),
    [role, townCode, q],
  );
  usePagedScrolling(list, () => setChanges(new Map()));

  const changed = (item: AdminUserSummary, patch: Partial<AdminUserSummary>) =>
    setChanges((prev) => new Map(prev).set(item.id, { ...prev.get(item.id), ...patch }));

  const townName = towns.data?.find((t) => t.code === townCode)?.name;
  const items = list.items.map((it) => ({ ...it, ...changes.get(it.id) }));

  return (
    <View>
      <View className='us-intro'>
        <View className='zg-h1'>用户管理</View>
        <View className='zg-small'>
          {district ? '全区的账号' : `${user.regionName ?? ''}的账号`}：谁在用、最近什么时候登录。离职或借给别人用的账号，及时停用。
        </View>
      </View>

      <View className='zg-card us-filters'>
        <View className='zg-label'>身份</View>
        <View className='zg-row-wrap us-grid'>
          <Chip label='全部' on={!role} onTap={() => setRole(undefined)} />
          {ROLES.map((r) => (
            <Chip key={r} label={ROLE_LABELS[r]} on={role === r} onTap={() => setRole(r)} />
          ))}
        </View>
        {district ? (
          <View>
            <View className='zg-label'>镇街</View>
            <View className='zg-row-wrap us-grid'>
              <Chip label={townName ? `${townName} ▾` : '全区 ▾'} on={Boolean(townCode)} onTap={() => setTownSheet(true)} />
            </View>
          </View>
        ) : null}
        <View className='zg-label'>找人</View>
        <View className='zg-row'>
          <Input
            className='zg-input zg-grow us-search'
            type='text'
            placeholder='姓名或手机号'
            maxlength={30}
            value={draft}
            confirmType='search'
            onInput={(e) => setDraft(e.detail.value)}
            onConfirm={() => setQ(draft.trim())}
          />
          <Button className='zg-btn us-search-btn' onClick={() => setQ(draft.trim())}>
            搜索
          </Button>
        </View>
      </View>

      <QueueList list={list} empty={items.length === 0} emptyTitle='没有找到账号' emptyBody='换个条件再找找。'>
        {items.map((u) => (
          <UserRow
            key={u.id}
            item={u}
            self={u.id === user.id}
            canResetMfa={district}
            onDisable={setDisabling}
            onChanged={changed}
          />
        ))}
      </QueueList>

      {townSheet ? (
        <Sheet title='哪个镇街的账号' onClose={() => setTownSheet(false)}>
          <View className='zg-sheet-grid'>
            <SheetOption
              label='全区'
              on={!townCode}
              onTap={() => {
                setTownCode(undefined);
                setTownSheet(false);
              }}
            />
            {(towns.data ?? []).map((t) => (
              <SheetOption
                key={t.code}
                label={t.name}
                on={townCode === t.code}
                onTap={() => {
                  setTownCode(t.code);
                  setTownSheet(false);
                }}
              />
            ))}
          </View>
          {towns.error ? <View className='zg-error'>{towns.error.message}</View> : null}
        </Sheet>
      ) : null}

      {disabling ? (
        <ReasonSheet
          title={`停用 ${disabling.name} 的账号`}
          label='停用原因（会记进操作记录）'
          required
          requiredMessage='请写明停用原因'
          presets={DISABLE_PRESETS}
          submitText='停用'
          onClose={() => setDisabling(null)}
          onSubmit={async (reason) => {
            const res = await api.disableUser(disabling.id, reason, { toast: false });
            changed(disabling, res && typeof res === 'object' && 'id' in res ? res : { disabled: true, disabledReason: reason });
            setDisabling(null);
            void Taro.showToast({ title: '已停用', icon: 'success', duration: 1500 });
          }}
        />
      ) : null}
    </View>
  );
}

/** 用户管理 (admins): accounts by role, 镇街 and name; disable with a reason, enable; reset two-factor (district). */
export default function UsersPage() {
  return (
    <PageShell>
      <RoleGate role='admin'>{(user) => <Users user={user} />}</RoleGate>
    </PageShell>
  );
}
