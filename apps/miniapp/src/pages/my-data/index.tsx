import { useRef, useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { DELETION_REQUEST_STATUS_LABELS, type AuthUser, type MyDeletionRequest } from '@zaogong/shared';
import { ApiRequestError } from '../../api/client';
import { api } from '../../api/endpoints';
import { FILE_SUPPORT, downloadMyData, shareMyDataFile, type MyDataFile } from '../../api/files';
import { useApi } from '../../api/hooks';
import { ConfirmSheet } from '../../components/ConfirmSheet';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import { useSession } from '../../hooks/useSession';
import { formatDateTime } from '../../lib/resident';
import { loginUrl } from '../../lib/routes';
import './index.css';

const REASON_MAX = 200;

/** What the file holds, in the words of the person it is about. */
const EXPORT_CONTENTS = [
  '账号：姓名、手机号、什么时候注册的',
  '求职信息：完整的身份证号、手机号，会的手艺、想找的工作，和每次修改的记录',
  '报名、面试、录用的记录',
  '收到的消息和消息设置',
  '您同意过什么、什么时候同意的',
  '和您有关的操作记录',
] as const;

/** What an erasure removes and what it keeps (docs/business-logic/personal-data-rights.md). */
const ERASED = [
  '姓名、身份证号、手机号、学历、会的手艺、想找的工作、工资要求等求职信息',
  '还没结束的报名会撤回，还没确认的录用记录会删除',
  '您收到的消息、消息设置和微信通知订阅',
  '账号：解除和微信、手机号的绑定，账号注销，不能再登录',
] as const;
const KEPT = [
  '已经确认上班、算进就业人数的记录：只留村居、性别和出生年份，不留姓名、身份证号和电话。这样往年统计的就业人数不会变。',
  '您当初怎么同意、什么时候同意登记的（证明平台是经过您同意才保存信息的）',
  '平台的操作记录（里面没有您的个人信息）',
] as const;

function Bullets({ items, className }: { items: readonly string[]; className?: string }) {
  return (
    <View className={className ? `md-list ${className}` : 'md-list'}>
      {items.map((t) => (
        <View key={t} className='md-item'>
          <Text className='md-dot'>·</Text>
          <Text className='zg-grow'>{t}</Text>
        </View>
      ))}
    </View>
  );
}

/** 下载我的数据: a browser saves the JSON file; WeChat downloads it, then forwards it into a chat. */
function ExportCard() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [file, setFile] = useState<MyDataFile>();

  const download = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    setFile(undefined);
    try {
      setFile(await downloadMyData());
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有下载成功，请再试一次');
    } finally {
      setBusy(false);
    }
  };

  // Called straight from the tap: WeChat forwards a file only then.
  const share = (f: Extract<MyDataFile, { saved: false }>) => {
    void shareMyDataFile(f).then((sent) => {
      if (sent) void Taro.showToast({ title: '已发送', icon: 'success', duration: 1500 });
    });
  };

  return (
    <View className='zg-card md-export'>
      <View className='zg-card-title'>下载我的数据</View>
      <View className='zg-text'>一个文件，里面是平台保存的您的全部信息：</View>
      <Bullets items={EXPORT_CONTENTS} />
      <View className='md-warn'>文件里有您完整的身份证号和手机号，请自己保管好，不要发给别人。</View>
      {FILE_SUPPORT.download ? (
        <Button
          className={busy ? 'zg-btn zg-btn-block md-download zg-btn-disabled' : 'zg-btn zg-btn-block md-download'}
          disabled={busy || undefined}
          onClick={() => void download()}
        >
          {busy ? '正在下载…' : '下载我的数据'}
        </Button>
      ) : (
        <View className='zg-text md-note'>这里不能下载文件，请在微信小程序或浏览器里打开枣工快递。</View>
      )}
      {error ? <View className='zg-error'>{error}</View> : null}
      {file && file.saved ? (
        <View className='md-done'>
          已下载“{file.fileName}”。请到手机或电脑的“下载”文件夹里找，用浏览器或记事本就能打开。
        </View>
      ) : null}
      {file && !file.saved ? (
        <View className='md-done'>
          <View>文件准备好了。微信里打不开这种文件，请发到微信聊天里保存：选“文件传输助手”，在电脑微信上就能打开、保存。</View>
          <Button className='zg-btn zg-btn-ghost zg-btn-block md-share' onClick={() => share(file)}>
            发到微信聊天
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** The latest request; null before the first one (404). */
async function loadLatest(): Promise<MyDeletionRequest | null> {
  try {
    return await api.myDeletionRequest({ toast: false });
  } catch (e) {
    if (e instanceof ApiRequestError && e.statusCode === 404) return null;
    throw e;
  }
}

/** Where the request stands: 待处理, 已删除, or 未同意 with the reason the staff gave. */
function RequestState({ req }: { req: MyDeletionRequest }) {
  const tagClass = req.status === 'pending' ? 'zg-tag zg-tag-warn' : req.status === 'completed' ? 'zg-tag zg-tag-ok' : 'zg-tag zg-tag-plain';
  return (
    <View className={`md-state md-state-${req.status}`}>
      <View className='zg-row-wrap'>
        <Text className='md-state-title'>注销申请</Text>
        <Text className={`${tagClass} md-state-tag`}>{DELETION_REQUEST_STATUS_LABELS[req.status]}</Text>
      </View>
      <View className='md-line'>申请时间：{formatDateTime(req.requestedAt)}</View>
      {req.reason ? <View className='md-line'>您写的原因：{req.reason}</View> : null}
      {req.status === 'pending' ? (
        <View className='md-line md-strong'>
          村里的联络员或区人社局核实是您本人的意思后就会办理。办好以后，这个账号会自动退出，不能再登录。想撤回申请，请找村里的联络员。
        </View>
      ) : null}
      {req.status === 'declined' ? (
        <View>
          {req.decidedAt ? <View className='md-line'>处理时间：{formatDateTime(req.decidedAt)}</View> : null}
          <View className='md-reason'>没有同意的原因：{req.decisionNote ?? '没有写原因'}</View>
          <View className='md-line'>原因解决以后，可以在下面再申请一次。</View>
        </View>
      ) : null}
      {req.status === 'completed' ? <View className='md-line md-strong'>您的个人信息已经删除，账号已注销。</View> : null}
    </View>
  );
}

/** 注销账号并删除个人信息: what goes and what stays, a reason, a confirm step; then the request's state. */
function DeletionCard({ user }: { user: AuthUser }) {
  const latest = useApi(loadLatest, [user.id]);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  // Back on this page: the request may have been handled meanwhile.
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current && !latest.loading) void latest.reload();
    seen.current = true;
  });

  const req = latest.data;
  const canAsk = req === null || (req !== undefined && req.status === 'declined');

  return (
    <View className='zg-card md-delete'>
      <View className='zg-card-title'>注销账号并删除个人信息</View>
      {latest.loading && req === undefined ? <View className='zg-small'>正在加载…</View> : null}
      {latest.error ? (
        <View>
          <View className='zg-error'>{latest.error.message}</View>
          <Button className='zg-btn zg-btn-ghost zg-btn-block md-retry' onClick={() => void latest.reload()}>
            再试一次
          </Button>
        </View>
      ) : null}
      {req ? <RequestState req={req} /> : null}

      {canAsk ? (
        <View>
          <View className='zg-text'>不想再用枣工快递了，可以申请注销。注销以后：</View>
          <View className='md-sub md-sub-erased'>会删除的</View>
          <Bullets items={ERASED} className='md-list-erased' />
          <View className='md-sub md-sub-kept'>会留下的（不带姓名）</View>
          <Bullets items={KEPT} className='md-list-kept' />
          {user.role === 'employer' ? <View className='md-line'>企业的信息和发布的岗位属于企业，不会删除；您会离开这个企业。</View> : null}
          <View className='md-line'>注销以后，您还可以用同一个微信、手机号或身份证号重新登记，就当是新用户。</View>

          <View className='zg-label md-reason-label'>
            为什么要注销
            <Text className='zg-optional'>可不填</Text>
          </View>
          {/* WeChat draws a textarea above everything, the confirm sheet too: plain text while it is open. */}
          {confirming ? (
            <View className='zg-sheet-textarea md-reason-input'>{reason}</View>
          ) : (
            <Textarea
              className='zg-sheet-textarea md-reason-input'
              value={reason}
              maxlength={REASON_MAX}
              placeholder='例如：已经找到工作，不再需要了'
              onInput={(e) => setReason(e.detail.value)}
            />
          )}
          <Button className='zg-btn zg-btn-danger zg-btn-block md-ask' onClick={() => setConfirming(true)}>
            申请注销账号
          </Button>
          <View className='zg-small md-note'>提交以后，由村里的联络员或区人社局核实、办理。</View>
        </View>
      ) : null}

      {confirming ? (
        <ConfirmSheet
          title='确定要注销账号吗？'
          submitText='确认注销'
          danger
          onClose={() => setConfirming(false)}
          onSubmit={async () => {
            await api.requestDeletion(reason.trim() || undefined, { toast: false });
            setConfirming(false);
            setReason('');
            void Taro.showToast({ title: '申请已提交', icon: 'success', duration: 1500 });
            await latest.reload();
          }}
        >
          <View className='md-confirm'>
            办好以后，您的姓名、身份证号、手机号和求职信息都会删除，账号不能再登录，<Text className='md-strong'>删除了就找不回来</Text>。
          </View>
          <View className='md-confirm'>想留一份，请先点“下载我的数据”。</View>
          {reason.trim() ? <View className='md-confirm'>原因：{reason.trim()}</View> : null}
        </ConfirmSheet>
      ) : null}
    </View>
  );
}

