import { useRef, useState } from 'react';
import { Button, ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import {
  POST_STATUS_LABELS,
  VERIFICATION_STATE_LABELS,
  type AuthUser,
  type EmployerItem,
  type EmployerJoinCode,
  type PostStatus,
  type VerificationState,
} from '@zaogong/shared';
import { ApiRequestError } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useApi, useCursorList } from '../../../../api/hooks';
import { Chip } from '../../../../components/Chip';
import { HomeHeader } from '../../../../components/HomeHeader';
import { HomeTabBar, WITH_TAB_BAR } from '../../../../components/HomeTabBar';
import { OutboxBar } from '../../../../components/OutboxBar';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { candidatesUrl } from '../../../../lib/matching';
import { ROUTES } from '../../../../lib/routes';
import { SHARED_STAFF_ROUTES } from '../../../../lib/shared-staff';
import { MyPostCard } from '../../components/MyPostCard';
import { shortDateTime } from '../../lib/dates';
import { openGigRoster } from '../../lib/gigs';
import { EMPLOYER_EDIT_URL, postFormUrl } from '../../lib/urls';
import './index.css';

const PAGE_SIZE = 20;
/** The tabs of 我的岗位, in the order an employer looks for them. */
const TABS: readonly PostStatus[] = ['pending_review', 'published', 'rejected', 'draft', 'closed', 'expired'];

const VERIFICATION_TAG: Record<VerificationState, string> = {
  pending: 'zg-tag zg-tag-warn',
  verified: 'zg-tag zg-tag-ok',
  rejected: 'zg-tag eh-tag-bad',
};

const go = (url: string) => void Taro.navigateTo({ url });

/** Before anything else: register the employer, or join a colleague's with a code. */
function NotRegistered() {
  return (
    <View>
      <View className='zg-card eh-start'>
        <View className='zg-card-title'>第一步：登记您的企业</View>
        <View className='zg-text'>
          填上企业名称、营业执照上的统一社会信用代码、在哪个镇街。登记好了就能发布招工信息。
        </View>
        <View className='zg-gap' />
        <Button className='zg-btn zg-btn-block eh-big' onClick={() => go(ROUTES.employerRegister)}>
          登记企业
        </Button>
        <View className='zg-small eh-or'>同事已经登记过了？不用再登记，找他要一个加入码。</View>
        <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => go(`${ROUTES.employerRegister}?join=1`)}>
          输入加入码
        </Button>
      </View>
      <View className='zg-card'>
        <View className='zg-card-title'>看看大家在招什么人</View>
        <View className='zg-small'>全区已发布的岗位，谁都能看。</View>
        <View className='zg-gap' />
        <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void Taro.switchTab({ url: ROUTES.index })}>
          查看招工信息
        </Button>
      </View>
    </View>
  );
}

