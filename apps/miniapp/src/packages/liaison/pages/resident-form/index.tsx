import { useEffect } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { AuthUser } from '@zaogong/shared';
import { newIdempotencyKey } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useApi } from '../../../../api/hooks';
import { OutboxBar } from '../../../../components/OutboxBar';
import { PageShell } from '../../../../components/PageShell';
import { ResidentForm } from '../../../../components/ResidentForm';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { clearDraft, draftKeyOf, isOffline, queueWrite } from '../../../../lib/outbox';
import { residentUrl } from '../../../../lib/routes';

const openExisting = (id: string) => void Taro.navigateTo({ url: residentUrl(id) });

function Register({ user }: { user: AuthUser }) {
  const draftKey = draftKeyOf('resident', user.id);
  return (
    <View>
      <OutboxBar kind='resident' />
      <ResidentForm
        mode='create'
        scope={user.regionCode}
        scopeName={user.regionName}
        onOpenExisting={openExisting}
        draftKey={draftKey}
        onSubmit={async (input) => {
          // The same key for this registration however often it is sent (now, or later from 待发送).
          const key = newIdempotencyKey();
          let created;
          try {
            created = await api.createResident(input, { toast: false, idempotencyKey: key });
          } catch (e) {
            if (!isOffline(e)) throw e;
            queueWrite({ key, kind: 'resident', method: 'POST', path: '/residents', body: input, label: `登记居民：${input.name}`, draftKey });
            void Taro.showToast({ title: '已存入待发送', icon: 'none', duration: 2500 });
            return 'queued';
          }
          clearDraft(draftKey);
          void Taro.showToast({ title: '登记成功', icon: 'success', duration: 1500 });
          // The form is done with: "back" from the new record goes to where the liaison came from.
          void Taro.redirectTo({ url: residentUrl(created.id) });
        }}
      />
    </View>
  );
}

function Edit({ user, id }: { user: AuthUser; id: string }) {
  const record = useApi(() => api.getResident(id, { toast: false }), [id]);
  if (record.loading && !record.data) return <StateView title='正在加载…' />;
  if (record.error || !record.data) {
    return (
      <StateView
        title='这个居民的信息没有打开'
        body={record.error?.message}
        actionText='再试一次'
        onAction={() => void record.reload()}
      />
    );
  }
  return (
    <ResidentForm
      mode='edit'
      initial={record.data}
      scope={user.regionCode}
      scopeName={user.regionName}
      onSubmit={async (patch) => {
        await api.patchResident(id, patch, { toast: false });
        void Taro.showToast({ title: '已保存', icon: 'success', duration: 1500 });
        if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
        else void Taro.redirectTo({ url: residentUrl(id) });
      }}
    />
  );
}

/** 登记居民, or with `?id=` 修改 that record. */
export default function ResidentFormPage() {
  const { params } = useRouter();
  const id = params.id;
  useEffect(() => {
    if (id) void Taro.setNavigationBarTitle({ title: '修改居民信息' }).catch(() => undefined);
  }, [id]);
  return (
    <PageShell>
      <RoleGate role='liaison'>{(user) => (id ? <Edit user={user} id={id} /> : <Register user={user} />)}</RoleGate>
    </PageShell>
  );
}
