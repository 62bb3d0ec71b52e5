import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import type { PublicStats } from '@zaogong/shared';
import { useApi } from '../../api/hooks';
import { publicApi } from '../../api/public';
import { Chip } from '../../components/Chip';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import {
  barWidth,
  chinaClock,
  chinaMonth,
  chinaYear,
  countOrHidden,
  formatCount,
  formatPercent,
  HIDDEN,
  HIDDEN_NOTE,
  publicStatsUrl,
  ratioWords,
  shareTitle,
} from '../../lib/public-stats';
import './index.css';

/** Occupation groups shown for 求人倍率 and 工资价位: the busiest few. */
const SHOWN_GROUPS = 5;
/** The tallest month bar fills this share of its column, leaving room for its number above it. */
const MONTH_BAR_SHARE = 0.78;

/** The one-line note under a card that shows "—". */
function HiddenNote({ show }: { show: boolean }) {
  return show ? <View className='zg-small ps-hidden-note'>{`${HIDDEN}：${HIDDEN_NOTE}`}</View> : null;
}

function ProgressCard({ s, thisYear }: { s: PublicStats; thisYear: boolean }) {
  const percent = formatPercent(s.count, s.target);
  return (
    <View className='zg-card ps-progress'>
      <View className='ps-label'>{thisYear ? '今年' : `${s.year}年`}全区新增就业</View>
      <View className='ps-count-row'>
        <Text className='ps-count'>{formatCount(s.count)}</Text>
        <Text className='ps-unit'>人</Text>
      </View>
      {s.target > 0 ? (
        <View>
          <View className='ps-target'>
            目标 <Text className='ps-strong'>{formatCount(s.target)}</Text> 人，已完成 <Text className='ps-percent'>{percent}</Text>
          </View>
          <View className='ps-track' aria-role='progressbar' aria-label={`已完成${percent}`}>
            <View className='ps-bar' style={{ width: barWidth(s.count, s.target) }} />
          </View>
          {s.count >= s.target ? <View className='ps-done'>{thisYear ? '今年' : '这一年'}的目标完成了</View> : null}
        </View>
      ) : (
        <View className='zg-small'>还没有定{thisYear ? '今年' : '这一年'}的目标。</View>
      )}
      <View className='zg-small ps-rule'>新增就业：这一年开始上班、企业和本人都确认了的人，一人一年只算一次。</View>
    </View>
  );
}

/** One row per 镇街, the most first; a hidden count ("—") has no bar. */
function TownsCard({ s }: { s: PublicStats }) {
  const rank = (n: number | null) => (n === null ? 0.5 : n); // 1 to 4 people: below any shown count, above none
  const rows = [...s.byTown].sort((a, b) => rank(b.count) - rank(a.count) || a.code.localeCompare(b.code));
  const scale = Math.max(1, ...rows.map((r) => r.count ?? 0));
  return (
    <View className='zg-card'>
      <View className='zg-card-title'>各镇街新增就业</View>
      {rows.map((r) => (
        <View key={r.code} className='ps-town'>
          <View className='ps-row'>
            <Text className='ps-town-name'>{r.name}</Text>
            <Text className='ps-town-count'>
              {countOrHidden(r.count)}
              {r.count === null ? '' : ' 人'}
            </Text>
          </View>
          <View className='ps-hbar-track'>
            <View className='ps-hbar' style={{ width: barWidth(r.count ?? 0, scale) }} />
          </View>
        </View>
      ))}
      <HiddenNote show={rows.some((r) => r.count === null)} />
    </View>
  );
}

/** Twelve columns (two rows of six in 大字模式); months to come this year are faint and without a number. */
function MonthsCard({ s, thisYear }: { s: PublicStats; thisYear: boolean }) {
  const max = Math.max(1, ...s.byMonth.map((m) => m.count ?? 0));
  const lastMonth = thisYear ? chinaMonth() : 12;
  const shown = s.byMonth.filter((m) => m.month <= lastMonth);
  return (
    <View className='zg-card'>
      <View className='zg-card-title'>每月新增就业</View>
      <View className='ps-months'>
        {s.byMonth.map((m) => {
          const future = m.month > lastMonth;
          const label = future ? '' : countOrHidden(m.count);
          return (
            <View key={m.month} className={future ? 'ps-month ps-month-future' : 'ps-month'} aria-label={`${m.month}月${future ? '' : `${label}人`}`}>
              <View className='ps-month-plot'>
                <Text className='ps-month-count'>{label}</Text>
                <View className='ps-month-bar' style={{ height: `${(((m.count ?? 0) / max) * MONTH_BAR_SHARE * 100).toFixed(2)}%` }} />
              </View>
              <View className='ps-month-label'>{m.month}</View>
            </View>
          );
        })}
      </View>
      <View className='zg-small ps-explain'>下面的数字是月份，按开始上班的月份算。</View>
      <HiddenNote show={shown.some((m) => m.count === null)} />
    </View>
  );
}

function Figure({ label, value, unit }: { label: string; value: string; unit: string }) {
  return (
    <View className='ps-fig'>
      <View className='ps-fig-label'>{label}</View>
      <View className='ps-fig-num'>
        {value}
        {value === HIDDEN ? null : <Text className='ps-fig-unit'> {unit}</Text>}
      </View>
    </View>
  );
}

function JobsCard({ s }: { s: PublicStats }) {
  return (
    <View className='zg-card'>
      <View className='zg-card-title'>现在在招</View>
      <View className='ps-figs'>
        <Figure label='在招岗位' value={formatCount(s.openPosts)} unit='个' />
        <Figure label='招聘人数' value={formatCount(s.openHeadcount)} unit='人' />
      </View>
    </View>
  );
}

