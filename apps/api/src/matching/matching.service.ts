import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ageOn, maskName, type CandidateMatch, type CandidateSummary, type MatchList, type PostMatch, type SeekerPreferences } from '@zaogong/shared';
import { AuditService } from '../audit/audit.service';
import type { AuthPrincipal } from '../common/auth-principal';
import { ChangeFeed } from '../common/changes/change-feed';
import { Clock } from '../common/clock';
import { AccessService } from '../common/access/access.service';
import { isInArea } from '../common/region-scope.policy';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { PublicPostItems } from '../job-postings/public-post-items';
import { Resident } from '../residents/entities/resident.entity';
import { distance, rankPeople, rankPosts, type Ranked } from './engine/engine';
import type { PostProfile, ResidentProfile } from './engine/types';
import { CANDIDATES_SHOWN_ACTION } from './candidate-views';
import { CandidateViewQuotas } from './candidate-view-quotas';
import { MatchIndexService } from './match-index.service';

const NOT_FOUND_RESIDENT = '居民档案不存在或不在您的管辖范围内';

export interface MatchQuery {
  limit?: number;
  lat?: number;
  lng?: number;
}

/** The two matching routes, with their permissions, masking, the opt-out and the employers' daily cap. */
@Injectable()
export class MatchingService {
  constructor(
    @InjectRepository(Resident) private readonly residents: Repository<Resident>,
    @InjectRepository(JobPosting) private readonly posts: Repository<JobPosting>,
    private readonly quotas: CandidateViewQuotas,
    private readonly index: MatchIndexService,
    private readonly postItems: PublicPostItems,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly changes: ChangeFeed,
    private readonly clock: Clock,
  ) {}

  /**
   * Posts for a resident: the person themself (seeker), their liaison, an admin. A person who switched
   * personalised recommendations off gets nearby posts, newest first, whoever asks.
   */
  async postsFor(residentId: string, actor: AuthPrincipal, query: MatchQuery): Promise<MatchList<PostMatch>> {
    const resident = await this.residents.findOneBy({ id: residentId });
    if (!resident) throw new NotFoundException(NOT_FOUND_RESIDENT);
    await this.access.require(actor, 'resident.read', { villageCode: resident.villageCode, residentUserId: resident.userId }, { notFound: NOT_FOUND_RESIDENT });
    const limit = query.limit ?? 10;
    // Only the person's own phone location is used; a liaison's whereabouts say nothing about the resident.
    const location = actor.role === 'seeker' && query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : undefined;
    const index = await this.index.ready();
    const ctx = await this.index.context();
    const profile = (await this.index.profiles()).resident(resident, location);
    let ranked: Ranked<PostProfile>[];
    if (resident.personalizedRecommendations) {
      ranked = rankPosts(profile, index.postCandidates(profile), ctx, limit);
    } else {
      ranked = nearbyNewest(profile, index.allPosts(), ctx.now, limit, (p) => ({
        score: 0,
        reasons: [distance(profile, p).how === 'other' ? '本区岗位' : `同在${ctx.names.region(p.townCode) ?? '本镇'}`],
      }));
    }
    const items = await this.loadPosts(ranked.map((r) => r.item.id));
    return {
      personalized: resident.personalizedRecommendations,
      items: ranked.filter((r) => items.has(r.item.id)).map((r) => ({ postId: r.item.id, score: r.result.score, reasons: r.result.reasons, post: items.get(r.item.id)! })),
    };
  }

