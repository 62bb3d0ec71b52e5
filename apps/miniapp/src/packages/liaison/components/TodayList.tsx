import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  APPLICATION_STATUS_LABELS,
  LIAISON_TODAY_LIMIT_DEFAULT,
  LIAISON_TODAY_LIMIT_MAX,
  type LiaisonApplicationTodo,
  type LiaisonCallTodo,
  type LiaisonHireTodo,
  type LiaisonToday,
  type LiaisonTodoGroup,
} from '@zaogong/shared';
import type { ApiState } from '../../../api/hooks';
import { monthDayText } from '../../../lib/applications';
import { formatShortDate } from '../../../lib/format';
import { residentUrl, ROUTES } from '../../../lib/routes';
import './TodayList.css';

export type TodoGroupKey = 'hiresToConfirm' | 'staleApplications' | 'toCall';

const go = (url: string) => void Taro.navigateTo({ url });

/** One thing to do: who, what, and a tap to where it gets done. */
function Item({ id, who, place, line, onTap }: { id: string; who: string; place: string | null; line: ReactNode; onTap: () => void }) {
  return (
    <View className='td-item' id={id} aria-role='link' onClick={onTap}>
      <View className='zg-grow'>
        <View className='td-who'>
          {who}
          {place ? <Text className='td-place'> · {place}</Text> : null}
        </View>
        <View className='td-line'>{line}</View>
      </View>
      <Text className='td-chevron'>›</Text>
    </View>
  );
}

interface GroupProps<T> {
  k: TodoGroupKey;
  title: string;
  hint: string;
  group: LiaisonTodoGroup<T>;
  expanded: boolean;
  onExpand: (k: TodoGroupKey | null) => void;
  render: (item: T) => ReactNode;
}

function Group<T>({ k, title, hint, group, expanded, onExpand, render }: GroupProps<T>) {
  if (group.total === 0) return null;
  const items = expanded ? group.items : group.items.slice(0, LIAISON_TODAY_LIMIT_DEFAULT);
  return (
    <View className={`td-group td-${k}`}>
      <View className='td-group-head'>
        <Text className='td-group-title'>{title}</Text>
        <Text className='td-count'>{group.total}</Text>
      </View>
      <View className='td-hint'>{hint}</View>
      {items.map(render)}
      {group.total > items.length && !expanded ? (
        <Button className='zg-btn zg-btn-ghost zg-btn-block td-all' onClick={() => onExpand(k)}>
          查看全部 {group.total} 个
        </Button>
      ) : null}
      {expanded ? (
        <View>
          {group.total > items.length ? <View className='zg-small td-capped'>只列出最早的{LIAISON_TODAY_LIMIT_MAX}个，办完一些再来看。</View> : null}
          <Button className='zg-btn zg-btn-ghost zg-btn-block td-all' onClick={() => onExpand(null)}>
            收起
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function hireLine(h: LiaisonHireTodo): string {
  const where = h.employerName ? `${h.employerName}${h.postTitle ? `「${h.postTitle}」` : ''}` : '';
  return `${where}${where ? '，' : ''}${monthDayText(h.startDate)}开始上班，还没确认`;
}

function applicationLine(a: LiaisonApplicationTodo): string {
  return `报了「${a.postTitle}」（${a.employerName}），${APPLICATION_STATUS_LABELS[a.status]}，${a.days}天没动静`;
}

function callLine(c: LiaisonCallTodo): string {
  return c.lastAppliedAt ? `上次报名是${formatShortDate(c.lastAppliedAt)}，打电话问问现在的情况` : `登记后还没报过名，打电话帮TA找找活`;
}

/**
 * 今日要办 (GET /liaison/today): hires to confirm (→ 录用确认), applications with no news for a week and
 * people quiet for a month (→ the person's page, with 打电话 and 为TA找工作). A few of each; 查看全部 N 个
 * lists up to LIAISON_TODAY_LIMIT_MAX in place.
 */
export function TodayList({ state, expanded, onExpand }: { state: ApiState<LiaisonToday>; expanded: TodoGroupKey | null; onExpand: (k: TodoGroupKey | null) => void }) {
  const { data, error, loading, reload } = state;
  if (error) {
    return (
      <View className='zg-card td-card'>
        <View className='zg-card-title'>今日要办</View>
        <View className='zg-error'>{error.message}</View>
        <View className='zg-gap' />
        <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void reload()}>
          重新加载
        </Button>
      </View>
    );
  }
  if (!data) return <View className='zg-card td-card zg-small'>{loading ? '正在加载今日要办…' : ''}</View>;

  const total = data.hiresToConfirm.total + data.staleApplications.total + data.toCall.total;
  return (
    <View className='zg-card td-card'>
      <View className='td-head'>
        <Text className='zg-card-title td-title'>今日要办</Text>
        {total > 0 ? <Text className='zg-small'>共{total}件</Text> : null}
      </View>
      {total === 0 ? <View className='zg-text td-none'>今天没有要办的事。有新情况会出现在这里。</View> : null}
      <Group
        k='hiresToConfirm'
        title='确认上班'
        hint='企业说已经上班了：问过本人，点进去确认'
        group={data.hiresToConfirm}
        expanded={expanded === 'hiresToConfirm'}
        onExpand={onExpand}
        render={(h) => <Item key={h.hireId} id={`td-hire-${h.hireId}`} who={h.residentName} place={h.villageName} line={hireLine(h)} onTap={() => go(ROUTES.liaisonHires)} />}
      />
      <Group
        k='staleApplications'
        title='报名没动静'
        hint={`报名${data.staleDays}天以上没有进展：问问本人或企业`}
        group={data.staleApplications}
        expanded={expanded === 'staleApplications'}
        onExpand={onExpand}
        render={(a) => <Item key={a.applicationId} id={`td-app-${a.applicationId}`} who={a.residentName} place={a.villageName} line={applicationLine(a)} onTap={() => go(residentUrl(a.residentId))} />}
      />
      <Group
        k='toCall'
        title='该打个电话了'
        hint={`求职中、${data.quietDays}天没有报名的人`}
        group={data.toCall}
        expanded={expanded === 'toCall'}
        onExpand={onExpand}
        render={(c) => <Item key={c.residentId} id={`td-call-${c.residentId}`} who={c.residentName} place={c.villageName} line={callLine(c)} onTap={() => go(residentUrl(c.residentId))} />}
      />
    </View>
  );
}
