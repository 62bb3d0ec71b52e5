import { useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { POLICY_STATUS_LABELS, type PolicyItem, type PolicyStatus } from '@zaogong/shared';
import { useApi } from '../../../api/hooks';
import { policiesApi } from '../../../api/policies';
import { ConfirmSheet } from '../../../components/ConfirmSheet';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useMyPolicies } from '../../../hooks/useMyPolicies';
import { useSession } from '../../../hooks/useSession';
import { isDistrictAdmin, policyFormUrl, policyPeopleUrl, policyUrl, POLICY_ROUTES, ruleLines, validText } from '../../../lib/policies';
import { loginUrl } from '../../../lib/routes';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** 原文: a mini-program cannot open a web page, so the link is copied (and shown); a browser opens it. */
function SourceLink({ url }: { url: string }) {
  const [copied, setCopied] = useState<'yes' | 'no'>();
  const open = async () => {
    if (!IS_WEAPP && typeof window !== 'undefined') {
      window.open(url, '_blank', 'noopener');
      return;
    }
    try {
      await Taro.setClipboardData({ data: url });
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <View className='zg-card pd-source'>
      <View className='zg-card-title'>政策原文</View>
      <Button className='zg-btn zg-btn-ghost zg-btn-block pd-source-btn' onClick={() => void open()}>
        {IS_WEAPP ? '复制原文链接' : '打开政策原文'}
      </Button>
      {copied === 'yes' ? <View className='pd-copied'>✓ 链接已复制，打开手机浏览器，在地址栏里长按粘贴就能看。</View> : null}
      {copied === 'no' ? <View className='zg-error'>没复制上，请长按下面的链接复制。</View> : null}
      <View className='zg-small pd-url'>
        <Text userSelect>{url}</Text>
      </View>
    </View>
  );
}

/** The district admin's part: status, how many qualify now, 编辑, 发布 / 撤回, 落实情况. */
function ManagePart({ p, onChanged }: { p: PolicyItem; onChanged: () => void }) {
  const preview = useApi(() => policiesApi.preview(p.id, { toast: false }), [p.id, p.updatedAt]);
  const [confirm, setConfirm] = useState<PolicyStatus | null>(null);
  const change = async (status: PolicyStatus) => {
    await policiesApi.patch(p.id, { status }, { toast: false });
    setConfirm(null);
    void Taro.showToast({ title: status === 'published' ? '已发布' : '已撤回', icon: 'success', duration: 1500 });
    onChanged();
  };
  return (
    <View className='zg-card pd-manage'>
      <View className='zg-card-title'>管理（区人社局）</View>
      <View className='zg-text'>
        状态：<Text className='pd-status'>{POLICY_STATUS_LABELS[p.status]}</Text>
        {p.status === 'published' && !p.inForce ? '（不在有效期内）' : ''}
      </View>
      <View className='pd-preview'>{preview.data ? preview.data.text : preview.error ? preview.error.message : '正在算现在有多少人符合…'}</View>
      <Button className='zg-btn zg-btn-block pd-edit' onClick={() => void Taro.navigateTo({ url: policyFormUrl(p.id) })}>
        修改政策
      </Button>
      {p.status === 'published' ? (
        <Button className='zg-btn zg-btn-danger zg-btn-block pd-withdraw' onClick={() => setConfirm('withdrawn')}>
          撤回政策
        </Button>
      ) : (
        <Button className='zg-btn zg-btn-block pd-publish' onClick={() => setConfirm('published')}>
          {p.status === 'draft' ? '发布政策' : '重新发布'}
        </Button>
      )}
      <Button className='zg-btn zg-btn-ghost zg-btn-block pd-stats' onClick={() => void Taro.navigateTo({ url: POLICY_ROUTES.stats })}>
        看落实情况
      </Button>
      {confirm ? (
        <ConfirmSheet
          title={confirm === 'published' ? '发布这项政策？' : '撤回这项政策？'}
          submitText={confirm === 'published' ? '发布' : '撤回'}
          danger={confirm === 'withdrawn'}
          onClose={() => setConfirm(null)}
          onSubmit={() => change(confirm)}
        >
          <View className='zg-text'>
            {confirm === 'published'
              ? `发布后所有人都能看到。${preview.data ? `${preview.data.text}，` : ''}符合的人和他们村的联络员会收到消息。`
              : '撤回后大家就看不到了，也不会再通知新符合的人。联络员记下的情况会留着。'}
          </View>
        </ConfirmSheet>
      ) : null}
    </View>
  );
}

/** 政策详情: what it is, what one gets (以人社部门公布为准), who it is for, what to bring, how to apply, 打电话, 原文. */
export default function PolicyDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const user = useSession();
  const detail = useApi(() => policiesApi.get(id, { toast: false }), [id, user?.id]);
  const mine = useMyPolicies(user);
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current && !detail.loading) void detail.reload();
    seen.current = true;
  });
  usePullDownRefresh(() => {
    void Promise.all([detail.reload(), mine.reload()]).finally(() => Taro.stopPullDownRefresh());
  });
  useShareAppMessage(() => ({ title: detail.data?.title ?? '就业创业政策', path: policyUrl(id) }));

  if (!id || (detail.error?.statusCode === 404 && !detail.data)) {
    return (
      <PageShell>
        <StateView title='没有找到这项政策' body='可能已经撤回了，去看看别的政策吧。' actionText='看全部政策' onAction={() => void Taro.redirectTo({ url: POLICY_ROUTES.list })} />
      </PageShell>
    );
  }
  if (detail.loading && !detail.data) {
    return (
      <PageShell>
        <StateView title='正在加载…' />
      </PageShell>
    );
  }
  if (!detail.data) {
    return (
      <PageShell>
        <StateView title='政策没有加载出来' body={detail.error?.message} actionText='再试一次' onAction={() => void detail.reload()} />
      </PageShell>
    );
  }

  const p = detail.data;
  const reasons = mine.data?.find((m) => m.policy.id === p.id)?.reasons;
  const call = () => void Taro.makePhoneCall({ phoneNumber: p.contactPhone ?? '' }).catch(() => undefined);
  return (
    <PageShell>
      <View className='zg-card pd-head'>
        <View className='pd-title'>{p.title}</View>
        <View className='pd-issuer'>{p.issuer}</View>
        {p.docNumber ? <View className='zg-small pd-doc'>文号：{p.docNumber}</View> : null}
        <View className='zg-small pd-valid'>有效期：{validText(p)}</View>
        {p.inForce ? null : <View className='pd-off'>{p.status === 'published' ? '这项政策现在不在有效期内。' : `这项政策${POLICY_STATUS_LABELS[p.status]}，大家看不到。`}</View>}
      </View>

      {reasons && reasons.length > 0 ? (
        <View className='zg-card pd-yours'>
          <View className='pd-yours-title'>{user?.role === 'employer' ? '贵单位可能符合，因为：' : '您可能符合，因为：'}</View>
          <View className='zg-row-wrap'>
            {reasons.map((r) => (
              <Text key={r} className='zg-tag zg-tag-ok pd-reason'>
                ✓ {r}
              </Text>
            ))}
          </View>
          <View className='zg-small pd-yours-note'>能不能办，以人社部门审核为准。拿不准的，打下面的电话问，或者问村里的联络员。</View>
        </View>
      ) : null}

      {isDistrictAdmin(user) ? <ManagePart p={p} onChanged={() => void detail.reload()} /> : null}
      {user?.role === 'liaison' && p.audience === 'person' && p.inForce ? (
        <View className='zg-card'>
          <Button className='zg-btn zg-btn-block pd-people' onClick={() => void Taro.navigateTo({ url: policyPeopleUrl(p.id) })}>
            看看哪些村民符合
          </Button>
        </View>
      ) : null}

      <View className='zg-card'>
        <View className='zg-card-title'>这是什么政策</View>
        <View className='zg-text zg-pre pd-body'>{p.summary}</View>
      </View>

      <View className='zg-card pd-benefit-card'>
        <View className='zg-row-wrap pd-benefit-head'>
          <View className='zg-card-title pd-benefit-title'>能享受什么</View>
          <Text className='pd-disclaimer'>{p.disclaimer}</Text>
        </View>
        <View className='zg-pre pd-benefit'>{p.benefit}</View>
      </View>

      <View className='zg-card'>
        <View className='zg-card-title'>适合谁</View>
        {ruleLines(p).map((t, i) => (
          <View key={`${i}-${t}`} className='pd-rule'>
            <Text className='pd-rule-dot'>•</Text>
            <Text className='zg-grow'>{t}</Text>
          </View>
        ))}
        <View className='zg-small pd-rule-note'>这些条件都要满足。</View>
      </View>

      {p.materials ? (
        <View className='zg-card'>
          <View className='zg-card-title'>要带的材料</View>
          <View className='zg-text zg-pre pd-body'>{p.materials}</View>
        </View>
      ) : null}

      <View className='zg-card'>
        <View className='zg-card-title'>怎么办</View>
        <View className='zg-text zg-pre pd-body'>{p.howToApply}</View>
      </View>

      {p.contactPhone ? (
        <View className='zg-section pd-call-box'>
          <Button className='zg-btn zg-btn-block pd-call' onClick={call}>
            <Text className='pd-call-word'>打电话问</Text>
            <Text className='pd-call-num'>{p.contactPhone}</Text>
          </Button>
        </View>
      ) : null}

      {p.sourceUrl ? <SourceLink url={p.sourceUrl} /> : null}

      {user ? null : (
        <View className='zg-card pd-login'>
          <View className='zg-text'>登录后，能看出这项政策适不适合您。</View>
          <Button className='zg-btn zg-btn-ghost zg-btn-block pd-login-btn' onClick={() => void Taro.navigateTo({ url: loginUrl(policyUrl(id)) })}>
            登录
          </Button>
        </View>
      )}
    </PageShell>
  );
}
