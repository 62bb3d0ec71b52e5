import { useRef, useState } from 'react';
import { Button, Input, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { RESIDENT_STATUSES, RESIDENT_STATUS_LABELS, type ResidentDetail, type ResidentStatus } from '@zaogong/shared';
import { ApiRequestError } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useApi } from '../../../../api/hooks';
import { CallButton } from '../../../../components/CallButton';
import { ConfirmSheet } from '../../../../components/ConfirmSheet';
import { ErasureEffects } from '../../../../components/DeletionRequests';
import { PageShell } from '../../../../components/PageShell';
import { ResidentFields, ResidentHead, ResidentHistory } from '../../../../components/ResidentView';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { residentMatchesUrl } from '../../../../lib/matching';
import { residentFormUrl, ROUTES } from '../../../../lib/routes';
import { HelpGigSignup } from '../../components/HelpGigSignup';
import './index.css';

/** One tap sets the status; the note (optional) goes into the history with it. */
function StatusCard({ r, onChanged }: { r: ResidentDetail; onChanged: () => Promise<void> }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<ResidentStatus>();
  const [error, setError] = useState('');

  const change = async (status: ResidentStatus) => {
    if (busy || status === r.status) return;
    setBusy(status);
    setError('');
    try {
      await api.patchResident(r.id, { status, statusNote: note.trim() || undefined }, { toast: false });
      setNote('');
      void Taro.showToast({ title: `已改为${RESIDENT_STATUS_LABELS[status]}`, icon: 'success', duration: 1500 });
      await onChanged();
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有改成功，请再试一次');
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <View className='zg-card rd-status'>
      <View className='zg-card-title'>更新就业状态</View>
      <View className='zg-small'>先写备注（可不写），再点下面的状态，一点就改好。</View>
      <Input
        className='zg-input rd-note'
        type='text'
        placeholder='备注，如：在桑村塑编厂上班'
        maxlength={100}
        value={note}
        onInput={(e) => setNote(e.detail.value)}
      />
      <View className='rd-buttons'>
        {RESIDENT_STATUSES.map((s) => {
          const current = s === r.status;
          const cls = current
            ? 'zg-btn rd-btn rd-btn-current'
            : busy
              ? 'zg-btn zg-btn-ghost rd-btn zg-btn-disabled'
              : 'zg-btn zg-btn-ghost rd-btn';
          return (
            <Button key={s} className={cls} disabled={current || Boolean(busy) || undefined} onClick={() => void change(s)}>
              {busy === s ? '正在改…' : current ? `✓ ${RESIDENT_STATUS_LABELS[s]}` : RESIDENT_STATUS_LABELS[s]}
            </Button>
          );
        })}
      </View>
      <View className='zg-small'>打“✓”的是现在的状态。</View>
      {error ? <View className='zg-error'>{error}</View> : null}
    </View>
  );
}

const ERASE_PRESETS = ['本人到村委会窗口申请删除个人信息'] as const;

/** Back to 居民名单 (it reloads on show), or opens it when the detail was reached another way. */
function backToList(): void {
  const pages = Taro.getCurrentPages();
  const prev = pages[pages.length - 2];
  if (prev && `/${prev.route ?? ''}` === ROUTES.residents) void Taro.navigateBack();
  else void Taro.redirectTo({ url: ROUTES.residents });
}

/**
 * 注销此人信息: the person asked at the village window (个人信息保护法 第四十七条); erased at once, with the
 * reason recorded. A request made in the app is handled on 注销申请 instead (this completes it too).
 */
function EraseSection({ r }: { r: ResidentDetail }) {
  const [open, setOpen] = useState(false);
  return (
    <View className='zg-section rd-erase'>
      <Button className='zg-btn zg-btn-danger zg-btn-block rd-erase-btn' onClick={() => setOpen(true)}>
        注销此人信息
      </Button>
      <View className='zg-small rd-erase-note'>本人到村委会申请删除个人信息时用。本人在小程序里申请的，到首页的“注销申请”里办理。</View>
      {open ? (
        <ConfirmSheet
          title={`注销 ${r.name} 的信息`}
          submitText='确认删除'
          danger
          field={{
            label: '原因（记进操作记录）',
            required: true,
            minLength: 4,
            presets: ERASE_PRESETS,
            placeholder: '例如：本人到村委会窗口申请删除个人信息',
            requiredMessage: '请写明原因（至少4个字）',
          }}
          onClose={() => setOpen(false)}
          onSubmit={async (reason) => {
            await api.eraseResident(r.id, reason, { toast: false });
            setOpen(false);
            void Taro.showToast({ title: '已删除', icon: 'success', duration: 1500 });
            backToList();
          }}
        >
          <View>请先核对本人的身份证，问清楚是本人的意思。办理以后：</View>
          <ErasureEffects />
          <View className='dr-warn'>删除了就找不回来。</View>
        </ConfirmSheet>
      ) : null}
    </View>
  );
}

function Detail({ id }: { id: string }) {
  const record = useApi(() => api.getResident(id, { toast: false }), [id]);
  // Back from 修改: show the saved values. The first show comes with the first load.
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current && !record.loading) void record.reload();
    seen.current = true;
  });

  if (record.loading && !record.data) return <StateView title='正在加载…' />;
  if (record.error || !record.data) {
    const gone = record.error?.statusCode === 404;
    return (
      <StateView
        title={gone ? '没有找到这个居民' : '这个居民的信息没有打开'}
        body={gone ? '可能已经删除，或者不在您负责的村居。' : record.error?.message}
        actionText={gone ? '回到居民名单' : '再试一次'}
        onAction={gone ? () => void Taro.redirectTo({ url: ROUTES.residents }) : () => void record.reload()}
      />
    );
  }
  const r = record.data;
  return (
    <View>
      <ResidentHead r={r} />
      <View className='zg-section rd-call'>
        <CallButton fetchPhone={() => api.callResident(r.id, { toast: false })} masked={r.phone} />
        <View className='zg-small rd-call-note'>按一下就拨号。号码只用于这一次通话，每次拨打都会记录。</View>
      </View>
      <View className='zg-section rd-match'>
        <Button className='zg-btn zg-btn-block rd-match-btn' onClick={() => void Taro.navigateTo({ url: residentMatchesUrl(r.id) })}>
          为TA找工作
        </Button>
        <View className='zg-small rd-match-note'>按TA会的手艺、想干的活和住的地方找岗位</View>
      </View>
      <HelpGigSignup r={r} />
      <StatusCard r={r} onChanged={record.reload} />
      <View className='zg-section rd-edit'>
        <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void Taro.navigateTo({ url: residentFormUrl(r.id) })}>
          编辑信息
        </Button>
      </View>
      <ResidentHistory history={r.history} />
      <ResidentFields r={r} />
      <EraseSection r={r} />
    </View>
  );
}

/** 居民详情: the record (masked), 打电话, its status history, one-tap status change, 编辑, 注销此人信息. */
export default function ResidentPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  return (
    <PageShell>
      <RoleGate role='liaison'>
        {() =>
          id ? (
            <Detail id={id} />
          ) : (
            <StateView title='没有找到这个居民' actionText='回到居民名单' onAction={() => void Taro.redirectTo({ url: ROUTES.residents })} />
          )
        }
      </RoleGate>
    </PageShell>
  );
}
