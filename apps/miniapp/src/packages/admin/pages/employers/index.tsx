import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { INDUSTRY_SECTIONS, type EmployerItem } from '@zaogong/shared';
import { ApiRequestError } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useCursorList, usePagedScrolling } from '../../../../api/hooks';
import { CallButton } from '../../../../components/CallButton';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { formatDateTime } from '../../../../lib/resident';
import { ReasonSheet } from '../../components/ReasonSheet';
import './index.css';
import { QueueList } from '../../components/QueueList';

const PAGE_SIZE = 20;

const REFUSE_PRESETS = ['信用代码与企业名称对不上', '查不到这家企业的登记信息', '地址不在山亭区', '联系电话打不通'] as const;

function Row({ name, value }: { name: string; value: string }) {
  return (
    <View className='ev-row'>
      <Text className='ev-row-name'>{name}</Text>
      <Text className='ev-row-value'>{value}</Text>
    </View>
  );
}

interface CardProps {
  employer: EmployerItem;
  onRefuse: (e: EmployerItem) => void;
  onApproved: (e: EmployerItem) => void;
}

function EmployerCard({ employer: e, onRefuse, onApproved }: CardProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const industry = INDUSTRY_SECTIONS[e.industryCode] ?? e.industryName;

  const approve = async () => {
    setBusy(true);
    setError('');
    try {
      await api.verifyEmployer(e.id, { approve: true }, { toast: false });
      onApproved(e);
    } catch (err) {
      setError(err instanceof ApiRequestError ? err.message : '没有提交成功，请再试一次');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='zg-card ev-card'>
      <View className='ev-name'>{e.name}</View>
      <Row name='信用代码' value={e.creditCode} />
      <Row name='行业' value={`${e.industryCode} ${industry}`} />
      <Row name='镇街' value={e.townName ?? e.townCode} />
      <Row name='地址' value={e.address} />
      <Row name='联系人' value={`${e.contactName} ${e.contactPhone}`} />
      <Row name='申请时间' value={formatDateTime(e.createdAt)} />
      <CallButton className='ev-call' fetchPhone={() => api.callEmployer(e.id, { toast: false })} masked={e.contactPhone} />
      {e.verificationReason ? (
        <View className='ev-last'>上次没通过的原因：{e.verificationReason}</View>
      ) : null}
      <View className='zg-small ev-hint'>请到国家企业信用信息公示系统核对名称和信用代码是否一致；拿不准可以给联系人打电话问一问。</View>
      {error ? <View className='zg-error'>{error}</View> : null}
      <View className='ev-buttons'>
        <Button className='zg-btn zg-btn-danger' onClick={() => onRefuse(e)}>
          不通过
        </Button>
        <Button
          className={busy ? 'zg-btn ev-approve zg-btn-disabled' : 'zg-btn ev-approve'}
          disabled={busy || undefined}
          onClick={() => void approve()}
        >
          {busy ? '正在提交…' : '通过认证'}
        </Button>
      </View>
    </View>
  );
}

function EmployerQueue() {
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [refusing, setRefusing] = useState<EmployerItem | null>(null);
  const list = useCursorList(
    (cursor) => api.listEmployers({ verification: 'pending', cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined }),
    [],
  );

  usePagedScrolling(list, () => setDone(new Set()));

  const finish = (e: EmployerItem, message: string) => {
    setDone((prev) => new Set(prev).add(e.id));
    void Taro.showToast({ title: message, icon: 'none', duration: 2000 });
  };
  const items = list.items.filter((e) => !done.has(e.id));

  return (
    <View>
      <View className='zg-card ev-intro'>
        <View className='zg-h2'>等待认证的企业</View>
        <View className='zg-small'>认证通过后，企业的岗位才能审核发布，并显示“已认证企业”。不通过要写明原因，企业会看到。</View>
      </View>

      <QueueList list={list} empty={items.length === 0} emptyTitle='没有等待认证的企业' emptyBody='企业登记后会出现在这里。'>
        {items.map((e) => (
          <EmployerCard key={e.id} employer={e} onRefuse={setRefusing} onApproved={(x) => finish(x, '已通过认证')} />
        ))}
      </QueueList>

      {refusing ? (
        <ReasonSheet
          title={`不通过：${refusing.name}`}
          label='不通过的原因（企业会看到）'
          required
          presets={REFUSE_PRESETS}
          placeholder='写清楚哪里不对，企业改好后可以再申请'
          submitText='确认不通过'
          onClose={() => setRefusing(null)}
          onSubmit={async (reason) => {
            await api.verifyEmployer(refusing.id, { approve: false, reason }, { toast: false });
            finish(refusing, '已设为不通过，企业会看到原因');
            setRefusing(null);
          }}
        />
      ) : null}
    </View>
  );
}

/** 企业认证 (admin): employers waiting for verification, with the facts to check. */
export default function EmployersPage() {
  return (
    <PageShell>
      <RoleGate role='admin'>{() => <EmployerQueue />}</RoleGate>
    </PageShell>
  );
}
