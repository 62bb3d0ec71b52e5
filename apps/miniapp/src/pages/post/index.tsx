import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import {
  BENEFIT_LABELS,
  PAID_DAYS_PER_MONTH,
  POST_TYPE_LABELS,
  REPORT_REASON_LABELS,
  REPORT_REASONS,
  type ReportReason,
} from '@zaogong/shared';
import { ApiRequestError } from '../../api/client';
import { api } from '../../api/endpoints';
import { useApi } from '../../api/hooks';
import { PageShell } from '../../components/PageShell';
import { Sheet, SheetOption } from '../../components/Sheet';
import { StateView } from '../../components/StateView';
import { useSession } from '../../hooks/useSession';
import {
  formatDate,
  formatDistance,
  formatFreshness,
  formatMonthlyWage,
  formatWage,
} from '../../lib/format';
import { postFittersUrl } from '../../lib/matching';
import { posterUrl } from '../../lib/posters';
import { loginUrl, postUrl, ROUTES } from '../../lib/routes';
import { getUser } from '../../lib/session';
import { postPlace, postSpeech, workDates } from '../../lib/speech';
import { ReadAloudButton } from '../../components/ReadAloudButton';
import { PostPhotos } from '../../components/PostPhotos';
import { ApplyAction } from './ApplyAction';
import { GigSignup } from './GigSignup';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const NOTE_MAX = 200;
const ALREADY_REPORTED = '您已经举报过这个岗位，我们会尽快核实';

function Field({ name, children }: { name: string; children: ReactNode }) {
  return (
    <View className='post-field'>
      <View className='post-field-name'>{name}</View>
      <View className='post-field-value'>{children}</View>
    </View>
  );
}

