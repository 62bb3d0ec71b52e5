import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import type { AuthUser } from '@zaogong/shared';
import { api } from '../../../../api/endpoints';
import { useApi } from '../../../../api/hooks';
import { PageShell } from '../../../../components/PageShell';
import { ResidentForm } from '../../../../components/ResidentForm';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { residentUrl } from '../../../../lib/routes';

const openExisting = (id: string) => void Taro.navigateTo({ url: residentUrl(id) });

function Register({ user }: { user: AuthUser }) {
  return (
    <ResidentForm
      mode='create'
      scope={user.regionCode}
      scopeName={user.regionName}
      onOpenExisting={openExisting}
      onSubmit={async (input) => {
        const created = await api.createResident(input, { toast: false });
        void Taro.showToast({ title: '登记成功', icon: 'success', duration: 1500 });
        // The form is done with: "back" from the new record goes to where the liaison came from.
        void Taro.redirectTo({ url: residentUrl(created.id) });
      }}
    />
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
