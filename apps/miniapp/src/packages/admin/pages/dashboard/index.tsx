import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { KEY_GROUP_LABELS, ROLE_LABELS, type AuthUser, type EmploymentStats, type GigStats } from '@zaogong/shared';
import { ApiRequestError, buildQuery, request } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { FILE_SUPPORT, downloadXlsx } from '../../../../api/files';
import { useApi, type ApiState } from '../../../../api/hooks';
import { Chip } from '../../../../components/Chip';
import { PageShell } from '../../../../components/PageShell';
import { Sheet } from '../../../../components/Sheet';
import { StateView } from '../../../../components/StateView';
import { useSession } from '../../../../hooks/useSession';
import { homeOf, loginUrl } from '../../../../lib/routes';
import { getToken, saveUser } from '../../../../lib/session';
import { EmploymentProgress } from '../../components/EmploymentProgress';
import { barWidth, chinaMonth, chinaYear, formatCount, formatPercent, isDistrictAdmin, isTownOfficer } from '../../lib/employment';
import './index.css';
import { DownloadButton } from '../../../../components/DownloadButton';

/** Occupation groups shown before 显示全部: the busiest ones. */
const SHOWN_GROUPS = 8;
/** 求人倍率 above this: 缺人 (hard to hire); below LOW: 缺岗位 (hard to find work). */
const RATIO_HIGH = 1.5;
const RATIO_LOW = 0.5;
const MAX_TARGET = 1_000_000;
/** The tallest month bar fills this share of its column, leaving room for its number above it. */
const MONTH_BAR_SHARE = 0.78;

const KEY_GROUP_NAMES: Record<string, string> = KEY_GROUP_LABELS;

function messageOf(e: unknown, fallback: string): string {
  return e instanceof ApiRequestError ? e.message : fallback;
}

