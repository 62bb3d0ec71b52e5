import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { EmployerItem } from '@zaogong/shared';
import { api } from '../../../../api/endpoints';
import { useCursorList, usePagedScrolling } from '../../../../api/hooks';
import { Chip } from '../../../../components/Chip';
import { ConfirmSheet } from '../../../../components/ConfirmSheet';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { ReasonSheet } from '../../components/ReasonSheet';
import './index.css';
import { QueueList } from '../../components/QueueList';
import { EmployerFacts } from '../../components/EmployerFacts';
import { usePendingCounts } from '../../lib/pending-counts';

const PAGE_SIZE = 20;

const REFUSE_PRESETS = ['信用代码与企业名称对不上', '查不到这家企业的登记信息', '地址不在山亭区', '联系电话打不通'] as const;
const REVOKE_PRESETS = ['营业执照已被吊销或注销', '举报核实：向求职者收费', '信用代码与企业名称对不上', '企业已经不在山亭区经营'] as const;

type Tab = 'pending' | 'verified';

interface PendingCardProps {
  employer: EmployerItem;
  onRefuse: (e: EmployerItem) => void;
  onApprove: (e: EmployerItem) => void;
}

function PendingCard({ employer: e, onRefuse, onApprove }: PendingCardProps) {
  return (
    <View className='zg-card ev-card'>
      <View className='ev-name'>{e.name}</View>
      <EmployerFacts employer={e} />
      <View className='zg-small ev-hint'>请到国家企业信用信息公示系统核对名称和信用代码是否一致；拿不准可以给联系人打电话问一问。</View>
      <View className='ev-buttons'>
        <Button className='zg-btn zg-btn-danger ev-refuse' onClick={() => onRefuse(e)}>
          不通过
        </Button>
        <Button className='zg-btn ev-approve' onClick={() => onApprove(e)}>
          通过认证
        </Button>
      </View>
    </View>
  );
}

function VerifiedCard({ employer: e, onRevoke }: { employer: EmployerItem; onRevoke: (e: EmployerItem) => void }) {
  return (
    <View className='zg-card ev-card ev-card-verified'>
      <View className='ev-head'>
        <Text className='ev-name ev-grow'>{e.name}</Text>
        <Text className='zg-tag zg-tag-ok ev-badge'>✓ 已认证</Text>
      </View>
      <EmployerFacts employer={e} showVerifiedAt />
      <Button className='zg-btn zg-btn-danger zg-btn-block ev-revoke' onClick={() => onRevoke(e)}>
        撤销认证
      </Button>
    </View>
  );
}