function SupplyDemandCard({ s }: { s: PublicStats }) {
  const rows = [...s.supplyDemand]
    .filter((r) => r.openHeadcount > 0)
    .sort((a, b) => b.openHeadcount - a.openHeadcount || a.group.localeCompare(b.group))
    .slice(0, SHOWN_GROUPS);
  return (
    <View className='zg-card'>
      <View className='zg-card-title'>哪些活好找（求人倍率）</View>
      <View className='zg-small'>招人最多的几类活：岗位比人多，就好找。</View>
      {rows.length === 0 ? <View className='zg-text ps-empty'>现在没有在招的岗位。</View> : null}
      {rows.map((r) => (
        <View key={r.group} className='ps-item'>
          <View className='ps-item-name'>{r.name}</View>
          <View className='ps-item-main'>{ratioWords(r.openHeadcount, r.seekers, r.ratio)}</View>
          <View className='zg-small'>
            招 {formatCount(r.openHeadcount)} 人，求职 {countOrHidden(r.seekers)}
            {r.seekers === null ? '' : ' 人'}
          </View>
        </View>
      ))}
      <HiddenNote show={rows.some((r) => r.seekers === null)} />
    </View>
  );
}

function WagesCard({ s }: { s: PublicStats }) {
  const rows = [...s.wageLevels].sort((a, b) => b.posts - a.posts || b.median - a.median).slice(0, SHOWN_GROUPS);
  return (
    <View className='zg-card'>
      <View className='zg-card-title'>工资价位</View>
      <View className='zg-small'>在招岗位写的工资，折算成每月多少元。</View>
      {rows.length === 0 ? <View className='zg-text ps-empty'>写了工资的岗位还太少，先不算。</View> : null}
      {rows.map((r) => (
        <View key={r.group} className='ps-item'>
          <View className='ps-row'>
            <Text className='ps-item-name ps-grow'>{r.name}</Text>
            <Text className='zg-small ps-item-side'>{formatCount(r.posts)} 个岗位</Text>
          </View>
          <View className='ps-item-main'>
            一般 <Text className='zg-money'>{formatCount(r.median)}</Text> 元/月
          </View>
          <View className='zg-small'>
            多数在 {formatCount(r.p25)}–{formatCount(r.p75)} 元/月
          </View>
        </View>
      ))}
    </View>
  );
}

function MoreCard({ s, thisYear }: { s: PublicStats; thisYear: boolean }) {
  const when = thisYear ? '今年' : `${s.year}年`;
  return (
    <View className='zg-card'>
      <View className='zg-card-title'>{when}零工和招聘活动</View>
      <View className='ps-figs'>
        <Figure label='零工上工' value={countOrHidden(s.gigs.workerDays)} unit='人次' />
        <Figure label='招聘活动' value={formatCount(s.events.held)} unit='场' />
        <Figure label='活动招到' value={countOrHidden(s.events.hires)} unit='人' />
      </View>
      <View className='zg-small ps-explain'>零工：一人干一天算一次，不算新增就业。</View>
      <HiddenNote show={s.gigs.workerDays === null || s.events.hires === null} />
    </View>
  );
}

/**
 * 山亭区就业服务: the district's employment progress for anyone, no login (GET /public/stats). Aggregates only;
 * any figure of 1 to 4 people comes as null and shows as "—". Shareable: a WeChat card or the H5 address.
 */
export default function PublicStatsPage() {
  const { params } = useRouter();
  const now = chinaYear();
  const asked = Number(params.year);
  const [year, setYear] = useState(asked === now - 1 ? now - 1 : now);
  const stats = useApi(() => publicApi.stats(year, { toast: false }), [year]);
  const s = stats.data?.year === year ? stats.data : undefined;
  const thisYear = year === now;

  usePullDownRefresh(() => {
    void stats.reload().finally(() => Taro.stopPullDownRefresh());
  });
  const title = s ? shareTitle(s.year, s.count, s.target, thisYear) : '山亭区就业服务';
  useShareAppMessage(() => ({ title, path: publicStatsUrl(thisYear ? undefined : year) }));
  useShareTimeline(() => ({ title, query: thisYear ? '' : `year=${year}` }));

  return (
    <PageShell className='ps'>
      <View className='ps-lead zg-small'>全区找工作、招工的情况，人人都能看。</View>
      <View className='ps-years'>
        <Chip label={`今年 ${now}`} on={thisYear} onTap={() => setYear(now)} />
        <Chip label={`去年 ${now - 1}`} on={year === now - 1} onTap={() => setYear(now - 1)} />
      </View>
      {stats.loading && !s ? (
        <StateView title='正在加载…' />
      ) : stats.error || !s ? (
        <StateView title='数字没有加载出来' body={stats.error?.message} actionText='再试一次' onAction={() => void stats.reload()} />
      ) : (
        <View>
          <ProgressCard s={s} thisYear={thisYear} />
          <TownsCard s={s} />
          <MonthsCard s={s} thisYear={thisYear} />
          <JobsCard s={s} />
          <SupplyDemandCard s={s} />
          <WagesCard s={s} />
          <MoreCard s={s} thisYear={thisYear} />
          <View className='zg-small ps-foot'>数据更新于 {chinaClock(s.generatedAt)}，几分钟更新一次</View>
        </View>
      )}
    </PageShell>
  );
}
