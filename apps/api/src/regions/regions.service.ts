import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DISTRICT_CODE, type RegionItem } from '@zaogong/shared';
import { CodeNames } from '../common/reference/code-names';
import { Region } from './entities/region.entity';

@Injectable()
export class RegionsService {
  /** code → name of every region, read once: names never change (regions are seeded reference data). */
  private readonly codeNames: CodeNames<Region>;

  constructor(@InjectRepository(Region) private readonly regions: Repository<Region>) {
    this.codeNames = new CodeNames(regions);
  }

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

  /** code → name for a set of codes (CodeNames: the table read once, kept in memory). */
  names(codes: Iterable<string>): Promise<Map<string, string>> {
    return this.codeNames.of(codes);
  }
}

function toItem(r: Region): RegionItem {
  return { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, lat: r.lat, lng: r.lng };
}