  /**
   * People for a post: its employer (masked, capped per day, audit-logged), or a liaison or admin
   * (only the residents of their own area, by name; the district admin everyone).
   */
  async candidatesFor(postId: string, actor: AuthPrincipal, query: MatchQuery, ip: string | null): Promise<MatchList<CandidateMatch>> {
    const post = await this.posts.findOneBy({ id: postId });
    if (!post) throw new NotFoundException('岗位不存在');
    const scope = await this.access.requireWithScope(actor, 'candidates.read', { employerId: post.employerId, townCode: post.townCode, villageCode: post.villageCode });
    const isEmployer = actor.role === 'employer';
    if (post.status !== 'published') throw new ConflictException('岗位发布后才能推荐人选');
    const limit = query.limit ?? 10;
    const index = await this.index.ready();
    const ctx = await this.index.context();
    const profile = (await this.index.profiles()).post(post);
    // An area's staff rank everyone of their area; employers and the district admin the likely candidates.
    const pool = scope.kind === 'region' ? [...index.allPeople()].filter((r) => isInArea(scope.code, r.villageCode)) : index.peopleCandidates(profile);
    const ranked = rankPeople(profile, pool, ctx, limit);
    if (isEmployer) await this.quotas.spend(post.employerId, ranked.length);
    const rows = ranked.length ? await this.residents.find({ where: { id: In(ranked.map((r) => r.item.id)) } }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const names = ctx.names;
    const items = ranked
      .filter((r) => byId.has(r.item.id))
      // Employers never see a key group (sensitive, and an invitation to discriminate): not on the card, not in the reasons.
      .map((r) => ({
        residentId: r.item.id,
        score: r.result.score,
        reasons: isEmployer ? (r.result.reasonsWithoutKeyGroup ?? r.result.reasons) : r.result.reasons,
        resident: this.summary(byId.get(r.item.id)!, names, isEmployer),
      }));
    if (isEmployer) {
      await this.audit.record({ action: CANDIDATES_SHOWN_ACTION, actor, targetType: 'job_posting', targetId: postId, detail: { shown: items.length, residentIds: items.map((i) => i.residentId) }, ip });
    }
    return { personalized: true, items };
  }

  async preferences(actor: AuthPrincipal): Promise<SeekerPreferences> {
    const resident = await this.ownRecord(actor);
    return { personalizedRecommendations: resident.personalizedRecommendations };
  }

  async setPreferences(actor: AuthPrincipal, prefs: SeekerPreferences): Promise<SeekerPreferences> {
    const resident = await this.ownRecord(actor);
    await this.residents.update({ id: resident.id }, { personalizedRecommendations: prefs.personalizedRecommendations });
    this.changes.publish({ kind: 'resident', ids: [resident.id] });
    return { personalizedRecommendations: prefs.personalizedRecommendations };
  }

  private async ownRecord(actor: AuthPrincipal): Promise<Resident> {
    const resident = await this.residents.findOneBy({ userId: actor.userId });
    if (!resident) throw new NotFoundException('您还没有登记求职信息');
    return resident;
  }

  /** The posts as everyone sees them, from memory where kept (PublicPostItems). */
  private async loadPosts(ids: string[]): Promise<Map<string, PostMatch['post']>> {
    if (ids.length === 0) return new Map();
    return this.postItems.get(ids);
  }

  private summary(r: Resident, names: { region(code: string): string | undefined; occupation(code: string): string | undefined }, masked: boolean): CandidateSummary {
    return {
      id: r.id,
      name: masked ? maskName(r.name) : r.name,
      gender: r.gender,
      age: ageOn(r.birthDate, this.clock.now()),
      villageName: names.region(r.villageCode) ?? null,
      townName: names.region(r.townCode) ?? null,
      skills: r.skills,
      desiredOccupationNames: r.desiredOccupations.map((c) => names.occupation(c) ?? c),
      availability: r.availability,
      keyGroups: masked ? [] : r.keyGroups,
      status: r.status,
    };
  }
}

/** The opt-out feed: open posts nearest first (by village, 镇街, district), newest first among equals. */
function nearbyNewest(r: ResidentProfile, posts: Iterable<PostProfile>, now: number, limit: number, explain: (p: PostProfile) => { score: number; reasons: string[] }): Ranked<PostProfile>[] {
  const open = [...posts].filter((p) => p.open && (p.expiresAt === null || p.expiresAt > now));
  open.sort((a, b) => distance(r, a).km - distance(r, b).km || b.refreshedAt - a.refreshedAt);
  return open.slice(0, limit).map((p) => ({ item: p, result: explain(p) }));
}
