import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DISTRICT_CODE, regionLevelOf, type RegionOverview } from '@zaogong/shared';
import { AccessService } from '../common/access/access.service';
import { homeRegionOf } from '../common/access/access.policy';
import type { AuthPrincipal } from '../common/auth-principal';
import { Employer } from '../employers/entities/employer.entity';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { RegionsService } from '../regions/regions.service';
import { Resident } from '../residents/entities/resident.entity';

@Injectable()
export class StatsService {
  constructor(
    @InjectRepository(Resident) private readonly residents: Repository<Resident>,
    @InjectRepository(JobPosting) private readonly posts: Repository<JobPosting>,
    @InjectRepository(Employer) private readonly employers: Repository<Employer>,
    private readonly regions: RegionsService,
    private readonly access: AccessService,
  ) {}

  /** Counts for a district, 镇街 or 村居 in the caller's area (their whole area when none is named). */
  async overview(asked: string | undefined, actor: AuthPrincipal, now: Date): Promise<RegionOverview> {
    // A liaison without an area defaults to the district, which stats.read refuses them.
    const regionCode = asked ?? homeRegionOf(actor) ?? DISTRICT_CODE;
    await this.access.require(actor, 'stats.read', { regionCode });
    const region = await this.regions.get(regionCode);
    const level = regionLevelOf(regionCode);
    const town = level === 'village' ? regionCode.slice(0, 9) : level === 'town' ? regionCode : null;

    const residents = this.residents.createQueryBuilder('r').select('COUNT(*)', 'total').addSelect("SUM(CASE WHEN r.status = 'seeking' THEN 1 ELSE 0 END)", 'seeking');
    if (level === 'village') residents.where('r.village_code = :code', { code: regionCode });
    else if (level === 'town') residents.where('r.town_code = :code', { code: regionCode });
    residents.andWhere('r.erased_at IS NULL'); // records erased at the person's request are no one's any more
    const r = await residents.getRawOne<{ total: string | number; seeking: string | number | null }>();

    const posts = this.posts.createQueryBuilder('p').where("p.status = 'published'").andWhere('(p.expires_at IS NULL OR p.expires_at > :now)', { now });
    const employers = this.employers.createQueryBuilder('e').where("e.verification = 'verified'");
    if (town) {
      posts.andWhere('p.town_code = :town', { town });
      employers.andWhere('e.town_code = :town', { town });
    }
    return {
      regionCode,
      regionName: region.name,
      residents: { total: Number(r?.total ?? 0), seeking: Number(r?.seeking ?? 0) },
      openPosts: await posts.getCount(),
      verifiedEmployers: await employers.getCount(),
    };
  }
}
