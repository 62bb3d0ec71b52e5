import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import type ExcelJS from 'exceljs';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import type { FieldError, ImportReport, ImportRowError } from '@zaogong/shared';
import { AuditService } from '../../audit/audit.service';
import { ChangeFeed } from '../../common/changes/change-feed';
import type { AuthPrincipal } from '../../common/auth-principal';
import { Clock } from '../../common/clock';
import { flattenValidationErrors } from '../../common/pipes/validation.pipe';
import { decideAccess } from '../../common/access/access.policy';
import { isUniqueViolation } from '../../common/sql/unique-violation';
import { Occupation } from '../../occupations/entities/occupation.entity';
import { Region } from '../../regions/entities/region.entity';
import { CreateResidentDto } from '../dto/resident.dto';
import { ResidentStatusChange } from '../entities/resident-status-change.entity';
import { Resident, type IdentifiedResident } from '../entities/resident.entity';
import { ResidentReferences, type ReferenceFields } from '../resident-references';
import { ResidentsService, type RequestContext } from '../residents.service';
import { SheetLookups, rowToInput } from './resident-row.parser';
import { columnForField, inColumn } from './resident-sheet.columns';
import { readResidentSheet, type SheetRow } from './resident-sheet.reader';
import { buildImportTemplate } from './resident-sheet.template';

/** Rows per INSERT statement (27 columns each: well inside MySQL's and SQLite's placeholder limits). */
const INSERT_CHUNK = 200;
/** Hashes per `IN (…)` lookup. */
const LOOKUP_CHUNK = 500;

/** Fields an import may change on a record that already exists (the sheet's columns). */
const UPDATABLE: ReadonlyArray<keyof Resident> = [
  'name',
  'phoneCipher',
  'phoneHash',
  'villageCode',
  'townCode',
  'education',
  'graduationDate',
  'skills',
  'desiredOccupations',
  'maxCommuteKm',
  'expectedWageMin',
  'wageUnit',
  'availability',
  'keyGroups',
  'consentMethod',
  'consentAt',
  'consentBy',
  'updatedAt',
];

interface GoodRow {
  row: number;
  resident: IdentifiedResident;
}

/**
 * 批量导入: a liaison's spreadsheet of residents, each row checked exactly as POST /residents checks
 * one record (the same DTO, references and scope), good rows written in one transaction, bad rows
 * reported by row number. The 身份证号 is the person: a row for a registered person updates the record.
 */
