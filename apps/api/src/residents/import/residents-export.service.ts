import { Injectable, Logger } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { PassThrough, type Readable } from 'node:stream';
import { DataSource, In } from 'typeorm';
import {
  AVAILABILITY_LABELS,
  CONSENT_METHOD_LABELS,
  DISTRICT_CODE,
  DISTRICT_NAME,
  EDUCATION_LABELS,
  GENDER_LABELS,
  KEY_GROUP_LABELS,
  RESIDENT_STATUS_LABELS,
  WAGE_UNIT_LABELS,
  ageOn,
  maskIdNumber,
  maskPhone,
  regionLevelOf,
} from '@zaogong/shared';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { AccessService, regionCondition } from '../../common/access/access.service';
import { escapeLike } from '../../common/sql/escape-like';
import { Occupation } from '../../occupations/entities/occupation.entity';
import { Region } from '../../regions/entities/region.entity';
import { Resident } from '../entities/resident.entity';
import type { RequestContext } from '../residents.service';
import type { ExportQueryDto } from './residents-spreadsheet.dto';

/** Records fetched per query while the file is written. */
const BATCH = 1000;
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

interface ExportColumn {
  header: string;
  width: number;
  value: (r: Resident, x: RowContext) => string | number | null;
}
interface RowContext {
  names: Map<string, string>;
  occupations: Map<string, string>;
  cipher: PersonalDataCipher;
  now: Date;
}

const labels = <T extends string>(codes: readonly T[], map: Record<T, string>) => codes.map((c) => map[c] ?? c).join('、');
/** A time as Beijing wall-clock text: 2026-11-20 09:30 (or the date alone). */
export const beijingText = (d: Date, withTime = true) => new Date(d.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, withTime ? 16 : 10).replace('T', ' ');

/** The ledger's columns: labels instead of codes, 身份证号 and phone masked. */
const COLUMNS: ExportColumn[] = [
  { header: '序号', width: 7, value: () => null }, // filled by the writer
  { header: '姓名', width: 10, value: (r) => r.name },
  { header: '性别', width: 6, value: (r) => (r.gender ? GENDER_LABELS[r.gender] : '') },
  { header: '出生日期', width: 12, value: (r) => r.birthDate },
  { header: '年龄', width: 6, value: (r, x) => ageOn(r.birthDate, x.now) },
  { header: '身份证号', width: 21, value: (r, x) => (r.idNumberCipher === null ? '未填' : maskIdNumber(x.cipher.decrypt(r.idNumberCipher))) },
  { header: '手机号', width: 14, value: (r, x) => maskPhone(x.cipher.decrypt(r.phoneCipher)) },
  { header: '镇街', width: 14, value: (r, x) => x.names.get(r.townCode) ?? r.townCode },
  { header: '村居', width: 18, value: (r, x) => x.names.get(r.villageCode) ?? r.villageCode },
  { header: '文化程度', width: 10, value: (r) => (r.education ? EDUCATION_LABELS[r.education] : '') },
  { header: '毕业时间', width: 10, value: (r) => r.graduationDate ?? '' },
  { header: '技能', width: 18, value: (r) => r.skills.join('、') },
  { header: '想干的活', width: 20, value: (r, x) => r.desiredOccupations.map((c) => x.occupations.get(c) ?? c).join('、') },
  { header: '可接受的用工方式', width: 16, value: (r) => labels(r.availability, AVAILABILITY_LABELS) },
  { header: '期望工资', width: 10, value: (r) => r.expectedWageMin },
  { header: '工资单位', width: 9, value: (r) => (r.wageUnit ? WAGE_UNIT_LABELS[r.wageUnit] : '') },
  { header: '最远通勤公里', width: 12, value: (r) => r.maxCommuteKm },
  { header: '想去的镇街', width: 18, value: (r, x) => r.desiredTownCodes.map((c) => x.names.get(c) ?? c).join('、') },
  { header: '重点群体', width: 16, value: (r) => labels(r.keyGroups, KEY_GROUP_LABELS) },
  { header: '就业状态', width: 10, value: (r) => RESIDENT_STATUS_LABELS[r.status] ?? r.status },
  { header: '同意方式', width: 12, value: (r) => CONSENT_METHOD_LABELS[r.consentMethod] ?? r.consentMethod },
  { header: '同意时间', width: 17, value: (r) => beijingText(r.consentAt) },
  { header: '登记时间', width: 17, value: (r) => beijingText(r.createdAt) },
  { header: '本人已注册', width: 10, value: (r) => (r.userId ? '是' : '否') },
];

export interface LedgerExport {
  stream: Readable;
  filename: string;
  rows: number;
}

