import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { FieldError } from '@zaogong/shared';
import { Occupation } from '../occupations/entities/occupation.entity';
import { Region } from '../regions/entities/region.entity';

export interface ReferenceFields {
  villageCode?: string;
  desiredOccupations?: string[];
  desiredTownCodes?: string[];
  expectedWageMin?: number;
  wageUnit?: string;
}

/** Checks that the codes a resident record names exist: the 村居, the occupations, the 镇街. */
@Injectable()
export class ResidentReferences {
  constructor(
    @InjectRepository(Region) private readonly regions: Repository<Region>,
    @InjectRepository(Occupation) private readonly occupations: Repository<Occupation>,
  ) {}

  /** The field errors of one record; empty when everything it names exists. */
  async problems(f: ReferenceFields): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    if (f.villageCode !== undefined && !(await this.regions.existsBy({ code: f.villageCode, level: 'village' }))) {
      errors.push({ field: 'villageCode', message: '村居：山亭区没有这个村居' });
    }
    const occ = [...new Set(f.desiredOccupations ?? [])];
    if (occ.length) {
      const found = new Set((await this.occupations.findBy({ code: In(occ), level: 'leaf' })).map((o) => o.code));
      const unknown = occ.filter((c) => !found.has(c));
      if (unknown.length) errors.push({ field: 'desiredOccupations', message: `想干的活：没有这个职业代码 ${unknown.join('、')}` });
    }
    const towns = [...new Set(f.desiredTownCodes ?? [])];
    if (towns.length) {
      const found = new Set((await this.regions.findBy({ code: In(towns), level: 'town' })).map((r) => r.code));
      const unknown = towns.filter((c) => !found.has(c));
      if (unknown.length) errors.push({ field: 'desiredTownCodes', message: `想去的镇街：没有这个镇街 ${unknown.join('、')}` });
    }
    if (f.expectedWageMin !== undefined && f.wageUnit === undefined) {
      errors.push({ field: 'wageUnit', message: '工资单位：填了期望工资就要选单位（月、天、小时或件）' });
    }
    return errors;
  }

  async check(f: ReferenceFields): Promise<void> {
    const errors = await this.problems(f);
    if (errors.length) throw new BadRequestException({ statusCode: 400, message: errors.map((e) => e.message).join('；'), errors });
  }

  /** code → name for the 村居 and 镇街 of a set of residents, one query. */
  async regionNames(codes: Iterable<string>): Promise<Map<string, string>> {
    const unique = [...new Set(codes)];
    if (!unique.length) return new Map();
    const rows = await this.regions.findBy({ code: In(unique) });
    return new Map(rows.map((r) => [r.code, r.name]));
  }
}
