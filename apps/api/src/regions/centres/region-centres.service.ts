import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type ExcelJS from 'exceljs';
import { DataSource, In, IsNull, Not, Repository } from 'typeorm';
import type { RegionCentreRowError, RegionCentresImportResult, RegionCentresSummary } from '@zaogong/shared';
import { AuditService } from '../../audit/audit.service';
import { AccessService } from '../../common/access/access.service';
import { ChangeFeed } from '../../common/changes/change-feed';
import { Clock } from '../../common/clock';
import type { RequestContext } from '../../residents/residents.service';
import type { AuthPrincipal } from '../../common/auth-principal';
import { Region } from '../entities/region.entity';
import { readCentreSheet } from './centre-sheet.reader';
import { buildCentreTemplate, type TemplatePlace } from './centre-sheet.template';
import { refreshPostPoints } from '../../job-postings/post-points';
import { checkCentreRow, type CheckedCentre, type KnownRegion } from './region-centres.policy';

const LEVELS = ['town', 'village'] as const;

/**
 * 镇街/村居 centre points (docs/business-logic/region-centres.md): the district admin downloads every
 * place with its point, fills in the blanks and uploads the file back. An upload is all or nothing:
 * one bad row and nothing is written, every bad row named; a good one replaces the points it gives.
 */
@Injectable()
export class RegionCentresService {
  constructor(
    @InjectRepository(Region) private readonly regions: Repository<Region>,
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly changes: ChangeFeed,
  ) {}

  /** How many 镇街 and 村居 have a centre. */
  async summary(actor: AuthPrincipal): Promise<RegionCentresSummary> {
    await this.access.require(actor, 'region.centres');
    const count = async (level: (typeof LEVELS)[number]) => ({
      total: await this.regions.countBy({ level }),
      withCentre: await this.regions.countBy({ level, lat: Not(IsNull()), lng: Not(IsNull()) }),
    });
    const last = await this.regions.findOne({ where: { centreUpdatedAt: Not(IsNull()) }, order: { centreUpdatedAt: 'DESC' }, select: { code: true, centreUpdatedAt: true } });
    return { towns: await count('town'), villages: await count('village'), lastUpdatedAt: last?.centreUpdatedAt?.toISOString() ?? null };
  }

  /** The template, which is also the export: every 镇街 and its 村居 with the point each has now. */
  async template(actor: AuthPrincipal): Promise<ExcelJS.Workbook> {
    await this.access.require(actor, 'region.centres');
    const rows = await this.regions.find({ where: { level: In([...LEVELS]) }, order: { code: 'ASC' } });
    const towns = new Map(rows.filter((r) => r.level === 'town').map((r) => [r.code, r.name]));
    const places: TemplatePlace[] = rows.map((r) => ({
      code: r.code,
      level: r.level === 'town' ? 'town' : 'village',
      townName: r.level === 'town' ? r.name : (towns.get(r.parentCode ?? '') ?? ''),
      name: r.name,
      lat: r.lat,
      lng: r.lng,
      source: r.centreSource,
      updatedAt: r.centreUpdatedAt,
    }));
    // Codes sort each 镇街 (9 digits) just before its 村居 (the same 9 digits and 3 more).
    return buildCentreTemplate(places, this.clock.now());
  }

  /**
   * Checks every row; writes them all in one transaction, or none with every bad row named (400). The
   * upload is read (`readFile`) only once the caller is known to be allowed.
   */
  async import(readFile: () => Promise<Buffer>, ctx: RequestContext): Promise<RegionCentresImportResult> {
    await this.access.require(ctx.actor, 'region.centres');
    const sheet = await readCentreSheet(await readFile());
    const known = new Map<string, KnownRegion>((await this.regions.find({ select: { code: true, level: true } })).map((r) => [r.code, { level: r.level }]));

    const errors: RegionCentreRowError[] = [];
    const good: CheckedCentre[] = [];
    const firstRowOf = new Map<string, number>();
    for (const r of sheet.rows) {
      const checked = checkCentreRow(r.cells, known);
      if ('errors' in checked) {
        errors.push(...checked.errors.map((e) => ({ row: r.row, ...e })));
        continue;
      }
      const earlier = firstRowOf.get(checked.centre.code);
      if (earlier !== undefined) {
        errors.push({ row: r.row, field: 'code', message: `代码：${checked.centre.code} 和第${earlier}行是同一个地方，一个地方只填一行` });
        continue;
      }
      firstRowOf.set(checked.centre.code, r.row);
      good.push(checked.centre);
    }
    if (errors.length) {
      const rows = new Set(errors.map((e) => e.row)).size;
      throw new BadRequestException({ statusCode: 400, message: `有${rows}行不对，这次什么都没有保存：请按提示改好这些行，再把整个文件重新上传`, errors });
    }

    const now = this.clock.now();
    const result: RegionCentresImportResult = {
      updated: good.length,
      towns: good.filter((c) => c.level === 'town').length,
      villages: good.filter((c) => c.level === 'village').length,
    };
    await this.ds.transaction(async (em) => {
      for (const c of good) {
        await em.update(Region, { code: c.code }, { lat: c.lat, lng: c.lng, centreSource: c.source, centreUpdatedAt: now });
      }
      // Posts without a map point of their own are placed by these centres (零工 nearest first).
      await refreshPostPoints(em, 'unplaced');
      await this.audit.record({ action: 'regions.centres_import', actor: ctx.actor, targetType: 'region', targetId: null, detail: { format: sheet.format, rows: good.length, towns: result.towns, villages: result.villages }, ip: ctx.ip }, em);
    });
    // Every process's cached lists of places (and of posts, placed by these points) are dropped.
    this.changes.publish({ kind: 'region', ids: good.map((c) => c.code) });
    return result;
  }
}
