import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  BENEFIT_LABELS,
  POST_TYPE_LABELS,
  VERIFICATION_STATE_LABELS,
  type JobPostingItem,
} from '@zaogong/shared';
import { api } from '../../api/endpoints';
import { useApi } from '../../api/hooks';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import { useSession } from '../../hooks/useSession';
import { formatDate, formatPublished, formatWage } from '../../lib/format';
import { loginUrl, postUrl, ROUTES } from '../../lib/routes';
import './index.css';

function Field({ name, children }: { name: string; children: ReactNode }) {
  return (
    <View className='post-field'>
      <View className='post-field-name'>{name}</View>
      <View className='post-field-value'>{children}</View>
    </View>
  );
}

function workDates(post: JobPostingItem): string {
  if (post.startDate && post.endDate) return `${formatDate(post.startDate)} 至 ${formatDate(post.endDate)}`;
  if (post.startDate) return `${formatDate(post.startDate)}开始`;
  if (post.endDate) return `到${formatDate(post.endDate)}为止`;
  return '';
}

/** 岗位详情: every field of one published post, and the 报名 button. */
export default function PostPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const user = useSession();
  const post = useApi(() => api.getPost(id, { toast: false }), [id]);

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
  return (
    <PageShell>
      <View className='zg-card post-head'>
        <View className='post-title'>{p.title}</View>
        <View className='post-wage zg-money'>{formatWage(p)}</View>
        <View className='zg-row-wrap'>
          <Text className='zg-tag'>{POST_TYPE_LABELS[p.type]}</Text>
          <Text className='zg-tag zg-tag-plain'>招{p.headcount}人</Text>
          {p.townName ? <Text className='zg-tag zg-tag-plain'>{p.townName}</Text> : null}
        </View>
        <View className='post-employer zg-row-wrap'>
          <Text className='post-employer-name'>{p.employer.name}</Text>
          <Text className={p.employer.verified ? 'zg-tag zg-tag-ok' : 'zg-tag zg-tag-plain'}>
            {VERIFICATION_STATE_LABELS[p.employer.verified ? 'verified' : 'pending']}
          </Text>
        </View>
        <View className='zg-small'>{formatPublished(p.publishedAt)}</View>
      </View>

      <View className='zg-card'>
        <View className='zg-card-title'>工作内容</View>
        <View className='zg-text zg-pre'>{p.description}</View>
      </View>

      <View className='zg-card'>
        <View className='zg-card-title'>岗位信息</View>
        {p.occupationName ? <Field name='工种'>{p.occupationName}</Field> : null}
        <Field name='工作类型'>{POST_TYPE_LABELS[p.type]}</Field>
        <Field name='工资'>{formatWage(p)}</Field>
        <Field name='招几个人'>{p.headcount}人</Field>
        <Field name='工作地点'>{p.townName ?? '山亭区'}</Field>
        {dates ? <Field name='用工日期'>{dates}</Field> : null}
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

      <View className='post-bottom-space' />
      <View className='post-action'>
        {user ? (
          <Button className='zg-btn zg-btn-block post-apply zg-btn-disabled' disabled>
            报名功能下一版开放
          </Button>
        ) : (
          <>
            <View className='post-action-note'>报名前要先登录</View>
            <Button
              className='zg-btn zg-btn-block post-apply'
              onClick={() => void Taro.navigateTo({ url: loginUrl(postUrl(p.id)) })}
            >
              我要报名
            </Button>
          </>
        )}
      </View>
    </PageShell>
  );
}
