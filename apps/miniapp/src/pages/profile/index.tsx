import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ResidentInput } from '@zaogong/shared';
import { api } from '../../api/endpoints';
import { useApi } from '../../api/hooks';
import { PageShell } from '../../components/PageShell';
import { ResidentForm } from '../../components/ResidentForm';
import { ResidentFields, ResidentHead, ResidentHistory } from '../../components/ResidentView';
import { RoleGate } from '../../components/RoleGate';
import { StateView } from '../../components/StateView';
import './index.css';

function MyProfile() {
  const profile = useApi(() => api.myProfile({ toast: false }), []);
  const [editing, setEditing] = useState(false);

  const save = async (input: ResidentInput) => {
    await api.saveMyProfile(input, { toast: false });
    void Taro.showToast({ title: '已保存', icon: 'success', duration: 1500 });
    setEditing(false);
    await profile.reload();
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  if (profile.loading && !profile.data) return <StateView title='正在加载…' />;
  const missing = profile.error?.statusCode === 404;
  if (profile.error && !missing) {
    return <StateView title='档案没有打开' body={profile.error.message} actionText='再试一次' onAction={() => void profile.reload()} />;
  }

  if (missing || !profile.data) {
    return (
      <View>
        <View className='zg-card pf-intro'>
          <View className='zg-h2'>您还没有求职档案</View>
          <View className='zg-text pf-intro-text'>
            填一次，村里的联络员和区人社局就知道您想干什么活，有合适的工作会通知您。如果村里已经帮您登记过，填同一个身份证号就会连上原来的档案。
          </View>
        </View>
        <ResidentForm mode='self' scope={null} onSubmit={save} />
      </View>
    );
  }

  const r = profile.data;
  if (editing) {
    return (
      <View>
        <View className='zg-section'>
          <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => setEditing(false)}>
            不改了，返回
          </Button>
        </View>
        <ResidentForm mode='self' scope={null} initial={r} onSubmit={save} />
      </View>
    );
  }
  return (
    <View>
      <ResidentHead r={r} />
      <View className='zg-section pf-edit'>
        <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => setEditing(true)}>
          修改我的档案
        </Button>
      </View>
      <ResidentFields r={r} own />
      <ResidentHistory history={r.history ?? []} />
    </View>
  );
}

/** 我的档案: a seeker's own record, or the form to make one (PUT /me/profile). */
export default function ProfilePage() {
  return (
    <PageShell>
      <RoleGate role='seeker'>{(user) => <MyProfile key={user.id} />}</RoleGate>
    </PageShell>
  );
}
