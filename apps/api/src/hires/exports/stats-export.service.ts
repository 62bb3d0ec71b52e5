import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { DISTRICT_NAME, KEY_GROUP_LABELS, type EmploymentStats, type KeyGroup } from '@zaogong/shared';
import { AccessService } from '../../common/access/access.service';
import type { AuthPrincipal } from '../../common/auth-principal';
import { Clock } from '../../common/clock';
import { Region } from '../../regions/entities/region.entity';
import { beijingText } from '../../residents/import/residents-export.service';
import { EmploymentStatsService } from '../employment-stats.service';
import { areaName } from './area-name';

type Cell = string | number | null;

/** One sheet of a statistics workbook (also the 零工 report's, gigs/gig-stats.service.ts). */
export interface SheetSpec {
  name: string;
  title: string;
  headers: { text: string; width: number; percent?: boolean }[];
  rows: Cell[][];
  /** A bold 合计 row under the table. */
  totals?: Cell[];
  /** A line of explanation under everything. */
  note?: string;
}

const rate = (count: number, target: number | null | undefined): number | null => (target ? count / target : null);

export interface StatsFile {
  bytes: Buffer;
  filename: string;
}

/**
 * GET /stats/employment.xlsx: the figures of GET /stats/employment (same scope) as a workbook a clerk
 * files: one sheet per breakdown, each with a title row, the area and date, Chinese headers and totals.
 * A few dozen rows, so it is built in memory.
 */
@Injectable()
export class StatsExportService {
  constructor(
    private readonly stats: EmploymentStatsService,
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async export(year: number, actor: AuthPrincipal): Promise<StatsFile> {
    const allowed = await this.access.scope(actor, 'ledger.export');
    const scope = allowed.kind === 'region' ? allowed.code : '';
    const s = await this.stats.employment(year, actor);
    const names = new Map((await this.ds.getRepository(Region).find({ select: { code: true, name: true } })).map((r) => [r.code, r.name]));
    const area = areaName(scope || null, names);
    const date = beijingText(this.clock.now(), false);
    const title = (part: string) => `${DISTRICT_NAME}${year}年城镇新增就业统计——${part}`;
    const info = `统计范围：${area}    导出日期：${date}`;

    const wb = new ExcelJS.Workbook();
    wb.creator = '枣工快递';
    for (const spec of sheets(s, title)) addSheet(wb, spec, spec.name === '供需情况' || spec.name === '工资价位' ? `统计范围：全区在招岗位和求职登记（当前）    导出日期：${date}` : info);
    return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), filename: `${DISTRICT_NAME}${year}年新增就业统计-${area}-${date}.xlsx` };
  }
}

