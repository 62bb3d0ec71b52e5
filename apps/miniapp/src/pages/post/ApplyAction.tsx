import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { APPLICATION_STATUS_LABELS, type ApplicationItem, type AuthUser, type JobPostingItem } from '@zaogong/shared';
import { ApiRequestError } from '../../api/client';
import { api } from '../../api/endpoints';
import { useApi, useServicePhone } from '../../api/hooks';
import { CallButton } from '../../components/CallButton';
import { Sheet } from '../../components/Sheet';
import { isOpen, nextStepText } from '../../lib/applications';
import { postFittersUrl } from '../../lib/matching';
import { loginUrl, postUrl, ROUTES } from '../../lib/routes';
import { askSubscribe, SEEKER_KINDS } from '../../lib/subscribe';
import { FirstTimeFields, firstTimeOf, saveQuickRecord, type FirstTime, type FirstTimeErrors } from './FirstTimeFields';

/** Why the last try did not go through, when it is something the person can act on. */
type Blocked = { kind: 'already' } | { kind: 'error'; message: string };

const openMine = () => void Taro.navigateTo({ url: ROUTES.myApplications });

/** 报名成功: in WeChat, also asks whether to be told by WeChat message when the employer answers. */
function appliedNotice(): void {
  void askSubscribe(SEEKER_KINDS, { title: '报名成功', lead: '报名成功！企业约面试、录用时，' }).then((r) => {
    if (!r.shown) void Taro.showToast({ title: '报名成功', icon: 'success', duration: 1500 });
  });
}

/** 把您的姓名和电话发给企业？ The one question before 一键投递 (with name, phone and 村 the first time). */
function ApplySheet({ post, busy, first, onCancel, onConfirm }: { post: JobPostingItem; busy: boolean; first?: ReactNode; onCancel: () => void; onConfirm: () => void }) {
  return (
    <Sheet
      title='把您的姓名和电话发给企业？'
      onClose={onCancel}
      footer={
        <View className='zg-sheet-buttons'>
          <Button className='zg-btn zg-btn-ghost' onClick={onCancel}>
            先不报
          </Button>
          <Button
            className={busy ? 'zg-btn apply-confirm zg-btn-disabled' : 'zg-btn apply-confirm'}
            disabled={busy || undefined}
            onClick={onConfirm}
          >
            {busy ? '正在报名…' : '发送，报名'}
          </Button>
        </View>
      }
    >
      <View className='apply-sheet-post'>
        <View className='apply-sheet-title'>{post.title}</View>
        <View className='zg-small'>{post.employer.name}</View>
      </View>
      <View className='zg-text apply-sheet-text'>
        {first ? '企业会看到您的姓名、电话、住在哪个村，会打电话约您。' : '企业会看到您的姓名、电话、年龄、住在哪个村、会的手艺，会打电话约您。'}
      </View>
      {first}
      <View className='zg-small'>报名以后，可以在「我的」→「我的投递」里看进展，不想去了也能撤回。</View>
    </Sheet>
  );
}

/** An application the seeker already has for this post: where it stands, and the way to 我的投递. */
function Applied({ app, justNow, onAccept, busy }: { app: ApplicationItem; justNow: boolean; onAccept: () => void; busy: boolean }) {
  if (app.status === 'invited') {
    return (
      <View>
        <View className='post-action-note post-invited'>企业邀请您报名这个岗位</View>
        <Button
          className={busy ? 'zg-btn zg-btn-block post-apply zg-btn-disabled' : 'zg-btn zg-btn-block post-apply'}
          disabled={busy || undefined}
          onClick={onAccept}
        >
          {busy ? '正在报名…' : '接受邀请，报名'}
        </Button>
      </View>
    );
  }
  const done = isOpen(app.status) || app.status === 'hired';
  const title =
    app.status === 'applied' ? '✓ 已报名' : app.status === 'withdrawn' ? '已撤回' : `已报名 · ${APPLICATION_STATUS_LABELS[app.status]}`;
  return (
    <View>
      <View className='zg-row post-applied'>
        <View className='zg-grow'>
          <View className={done ? 'post-applied-title' : 'post-applied-title post-applied-closed'}>{title}</View>
          <View className='zg-small'>{justNow ? '企业看到后会打电话给您，请留意来电' : nextStepText(app.status, '您', app.hireStartDate)}</View>
        </View>
        <Button className='zg-btn zg-btn-ghost post-applied-btn' onClick={openMine}>
          我的投递
        </Button>
      </View>
      {done ? <CallButton className='post-call' label='打电话给企业' fetchPhone={() => api.callAboutApplication(app.id)} /> : null}
    </View>
  );
}

interface Props {
  post: JobPostingItem;
  user: AuthUser | null;
  /** `apply=1` in the page's query: the visitor tapped 我要报名 and went to log in first. */
  applyOnReturn: boolean;
}

/**
 * The bar at the bottom of 岗位详情. A seeker applies in two taps (我要报名, then 发送); a visitor logs
 * in first and comes back to the question; a liaison goes to 本村谁合适 to apply for someone.
 */