function MyData({ user }: { user: AuthUser }) {
  const mayAsk = user.role === 'seeker' || user.role === 'employer';
  return (
    <View>
      <View className='md-intro'>
        <View className='zg-h1'>我的个人信息</View>
        <View className='zg-small'>按照《个人信息保护法》，您可以随时下载平台保存的您的全部信息，也可以申请注销账号、删除个人信息。</View>
      </View>
      <ExportCard />
      {mayAsk ? (
        <DeletionCard user={user} />
      ) : (
        <View className='zg-card md-staff'>
          <View className='zg-card-title'>工作人员的账号</View>
          <View className='zg-text'>联络员和管理员的账号不在这里注销。不再做这项工作时，请区人社局在“用户管理”里停用。</View>
        </View>
      )}
    </View>
  );
}

/** 我的个人信息 (个人信息保护法 第四十五、四十七条): a copy of one's data, and erasure on request. */
export default function MyDataPage() {
  const user = useSession();
  return (
    <PageShell>
      {user ? (
        <MyData key={user.id} user={user} />
      ) : (
        <StateView title='请先登录' body='登录后才能查看、下载您的个人信息。' actionText='去登录' onAction={() => void Taro.navigateTo({ url: loginUrl() })} />
      )}
    </PageShell>
  );
}