function sheets(s: EmploymentStats, title: (part: string) => string): SheetSpec[] {
  const townTargets = s.byTown.reduce((a, t) => a + (t.target ?? 0), 0);
  let running = 0;
  const openTotal = s.supplyDemand.reduce((a, g) => a + g.openHeadcount, 0);
  const seekerTotal = s.supplyDemand.reduce((a, g) => a + g.seekers, 0);
  return [
    {
      name: '总体',
      title: title('总体'),
      headers: [
        { text: '年度', width: 8 },
        { text: '目标（人）', width: 12 },
        { text: '新增就业（人）', width: 16 },
        { text: '完成率', width: 10, percent: true },
        { text: '待确认的录用（条）', width: 20 },
      ],
      rows: [[s.year, s.target, s.count, rate(s.count, s.target), s.pending]],
      note: '新增就业：开始上班日期在本年度、经企业和本人（或村居联络员）双方确认或由管理员写明理由核实的录用，同一人一年只计一次。待确认的录用：本年度已登记、还差一方确认的录用，不计入新增就业。',
    },
    {
      name: '分镇街',
      title: title('分镇街'),
      headers: [
        { text: '镇街', width: 18 },
        { text: '新增就业（人）', width: 16 },
        { text: '目标（人）', width: 12 },
        { text: '完成率', width: 10, percent: true },
      ],
      rows: s.byTown.map((t) => [t.name, t.count, t.target ?? null, rate(t.count, t.target)]),
      totals: ['合计', s.byTown.reduce((a, t) => a + t.count, 0), s.target, rate(s.count, s.target)],
      note: townTargets && townTargets !== s.target ? `各镇街目标之和为${townTargets}人，合计行按总目标${s.target}人计算完成率。` : '未分解目标的镇街，目标和完成率留空。',
    },
    {
      name: '分月份',
      title: title('分月份'),
      headers: [
        { text: '月份', width: 10 },
        { text: '新增就业（人）', width: 16 },
        { text: '累计（人）', width: 12 },
      ],
      rows: s.byMonth.map((m) => [`${m.month}月`, m.count, (running += m.count)]),
      totals: ['合计', s.byMonth.reduce((a, m) => a + m.count, 0), null],
      note: '按开始上班的月份统计；同一人一年多次录用，按最早的一次计。',
    },
    {
      name: '重点群体',
      title: title('重点群体'),
      headers: [
        { text: '人员类别', width: 16 },
        { text: '新增就业（人）', width: 16 },
        { text: '占新增就业', width: 12, percent: true },
      ],
      rows: s.byKeyGroup.map((g) => [KEY_GROUP_LABELS[g.group as KeyGroup] ?? g.group, g.count, rate(g.count, s.count)]),
      totals: ['新增就业总数', s.count, null],
      note: '一人可属于多个群体，各行相加不等于新增就业总数。',
    },
    {
      name: '供需情况',
      title: title('供需情况（求人倍率）'),
      headers: [
        { text: '职业类别代码', width: 14 },
        { text: '职业类别', width: 28 },
        { text: '岗位空缺（人）', width: 16 },
        { text: '求职人数（人）', width: 16 },
        { text: '求人倍率', width: 10 },
      ],
      rows: s.supplyDemand.map((g) => [g.group, g.name, g.openHeadcount, g.seekers, g.ratio]),
      totals: ['合计', null, openTotal, seekerTotal, seekerTotal ? Math.round((openTotal / seekerTotal) * 100) / 100 : null],
      note: '求人倍率 = 在招岗位的空缺人数 ÷ 想干这类活的求职人数；大于1表示岗位多于求职者。一人想干几类活时在每类中各计一次，合计行的求职人数为人次。',
    },
    {
      name: '工资价位',
      title: title('市场工资价位'),
      headers: [
        { text: '职业类别代码', width: 14 },
        { text: '职业类别', width: 28 },
        { text: '岗位数', width: 10 },
        { text: '低位数 P25（元/月）', width: 20 },
        { text: '中位数（元/月）', width: 16 },
        { text: '高位数 P75（元/月）', width: 20 },
      ],
      rows: s.wageLevels.map((w) => [w.group, w.name, w.posts, w.p25, w.median, w.p75]),
      totals: ['合计', null, s.wageLevels.reduce((a, w) => a + w.posts, 0), null, null, null],
      note: '按在招岗位工资区间的中点折算为月工资：日薪 × 21.75，时薪 × 8 × 21.75；计件岗位不计。',
    },
  ];
}

export function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec, info: string): void {
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 3 }] });
  const width = spec.headers.length;
  ws.columns = spec.headers.map((h) => ({ width: h.width }));
  ws.mergeCells(1, 1, 1, width);
  const t = ws.getCell(1, 1);
  t.value = spec.title;
  t.font = { bold: true, size: 14 };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 26;
  ws.mergeCells(2, 1, 2, width);
  ws.getCell(2, 1).value = info;
  const head = ws.getRow(3);
  spec.headers.forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h.text;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  const put = (values: Cell[]) => {
    const row = ws.addRow(values);
    spec.headers.forEach((h, i) => {
      if (h.percent) row.getCell(i + 1).numFmt = '0.0%';
    });
    return row;
  };
  for (const r of spec.rows) put(r);
  if (spec.totals) {
    const row = put(spec.totals);
    row.font = { bold: true };
    row.eachCell({ includeEmpty: true }, (c) => (c.border = { top: { style: 'thin' } }));
  }
  if (spec.note) {
    const at = ws.rowCount + 2;
    ws.mergeCells(at, 1, at, width);
    const cell = ws.getCell(at, 1);
    cell.value = spec.note;
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(at).height = 45;
  }
}