export function ApplyAction({ post, user, applyOnReturn }: Props) {
  const seeker = user?.role === 'seeker';
  const servicePhone = useServicePhone();
  // Kept with whose it is: just after a login the answer for the visitor (none) must not count.
  // `hasRecord`: a seeker without 求职信息 is asked name, phone and 村 in the sheet (先报名).
  const existing = useApi(
    async () => {
      if (!seeker) return { userId: user?.id ?? null, app: null, hasRecord: false };
      const [apps, profile] = await Promise.all([
        api.listApplications({ postId: post.id, limit: 1 }, { toast: false }),
        api.myProfile({ toast: false }).then(
          () => true,
          (e: unknown) => (e instanceof ApiRequestError && e.statusCode === 404 ? false : Promise.reject(e)),
        ),
      ]);
      return { userId: user?.id ?? null, app: apps.items[0] ?? null, hasRecord: profile };
    },
    [post.id, user?.id, seeker],
  );
  // Unknown after a failed look: let them try (a second application is refused with 409 anyway).
  const known =
    existing.data && existing.data.userId === (user?.id ?? null)
      ? existing.data
      : existing.error && !existing.loading
        ? { userId: user?.id ?? null, app: null, hasRecord: true }
        : undefined;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [blocked, setBlocked] = useState<Blocked>();
  const [mine, setMine] = useState<ApplicationItem>();
  const [first, setFirst] = useState<FirstTime>();
  const [firstErrors, setFirstErrors] = useState<FirstTimeErrors>({});
  const askOnReturn = useRef(applyOnReturn);
  const needsRecord = Boolean(known && !known.hasRecord);

  const ask = () => {
    if (user && needsRecord && !first) setFirst(firstTimeOf(user));
    setAsking(true);
  };

  // Back from login: ask the question the visitor came for.
  useEffect(() => {
    if (!askOnReturn.current || !seeker || existing.loading || !known) return;
    askOnReturn.current = false;
    if (!known.app) ask();
  }, [seeker, existing.loading, known]);
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current && seeker) {
      setBlocked(undefined);
      void existing.reload();
    }
    seen.current = true;
  });

  /** 先报名: the record from the sheet's three answers; false when the person has something to fix. */
  const makeRecord = async (): Promise<boolean> => {
    if (!first || !user) return false;
    const errors = await saveQuickRecord(first, user, [post.occupationCode]);
    setFirstErrors(errors ?? {});
    return !errors;
  };

  const apply = async () => {
    if (busy) return;
    setBusy(true);
    setBlocked(undefined);
    try {
      if (needsRecord && !(await makeRecord())) return;
      setMine(await api.apply({ postId: post.id }, { toast: false }));
      setAsking(false);
      appliedNotice();
    } catch (e) {
      setAsking(false);
      if (e instanceof ApiRequestError && e.statusCode === 409 && 'existingId' in e.body) {
        setBlocked({ kind: 'already' });
        void existing.reload();
      } else setBlocked({ kind: 'error', message: e instanceof ApiRequestError ? e.message : '没有报上名，请再试一次' });
    } finally {
      setBusy(false);
    }
  };

  const accept = async (app: ApplicationItem) => {
    if (busy) return;
    setBusy(true);
    try {
      setMine(await api.patchApplication(app.id, { status: 'applied' }));
      appliedNotice();
    } catch {
      // The client has shown the API's message.
    } finally {
      setBusy(false);
    }
  };

  const askByPhone = (
    <View className='post-ask-phone' aria-role='button' onClick={() => void Taro.makePhoneCall({ phoneNumber: servicePhone }).catch(() => undefined)}>
      有不清楚的？<Text className='post-ask-phone-link'>打电话问就业服务热线 {servicePhone}</Text>
    </View>
  );

  if (!user) {
    return (
      <View>
        <View className='post-action-note'>报名前要先登录</View>
        <Button
          className='zg-btn zg-btn-block post-apply'
          onClick={() => {
            askOnReturn.current = true;
            void Taro.navigateTo({ url: loginUrl(`${postUrl(post.id)}&apply=1`) });
          }}
        >
          我要报名
        </Button>
        {askByPhone}
      </View>
    );
  }
  if (user.role === 'liaison') {
    return (
      <Button className='zg-btn zg-btn-block post-apply' onClick={() => void Taro.navigateTo({ url: postFittersUrl(post.id) })}>
        帮村民报名
      </Button>
    );
  }
  if (!seeker) {
    return <View className='post-action-note post-action-only'>用求职者身份登录后才能报名</View>;
  }

  const app = mine ?? known?.app;
  if (app) return <Applied app={app} justNow={Boolean(mine)} busy={busy} onAccept={() => void accept(app)} />;

  return (
    <View>
      {blocked?.kind === 'already' ? (
        <View className='zg-row post-applied'>
          <View className='zg-grow post-applied-title'>您已经报过名了</View>
          <Button className='zg-btn zg-btn-ghost post-applied-btn' onClick={openMine}>
            我的投递
          </Button>
        </View>
      ) : (
        <View>
          {blocked?.kind === 'error' ? <View className='zg-error post-apply-error'>{blocked.message}</View> : null}
          <Button
            className={!known ? 'zg-btn zg-btn-block post-apply zg-btn-disabled' : 'zg-btn zg-btn-block post-apply'}
            disabled={!known || undefined}
            onClick={ask}
          >
            {!known ? '正在加载…' : '我要报名'}
          </Button>
          {askByPhone}
        </View>
      )}
      {asking ? (
        <ApplySheet
          post={post}
          busy={busy}
          first={
            needsRecord && first ? (
              <FirstTimeFields
                user={user}
                value={first}
                errors={firstErrors}
                onChange={(v) => {
                  setFirst(v);
                  setFirstErrors({});
                }}
              />
            ) : undefined
          }
          onCancel={() => setAsking(false)}
          onConfirm={() => void apply()}
        />
      ) : null}
    </View>
  );
}
