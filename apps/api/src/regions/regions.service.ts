import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DISTRICT_CODE, type RegionItem } from '@zaogong/shared';
import { Region } from './entities/region.entity';

@Injectable()
export class RegionsService {
  /** code → name of every region, read once: names never change (regions are seeded reference data). */
  private allNames?: Promise<Map<string, string>>;

  constructor(@InjectRepository(Region) private readonly regions: Repository<Region>) {}

  async children(parent = DISTRICT_CODE): Promise<RegionItem[]> {
    const rows = await this.regions.find({ where: { parentCode: parent }, order: { code: 'ASC' } });
    if (rows.length === 0 && !(await this.regions.existsBy({ code: parent }))) throw new NotFoundException('地区不存在');
    return rows.map(toItem);
  }

  async get(code: string): Promise<RegionItem> {
    const row = await this.regions.findOneBy({ code });
    if (!row) throw new NotFoundException('地区不存在');
    return toItem(row);
  }

  /**
   * code → name for a set of codes: from memory (the whole table's names are read at the first call, a few
   * hundred rows); a code not found there is looked up, in case the table was seeded after that read.
   */
  async names(codes: Iterable<string>): Promise<Map<string, string>> {
    const unique = [...new Set(codes)];
    if (!unique.length) return new Map();
    const all = await this.loadNames();
    const out = new Map<string, string>();
    const missing: string[] = [];
    for (const code of unique) {
      const name = all.get(code);
      if (name === undefined) missing.push(code);
      else out.set(code, name);
    }
    if (missing.length) {
      const rows = await this.regions.createQueryBuilder('r').select(['r.code', 'r.name']).where('r.code IN (:...codes)', { codes: missing }).getMany();
      for (const r of rows) {
        out.set(r.code, r.name);
        all.set(r.code, r.name);
      }
    }
    return out;
  }

  private loadNames(): Promise<Map<string, string>> {
    this.allNames ??= this.regions
      .createQueryBuilder('r')
      .select(['r.code', 'r.name'])
      .getMany()
      .then((rows) => new Map(rows.map((r) => [r.code, r.name])))
      .catch((e: unknown) => {
        this.allNames = undefined;
        throw e;
      });
    return this.allNames;
  }
}

function toItem(r: Region): RegionItem {
  return { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, lat: r.lat, lng: r.lng };
}