/**
 * 台账导出: the caller's residents (their scope, the list's filters) as an .xlsx written while it
 * is sent — a batch of records at a time, so memory does not grow with the ledger. The export is
 * audit-logged (filters and row count) before the first byte leaves.
 */
@Injectable()
export class ResidentsExportService {
  private readonly logger = new Logger('ResidentsExport');

  constructor(
    private readonly ds: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async export(query: ExportQueryDto, ctx: RequestContext): Promise<LedgerExport> {
    const now = this.clock.now();
    // Records erased at the person's request are not in the 台账 any more.
    const qb = this.ds.getRepository(Resident).createQueryBuilder('r').select('r.id', 'id').where('r.erased_at IS NULL');
    const scope = await this.access.scope(ctx.actor, 'resident.read');
    if (scope.kind === 'region') qb.andWhere(...regionCondition(scope.code, { town: 'r.town_code', village: 'r.village_code' }));
    else if (scope.kind === 'user') qb.andWhere('r.user_id = :uid', { uid: scope.userId });
    if (query.villageCode) qb.andWhere('r.village_code = :village', { village: query.villageCode });
    if (query.townCode) qb.andWhere('r.town_code = :town', { town: query.townCode });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.keyGroup) qb.andWhere("r.key_groups LIKE :kg ESCAPE '!'", { kg: `%"${escapeLike(query.keyGroup)}"%` });
    const ids = (await qb.orderBy('r.town_code', 'ASC').addOrderBy('r.village_code', 'ASC').addOrderBy('r.created_at', 'ASC').addOrderBy('r.id', 'ASC').getRawMany<{ id: string }>()).map((r) => r.id);

    const filters = Object.fromEntries(Object.entries({ villageCode: query.villageCode, townCode: query.townCode, status: query.status, keyGroup: query.keyGroup }).filter(([, v]) => v !== undefined));
    await this.audit.record({ action: 'residents.export', actor: ctx.actor, targetType: 'resident', targetId: null, detail: { filters, rows: ids.length }, ip: ctx.ip });

    const names = new Map((await this.ds.getRepository(Region).find({ select: { code: true, name: true } })).map((r) => [r.code, r.name]));
    const occupations = new Map((await this.ds.getRepository(Occupation).find({ select: { code: true, name: true }, where: { level: 'leaf' } })).map((o) => [o.code, o.name]));
    const areaCode = query.villageCode ?? query.townCode ?? (scope.kind === 'region' ? scope.code : DISTRICT_CODE);
    const area = areaName(areaCode, names);
    const title = [`山亭区劳动力实名制台账（${area}）`, query.status && `状态：${RESIDENT_STATUS_LABELS[query.status]}`, query.keyGroup && `重点群体：${KEY_GROUP_LABELS[query.keyGroup]}`, `导出日期：${beijingText(now, false)}`, `共${ids.length}人`]
      .filter(Boolean)
      .join('    ');

    const stream = new PassThrough();
    this.write(stream, ids, title, { names, occupations, cipher: this.cipher, now }).catch((e: unknown) => {
      this.logger.error(`export failed: ${e instanceof Error ? e.message : String(e)}`);
      stream.destroy(e instanceof Error ? e : new Error(String(e)));
    });
    return { stream, filename: `山亭区劳动力台账-${area}-${beijingText(now, false)}.xlsx`, rows: ids.length };
  }

  private async write(out: PassThrough, ids: string[], title: string, x: RowContext): Promise<void> {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    wb.creator = '枣工快递';
    const ws = wb.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.columns = COLUMNS.map((c) => ({ width: c.width }));
    ws.mergeCells(1, 1, 1, COLUMNS.length);
    const titleRow = ws.getRow(1);
    titleRow.getCell(1).value = title;
    titleRow.getCell(1).font = { bold: true, size: 14 };
    titleRow.height = 24;
    titleRow.commit();
    const head = ws.addRow(COLUMNS.map((c) => c.header));
    head.font = { bold: true };
    head.commit();

    const repo = this.ds.getRepository(Resident);
    let n = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const byId = new Map((await repo.findBy({ id: In(batch) })).map((r) => [r.id, r]));
      for (const id of batch) {
        const r = byId.get(id);
        if (!r) continue; // deleted meanwhile
        n += 1;
        ws.addRow(COLUMNS.map((c, j) => (j === 0 ? n : c.value(r, x)))).commit();
      }
      if (out.destroyed) return; // the client went away
    }
    ws.commit();
    await wb.commit();
  }
}

/** 山亭区, a 镇街's name, or 镇街 + 村居 for a 村居. */
function areaName(code: string, names: Map<string, string>): string {
  const level = regionLevelOf(code);
  if (level === 'village') return `${names.get(code.slice(0, 9)) ?? ''}${names.get(code) ?? code}`;
  if (level === 'town') return names.get(code) ?? code;
  return DISTRICT_NAME;
}
