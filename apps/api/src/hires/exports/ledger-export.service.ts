import { Injectable, Logger } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { PassThrough, type Readable } from 'node:stream';
import { DataSource, In } from 'typeorm';
import { DISTRICT_NAME, GENDER_LABELS, KEY_GROUP_LABELS, WAGE_UNIT_LABELS, ageOn, chinaDateOf, maskIdNumber, type KeyGroup, type WageUnit } from '@zaogong/shared';
import { AuditService } from '../../audit/audit.service';
import { AccessService, regionCondition } from '../../common/access/access.service';
import { homeRegionOf } from '../../common/access/access.policy';
import type { AuthPrincipal } from '../../common/auth-principal';
import { Clock } from '../../common/clock';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { Employer } from '../../employers/entities/employer.entity';
import { JobPosting } from '../../job-postings/entities/job-posting.entity';
import { Region } from '../../regions/entities/region.entity';
import { Resident } from '../../residents/entities/resident.entity';
import { beijingText } from '../../residents/import/residents-export.service';
import { Hire } from '../entities/hire.entity';
import { NewEmployment } from '../entities/new-employment.entity';
import { areaName } from './area-name';

/** People fetched per round of queries while the file is written. */
const BATCH = 1000;

/** One counted person with their hire, as the ledger shows them. */
interface LedgerEntry {
  counted: NewEmployment;
  hire: Hire | undefined;
  resident: Resident | undefined;
  employer: Employer | undefined;
  post: JobPosting | undefined;
}
/** Employers and posts already read, by id: they repeat across batches. */
interface Caches {
  employers: Map<string, Employer>;
  posts: Map<string, JobPosting>;
}
interface RowContext {
  names: Map<string, string>;
  cipher: PersonalDataCipher;
  fullIdNumbers: boolean;
}
interface LedgerColumn {
  header: string;
  width: number;
  value: (e: LedgerEntry, x: RowContext) => string | number | null;
}

/** 2026-03-09 as a local Date, the way ageOn reads a day. */
const localDay = (ymd: string) => new Date(Number(ymd.slice(0, 4)), Number(ymd.slice(5, 7)) - 1, Number(ymd.slice(8, 10)));
/** The later of two YYYY-MM-DD days. */
const laterDay = (a: string, b: string) => (a > b ? a : b);
/** 4000元/月, 180元/天; empty when the hire records no pay. */
function wageText(hire: Hire | undefined): string {
  if (!hire || hire.wage === null || hire.wage === undefined) return '';
  const unit: WageUnit = hire.wageUnit ?? 'month';
  return `${Number.isInteger(hire.wage) ? hire.wage : hire.wage.toFixed(2).replace(/0$/, '')}${WAGE_UNIT_LABELS[unit] ?? ''}`;
}

/** The columns of 新增就业实名制台账 as the 人社局 form has them. */
const COLUMNS: LedgerColumn[] = [
  { header: '序号', width: 7, value: () => null }, // filled by the writer
  { header: '姓名', width: 10, value: (e) => e.resident?.name ?? '' },
  { header: '性别', width: 6, value: (e) => (e.resident?.gender ? GENDER_LABELS[e.resident.gender] : '') },
  {
    header: '身份证号',
    width: 21,
    value: (e, x) => {
      if (!e.resident?.idNumberCipher) return '';
      const id = x.cipher.decrypt(e.resident.idNumberCipher);
      return x.fullIdNumbers ? id : maskIdNumber(id);
    },
  },
  { header: '年龄', width: 6, value: (e) => (e.resident ? ageOn(e.resident.birthDate, localDay(e.counted.startDate)) : null) },
  { header: '镇街', width: 14, value: (e, x) => x.names.get(e.counted.townCode) ?? e.counted.townCode },
  { header: '村居', width: 18, value: (e, x) => x.names.get(e.counted.villageCode) ?? e.counted.villageCode },
  { header: '人员类别', width: 18, value: (e) => e.counted.keyGroups.map((g: KeyGroup) => KEY_GROUP_LABELS[g] ?? g).join('、') },
  { header: '就业单位', width: 30, value: (e) => (e.hire?.kind === 'flexible' ? '灵活就业' : (e.employer?.name ?? '')) },
  { header: '统一社会信用代码', width: 21, value: (e) => e.employer?.creditCode ?? '' },
  { header: '岗位', width: 18, value: (e) => (e.hire?.kind === 'flexible' ? (e.hire.evidence ?? '') : (e.post?.title ?? '')) },
  { header: '就业日期', width: 12, value: (e) => e.counted.startDate },
  { header: '工资', width: 12, value: (e) => wageText(e.hire) },
  { header: '核实方式', width: 24, value: (e) => (!e.hire ? '' : e.hire.adminVerifiedBy ? `管理员核实：${e.hire.adminVerifiedReason ?? ''}` : '双方确认') },
  // The day it counts from: an admin may verify ahead of the first day, which then counts from that day.
  { header: '核实日期', width: 12, value: (e) => (e.hire?.verifiedAt ? laterDay(beijingText(e.hire.verifiedAt, false), e.counted.startDate) : '') },
];

