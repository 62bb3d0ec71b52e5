import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DISTRICT_CODE, type RegionItem } from '@zaogong/shared';
import { Region } from './entities/region.entity';

@Injectable()
export class RegionsService {
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

  /** code → name for a set of codes, one query. */
  async names(codes: Iterable<string>): Promise<Map<string, string>> {
    const unique = [...new Set(codes)];
    if (!unique.length) return new Map();
    const rows = await this.regions.createQueryBuilder('r').select(['r.code', 'r.name']).where('r.code IN (:...codes)', { codes: unique }).getMany();
    return new Map(rows.map((r) => [r.code, r.name]));
  }
}

function toItem(r: Region): RegionItem {
  return { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, lat: r.lat, lng: r.lng };
}