/** 举报: a reason (big choices) and an optional note. Logged-in users only. */
function ReportSheet({ postId, onClose, onDone }: { postId: string; onClose: () => void; onDone: (message: string) => void }) {
  const [reason, setReason] = useState<ReportReason>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const submit = async () => {
    if (!reason) return setError('请先选一个举报原因');
    setBusy(true);
    setError('');
    try {
      await api.reportPost(postId, { reason, note: note.trim() || undefined }, { toast: false });
      onDone('举报已提交，我们会尽快核实');
    } catch (e) {
      if (e instanceof ApiRequestError && e.statusCode === 409) onDone(ALREADY_REPORTED);
      else setError(e instanceof ApiRequestError ? e.message : '没有提交成功，请再试一次');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Sheet
      title='举报这个岗位'
      onClose={onClose}
      footer={
        <>
          {error ? <View className='zg-error report-error'>{error}</View> : null}
          <Button
            className={busy ? 'zg-btn zg-btn-block report-submit zg-btn-disabled' : 'zg-btn zg-btn-block report-submit'}
            disabled={busy || undefined}
            onClick={() => void submit()}
          >
            {busy ? '正在提交…' : '提交举报'}
          </Button>
        </>
      }
    >
      <View className='zg-sheet-note'>您的举报只有管理人员能看到，企业不会知道是谁举报的。</View>
      {REPORT_REASONS.map((r) => (
        <SheetOption key={r} label={REPORT_REASON_LABELS[r]} on={reason === r} onTap={() => {
            setReason(r);
            setError('');
          }} />
      ))}
      <View className='zg-label report-note-label'>
        补充说明<Text className='zg-optional'>可不填</Text>
      </View>
      <Textarea
        className='zg-sheet-textarea'
        value={note}
        maxlength={NOTE_MAX}
        placeholder='比如：打电话过去，让先交200元押金'
        onInput={(e) => setNote(e.detail.value)}
      />
    </Sheet>
  );
}

/** 岗位详情: every field of one published post, the employer, sharing and 举报. */
export default function PostPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const user = useSession();
  const post = useApi(() => api.getPost(id, { toast: false }), [id]);
  const [reporting, setReporting] = useState(false);
  const [reportedNote, setReportedNote] = useState('');
  // Set when a visitor tapped 举报 and was sent to log in: the sheet opens once they are back.
  const reportAfterLogin = useRef(params.report === '1');

  useEffect(() => {
    if (reportAfterLogin.current && getUser()) {
      reportAfterLogin.current = false;
      setReporting(true);
    }
  }, []);
  useDidShow(() => {
    if (reportAfterLogin.current && getUser()) {
      reportAfterLogin.current = false;
      setReporting(true);
    }
  });

  useShareAppMessage(() => {
    const p = post.data;
    return {
      title: p ? `${p.title}，${formatWage(p)}` : '枣工快递：山亭区招工信息',
      path: postUrl(id),
    };
  });

  const startReport = () => {
    if (!user) {
      reportAfterLogin.current = true;
      void Taro.navigateTo({ url: loginUrl(`${postUrl(id)}&report=1`) });
      return;
    }
    setReporting(true);
  };

  if (!id) {
    return (
      <PageShell>
        <StateView title='没有找到这个岗位' actionText='去看别的岗位' onAction={() => void Taro.switchTab({ url: ROUTES.index })} />
      </PageShell>
    );
  }
  if (post.loading && !post.data) {
    return (
      <PageShell>
        <StateView title='正在加载…' />
      </PageShell>
    );
  }
  if (post.error || !post.data) {
    const gone = post.error?.statusCode === 404;
    return (
      <PageShell>
        <StateView
          title={gone ? '这个岗位已经下架了' : '岗位没有加载出来'}
          body={gone ? '可能已经招满或过期，去看看别的岗位吧。' : post.error?.message}
          actionText={gone ? '去看别的岗位' : '再试一次'}
          onAction={gone ? () => void Taro.switchTab({ url: ROUTES.index }) : () => void post.reload()}
        />
      </PageShell>
    );
  }

  const p = post.data;
  const dates = workDates(p);
  const monthly = formatMonthlyWage(p);
  const fresh = formatFreshness(p);
  const { lat, lng } = p;
  const canOpenMap = IS_WEAPP && lat !== null && lng !== null;
  // 打印海报: staff for any open post, an employer for its own.
  const canPrint = p.status === 'published' && (user?.role === 'liaison' || user?.role === 'admin' || (user?.role === 'employer' && user.employerId === p.employer.id));
  const openMap = () => {
    if (lat === null || lng === null) return;
    void Taro.openLocation({ latitude: lat, longitude: lng, name: p.employer.name, address: postPlace(p), scale: 16 });
  };

  return (
    <PageShell>
      <View className='zg-card post-head'>
        <View className='post-title'>{p.title}</View>
        <View className='post-wage zg-money'>{formatWage(p)}</View>
        {monthly ? <View className='zg-small'>{monthly}</View> : null}
        <View className='zg-row-wrap'>
          <Text className='zg-tag'>{POST_TYPE_LABELS[p.type]}</Text>
          <Text className='zg-tag zg-tag-plain'>招{p.headcount}人</Text>
          {p.townName ? <Text className='zg-tag zg-tag-plain'>{p.townName}</Text> : null}
        </View>
        <View className='post-employer zg-row-wrap'>
          <Text className='post-employer-name'>{p.employer.name}</Text>
          {p.employer.verified ? (
            <Text className='zg-tag zg-tag-ok post-verified'>✓ 已认证企业</Text>
          ) : (
            <Text className='zg-tag zg-tag-plain post-verified'>未认证</Text>
          )}
        </View>
        {dates ? <View className='post-dates'>用工日期 {dates}</View> : null}
        {fresh ? <View className='zg-small post-fresh'>{fresh}</View> : null}
        <ReadAloudButton className='post-read' text={() => postSpeech(p)} />
      </View>

      {user?.role === 'liaison' ? (
        <View className='zg-card post-fitters'>
          <Button className='zg-btn zg-btn-block' onClick={() => void Taro.navigateTo({ url: postFittersUrl(p.id) })}>
            看看本村谁合适
          </Button>
          <View className='zg-small post-fitters-note'>从您登记的村民里，找出适合这个岗位的人</View>
        </View>
      ) : null}

      {canPrint ? (
        <View className='zg-card post-poster'>
          <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void Taro.navigateTo({ url: posterUrl('post', p.id) })}>
            打印海报
          </Button>
          <View className='zg-small post-fitters-note'>打印出来贴在村务公开栏，村民扫码就能看、能报名</View>
        </View>
      ) : null}

      <PostPhotos post={p} editable={user?.role === 'employer' && user.employerId === p.employer.id && p.status !== 'closed'} />

      <View className='zg-card'>
        <View className='zg-card-title'>工作内容</View>
        <View className='zg-text zg-pre'>{p.description}</View>
      </View>

      <View className='zg-card'>
        <View className='zg-card-title'>岗位信息</View>
        {p.occupationName ? <Field name='工种'>{p.occupationName}</Field> : null}
        <Field name='工作类型'>{POST_TYPE_LABELS[p.type]}</Field>
        <Field name='工资'>
          {formatWage(p)}
          {monthly ? (
            <View className='zg-small'>
              {monthly}（{p.wageUnit === 'hour' ? '一天按8小时、' : ''}一个月按{PAID_DAYS_PER_MONTH}天算）
            </View>
          ) : null}
        </Field>
        {dates ? <Field name='用工日期'>{dates}</Field> : null}
        <Field name='招几个人'>{p.headcount}人</Field>
        <Field name='工作地点'>
          {postPlace(p)}
          {typeof p.distanceKm === 'number' ? <View className='zg-small'>{formatDistance(p.distanceKm)}</View> : null}
          {canOpenMap ? (
            <Button className='zg-btn zg-btn-ghost post-map' onClick={openMap}>
              查看位置
            </Button>
          ) : null}
        </Field>
        {p.skills.length > 0 ? (
          <Field name='会这些更好'>
            <View className='zg-row-wrap'>
              {p.skills.map((s) => (
                <Text key={s} className='zg-tag zg-tag-plain'>
                  {s}
                </Text>
              ))}
            </View>
          </Field>
        ) : null}
        <Field name='福利待遇'>
          {p.benefits.length > 0 ? (
            <View className='zg-row-wrap'>
              {p.benefits.map((b) => (
                <Text key={b} className='zg-tag zg-tag-warn'>
                  {BENEFIT_LABELS[b] ?? b}
                </Text>
              ))}
            </View>
          ) : (
            '没有写明'
          )}
        </Field>
        {p.publishedAt ? <Field name='发布日期'>{formatDate(p.publishedAt)}</Field> : null}
        {p.expiresAt ? <Field name='招到哪天'>{formatDate(p.expiresAt)}</Field> : null}
      </View>

      <View className='zg-card'>
        <View className='zg-card-title'>招工单位</View>
        <View className='zg-text post-employer-full'>{p.employer.name}</View>
        {p.employer.verified ? (
          <View className='post-trust post-trust-ok'>✓ 已认证企业：人社部门核对过企业名称和统一社会信用代码。</View>
        ) : (
          <View className='post-trust'>这家企业还没有通过认证，去之前多问清楚。</View>
        )}
      </View>

      <View className='zg-card post-safety'>
        <View className='zg-card-title'>找工作要当心</View>
        <View className='zg-text'>正规招工不收钱。要先交押金、培训费、服装费的，都不要交。</View>
        {reportedNote ? (
          <View className='post-reported'>{reportedNote}</View>
        ) : (
          <Button className='zg-btn zg-btn-danger zg-btn-block post-report' onClick={startReport}>
            举报这个岗位
          </Button>
        )}
        {IS_WEAPP ? (
          <Button className='zg-btn zg-btn-ghost zg-btn-block post-share' openType='share'>
            分享给微信好友
          </Button>
        ) : null}
      </View>

      <View className={p.type === 'gig' ? 'post-bottom-space gs-bottom-space' : 'post-bottom-space'} />
      <View className='post-action'>
        {p.type === 'gig' ? (
          <GigSignup post={p} user={user} date={params.date} signupOnReturn={params.signup === '1'} />
        ) : (
          <ApplyAction post={p} user={user} applyOnReturn={params.apply === '1'} />
        )}
      </View>

      {reporting ? (
        <ReportSheet
          postId={p.id}
          onClose={() => setReporting(false)}
          onDone={(message) => {
            setReporting(false);
            setReportedNote(message);
            if (message !== ALREADY_REPORTED) void Taro.showToast({ title: '举报已提交', icon: 'success', duration: 1500 });
          }}
        />
      ) : null}
    </PageShell>
  );
}
