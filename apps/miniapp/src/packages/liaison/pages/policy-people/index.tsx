import { useRef, useState } from 'react';
import { Button, ScrollView, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { OUTREACH_STATUSES, OUTREACH_STATUS_LABELS, type AuthUser, type OutreachStatus, type PolicyEligibleItem } from '@zaogong/shared';
import { ApiRequestError } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useApi, useCursorList, usePagedScrolling } from '../../../../api/hooks';
import { policiesApi } from '../../../../api/policies';
import { CallButton } from '../../../../components/CallButton';
import { Chip } from '../../../../components/Chip';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { Sheet, SheetOption } from '../../../../components/Sheet';
import { StateView } from '../../../../components/StateView';
import { formatDate } from '../../../../lib/format';
import { aboutThem, OUTREACH_TAG_CLASS, policyUrl, POLICY_ROUTES } from '../../../../lib/policies';
import './index.css';

const PAGE_SIZE = 20;
const NOTE_MAX = 200;

/** What each state means, said under it in the picker. */
const OUTREACH_DESC: Record<OutreachStatus, string> = {
  not_contacted: '还没跟TA说',
  told: '已经跟TA说了这项政策',
  applying: 'TA在办了：交了材料，等着批',
  received: 'TA已经享受到了',
  declined: 'TA说不需要、不办',
};

type Row = PolicyEligibleItem & { id: string };

/** 记一下情况: one of the five states and a note, saved with PUT …/outreach. */
function OutreachSheet({ policyId, row, onClose, onSaved }: { policyId: string; row: Row; onClose: () => void; onSaved: () => void }) {
  const [status, setStatus] = useState<OutreachStatus>(row.outreach === 'not_contacted' ? 'told' : row.outreach);
  const [note, setNote] = useState(row.outreachNote ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const save = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      const text = note.trim();
      await policiesApi.outreach(policyId, row.subjectId, text ? { outreach: status, note: text } : { outreach: status }, { toast: false });
      void Taro.showToast({ title: '已记下', icon: 'success', duration: 1500 });
      onSaved();
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有保存成功，请再试一次');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Sheet
      title={`记一下：${row.name}`}
      onClose={onClose}
      footer={
        <>
          {error ? <View className='zg-error pp-sheet-error'>{error}</View> : null}
          <Button className={busy ? 'zg-btn zg-btn-block pp-save zg-btn-disabled' : 'zg-btn zg-btn-block pp-save'} disabled={busy || undefined} onClick={() => void save()}>
            {busy ? '正在保存…' : '保存'}
          </Button>
        </>
      }
    >
      <View className='zg-sheet-note'>办到哪一步了？</View>
      {OUTREACH_STATUSES.map((s) => (
        <SheetOption key={s} label={OUTREACH_STATUS_LABELS[s]} desc={OUTREACH_DESC[s]} on={status === s} onTap={() => setStatus(s)} />
      ))}
      <View className='zg-label pp-note-label'>
        备注<Text className='zg-optional'>可不填</Text>
      </View>
      <Textarea
        className='zg-sheet-textarea pp-note'
        value={note}
        maxlength={NOTE_MAX}
        placeholder='如：电话说了，下周一带材料去镇上办'
        onInput={(e) => setNote(e.detail.value)}
      />
    </Sheet>
  );
}

function PersonCard({ r, onRecord }: { r: Row; onRecord: () => void }) {
  return (
    <View className='zg-card pp-row'>
      <View className='zg-row pp-top'>
        <View className='zg-grow'>
          <Text className='pp-name'>{r.name}</Text>
          {r.villageName ? <Text className='pp-village'>{r.villageName}</Text> : null}
        </View>
        <Text className={`${OUTREACH_TAG_CLASS[r.outreach]} pp-status`}>{OUTREACH_STATUS_LABELS[r.outreach]}</Text>
      </View>
      <View className='zg-row-wrap pp-reasons'>
        {r.reasons.map((x) => (
          <Text key={x} className='zg-tag zg-tag-ok'>
            ✓ {aboutThem(x)}
          </Text>
        ))}
        {r.stillEligible ? null : <Text className='zg-tag zg-tag-warn'>现在不符合了</Text>}
      </View>
      {r.outreachNote ? <View className='pp-note-text'>备注：{r.outreachNote}</View> : null}
      <View className='zg-small pp-when'>
        {r.notifiedAt ? `${formatDate(r.notifiedAt)}已发消息告诉TA` : `${formatDate(r.firstEligibleAt)}符合`}
        {r.outreachAt ? `；${formatDate(r.outreachAt)}记过情况` : ''}
      </View>
      <View className='pp-actions'>
        {r.residentId ? <CallButton className='pp-call' compact fetchPhone={() => api.callResident(r.residentId ?? '', { toast: false })} /> : null}
        <Button className='zg-btn zg-btn-ghost pp-record' onClick={onRecord}>
          记一下情况
        </Button>
      </View>
    </View>
  );
}