function EmployerCard({ employer: e }: { employer: EmployerItem }) {
  return (
    <View className='zg-card eh-employer'>
      <View className='eh-employer-top'>
        <Text className='eh-employer-name'>{e.name}</Text>
        <Text className={`${VERIFICATION_TAG[e.verification]} eh-verify`}>{VERIFICATION_STATE_LABELS[e.verification]}</Text>
      </View>
      <View className='zg-small'>
        {e.industryName}
        {e.townName ? ` · ${e.townName}` : ''}
      </View>
      {e.verification === 'pending' ? (
        <View className='eh-box eh-box-warn'>认证通过前可以先写好岗位，管理员审核时一起认证。</View>
      ) : null}
      {e.verification === 'rejected' ? (
        <View>
          <View className='eh-box eh-box-bad'>
            <View className='eh-box-head'>没有通过认证</View>
            <View className='zg-pre'>{e.verificationReason ?? '请核对企业名称和统一社会信用代码。'}</View>
          </View>
          <Button className='zg-btn zg-btn-ghost zg-btn-block eh-fix' onClick={() => go(EMPLOYER_EDIT_URL)}>
            修改企业信息
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** 我的岗位 is further down the same page. */
const scrollToPosts = () => void Taro.pageScrollTo({ selector: '#eh-posts', duration: 200 }).catch(() => undefined);

/** WeChat's action sheet holds six lines. */
const SHEET_MAX = 6;

/**
 * 找合适的人: the 推荐人选 of a published post. With one post it opens straight away; with a few, the
 * employer picks one; with none, it says what comes first.
 */
async function findPeople(): Promise<void> {
  let posts: { id: string; title: string }[];
  try {
    posts = (await api.myPosts({ status: 'published', limit: SHEET_MAX + 1 }, { toast: false })).items;
  } catch {
    void Taro.showToast({ title: '没有连上，请再试一次', icon: 'none', duration: 2000 });
    return;
  }
  if (posts.length === 0) {
    void Taro.showToast({ title: '先发布岗位，审核通过后就能找人', icon: 'none', duration: 2500 });
    return;
  }
  if (posts.length === 1) {
    go(candidatesUrl(posts[0].id));
    return;
  }
  if (posts.length > SHEET_MAX) {
    scrollToPosts();
    void Taro.showToast({ title: '在岗位下面点“推荐人选”', icon: 'none', duration: 2500 });
    return;
  }
  try {
    const { tapIndex } = await Taro.showActionSheet({ itemList: posts.map((p) => p.title) });
    go(candidatesUrl(posts[tapIndex].id));
  } catch {
    // Closed without picking.
  }
}

/** One big button per thing an employer comes to do. */
function Actions() {
  return (
    <View className='zg-section eh-actions'>
      <Button className='zg-btn zg-btn-block eh-big' onClick={() => go(postFormUrl())}>
        ＋ 发布招工
      </Button>
      <View className='zg-small eh-post-hint'>一分钟写好：干什么活、给多少钱、招几个人</View>
      <View className='eh-grid'>
        <Button className='zg-btn zg-btn-ghost eh-action eh-action-posts' onClick={scrollToPosts}>
          我的岗位和报名的人
        </Button>
        <Button className='zg-btn zg-btn-ghost eh-action eh-action-people' onClick={() => void findPeople()}>
          找合适的人
        </Button>
        <Button className='zg-btn zg-btn-ghost eh-action eh-action-info' onClick={() => go(EMPLOYER_EDIT_URL)}>
          企业信息
        </Button>
        <Button
          className='zg-btn zg-btn-ghost eh-action eh-action-invite'
          onClick={() => void Taro.pageScrollTo({ selector: '#eh-invite', duration: 200 }).catch(() => undefined)}
        >
          邀请同事
        </Button>
      </View>
      <Button className='zg-btn zg-btn-ghost zg-btn-block eh-action-gigs' onClick={() => void openGigRoster(scrollToPosts)}>
        零工：报名名单和现场码
      </Button>
      <Button className='zg-btn zg-btn-ghost zg-btn-block eh-action-shared' onClick={() => go(SHARED_STAFF_ROUTES.employer)}>
        共享员工：借人、借出工人
      </Button>
    </View>
  );
}

/** 邀请同事: a code a colleague types to manage the same employer's posts. */
function Invite({ employer }: { employer: EmployerItem }) {
  const [code, setCode] = useState<EmployerJoinCode>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const create = async () => {
    setBusy(true);
    setError('');
    try {
      setCode(await api.createJoinCode(employer.id, { toast: false }));
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有生成加入码，请再试一次');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='zg-card eh-invite' id='eh-invite'>
      <View className='zg-card-title'>邀请同事</View>
      <View className='zg-small'>让同事也能发布、管理招工。生成一个加入码发给他，他用“企业”身份登录后输入这个码就行。</View>
      {code ? (
        <View className='eh-code-box'>
          <View className='eh-code'>{code.code}</View>
          <View className='zg-small'>{shortDateTime(code.expiresAt)}前有效，只发给本企业的同事。</View>
          <Button
            className='zg-btn zg-btn-block eh-copy'
            onClick={() =>
              void Taro.setClipboardData({ data: code.code }).catch(() =>
                Taro.showToast({ title: '没有复制成功，请把码抄下来', icon: 'none' }),
              )
            }
          >
            复制加入码
          </Button>
        </View>
      ) : null}
      {error ? <View className='zg-error'>{error}</View> : null}
      <Button
        className={`zg-btn zg-btn-ghost zg-btn-block eh-invite-btn${busy ? ' zg-btn-disabled' : ''}`}
        disabled={busy || undefined}
        onClick={() => void create()}
      >
        {busy ? '正在生成…' : code ? '换一个新码' : '生成加入码'}
      </Button>
    </View>
  );
}

function MyPosts({ employer, refreshRef }: { employer: EmployerItem; refreshRef: { current: () => Promise<void> } }) {
  const [status, setStatus] = useState<PostStatus>();
  const list = useCursorList(
    (cursor) => api.myPosts({ status, cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined }),
    [status, employer.id],
  );
  refreshRef.current = () => list.refresh();
  useReachBottom(() => {
    void list.loadMore();
  });
  const refresh = () => void refreshRef.current();

  return (
    <View className='eh-posts' id='eh-posts'>
      <View className='eh-posts-title zg-h2'>我的岗位</View>
      <OutboxBar kind='post' />
      <ScrollView scrollX className='zg-chips eh-tabs' enhanced showScrollbar={false}>
        <Chip label='全部' on={!status} onTap={() => setStatus(undefined)} />
        {TABS.map((s) => (
          <Chip key={s} label={POST_STATUS_LABELS[s]} on={status === s} onTap={() => setStatus(s)} />
        ))}
        <View className='zg-chips-end' />
      </ScrollView>

      {list.loading && list.items.length === 0 ? (
        <StateView title='正在加载岗位…' />
      ) : list.error ? (
        <StateView title='岗位没有加载出来' body={list.error.message} actionText='再试一次' onAction={refresh} />
      ) : list.items.length === 0 ? (
        status ? (
          <StateView title={`没有${POST_STATUS_LABELS[status]}的岗位`} actionText='看全部岗位' onAction={() => setStatus(undefined)} />
        ) : (
          <StateView
            title='还没有发布过岗位'
            body='点上面的“发布招工”，写清干什么活、给多少钱、招几个人。'
            actionText='发布招工'
            onAction={() => go(postFormUrl())}
          />
        )
      ) : (
        <View>
          {list.items.map((p) => (
            <MyPostCard key={p.id} post={p} onChanged={refresh} />
          ))}
          <View className='eh-foot'>
            {list.loadingMore ? (
              <View className='zg-small'>正在加载更多…</View>
            ) : list.hasMore ? (
              <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void list.loadMore()}>
                看更多
              </Button>
            ) : (
              <View className='zg-small'>已经到底了，共{list.items.length}个岗位</View>
            )}
          </View>
        </View>
      )}
    </View>
  );
}

function EmployerHome({ user }: { user: AuthUser }) {
  const employer = useApi(() => api.myEmployer({ toast: false }), [user.id]);
  const refreshPosts = useRef<() => Promise<void>>(() => Promise.resolve());

  // Back from 发布 or 登记: show what changed. The first show comes with the first load.
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current && !employer.loading) {
      void employer.reload();
      void refreshPosts.current();
    }
    seen.current = true;
  });
  usePullDownRefresh(() => {
    void Promise.all([employer.reload(), refreshPosts.current()]).finally(() => Taro.stopPullDownRefresh());
  });

  const header = <HomeHeader user={user} />;
  if (employer.error?.statusCode === 404) {
    return (
      <View>
        {header}
        <NotRegistered />
      </View>
    );
  }
  if (employer.error) {
    return (
      <View>
        {header}
        <StateView title='企业信息没有加载出来' body={employer.error.message} actionText='再试一次' onAction={() => void employer.reload()} />
      </View>
    );
  }
  if (!employer.data) {
    return (
      <View>
        {header}
        <StateView title='正在加载…' />
      </View>
    );
  }
  const e = employer.data;
  return (
    <View>
      {header}
      <EmployerCard employer={e} />
      <Actions />
      <MyPosts key={e.id} employer={e} refreshRef={refreshPosts} />
      <Invite employer={e} />
    </View>
  );
}

/**
 * 企业首页: the employer (or how to register one), one button per action (发布招工, 我的岗位和报名的人,
 * 找合适的人, 企业信息, 邀请同事), 我的岗位 by state, and the app's tab bar (消息 is there, with its count).
 */
export default function EmployerHomePage() {
  return (
    <PageShell className={WITH_TAB_BAR}>
      <RoleGate role='employer'>{(user) => <EmployerHome key={user.id} user={user} />}</RoleGate>
      <HomeTabBar />
    </PageShell>
  );
}