function YearSwitch({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const now = chinaYear();
  return (
    <View className='db-years'>
      <Chip label={`今年 ${now}`} on={year === now} onTap={() => onChange(now)} />
      <Chip label={`去年 ${now - 1}`} on={year === now - 1} onTap={() => onChange(now - 1)} />
    </View>
  );
}

function ProgressCard({ stats, areaName, onSetTargets }: { stats: EmploymentStats; areaName?: string; onSetTargets?: () => void }) {
  return (
    <View className='zg-card db-first'>
      <EmploymentProgress stats={stats} areaName={areaName} />
      {stats.pending > 0 ? (
        <View className='db-pending'>
          还有 <Text className='db-pending-num'>{formatCount(stats.pending)}</Text> 条录用等待确认。企业和本人（或村居联络员）都确认后，才算进上面的人数。
        </View>
      ) : null}
      <View className='zg-small db-rule'>
        算法：这一年开始上班、企业和本人都确认了的人，一人一年只算一次。
      </View>
      {onSetTargets ? (
        <Button className='zg-btn zg-btn-ghost zg-btn-block db-set' onClick={onSetTargets}>
          设置{stats.year}年目标
        </Button>
      ) : null}
    </View>
  );
}

/** One row per 镇街: the count as a bar, its target (when set) as a line across it. */
function TownsCard({ stats }: { stats: EmploymentStats }) {
  const rows = [...stats.byTown].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  const scale = Math.max(1, ...rows.map((r) => Math.max(r.count, r.target ?? 0)));
  const anyTarget = rows.some((r) => r.target !== undefined);
  return (
    <View className='zg-card'>
      <View className='zg-card-title'>{rows.length === 1 ? '本镇街' : '各镇街'}</View>
      {anyTarget ? (
        <View className='zg-small db-legend'>
          <View className='db-legend-item'>
            <View className='db-key db-key-count' />
            <Text>新增就业</Text>
          </View>
          <View className='db-legend-item'>
            <View className='db-key-line' />
            <Text>镇街目标</Text>
          </View>
        </View>
      ) : null}
      {rows.map((r) => (
        <View key={r.code} className='db-town'>
          <View className='db-town-head'>
            <Text className='db-town-name'>{r.name}</Text>
            <Text className='db-town-count'>{formatCount(r.count)} 人</Text>
          </View>
          {r.target !== undefined ? (
            <View className='zg-small db-town-target'>
              目标 {formatCount(r.target)} 人{r.target > 0 ? `，完成 ${formatPercent(r.count, r.target)}` : ''}
            </View>
          ) : anyTarget ? (
            <View className='zg-small db-town-target'>还没有定目标</View>
          ) : null}
          <View className='db-track'>
            <View className='db-bar' style={{ width: barWidth(r.count, scale) }} />
            {r.target !== undefined && r.target > 0 ? <View className='db-target-line' style={{ left: barWidth(r.target, scale) }} /> : null}
          </View>
        </View>
      ))}
    </View>
  );
}

/** Twelve columns; months still to come this year are drawn faint, without a number. */
function MonthsCard({ stats }: { stats: EmploymentStats }) {
  const max = Math.max(1, ...stats.byMonth.map((m) => m.count));
  const lastMonth = stats.year === chinaYear() ? chinaMonth() : 12;
  return (
    <View className='zg-card'>
      <View className='zg-card-title'>每月新增</View>
      <View className='zg-small'>按开始上班的月份算。</View>
      <View className='db-months'>
        {stats.byMonth.map((m) => {
          const future = m.month > lastMonth;
          return (
            <View key={m.month} className={future ? 'db-month db-month-future' : 'db-month'} aria-label={`${m.month}月${future ? '' : `${m.count}人`}`}>
              <View className='db-month-plot'>
                <Text className='db-month-count'>{future ? '' : m.count}</Text>
                <View className='db-month-bar' style={{ height: `${((m.count / max) * MONTH_BAR_SHARE * 100).toFixed(2)}%` }} />
              </View>
              <View className='db-month-label'>{m.month}</View>
            </View>
          );
        })}
      </View>
      <View className='zg-small db-month-axis'>下面的数字是月份</View>
    </View>
  );
}

function KeyGroupsCard({ stats }: { stats: EmploymentStats }) {
  return (
    <View className='zg-card'>
      <View className='zg-card-title'>重点人群</View>
      <View className='zg-small'>一个人可能同时属于两类人群（比如既是退役军人又是就业困难人员），所以各类加起来可能比总数多。</View>
      {stats.byKeyGroup.map((g) => (
        <View key={g.group} className='db-group'>
          <View className='db-town-head'>
            <Text className='db-group-name'>{KEY_GROUP_NAMES[g.group] ?? g.group}</Text>
            <Text className='db-town-count'>{formatCount(g.count)} 人</Text>
          </View>
          <View className='db-track db-track-thin'>
            <View className='db-bar db-bar-group' style={{ width: barWidth(g.count, stats.count) }} />
          </View>
        </View>
      ))}
    </View>
  );
}

type Flag = 'short_of_people' | 'short_of_jobs' | null;

function flagOf(row: EmploymentStats['supplyDemand'][number]): Flag {
  if (row.ratio === null) return row.openHeadcount > 0 ? 'short_of_people' : null;
  if (row.ratio > RATIO_HIGH) return 'short_of_people';
  if (row.ratio < RATIO_LOW) return 'short_of_jobs';
  return null;
}

function ShowAll({ hidden, onTap }: { hidden: number; onTap: () => void }) {
  if (hidden <= 0) return null;
  return (
    <Button className='zg-btn zg-btn-ghost zg-btn-block db-more' onClick={onTap}>
      再看 {hidden} 类
    </Button>
  );
}

function SupplyDemandCard({ stats, townView }: { stats: EmploymentStats; townView: boolean }) {
  const [all, setAll] = useState(false);
  const rows = [...stats.supplyDemand].sort((a, b) => b.openHeadcount + b.seekers - (a.openHeadcount + a.seekers) || a.group.localeCompare(b.group));
  const shown = all ? rows : rows.slice(0, SHOWN_GROUPS);
  const scale = Math.max(1, ...rows.map((r) => Math.max(r.openHeadcount, r.seekers)));
  return (
    <View className='zg-card'>
      <View className='zg-card-title'>供需情况（求人倍率）</View>
      <View className='zg-text db-explain'>求人倍率 = 岗位空缺 ÷ 求职人数。</View>
      <View className='zg-small'>大于1：岗位比人多，招工难；小于1：人比岗位多，找工作难。</View>
      <View className='zg-small'>
        {townView ? '这里是全区的数字（不分镇街）：' : ''}现在在招的岗位和正在找工作的人，几分钟更新一次。
      </View>
      <View className='zg-small db-legend'>
        <View className='db-legend-item'>
          <View className='db-key db-key-count' />
          <Text>岗位空缺</Text>
        </View>
        <View className='db-legend-item'>
          <View className='db-key db-key-seekers' />
          <Text>求职人数</Text>
        </View>
      </View>
      {rows.length === 0 ? <View className='zg-small'>现在没有在招的岗位，也没有人登记求职。</View> : null}
      {shown.map((r) => {
        const flag = flagOf(r);
        return (
          <View key={r.group} className={flag ? `db-sd db-sd-${flag}` : 'db-sd'}>
            <View className='db-town-head'>
              <Text className='db-sd-name'>{r.name}</Text>
              {flag === 'short_of_people' ? <Text className='zg-tag zg-tag-warn db-flag'>缺人</Text> : null}
              {flag === 'short_of_jobs' ? <Text className='zg-tag db-flag db-flag-jobs'>缺岗位</Text> : null}
            </View>
            <View className='db-sd-nums'>
              岗位空缺 <Text className='db-strong'>{formatCount(r.openHeadcount)}</Text> 个，求职 <Text className='db-strong'>{formatCount(r.seekers)}</Text> 人，倍率{' '}
              <Text className='db-strong'>{r.ratio === null ? '—' : r.ratio.toFixed(2)}</Text>
            </View>
            {r.ratio === null ? <View className='zg-small'>没有人登记想做这类工作。</View> : null}
            <View className='db-track db-track-thin'>
              <View className='db-bar' style={{ width: barWidth(r.openHeadcount, scale) }} />
            </View>
            <View className='db-track db-track-thin db-track-second'>
              <View className='db-bar db-bar-seekers' style={{ width: barWidth(r.seekers, scale) }} />
            </View>
          </View>
        );
      })}
      {!all ? <ShowAll hidden={rows.length - shown.length} onTap={() => setAll(true)} /> : null}
    </View>
  );
}

/** The middle half of the wages (P25 to P75) as a band on one scale for all groups, with the median as a line; said in plain words. */
function WagesCard({ stats, townView }: { stats: EmploymentStats; townView: boolean }) {
  const [all, setAll] = useState(false);
  const rows = [...stats.wageLevels].sort((a, b) => b.posts - a.posts || b.median - a.median);
  const shown = all ? rows : rows.slice(0, SHOWN_GROUPS);
  const lo = Math.floor(Math.min(...rows.map((r) => r.p25), Infinity) / 1000) * 1000;
  const hiRaw = Math.ceil(Math.max(...rows.map((r) => r.p75), 0) / 1000) * 1000;
  const hi = hiRaw > lo ? hiRaw : lo + 1000;
  const at = (v: number) => barWidth(v - lo, hi - lo);
  return (
    <View className='zg-card'>
      <View className='zg-card-title'>市场工资价位</View>
      <View className='zg-small'>
        {townView ? '全区' : ''}在招岗位写的工资，都折算成每月多少元。色块：把岗位按工资从低到高排好，去掉最低的四分之一和最高的四分之一，剩下中间一半岗位的工资范围。竖线：排在正中间的工资。
      </View>
      {rows.length === 0 ? <View className='zg-small db-explain'>现在没有写了工资的在招岗位。</View> : null}
      {rows.length > 0 ? (
        <View className='zg-small db-axis'>
          <Text>{formatCount(lo)}元</Text>
          <Text>{formatCount(hi)}元</Text>
        </View>
      ) : null}
      {shown.map((r) => (
        <View key={r.group} className='db-wage'>
          <View className='db-town-head'>
            <Text className='db-sd-name'>{r.name}</Text>
            <Text className='zg-small db-wage-posts'>{r.posts} 个岗位</Text>
          </View>
          <View className='db-wage-nums'>
            中间一半的岗位：{formatCount(r.p25)}–{formatCount(r.p75)} 元/月
          </View>
          <View className='db-wage-nums'>
            排在正中间的：<Text className='db-strong'>{formatCount(r.median)}</Text> 元/月
          </View>
          <View className='db-track db-track-thin db-wage-track'>
            <View className='db-wage-band' style={{ left: at(r.p25), width: barWidth(Math.max(r.p75 - r.p25, (hi - lo) / 50), hi - lo) }} />
            <View className='db-target-line db-median' style={{ left: at(r.median) }} />
          </View>
        </View>
      ))}
      {!all ? <ShowAll hidden={rows.length - shown.length} onTap={() => setAll(true)} /> : null}
    </View>
  );
}

/** Yuan with thousands grouped; fen only when there are any. */
function formatYuan(n: number): string {
  const fen = Math.round(n * 100);
  const yuan = formatCount(Math.floor(fen / 100));
  return fen % 100 === 0 ? yuan : `${yuan}.${String(fen % 100).padStart(2, '0')}`;
}

/** Whose day work the 零工 figures count: where the work was for admins, where the people live for a liaison. */
function gigScopeText(user: AuthUser): string {
  if (user.role === 'liaison') return '本镇街村民干的零工，不管在哪里干的。';
  return isDistrictAdmin(user) ? '全区各镇街的零工。' : '在本镇街干的零工，不管是哪里的人。';
}

function GigFigure({ label, value, unit, money }: { label: string; value: string; unit: string; money?: boolean }) {
  return (
    <View className='db-gig-cell'>
      <View className='db-gig-label'>{label}</View>
      <View className={money ? 'db-gig-num zg-money' : 'db-gig-num'}>
        {value}
        <Text className='db-gig-unit'> {unit}</Text>
      </View>
    </View>
  );
}

/**
 * 零工市场 of the year (GET /stats/gigs, the caller's area): days worked, people, employers, pay recorded,
 * no-shows and pay complaints; the same as a workbook to file. Day labour is not 新增就业.
 */
function GigsCard({ year, user, state }: { year: number; user: AuthUser; state: ApiState<GigStats> }) {
  const g = state.data?.year === year ? state.data : undefined;
  return (
    <View className='zg-card db-gigs'>
      <View className='zg-card-title'>{year}年零工市场</View>
      <View className='zg-small'>{gigScopeText(user)}零工（打短工、日结）单独统计，不算新增就业。</View>
      {state.loading && !g ? <View className='zg-small db-explain'>正在加载…</View> : null}
      {state.error && !state.loading ? (
        <View className='db-explain'>
          <View className='zg-error'>零工数字没有加载出来：{state.error.message}</View>
          <Button className='zg-btn zg-btn-ghost zg-btn-block db-more' onClick={() => void state.reload()}>
            再试一次
          </Button>
        </View>
      ) : null}
      {g ? (
        <View>
          <View className='db-gig-grid'>
            <GigFigure label='上工人次' value={formatCount(g.workerDays)} unit='人次' />
            <GigFigure label='上工的人' value={formatCount(g.workers)} unit='人' />
            <GigFigure label='用工企业' value={formatCount(g.employers)} unit='户' />
            <GigFigure label='记下的工钱' value={formatYuan(g.paidTotal)} unit='元' money />
            <GigFigure label='报了没来' value={formatCount(g.noShows)} unit='人次' />
            <GigFigure label='工钱投诉' value={`${formatCount(g.disputes.open + g.disputes.resolved)}`} unit='件' />
          </View>
          <View className={g.disputes.open > 0 ? 'db-gig-cases db-gig-cases-open' : 'db-gig-cases'}>
            工钱投诉：还在处理 <Text className='db-strong'>{formatCount(g.disputes.open)}</Text> 件，已办结 <Text className='db-strong'>{formatCount(g.disputes.resolved)}</Text> 件
          </View>
          <View className='zg-small db-rule'>上工人次：签到上工的人，一人干一天算一次。记下的工钱：企业登记发了的工钱。</View>
        </View>
      ) : null}
      {FILE_SUPPORT.download ? (
        <View className='db-export'>
          <DownloadButton text='下载零工报表（Excel）' run={() => downloadXlsx(`/stats/gigs.xlsx${buildQuery({ year })}`, `零工统计表-${year}.xlsx`)} />
        </View>
      ) : (
        <View className='zg-error db-explain'>这个版本不能下载文件，请在电脑浏览器里打开枣工快递下载。</View>
      )}
    </View>
  );
}

function ExportCard({ year }: { year: number }) {
  const query = buildQuery({ year });
  return (
    <View className='zg-card'>
      <View className='zg-card-title'>导出 Excel</View>
      <View className='zg-small'>{year}年的新增就业实名台账（身份证号只显示一部分）和统计表，可以直接打印上报。</View>
      {FILE_SUPPORT.download ? (
        <View className='db-export'>
          <DownloadButton text='导出新增就业台账（Excel）' run={() => downloadXlsx(`/hires/ledger.xlsx${query}`, `新增就业实名台账-${year}.xlsx`)} />
          <DownloadButton text='导出统计表（Excel）' run={() => downloadXlsx(`/stats/employment.xlsx${query}`, `新增就业统计表-${year}.xlsx`)} />
        </View>
      ) : (
        <View className='zg-error'>这个版本不能下载文件，请在电脑浏览器里打开枣工快递下载。</View>
      )}
    </View>
  );
}

/** A target typed in the sheet: a whole number of people, or (for a 镇街) nothing for no target. */
function parseTarget(raw: string, required: boolean): { value?: number; error?: string } {
  const text = raw.trim();
  if (text === '') return required ? { error: '请填写全区目标人数' } : {};
  if (!/^\d+$/.test(text)) return { error: '请填写整数，不能有小数点，也不能是负数' };
  const value = Number(text);
  if (value > MAX_TARGET) return { error: '数目太大了，请核对' };
  return { value };
}

function TargetSheet({ stats, onClose, onSaved }: { stats: EmploymentStats; onClose: () => void; onSaved: () => void }) {
  const [district, setDistrict] = useState(String(stats.target));
  const [towns, setTowns] = useState<Record<string, string>>(() =>
    Object.fromEntries(stats.byTown.map((t) => [t.code, t.target === undefined ? '' : String(t.target)])),
  );
  const [shownErrors, setShownErrors] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');

  const districtParsed = parseTarget(district, true);
  const townParsed = stats.byTown.map((t) => ({ town: t, ...parseTarget(towns[t.code] ?? '', false) }));
  const sum = townParsed.reduce((s, t) => s + (t.value ?? 0), 0);
  const valid = !districtParsed.error && townParsed.every((t) => !t.error);
  const diff = (districtParsed.value ?? 0) - sum;
  const badNames = [...(districtParsed.error ? ['全区目标'] : []), ...townParsed.filter((t) => t.error).map((t) => t.town.name)];

  const save = async () => {
    setShownErrors(true);
    setError('');
    if (!valid || districtParsed.value === undefined) return;
    const body = {
      district: districtParsed.value,
      towns: Object.fromEntries(townParsed.filter((t) => t.value !== undefined).map((t) => [t.town.code, t.value as number])),
    };
    setSaving(true);
    try {
      await api.setTargets(stats.year, body, { toast: false });
      onSaved();
    } catch (e) {
      setError(messageOf(e, '没有保存成功，请再试一次'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Sheet
      title={`设置${stats.year}年目标`}
      onClose={onClose}
      footer={
        <View>
          <View className='db-tsum'>
            <View>
              各镇街合计 <Text className='db-strong'>{formatCount(sum)}</Text> 人，全区目标{' '}
              <Text className='db-strong'>{districtParsed.value === undefined ? '—' : formatCount(districtParsed.value)}</Text> 人
            </View>
            {districtParsed.value !== undefined ? (
              <View className={diff === 0 ? 'db-tsum-line db-tsum-ok' : 'db-tsum-line db-tsum-off'}>
                {diff === 0 ? '正好分完' : diff > 0 ? `还有 ${formatCount(diff)} 人没有分到镇街` : `比全区目标多 ${formatCount(-diff)} 人`}
              </View>
            ) : null}
          </View>
          {error ? <View className='zg-error db-sheet-error'>{error}</View> : null}
          {shownErrors && !valid ? <View className='zg-error db-sheet-error'>{badNames.join('、')}填得不对，请看红字。</View> : null}
          <View className='zg-sheet-buttons'>
            <Button className='zg-btn zg-btn-ghost' onClick={onClose}>
              取消
            </Button>
            <Button className={saving ? 'zg-btn zg-btn-disabled' : 'zg-btn'} disabled={saving || undefined} onClick={() => void save()}>
              {saving ? '正在保存…' : '保存目标'}
            </Button>
          </View>
        </View>
      }
    >
      <View className='db-tsheet'>
        <View className='zg-label'>全区新增就业目标</View>
        <View className='db-tinput-row'>
          <Input
            className='zg-input db-tinput db-tinput-district'
            type='number'
            maxlength={7}
            value={district}
            onInput={(e) => setDistrict(e.detail.value)}
          />
          <Text className='db-tinput-unit'>人</Text>
        </View>
        {shownErrors && districtParsed.error ? <View className='zg-field-error'>{districtParsed.error}</View> : null}

        <View className='zg-label db-tsheet-towns'>分到各镇街</View>
        <View className='zg-small'>不分的镇街空着就行。</View>
        {townParsed.map(({ town, error: townError }) => (
          <View key={town.code} className='db-tinput-town'>
            <View className='db-tinput-row'>
              <Text className='db-tinput-name'>{town.name}</Text>
              <Input
                className='zg-input db-tinput'
                type='number'
                maxlength={7}
                placeholder='不设'
                value={towns[town.code] ?? ''}
                onInput={(e) => {
                  const value = e.detail.value;
                  setTowns((prev) => ({ ...prev, [town.code]: value }));
                }}
              />
              <Text className='db-tinput-unit'>人</Text>
            </View>
            {shownErrors && townError ? <View className='zg-field-error'>{townError}</View> : null}
          </View>
        ))}
      </View>
    </Sheet>
  );
}

function Dashboard({ user }: { user: AuthUser }) {
  const [year, setYear] = useState(chinaYear());
  const [sheet, setSheet] = useState(false);
  const stats = useApi(() => api.employmentStats(year, { toast: false }), [year, user.id, user.regionCode]);
  const gigs = useApi(() => request<GigStats>('/stats/gigs', { query: { year }, toast: false }), [year, user.id, user.regionCode]);
  const townView = isTownOfficer(user);
  const canSetTargets = isDistrictAdmin(user);

  usePullDownRefresh(() => {
    void Promise.all([stats.reload(), gigs.reload()]).finally(() => Taro.stopPullDownRefresh());
  });
  // Back from another page (or the app): fresh numbers. The first show comes during the first load.
  useDidShow(() => {
    if (!stats.loading) void stats.reload();
    if (!gigs.loading) void gigs.reload();
  });

  const areaName = townView ? (user.regionName ?? stats.data?.byTown[0]?.name) : undefined;
  useEffect(() => {
    if (areaName) void Taro.setNavigationBarTitle({ title: `就业统计 · ${areaName}` }).catch(() => undefined);
  }, [areaName]);

  const saved = () => {
    setSheet(false);
    void Taro.showToast({ title: '目标已保存', icon: 'success', duration: 1500 });
    void stats.reload();
  };

  const data = stats.data?.year === year ? stats.data : undefined;
  return (
    <View className='db'>
      <YearSwitch year={year} onChange={setYear} />
      {stats.loading && !data ? <StateView title='正在加载…' /> : null}
      {stats.error && !stats.loading ? (
        <StateView title='统计没有加载出来' body={stats.error.message} actionText='再试一次' onAction={() => void stats.reload()} />
      ) : null}
      {data ? (
        <View>
          <ProgressCard stats={data} areaName={townView ? areaName : undefined} onSetTargets={canSetTargets ? () => setSheet(true) : undefined} />
          <TownsCard stats={data} />
          <MonthsCard stats={data} />
          <KeyGroupsCard stats={data} />
          <SupplyDemandCard stats={data} townView={townView} />
          <WagesCard stats={data} townView={townView} />
          <GigsCard year={year} user={user} state={gigs} />
          <ExportCard year={year} />
          <View className='zg-small db-foot'>往下拉可以刷新。</View>
          {sheet ? <TargetSheet stats={data} onClose={() => setSheet(false)} onSaved={saved} /> : null}
        </View>
      ) : null}
    </View>
  );
}

/** Admins and 镇街 officers (liaisons over a whole 镇街) only; everyone else gets one plain way on. */
function Gate({ children }: { children: (user: AuthUser) => JSX.Element }) {
  const user = useSession();
  // Refresh name and scope from GET /me, as RoleGate does; a 401 clears the session.
  useEffect(() => {
    if (!getToken()) return;
    api.me({ toast: false }).then(saveUser, () => undefined);
  }, []);

  if (!user) {
    return (
      <StateView
        title='请先登录'
        body='就业统计是给管理员和镇街干部看的，登录后才能看。'
        actionText='去登录'
        onAction={() => void Taro.navigateTo({ url: loginUrl() })}
      />
    );
  }
  if (user.role !== 'admin' && !isTownOfficer(user)) {
    return (
      <StateView
        title='就业统计是给管理员和镇街干部看的'
        body={`您现在的身份是${ROLE_LABELS[user.role]}${user.role === 'liaison' ? '（负责一个村居）' : ''}。`}
        actionText='回到我的首页'
        onAction={() => void Taro.reLaunch({ url: homeOf(user.role) })}
      />
    );
  }
  return children(user);
}

/** 就业统计: new employment against the target, by 镇街, month and key group, with supply and demand and wage levels. */
export default function DashboardPage() {
  return (
    <PageShell>
      <Gate>{(user) => <Dashboard key={`${user.id}:${user.regionCode ?? ''}`} user={user} />}</Gate>
    </PageShell>
  );
}
