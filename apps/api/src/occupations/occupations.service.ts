import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { OccupationItem } from '@zaogong/shared';
import { escapeLike } from '../common/sql/escape-like';
import { Occupation } from './entities/occupation.entity';

@Injectable()
export class OccupationsService {
  constructor(@InjectRepository(Occupation) private readonly occupations: Repository<Occupation>) {}

  /**
   * Leaves whose name or a synonym contains the words; exact name matches first, then names that
   * contain them, then synonym matches. LIKE works the same on MySQL and SQLite (the table is small).
   */
  async search(q: string | undefined, group: string | undefined, limit: number): Promise<OccupationItem[]> {
    const qb = this.occupations.createQueryBuilder('o').where("o.level = 'leaf'");
    if (group) qb.andWhere(group.length === 1 ? 'o.major_group = :group' : 'o.parent_code = :group', { group });
    const term = q?.trim();
    if (term) qb.andWhere("o.keywords LIKE :like ESCAPE '!'", { like: `%${escapeLike(term)}%` });
    const rows = await qb.orderBy('o.code', 'ASC').getMany();
    if (term) rows.sort((a, b) => rank(a, term) - rank(b, term) || a.code.localeCompare(b.code));
    return this.toItems(rows.slice(0, limit));
  }

  async get(code: string): Promise<OccupationItem> {
    const row = await this.occupations.findOneBy({ code, level: 'leaf' });
    if (!row) throw new NotFoundException('职业不存在');
    return (await this.toItems([row]))[0];
  }

  /** Leaf codes whose name or synonyms contain the term: lets post search find 焊工 for 电焊工. */
  async codesMatching(term: string): Promise<string[]> {
    const rows = await this.occupations
      .createQueryBuilder('o')
      .select('o.code')
      .where("o.level = 'leaf' AND o.keywords LIKE :like ESCAPE '!'", { like: `%${escapeLike(term)}%` })
      .getMany();
    return rows.map((r) => r.code);
  }

  private async toItems(rows: Occupation[]): Promise<OccupationItem[]> {
    const groupCodes = [...new Set(rows.map((r) => r.parentCode).filter((c): c is string => c !== null))];
    const groups = groupCodes.length ? await this.occupations.createQueryBuilder('o').where('o.code IN (:...codes)', { codes: groupCodes }).getMany() : [];
    const groupNames = new Map(groups.map((g) => [g.code, g.name]));
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      group: r.parentCode ?? '',
      groupName: groupNames.get(r.parentCode ?? '') ?? '',
      majorGroup: r.majorGroup,
      synonyms: r.synonyms,
    }));
  }
}


function rank(o: Occupation, term: string): number {
  if (o.name === term) return 0;
  if (o.synonyms.includes(term)) return 1;
  if (o.name.includes(term)) return 2;
  return 3;
}
