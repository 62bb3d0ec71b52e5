import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { PendingCounts } from '@zaogong/shared';
import { AccessService, regionCondition, type ListScope } from '../common/access/access.service';
import type { AuthPrincipal } from '../common/auth-principal';
import { Employer } from '../employers/entities/employer.entity';
import { JobPosting } from './entities/job-posting.entity';
import { PostReport } from './entities/post-report.entity';

/**
 * What waits for an admin (the numbers on 岗位审核, 企业认证, 举报处理), counted under the same list scopes
 * the queues themselves apply (GET /posts/review-queue, GET /employers, GET /reports), so a number always
 * matches the list it opens.
 */
@Injectable()
export class PendingCountsService {
  constructor(
    @InjectRepository(JobPosting) private readonly posts: Repository<JobPosting>,
    @InjectRepository(Employer) private readonly employers: Repository<Employer>,
    @InjectRepository(PostReport) private readonly reports: Repository<PostReport>,
    private readonly access: AccessService,
  ) {}

  async counts(user: AuthPrincipal): Promise<PendingCounts> {
    const postScope = await this.access.scope(user, 'post.review');
    const employerScope = await this.access.scope(user, 'employer.read');
    const reportScope = await this.access.scope(user, 'report.read');

    const pendingPosts = this.posts.createQueryBuilder('p').where("p.status = 'pending_review'");
    inRegion(pendingPosts, postScope, { town: 'p.town_code', village: 'p.village_code' });

    const employersIn = (state: 'pending' | 'verified') => {
      const qb = this.employers.createQueryBuilder('e').where('e.verification = :state', { state });
      if (employerScope.kind === 'employer') qb.andWhere('e.id = :own', { own: employerScope.employerId });
      return inRegion(qb, employerScope, { town: 'e.town_code' });
    };

    // Reports are handled a post at a time: the number is of posts with open reports.
    const reported = this.reports.createQueryBuilder('r').select('COUNT(DISTINCT r.post_id)', 'n').where("r.status = 'open'");
    if (reportScope.kind === 'region') reported.innerJoin(JobPosting, 'p', 'p.id = r.post_id');
    inRegion(reported, reportScope, { town: 'p.town_code', village: 'p.village_code' });

    const [posts, employers, verifiedEmployers, reportRow] = await Promise.all([
      pendingPosts.getCount(),
      employersIn('pending').getCount(),
      employersIn('verified').getCount(),
      reported.getRawOne<{ n: string | number }>(),
    ]);
    return { posts, employers, reports: Number(reportRow?.n ?? 0), verifiedEmployers };
  }
}

function inRegion<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, scope: ListScope, columns: { town: string; village?: string }): SelectQueryBuilder<T> {
  if (scope.kind === 'region') qb.andWhere(...regionCondition(scope.code, columns));
  return qb;
}
