import { useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { LIST_LIMIT_MAX, type AuthUser, type HireItem } from '@zaogong/shared';
import { api } from '../../../../api/endpoints';
import { useApi, useCursorList, usePagedScrolling } from '../../../../api/hooks';
import { ApplicationCard } from '../../../../components/ApplicationCard';
import { ConfirmSheet, idNumberField } from '../../../../components/ConfirmSheet';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { beforeFirstDay, notStartedText } from '../../../../lib/applications';
import { formatDate } from '../../../../lib/format';
import { ROUTES } from '../../../../lib/routes';
import './index.css';

const PAGE_SIZE = 20;

/** One hire of a resident that waits for the person's side: the liaison confirms it for them. */
function HireCard({ hire, onChanged }: { hire: HireItem; onChanged: () => void }) {
  const [asking, setAsking] = useState(false);
  const flexible = hire.kind === 'flexible';
  const waitsForUs = !flexible && !hire.personConfirmedAt;
  const notYet = beforeFirstDay(hire.startDate);

  const confirm = async (idNumber: string) => {
    const done = await api.confirmHire(hire.id, idNumber ? { idNumber } : {}, { toast: false });
    setAsking(false);
    void Taro.showToast({ title: done.verified ? '已确认，计入新增就业' : '已确认，等企业确认', icon: 'none', duration: 2500 });
    onChanged();
  };

  return (
    <View className='zg-card lh-hire' id={`lh-${hire.id}`}>
      <View className='lh-name'>{hire.residentName}</View>
      {flexible ? (
        <View className='lh-where'>
          灵活就业：<Text className='lh-strong'>{hire.evidence}</Text>
        </View>
      ) : (
        <View className='lh-where'>
          在<Text className='lh-strong'>{hire.employerName}</Text>
          {hire.postTitle ? `干「${hire.postTitle}」` : '上班'}
        </View>
      )}
      <View className='lh-line'>
        {flexible ? '从这天算：' : '第一天上班：'}
        <Text className='lh-strong'>{formatDate(hire.startDate)}</Text>
      </View>
      {flexible ? (
        <View className='lh-wait'>等管理员核实后计入新增就业</View>
      ) : (
        <View className='zg-small lh-sides'>
          <View>企业：{hire.employerConfirmedAt ? '✓ 已确认' : '还没确认'}</View>
          <View>本人或联络员：{hire.personConfirmedAt ? '✓ 已确认' : '还没确认'}</View>
        </View>
      )}
      {waitsForUs && notYet ? (
        <>
          <View className='zg-small lh-wait'>{notStartedText(hire.startDate)}。</View>
          <Button className='zg-btn zg-btn-block lh-confirm zg-btn-disabled' disabled>
            确认已上班
          </Button>
        </>
      ) : waitsForUs ? (
        <Button className='zg-btn zg-btn-block lh-confirm' onClick={() => setAsking(true)}>
          确认已上班
        </Button>
      ) : flexible ? null : (
        <View className='lh-wait'>您这边已确认，等企业确认后计入新增就业</View>
      )}
      {asking ? (
        <ConfirmSheet
          title={`${hire.residentName}已经上班了？`}
          submitText='已上班，确认'
          cancelText='还没问'
          field={hire.idNumberMissing ? idNumberField('TA的身份证号（TA报名时没填；实名台账要用）') : undefined}
          onClose={() => setAsking(false)}
          onSubmit={confirm}
        >
          {hire.employerName}说TA<Text className='cs-strong'>{formatDate(hire.startDate)}</Text>开始上班。问过本人确实在上班，再点确认。确认后算进今年的新增就业，<Text className='cs-strong'>确认了不能撤回</Text>。
        </ConfirmSheet>
      ) : null}
    </View>
  );
}

function Hires({ user }: { user: AuthUser }) {
  const hires = useApi(() => api.listHires({ verified: false, limit: LIST_LIMIT_MAX }, { toast: false }), [user.id]);
  const apps = useCursorList((cursor) => api.listApplications({ cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined }), [user.id]);
  const reload = () => {
    void hires.reload();
    void apps.refresh();
  };
  usePagedScrolling(apps, () => void hires.reload());
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current) reload();
    seen.current = true;
  });

  const pending = hires.data?.items ?? [];
  // The ones that need the liaison first: waiting for the person's side.
  const sorted = [...pending].sort((a, b) => Number(Boolean(a.personConfirmedAt)) - Number(Boolean(b.personConfirmedAt)));
  const toConfirm = pending.filter((h) => !h.personConfirmedAt).length;

  return (
    <View>
      <View className='lh-section-head'>
        <View className='zg-h1'>待确认的录用{toConfirm > 0 ? `（${toConfirm}）` : ''}</View>
        <View className='zg-small'>企业说村民已经上班了。问过本人，确实在上班就点“确认已上班”，这样才算进新增就业。</View>
      </View>
      {hires.loading && !hires.data ? (
        <StateView title='正在加载…' />
      ) : hires.error ? (
        <StateView title='录用没有加载出来' body={hires.error.message} actionText='再试一次' onAction={() => void hires.reload()} />
      ) : sorted.length === 0 ? (
        <View className='zg-card lh-empty zg-text'>现在没有要确认的录用。</View>
      ) : (
        sorted.map((h) => <HireCard key={h.id} hire={h} onChanged={reload} />)
      )}

      <View className='lh-section-head'>
        <View className='zg-h1'>村民的投递</View>
        <View className='zg-small'>{user.regionName ?? '您负责的村居'}的村民报过名的岗位，最近有变化的在前面。</View>
      </View>
      {apps.loading && apps.items.length === 0 ? (
        <StateView title='正在加载…' />
      ) : apps.error ? (
        <StateView title='投递没有加载出来' body={apps.error.message} actionText='再试一次' onAction={() => void apps.refresh()} />
      ) : apps.items.length === 0 ? (
        <StateView
          title='村民还没有报过名'
          body='在居民详情里点“为TA找工作”，就能帮TA报名合适的岗位。'
          actionText='看居民名单'
          onAction={() => void Taro.navigateTo({ url: ROUTES.residents })}
        />
      ) : (
        <View>
          {apps.items.map((a) => (
            <ApplicationCard key={a.id} app={a} forResident onChanged={reload} />
          ))}
          <View className='lh-foot zg-small'>{apps.loadingMore ? '正在加载更多…' : apps.hasMore ? '往上滑看更多' : '已经到底了'}</View>
        </View>
      )}
    </View>
  );
}

/** 录用确认和村民投递: hires of the liaison's residents to confirm, and their residents' applications. */
export default function LiaisonHiresPage() {
  return (
    <PageShell>
      <RoleGate role='liaison'>{(user) => <Hires user={user} />}</RoleGate>
    </PageShell>
  );
}
