import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { REPORT_REASON_LABELS, REPORTS_TO_HIDE, type PostReportItem } from '@zaogong/shared';
import { api } from '../../../../api/endpoints';
import { useCursorList, usePagedScrolling } from '../../../../api/hooks';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { formatDateTime } from '../../../../lib/resident';
import { postUrl } from '../../../../lib/routes';
import { ReasonSheet } from '../../components/ReasonSheet';
import './index.css';
import { QueueList } from '../../components/QueueList';

const PAGE_SIZE = 50;

interface PostGroup {
  postId: string;
  postTitle: string;
  employerName: string;
  reports: PostReportItem[];
}

/** Open reports gathered per post, in the order the API lists them. */
function groupByPost(items: readonly PostReportItem[]): PostGroup[] {
  const groups = new Map<string, PostGroup>();
  for (const r of items) {
    let g = groups.get(r.postId);
    if (!g) {
      g = { postId: r.postId, postTitle: r.postTitle, employerName: r.employerName, reports: [] };
      groups.set(r.postId, g);
    }
    g.reports.push(r);
  }
  return [...groups.values()];
}

interface Decision {
  group: PostGroup;
  upheld: boolean;
}

function ReportGroup({ group: g, onDecide }: { group: PostGroup; onDecide: (d: Decision) => void }) {
  const hidden = g.reports.length >= REPORTS_TO_HIDE;
  return (
    <View className='zg-card rp-card'>
      <View className='rp-title'>{g.postTitle}</View>
      <View className='zg-small'>{g.employerName}</View>
      <View className='zg-row-wrap'>
        <Text className='zg-tag zg-tag-warn'>{g.reports.length}人举报</Text>
        {hidden ? <Text className='zg-tag zg-tag-plain'>已暂时不对外显示</Text> : null}
      </View>
      <View className='rp-list'>
        {g.reports.map((r) => (
          <View key={r.id} className='rp-report'>
            <View className='rp-reason'>{REPORT_REASON_LABELS[r.reason] ?? r.reason}</View>
            {r.note ? <View className='rp-note zg-pre'>“{r.note}”</View> : null}
            <View className='zg-small'>{formatDateTime(r.createdAt)}</View>
          </View>
        ))}
      </View>
      <Button
        className='zg-btn zg-btn-ghost zg-btn-block rp-open'
        onClick={() => void Taro.navigateTo({ url: postUrl(g.postId) })}
      >
        查看岗位
      </Button>
      <View className='rp-buttons'>
        <Button className='zg-btn zg-btn-ghost rp-dismiss' onClick={() => onDecide({ group: g, upheld: false })}>
          未发现问题
        </Button>
        <Button className='zg-btn zg-btn-danger rp-uphold' onClick={() => onDecide({ group: g, upheld: true })}>
          属实，下架
        </Button>
      </View>
    </View>
  );
}

function ReportQueue() {
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const list = useCursorList(
    (cursor) => api.listReports({ status: 'open', cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined }),
    [],
  );

  usePagedScrolling(list, () => setDone(new Set()));

  const groups = groupByPost(list.items.filter((r) => !done.has(r.postId)));

  return (
    <View>
      <View className='zg-card rp-intro'>
        <View className='zg-h2'>待处理的举报</View>
        <View className='zg-small'>
          同一个岗位的举报放在一起处理。有{REPORTS_TO_HIDE}人以上举报的岗位，处理前暂时不对外显示。“属实”会下架岗位，企业会看到处理意见。
        </View>
      </View>

      <QueueList list={list} empty={groups.length === 0} emptyTitle='没有待处理的举报' emptyBody='求职者举报岗位后会出现在这里。'>
        {groups.map((g) => (
          <ReportGroup key={g.postId} group={g} onDecide={setDeciding} />
        ))}
      </QueueList>

      {deciding ? (
        <ReasonSheet
          title={deciding.upheld ? `属实，下架：${deciding.group.postTitle}` : `未发现问题：${deciding.group.postTitle}`}
          label={deciding.upheld ? '下架原因（企业会看到）' : '处理意见'}
          required={deciding.upheld}
          placeholder={deciding.upheld ? '比如：电话核实，要求求职者先交押金' : '比如：电话核实，岗位信息属实'}
          submitText={deciding.upheld ? '确认下架' : '确认未发现问题'}
          maxLength={150}
          onClose={() => setDeciding(null)}
          onSubmit={async (note) => {
            const { group, upheld } = deciding;
            await api.resolveReports(group.postId, { upheld, note: note || undefined }, { toast: false });
            setDone((prev) => new Set(prev).add(group.postId));
            setDeciding(null);
            void Taro.showToast({ title: upheld ? '岗位已下架' : '已处理，岗位照常显示', icon: 'none', duration: 2000 });
          }}
        />
      ) : null}
    </View>
  );
}

/** 举报处理 (admin): open reports by post; upheld closes the post, dismissed shows it again. */
export default function ReportsPage() {
  return (
    <PageShell>
      <RoleGate role='admin'>{() => <ReportQueue />}</RoleGate>
    </PageShell>
  );
}