@Injectable()
export class ResidentsImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly residents: ResidentsService,
    private readonly refs: ResidentReferences,
    private readonly audit: AuditService,
    private readonly changes: ChangeFeed,
    private readonly clock: Clock,
  ) {}

  async import(file: Buffer, dryRun: boolean, ctx: RequestContext): Promise<ImportReport> {
    const sheet = await readResidentSheet(file);
    const lookups = await this.lookups();
    const now = this.clock.now();
    const errors: ImportRowError[] = [];
    const failed = new Set<number>();
    const report = (row: number, list: FieldError[]) => {
      for (const e of list) errors.push({ row, field: e.field, message: e.message });
      if (list.length) failed.add(row);
    };

    const good: GoodRow[] = [];
    const firstRowOf = new Map<string, number>();
    const references = this.memoisedProblems();
    for (const r of sheet.rows) {
      const checked = await this.checkRow(r, lookups, references, ctx.actor, now);
      if ('errors' in checked) {
        report(r.row, checked.errors);
        continue;
      }
      const earlier = firstRowOf.get(checked.idNumberHash);
      if (earlier !== undefined) {
        report(r.row, [{ field: 'idNumber', message: `身份证号：和第${earlier}行是同一个人，同一个人只填一行` }]);
        continue;
      }
      firstRowOf.set(checked.idNumberHash, r.row);
      good.push({ row: r.row, resident: checked });
    }

    const existing = await this.existing(good.map((g) => g.resident.idNumberHash));
    const creates: Resident[] = [];
    const updates: Resident[] = [];
    for (const g of good) {
      const found = existing.get(g.resident.idNumberHash);
      if (!found) creates.push(g.resident);
      else if (!decideAccess(ctx.actor, 'resident.update', { villageCode: found.villageCode }).allowed) {
        report(g.row, [{ field: 'idNumber', message: '身份证号：这个人已在别的村居登记，不在您的管辖范围内；如果已搬来，请联系镇街或区人社局把档案转过来' }]);
      } else updates.push(Object.assign(g.resident, { id: found.id }));
    }

    const result: ImportReport = {
      dryRun,
      total: sheet.rows.length,
      created: creates.length,
      updated: updates.length,
      failed: failed.size,
      errors: errors.sort((a, b) => a.row - b.row),
    };
    if (!dryRun) {
      await this.write(creates, updates, result, ctx, now);
      this.changes.publish({ kind: 'resident', ids: [...creates, ...updates].map((r) => r.id) });
    }
    return result;
  }

  /** One row: the record it would write, or its problems (all of them, one per column). */
  private async checkRow(r: SheetRow, lookups: SheetLookups, problemsOf: (f: ReferenceFields) => Promise<FieldError[]>, actor: AuthPrincipal, now: Date): Promise<IdentifiedResident | { errors: FieldError[] }> {
    const { input, errors } = rowToInput(r.cells, lookups, (code) => mayCreateIn(actor, code));
    const dto = plainToInstance(CreateResidentDto, input);
    const seen = new Set(errors.map((e) => e.field));
    const invalid = flattenValidationErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true })).filter((e) => !seen.has(e.field));
    errors.push(...invalid.map(inColumn));
    if (errors.length) return { errors };

    const problems = (await problemsOf(dto)).map(inColumn);
    if (!mayCreateIn(actor, dto.villageCode)) problems.push({ field: 'villageCode', message: `${columnForField('villageCode')?.header}：这个村居不在您的管辖范围内，只能导入您负责的村居的人` });
    if (problems.length) return { errors: problems };
    try {
      return this.residents.newResident(dto, actor, now);
    } catch (e) {
      if (e instanceof BadRequestException) {
        const body = e.getResponse() as { message?: string; errors?: FieldError[] };
        return { errors: (body.errors ?? [{ field: 'file', message: String(body.message) }]).map(inColumn) };
      }
      throw e;
    }
  }

  private async write(creates: Resident[], updates: Resident[], result: ImportReport, ctx: RequestContext, now: Date): Promise<void> {
    try {
      await this.ds.transaction(async (em) => {
        for (let i = 0; i < creates.length; i += INSERT_CHUNK) {
          const chunk = creates.slice(i, i + INSERT_CHUNK);
          await em.getRepository(Resident).insert(chunk);
          await em.getRepository(ResidentStatusChange).insert(
            chunk.map((r) => ({ id: randomUUID(), residentId: r.id, status: r.status, previousStatus: null, note: null, changedBy: ctx.actor.userId, changedAt: now })),
          );
        }
        for (const r of updates) {
          const fields = Object.fromEntries(UPDATABLE.map((k) => [k, r[k]])) as Partial<Resident>;
          await em.getRepository(Resident).update({ id: r.id }, fields);
        }
        const { total, created, updated, failed } = result;
        await this.audit.record({ action: 'residents.import', actor: ctx.actor, targetType: 'resident', targetId: null, detail: { total, created, updated, failed }, ip: ctx.ip }, em);
      });
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new ConflictException({ statusCode: 409, message: '导入时有人同时登记了表中的某个人，什么都没有写入：请再导入一次（已登记的人会被更新）' });
      }
      throw e;
    }
  }

  /**
   * ResidentReferences.problems, asked once per distinct set of the fields it reads: a sheet names the
   * same few 村居 and occupations over and over, and the reference tables do not change during an import.
   */
  private memoisedProblems(): (f: ReferenceFields) => Promise<FieldError[]> {
    const seen = new Map<string, Promise<FieldError[]>>();
    return (f) => {
      // Every field of ReferenceFields, so that a field added there is a compile error here until keyed.
      const fields: Record<keyof ReferenceFields, unknown> = {
        villageCode: f.villageCode,
        desiredOccupations: f.desiredOccupations,
        desiredTownCodes: f.desiredTownCodes,
        expectedWageMin: f.expectedWageMin,
        wageUnit: f.wageUnit,
      };
      const key = JSON.stringify(fields);
      let answer = seen.get(key);
      if (!answer) {
        answer = this.refs.problems(fields as ReferenceFields);
        seen.set(key, answer);
      }
      return answer;
    };
  }

  /** The records already registered under these 身份证号 blind indexes. */
  private async existing(hashes: string[]): Promise<Map<string, Pick<Resident, 'id' | 'idNumberHash' | 'villageCode' | 'userId'>>> {
    const out = new Map<string, Pick<Resident, 'id' | 'idNumberHash' | 'villageCode' | 'userId'>>();
    const repo = this.ds.getRepository(Resident);
    for (let i = 0; i < hashes.length; i += LOOKUP_CHUNK) {
      const rows = await repo.find({ select: { id: true, idNumberHash: true, villageCode: true, userId: true }, where: { idNumberHash: In(hashes.slice(i, i + LOOKUP_CHUNK)) } });
      for (const r of rows) if (r.idNumberHash) out.set(r.idNumberHash, r);
    }
    return out;
  }

  /** The template for this caller: the 村居 dropdown lists the 村居 they may import into. */
  async template(actor: AuthPrincipal): Promise<ExcelJS.Workbook> {
    const regions = await this.ds.getRepository(Region).find({ where: { level: In(['town', 'village']) }, order: { code: 'ASC' } });
    const towns = new Map(regions.filter((r) => r.level === 'town').map((r) => [r.code, r.name]));
    const villages = regions
      .filter((r) => r.level === 'village' && mayCreateIn(actor, r.code))
      .map((r) => ({ code: r.code, name: r.name, townCode: r.code.slice(0, 9), townName: towns.get(r.code.slice(0, 9)) ?? '' }));
    return buildImportTemplate(villages, this.clock.now());
  }

  private async lookups(): Promise<SheetLookups> {
    const regions = await this.ds.getRepository(Region).find({ where: { level: In(['town', 'village']) } });
    const occupations = await this.ds.getRepository(Occupation).find({ where: { level: 'leaf' } });
    return new SheetLookups(
      regions.filter((r) => r.level === 'village').map((r) => ({ code: r.code, name: r.name, townCode: r.parentCode ?? r.code.slice(0, 9) })),
      regions.filter((r) => r.level === 'town').map((r) => ({ code: r.code, name: r.name })),
      occupations.map((o) => ({ code: o.code, name: o.name, synonyms: o.synonyms })),
    );
  }
}

/** A liaison or admin may register people of this 村居 (the access policy's resident.create). */
function mayCreateIn(actor: AuthPrincipal, villageCode: string): boolean {
  return decideAccess(actor, 'resident.create', { villageCode }).allowed;
}