const NOTE =
  '统计口径：开始上班日期在本年度且已到、经企业和本人（或村居联络员）双方确认或由管理员写明理由核实的录用；零工和共享员工不计入；同一人一年内多次录用只计一次，按最早的一次列出。核实日期不早于就业日期。镇街、村居和人员类别为录用核实时登记的情况。';

export interface LedgerFile {
  stream: Readable;
  filename: string;
  rows: number;
}

export interface LedgerRequest {
  year: number;
  /** Set for an export with full 身份证号: the stated reason. */
  revealReason: string | null;
  actor: AuthPrincipal;
  ip: string | null;
}

/**
 * 新增就业实名制台账: the people counted as new employment in a year (table new_employment, the rows the
 * count counts) with their hire, written as an .xlsx while it is sent, a batch of people at a time, so
 * memory does not grow with the ledger. Audit-logged before the first byte leaves.
 */
@Injectable()
export class LedgerExportService {
  private readonly logger = new Logger('LedgerExport');

  constructor(
    private readonly ds: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async export(req: LedgerRequest): Promise<LedgerFile> {
    // The caller's area ('' for the district); full 身份证号 for an admin only.
    const allowed = await this.access.scope(req.actor, 'ledger.export');
    const scope = allowed.kind === 'region' ? allowed.code : '';
    const full = req.revealReason !== null;
    if (full) await this.access.require(req.actor, 'ledger.reveal', { regionCode: homeRegionOf(req.actor) });
    const now = this.clock.now();

    // The people the count counts: a row counts from its first working day (China date), as on the dashboard.
    const qb = this.ds.getRepository(NewEmployment).createQueryBuilder('n').select('n.resident_id', 'id').where('n.year = :year AND n.start_date <= :today', { year: req.year, today: chinaDateOf(now) });
    if (scope) qb.andWhere(...regionCondition(scope, { town: 'n.town_code', village: 'n.village_code' }));
    const ids = (await qb.orderBy('n.town_code', 'ASC').addOrderBy('n.village_code', 'ASC').addOrderBy('n.start_date', 'ASC').addOrderBy('n.resident_id', 'ASC').getRawMany<{ id: string }>()).map((r) => r.id);

    const area = scope || null;
    await this.audit.record({ action: 'hires.ledger_export', actor: req.actor, targetType: 'new_employment', targetId: null, detail: { year: req.year, area, rows: ids.length, fullIdNumbers: full }, ip: req.ip });
    if (full) await this.audit.record({ action: 'hires.ledger_export_full', actor: req.actor, targetType: 'new_employment', targetId: null, detail: { year: req.year, area, reason: req.revealReason, rows: ids.length }, ip: req.ip });

    const names = new Map((await this.ds.getRepository(Region).find({ select: { code: true, name: true } })).map((r) => [r.code, r.name]));
    const areaLabel = areaName(scope, names);
    const date = beijingText(now, false);
    const info = [`统计范围：${areaLabel}`, `导出日期：${date}`, `共${ids.length}人`, full ? '含完整身份证号，请妥善保管，不得外传' : '身份证号已隐去中间部分'].join('    ');

    const stream = new PassThrough();
    this.write(stream, req.year, ids, `${DISTRICT_NAME}${req.year}年城镇新增就业实名制台账`, info, { names, cipher: this.cipher, fullIdNumbers: full }).catch((e: unknown) => {
      this.logger.error(`ledger export failed: ${e instanceof Error ? e.message : String(e)}`);
      stream.destroy(e instanceof Error ? e : new Error(String(e)));
    });
    return { stream, filename: `${DISTRICT_NAME}${req.year}年新增就业实名制台账-${areaLabel}-${date}.xlsx`, rows: ids.length };
  }

  private async write(out: PassThrough, year: number, ids: string[], title: string, info: string, x: RowContext): Promise<void> {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    wb.creator = '枣工快递';
    const ws = wb.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.columns = COLUMNS.map((c) => ({ width: c.width }));
    const last = COLUMNS.length;
    ws.mergeCells(1, 1, 1, last);
    const titleRow = ws.getRow(1);
    titleRow.getCell(1).value = title;
    titleRow.getCell(1).font = { bold: true, size: 16 };
    titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    titleRow.height = 30;
    titleRow.commit();
    ws.mergeCells(2, 1, 2, last);
    const infoRow = ws.getRow(2);
    infoRow.getCell(1).value = info;
    infoRow.commit();
    const head = ws.getRow(3);
    COLUMNS.forEach((c, i) => {
      const cell = head.getCell(i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center' };
      cell.border = { bottom: { style: 'thin' } };
    });
    head.commit();

    const caches: Caches = { employers: new Map(), posts: new Map() };
    const load = (from: number) => (from < ids.length ? this.load(year, ids.slice(from, from + BATCH), caches) : Promise.resolve(null));
    // The next batch is read while this one is written: the reads are random lookups, the writing is CPU.
    let next = load(0);
    let n = 0;
    try {
      for (let i = 0; i < ids.length; i += BATCH) {
        const entries = (await next) ?? [];
        next = load(i + BATCH);
        for (const entry of entries) {
          n += 1;
          ws.addRow(COLUMNS.map((col, j) => (j === 0 ? n : col.value(entry, x)))).commit();
        }
        if (out.destroyed) return; // the client went away
      }
    } finally {
      next.catch(() => undefined); // settled or abandoned: never an unhandled rejection
    }

    const totalsAt = 4 + n;
    ws.mergeCells(totalsAt, 1, totalsAt, 4);
    const totals = ws.getRow(totalsAt);
    totals.getCell(1).value = `合计 ${n} 人`;
    totals.getCell(1).font = { bold: true };
    totals.getCell(1).border = { top: { style: 'thin' } };
    totals.commit();
    ws.mergeCells(totalsAt + 1, 1, totalsAt + 1, last);
    const note = ws.getRow(totalsAt + 1);
    note.getCell(1).value = NOTE;
    note.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    note.height = 32;
    note.commit();
    ws.commit();
    await wb.commit();
  }

  /** The ledger entries of a batch of people, in the batch's order (people removed meanwhile left out). */
  private async load(year: number, batch: string[], caches: Caches): Promise<LedgerEntry[]> {
    const rows = new Map((await this.ds.getRepository(NewEmployment).findBy({ year, residentId: In(batch) })).map((c) => [c.residentId, c]));
    const hireIds = [...rows.values()].map((c) => c.hireId);
    const [hires, residents] = await Promise.all([
      hireIds.length ? this.ds.getRepository(Hire).find({ where: { id: In(hireIds) }, select: { id: true, kind: true, evidence: true, employerId: true, postId: true, wage: true, wageUnit: true, adminVerifiedBy: true, adminVerifiedReason: true, verifiedAt: true } }) : [],
      this.ds.getRepository(Resident).find({ where: { id: In(batch) }, select: { id: true, name: true, gender: true, idNumberCipher: true, birthDate: true } }),
    ]);
    await fill(caches.employers, hires.map((h) => h.employerId).filter((e): e is string => e !== null), (missing) => this.ds.getRepository(Employer).find({ where: { id: In(missing) }, select: { id: true, name: true, creditCode: true } }));
    await fill(caches.posts, hires.map((h) => h.postId).filter((p): p is string => p !== null), (missing) => this.ds.getRepository(JobPosting).find({ where: { id: In(missing) }, select: { id: true, title: true } }));
    const hireById = new Map(hires.map((h) => [h.id, h]));
    const residentById = new Map(residents.map((r) => [r.id, r]));
    const entries: LedgerEntry[] = [];
    for (const id of batch) {
      const counted = rows.get(id);
      if (!counted) continue;
      const hire = hireById.get(counted.hireId);
      entries.push({ counted, hire, resident: residentById.get(id), employer: hire?.employerId ? caches.employers.get(hire.employerId) : undefined, post: hire?.postId ? caches.posts.get(hire.postId) : undefined });
    }
    return entries;
  }
}

/** Adds to `cache` the records of the ids it does not hold yet (employers and posts repeat across batches). */
async function fill<T extends { id: string }>(cache: Map<string, T>, ids: string[], load: (missing: string[]) => Promise<T[]>): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !cache.has(id));
  if (missing.length) for (const r of await load(missing)) cache.set(r.id, r);
}