function Employers() {
  const { params } = useRouter();
  const [tab, setTab] = useState<Tab>(params.tab === 'verified' ? 'verified' : 'pending');
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [approving, setApproving] = useState<EmployerItem | null>(null);
  const [refusing, setRefusing] = useState<EmployerItem | null>(null);
  const [revoking, setRevoking] = useState<EmployerItem | null>(null);
  const counts = usePendingCounts();
  const search = tab === 'verified' ? q : '';
  const list = useCursorList(
    (cursor) => api.listEmployers({ verification: tab, q: search || undefined, cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined }),
    [tab, search],
  );

  usePagedScrolling(list, () => {
    setDone(new Set());
    void counts.reload();
  });

  const finish = (e: EmployerItem, message: string) => {
    setDone((prev) => new Set(prev).add(e.id));
    void counts.reload();
    void Taro.showToast({ title: message, icon: 'none', duration: 2000 });
  };
  const pick = (t: Tab) => {
    setDone(new Set());
    setTab(t);
  };
  const items = list.items.filter((e) => !done.has(e.id));
  const n = counts.data;

  return (
    <View>
      <View className='zg-card ev-intro'>
        <View className='zg-h2'>企业认证</View>
        <View className='zg-small'>
          认证通过后，企业的岗位才能审核发布，并显示“已认证企业”。不通过或撤销认证都要写明原因，企业会看到。
        </View>
        <View className='zg-row-wrap ev-tabs'>
          <Chip label={n ? `等待认证 ${n.employers}` : '等待认证'} on={tab === 'pending'} onTap={() => pick('pending')} />
          <Chip label={n ? `已认证 ${n.verifiedEmployers}` : '已认证'} on={tab === 'verified'} onTap={() => pick('verified')} />
        </View>
      </View>

      {tab === 'verified' ? (
        <View className='zg-card ev-search'>
          <View className='zg-label'>找企业</View>
          <View className='zg-row'>
            <Input
              className='zg-input zg-grow ev-search-input'
              type='text'
              placeholder='企业名称或信用代码'
              maxlength={30}
              value={draft}
              confirmType='search'
              onInput={(e) => setDraft(e.detail.value)}
              onConfirm={() => setQ(draft.trim())}
            />
            <Button className='zg-btn ev-search-btn' onClick={() => setQ(draft.trim())}>
              搜索
            </Button>
          </View>
          {q ? (
            <View className='ev-search-now'>
              <View className='zg-small'>正在找“{q}”。</View>
              <Button
                className='zg-btn zg-btn-ghost zg-btn-block ev-search-clear'
                onClick={() => {
                  setDraft('');
                  setQ('');
                }}
              >
                看全部已认证企业
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}

      <QueueList
        list={list}
        empty={items.length === 0}
        emptyTitle={tab === 'pending' ? '没有等待认证的企业' : q ? `没有找到“${q}”` : '还没有已认证的企业'}
        emptyBody={tab === 'pending' ? '企业登记后会出现在这里。' : q ? '换个名称里的字，或者输入完整的信用代码。' : '企业通过认证后会出现在这里。'}
      >
        {items.map((e) =>
          // By the row's own state: while a tab's first page loads, the other tab's rows are still shown.
          e.verification !== 'verified' ? (
            <PendingCard key={e.id} employer={e} onRefuse={setRefusing} onApprove={setApproving} />
          ) : (
            <VerifiedCard key={e.id} employer={e} onRevoke={setRevoking} />
          ),
        )}
      </QueueList>

      {approving ? (
        <ConfirmSheet
          title='通过认证'
          submitText='确认通过认证'
          onClose={() => setApproving(null)}
          onSubmit={async () => {
            await api.verifyEmployer(approving.id, { approve: true }, { toast: false });
            finish(approving, '已通过认证');
            setApproving(null);
          }}
        >
          <View className='ev-sheet-name'>{approving.name}</View>
          <View className='ev-sheet-code'>信用代码：{approving.creditCode}</View>
          <View className='ev-sheet-point'>通过后，这家企业显示“已认证企业”，它的岗位审核通过就能对外公开。</View>
        </ConfirmSheet>
      ) : null}

      {refusing ? (
        <ReasonSheet
          title='不通过认证'
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
        >
          <View className='ev-sheet-name'>{refusing.name}</View>
        </ReasonSheet>
      ) : null}

      {revoking ? (
        <ReasonSheet
          title='撤销认证'
          label='撤销的原因（企业会看到）'
          required
          minLength={2}
          requiredMessage='请写明撤销的原因（至少2个字），企业会看到'
          presets={REVOKE_PRESETS}
          placeholder='写清楚为什么撤销，企业改正后可以重新认证'
          submitText='确认撤销认证'
          danger
          onClose={() => setRevoking(null)}
          onSubmit={async (reason) => {
            await api.revokeEmployer(revoking.id, { reason }, { toast: false });
            finish(revoking, '已撤销认证，它的岗位已退回待审核');
            setRevoking(null);
          }}
        >
          <View className='ev-sheet-name'>{revoking.name}</View>
          <View className='ev-sheet-point'>撤销以后：</View>
          <View className='ev-sheet-point'>· 这家企业显示“没有通过认证”，企业能看到原因；</View>
          <View className='ev-sheet-point'>· 它正在招的岗位退回“待审核”，大家暂时看不到；</View>
          <View className='ev-sheet-point'>· 企业改正后，可以在“岗位审核”里同时认证企业、再通过岗位。</View>
        </ReasonSheet>
      ) : null}
    </View>
  );
}

/** 企业认证 (admin): employers waiting for verification, and the verified ones (search, 撤销认证). */
export default function EmployersPage() {
  return (
    <PageShell>
      <RoleGate role='admin'>{() => <Employers />}</RoleGate>
    </PageShell>
  );
}