function PolicyPeople({ user, id }: { user: AuthUser; id: string }) {
  const [outreach, setOutreach] = useState<OutreachStatus>();
  const [editing, setEditing] = useState<Row | null>(null);
  const policy = useApi(() => policiesApi.get(id, { toast: false }), [id]);
  const list = useCursorList<Row>(
    async (cursor) => {
      const page = await policiesApi.eligible(id, { outreach, cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined });
      return { ...page, items: page.items.map((x) => ({ ...x, id: x.subjectId })) };
    },
    [id, outreach, user.id],
  );
  usePagedScrolling(list);
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current && !list.loading) void list.refresh();
    seen.current = true;
  });

  if (!id || policy.error?.statusCode === 404) {
    return <StateView title='没有找到这项政策' body='可能已经撤回了。' actionText='看全部政策' onAction={() => void Taro.redirectTo({ url: POLICY_ROUTES.liaisonList })} />;
  }
  return (
    <View>
      <View className='zg-card pp-head'>
        <View className='pp-policy' aria-role='link' onClick={() => void Taro.navigateTo({ url: policyUrl(id) })}>
          {policy.data?.title ?? (policy.loading ? '正在加载…' : '政策')}
        </View>
        {policy.data ? <View className='zg-small pp-benefit'>{policy.data.benefit}</View> : null}
        <View className='pp-policy-link' aria-role='link' onClick={() => void Taro.navigateTo({ url: policyUrl(id) })}>
          看政策全文、要带的材料 ▸
        </View>
      </View>
      <View className='pp-filter-label'>按情况看</View>
      <ScrollView scrollX className='zg-chips pp-filters' enhanced showScrollbar={false}>
        <Chip label='全部' on={!outreach} onTap={() => setOutreach(undefined)} />
        {OUTREACH_STATUSES.map((s) => (
          <Chip key={s} label={OUTREACH_STATUS_LABELS[s]} on={outreach === s} onTap={() => setOutreach(s)} />
        ))}
        <View className='zg-chips-end' />
      </ScrollView>

      {list.loading && list.items.length === 0 ? (
        <StateView title='正在加载名单…' />
      ) : list.error ? (
        <StateView title='名单没有加载出来' body={list.error.message} actionText='再试一次' onAction={() => void list.refresh()} />
      ) : list.items.length === 0 ? (
        <StateView
          title={outreach ? `没有“${OUTREACH_STATUS_LABELS[outreach]}”的村民` : '您负责的村民里，现在没有人符合'}
          body={outreach ? '换一个看看。' : '登记了学历、毕业时间、重点人群等信息的村民，符合了会出现在这里。'}
          actionText={outreach ? '看全部' : undefined}
          onAction={outreach ? () => setOutreach(undefined) : undefined}
        />
      ) : (
        <View>
          {list.items.map((r) => (
            <PersonCard key={r.id} r={r} onRecord={() => setEditing(r)} />
          ))}
          <View className='pp-foot'>
            {list.loadingMore ? (
              <View className='zg-small'>正在加载更多…</View>
            ) : list.hasMore ? (
              <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void list.loadMore()}>
                看更多
              </Button>
            ) : (
              <View className='zg-small'>已经到底了，共{list.items.length}人</View>
            )}
          </View>
        </View>
      )}
      {editing ? (
        <OutreachSheet
          policyId={id}
          row={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void list.refresh();
          }}
        />
      ) : null}
    </View>
  );
}

/** 符合政策的村民 (?id=): the liaison's villagers who qualify, why, and how far each has got (未联系 … 已享受). */
export default function PolicyPeoplePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  return (
    <PageShell>
      <RoleGate role='liaison' also={['admin']}>
        {(user) => <PolicyPeople key={`${user.id}:${id}`} user={user} id={id} />}
      </RoleGate>
    </PageShell>
  );
}
