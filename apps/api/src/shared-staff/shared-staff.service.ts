import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, Not, type EntityManager } from 'typeorm';
import {
  DISTRICT_CODE,
  chinaDateOf,
  validateMobile,
  type Page,
  type SharedAgreementItem,
  type SharedMatch,
  type SharedOfferItem,
  type SharedStaffStats,
} from '@zaogong/shared';
import { User } from '../auth/entities/user.entity';
import { AccessService, regionCondition } from '../common/access/access.service';
import { homeRegionOf } from '../common/access/access.policy';
import { isInArea } from '../common/region-scope.policy';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { PersonalDataCipher } from '../common/crypto/personal-data-cipher';
import { fieldError } from '../common/errors/field-error';
import { Employer } from '../employers/entities/employer.entity';
import { Hire } from '../hires/entities/hire.entity';
import { NotificationOutbox, type NotificationDraft } from '../notifications/notification-outbox';
import { Occupation } from '../occupations/entities/occupation.entity';
import { RegionsService } from '../regions/regions.service';
import { Resident } from '../residents/entities/resident.entity';
import type { SharedAgreementDto, SharedConsentDto, SharedEndDto, SharedExtendDto, SharedOfferDto, SharedRequestDto, SharedWorkerDto } from './dto/shared-staff.dto';
import { SharedAgreement, SharedWorker } from './entities/shared-agreement.entity';
import { SharedOffer, SharedRequest } from './entities/shared-post.entity';

const AGREEMENT_NOT_FOUND = '协议不存在';
const PAGE = '/packages/employer/pages/shared-agreement/index?id=';
const WORKER_PAGE = '/pages/shared-staff/index?id=';
const DAY = 86_400_000;

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;
const overlapDays = (a: { from: string; to: string }, b: { from: string; to: string }) => {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return to < from ? 0 : daysBetween(from, to);
};

/**
 * 共享员工 (人社厅发〔2020〕98号; docs/business-logic/shared-staff.md): firms post idle staff and hands wanted and
 * see the other side's that fit; an agreement between a lender and a borrower is active once both have signed and
 * every lent worker has consented; either firm may extend or end it. The worker's labour contract, social insurance
 * and 工伤 cover stay with the lender. Nothing here is a hire: placements never count as 新增就业.
 */
@Injectable()
export class SharedStaffService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly regions: RegionsService,
    private readonly outbox: NotificationOutbox,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
  ) {}

  async postOffer(dto: SharedOfferDto, actor: AuthPrincipal): Promise<SharedOfferItem> {
    return this.post('offer', dto, actor);
  }

  async postRequest(dto: SharedRequestDto, actor: AuthPrincipal): Promise<SharedOfferItem> {
    return this.post('request', dto, actor);
  }

  /** An employer's own offers (or requests), each with the other side's that fit; an admin's area's, all of them. */
  async list(kind: 'offer' | 'request', actor: AuthPrincipal): Promise<Page<SharedOfferItem>> {
    const repo = kind === 'offer' ? this.ds.getRepository(SharedOffer) : this.ds.getRepository(SharedRequest);
    let rows: (SharedOffer | SharedRequest)[];
    if (actor.role === 'employer') {
      const employerId = await this.employerOf(actor);
      rows = await repo.find({ where: { employerId }, order: { createdAt: 'DESC' }, take: 100 });
    } else {
      const scope = await this.access.scope(actor, 'shared_staff.read');
      rows = (await repo.find({ where: { status: 'open' }, order: { createdAt: 'DESC' }, take: 500 })).filter((r) => scope.kind === 'all' || (scope.kind === 'region' && isInArea(scope.code, r.townCode))).slice(0, 100);
    }
    const others = kind === 'offer' ? await this.ds.getRepository(SharedRequest).find({ where: { status: 'open' } }) : await this.ds.getRepository(SharedOffer).find({ where: { status: 'open' } });
    const items = await this.items(kind, rows);
    const matchItems = await this.items(kind === 'offer' ? 'request' : 'offer', others);
    const byId = new Map(matchItems.map((m) => [m.id, m]));
    for (const item of items) {
      item.matches = others
        .filter((o) => o.employerId !== item.employerId)
        .map((o) => ({ o, fit: this.fit(item, o) }))
        .filter((x) => x.fit.score > 0)
        .sort((a, b) => b.fit.score - a.fit.score)
        .slice(0, 20)
        .map(({ o, fit }): SharedMatch => {
          const m = byId.get(o.id)!;
          return { id: m.id, employerId: m.employerId, employerName: m.employerName, occupationCode: m.occupationCode, occupationName: m.occupationName, headcount: m.headcount, from: m.from, to: m.to, townCode: m.townCode, townName: m.townName, wage: m.wage, wageUnit: m.wageUnit, score: fit.score, reasons: fit.reasons };
        });
    }
    return { items, nextCursor: null };
  }

  async createAgreement(dto: SharedAgreementDto, actor: AuthPrincipal): Promise<SharedAgreementItem> {
    const me = await this.employerOf(actor);
    if (dto.lenderId === dto.borrowerId) throw fieldError('borrowerId', '出借方和借入方不能是同一家企业');
    if (me !== dto.lenderId && me !== dto.borrowerId) throw new ForbiddenException('只能以本企业的名义签协议（本企业应是出借方或借入方）');
    if (dto.to < dto.from) throw fieldError('to', '结束日期不能早于开始日期');
    if (dto.to < chinaDateOf(this.clock.now())) throw fieldError('to', '协议的日期已经过去了');
    const firms = await this.ds.getRepository(Employer).find({ where: { id: In([dto.lenderId, dto.borrowerId]) }, select: { id: true, name: true, verification: true, townCode: true, kind: true } });
    const lender = firms.find((f) => f.id === dto.lenderId);
    const borrower = firms.find((f) => f.id === dto.borrowerId);
    if (!lender || !borrower) throw new NotFoundException('企业不存在');
    if (lender.verification !== 'verified' || borrower.verification !== 'verified') throw new ConflictException('两家企业都通过认证后才能签共享用工协议');
    let occupationCode: string | null = null;
    if (dto.offerId) {
      const offer = await this.ds.getRepository(SharedOffer).findOneBy({ id: dto.offerId });
      if (!offer) throw new NotFoundException('富余人员信息不存在');
      if (offer.employerId !== dto.lenderId) throw fieldError('offerId', '这条富余人员信息不是出借方发的');
      occupationCode = offer.occupationCode;
    }
    if (dto.requestId) {
      const request = await this.ds.getRepository(SharedRequest).findOneBy({ id: dto.requestId });
      if (!request) throw new NotFoundException('用工需求不存在');
      if (request.employerId !== dto.borrowerId) throw fieldError('requestId', '这条用工需求不是借入方发的');
      occupationCode = request.occupationCode;
    }
    const now = this.clock.now();
    const row = Object.assign(new SharedAgreement(), {
      id: randomUUID(),
      offerId: dto.offerId ?? null,
      requestId: dto.requestId ?? null,
      lenderId: dto.lenderId,
      borrowerId: dto.borrowerId,
      from: dto.from,
      to: dto.to,
      work: dto.work,
      pay: dto.pay,
      injuryCover: 'lender' as const,
      occupationCode,
      townCode: borrower.townCode,
      status: 'draft' as const,
      lenderSignedAt: null,
      lenderSignedBy: null,
      borrowerSignedAt: null,
      borrowerSignedBy: null,
      activatedAt: null,
      endedAt: null,
      endReason: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await this.ds.transaction(async (em) => {
      await em.getRepository(SharedAgreement).insert(row);
      // A millisecond apart, so the list keeps the order they were given in.
      for (const [i, residentId] of [...new Set(dto.workerIds ?? [])].entries()) await this.addWorker(em, row, residentId, actor, new Date(now.getTime() + i));
    });
    const other = me === dto.lenderId ? dto.borrowerId : dto.lenderId;
    await this.tellFirms(row.id, [other], '共享用工协议待签署', `${me === dto.lenderId ? lender.name : borrower.name}发起了一份共享用工协议（${dto.from} 至 ${dto.to}），请查看并签署。`);
    for (const w of [...new Set(dto.workerIds ?? [])]) await this.tellWorker(row.id, w);
    return this.get(row.id, actor);
  }

  /** One firm's signature: the lender's or the borrower's, each once; a third firm is refused. */
  async sign(id: string, actor: AuthPrincipal): Promise<SharedAgreementItem> {
    const a = await this.party(id, actor);
    if (a.row.status !== 'draft') throw new ConflictException('协议已经生效或结束，不用再签');
    const now = this.clock.now();
    const side = a.side === 'lender' ? { lenderSignedAt: now, lenderSignedBy: actor.userId } : { borrowerSignedAt: now, borrowerSignedBy: actor.userId };
    if ((a.side === 'lender' ? a.row.lenderSignedAt : a.row.borrowerSignedAt) !== null) throw new ConflictException('本企业已经签过了');
    await this.ds.getRepository(SharedAgreement).update({ id }, { ...side, updatedAt: now });
    await this.tellFirms(id, [a.side === 'lender' ? a.row.borrowerId : a.row.lenderId], '共享用工协议对方已签署', `对方已签署共享用工协议（${a.row.from} 至 ${a.row.to}）。`);
    await this.activateIfReady(id);
    return this.get(id, actor);
  }

  /** A lent worker consents: the person in the app, or their liaison recording a signature or words. */
  async consent(id: string, residentId: string, dto: SharedConsentDto, actor: AuthPrincipal): Promise<SharedAgreementItem> {
    const row = await this.load(id);
    const person = await this.ds.getRepository(Resident).findOne({ where: { id: residentId }, select: { id: true, userId: true, villageCode: true, erasedAt: true } });
    if (!person || person.erasedAt) throw new NotFoundException('居民档案不存在或不在您的管辖范围内');
    await this.access.require(actor, 'shared_staff.consent', { villageCode: person.villageCode, residentUserId: person.userId }, { notFound: '居民档案不存在或不在您的管辖范围内' });
    if (row.status === 'ended') throw new ConflictException('协议已经结束');
    const method = actor.role === 'seeker' ? 'app' : dto.method;
    if (actor.role !== 'seeker' && (!method || method === 'app')) throw fieldError('method', '联络员请写明同意方式：signature（本人签字）或 verbal（口头同意）');
    const now = this.clock.now();
    await this.ds.transaction(async (em) => {
      const existing = await em.getRepository(SharedWorker).findOneBy({ agreementId: id, residentId });
      if (!existing) {
        // Only a liaison (or the lender, when drafting) puts a person on an agreement; a person may consent to one they are on.
        if (actor.role === 'seeker') throw new ForbiddenException('您不在这份协议的借出人员名单里');
        await this.addWorker(em, row, residentId, actor, now);
      } else if (existing.consentAt) {
        throw new ConflictException('已经同意过了');
      }
      await em.getRepository(SharedWorker).update({ agreementId: id, residentId }, { consentAt: now, consentMethod: method, consentBy: actor.userId });
    });
    await this.activateIfReady(id);
    return this.get(id, actor);
  }

  /**
   * The lender puts one of its people on the agreement — by the ledger's id, or by their name and phone (a firm
   * cannot list residents; both must match one record) — and the person is asked to consent.
   */
  async addWorkerTo(id: string, dto: SharedWorkerDto, actor: AuthPrincipal): Promise<SharedAgreementItem> {
    const a = await this.party(id, actor);
    if (a.side !== 'lender') throw new ForbiddenException('借出的人员由出借方添加');
    if (a.row.status === 'ended') throw new ConflictException('协议已经结束');
    let residentId = dto.residentId;
    if (!residentId) {
      if (!dto.name || !dto.phone) throw fieldError('phone', '请填写工人的姓名和手机号');
      const phone = validateMobile(dto.phone);
      const person = phone.ok ? await this.ds.getRepository(Resident).findOne({ where: { phoneHash: this.cipher.blindIndex('phone', phone.value), name: dto.name }, select: { id: true, erasedAt: true } }) : null;
      if (!person || person.erasedAt) throw new NotFoundException('没有找到这个人：请核对姓名和手机号，或请他村里的联络员登记同意');
      residentId = person.id;
    }
    const worker = residentId;
    await this.ds.transaction((em) => this.addWorker(em, a.row, worker, actor, this.clock.now()));
    await this.tellWorker(id, worker);
    return this.get(id, actor);
  }

  async end(id: string, dto: SharedEndDto, actor: AuthPrincipal): Promise<SharedAgreementItem> {
    const a = await this.party(id, actor);
    if (a.row.status === 'ended') throw new ConflictException('协议已经结束了');
    const now = this.clock.now();
    const today = chinaDateOf(now);
    await this.ds.getRepository(SharedAgreement).update({ id }, { status: 'ended', endedAt: now, endReason: dto.reason, to: a.row.to > today && a.row.from <= today ? today : a.row.to, updatedAt: now });
    await this.tell(id, '共享用工协议结束', `共享用工协议（${a.row.from} 至 ${a.row.to}）已结束：${dto.reason}`);
    return this.get(id, actor);
  }

  async extend(id: string, dto: SharedExtendDto, actor: AuthPrincipal): Promise<SharedAgreementItem> {
    const a = await this.party(id, actor);
    if (a.row.status === 'ended') throw new ConflictException('协议已经结束，不能延长；请重新签一份');
    if (dto.to <= a.row.to) throw fieldError('to', `延长后的结束日期要晚于现在的 ${a.row.to}`);
    await this.checkNoOverlap(a.row, (await this.ds.getRepository(SharedWorker).findBy({ agreementId: id })).map((w) => w.residentId), { ...a.row, to: dto.to });
    await this.ds.getRepository(SharedAgreement).update({ id }, { to: dto.to, updatedAt: this.clock.now() });
    await this.tell(id, '共享用工协议延长', `共享用工协议延长到 ${dto.to}：${dto.reason}`);
    return this.get(id, actor);
  }

  /** The parties, the lent workers (and their liaisons), the admins of the 镇街 where the work is. */
  async get(id: string, actor: AuthPrincipal): Promise<SharedAgreementItem> {
    const row = await this.load(id);
    await this.requireView(row, actor);
    return (await this.agreementItems([row]))[0];
  }

  async listAgreements(actor: AuthPrincipal): Promise<Page<SharedAgreementItem>> {
    const repo = this.ds.getRepository(SharedAgreement);
    let rows: SharedAgreement[];
    if (actor.role === 'employer') {
      const me = await this.employerOf(actor);
      rows = await repo.find({ where: [{ lenderId: me }, { borrowerId: me }], order: { createdAt: 'DESC' }, take: 100 });
    } else if (actor.role === 'seeker' || actor.role === 'liaison') {
      // A worker: the agreements they are lent on; a liaison: those their villagers are on.
      const people = actor.role === 'seeker' ? await this.ds.getRepository(Resident).find({ where: { userId: actor.userId }, select: { id: true } }) : await this.areaWorkers(actor);
      const ids = people.length ? [...new Set((await this.ds.getRepository(SharedWorker).findBy({ residentId: In(people.map((p) => p.id)) })).map((w) => w.agreementId))] : [];
      rows = ids.length ? await repo.find({ where: { id: In(ids) }, order: { createdAt: 'DESC' }, take: 100 }) : [];
    } else {
      const scope = await this.access.scope(actor, 'shared_staff.read');
      rows = (await repo.find({ order: { createdAt: 'DESC' }, take: 500 })).filter((r) => scope.kind === 'all' || (scope.kind === 'region' && isInArea(scope.code, r.townCode))).slice(0, 100);
    }
    return { items: await this.agreementItems(rows), nextCursor: null };
  }

  /** Agreements, lent workers and worker-days of a year (active days up to today), by trade and 镇街; never 新增就业. */
  async stats(year: number, actor: AuthPrincipal): Promise<SharedStaffStats> {
    const home = homeRegionOf(actor);
    await this.access.require(actor, 'stats.read', { regionCode: home ?? DISTRICT_CODE });
    const area = home && home !== DISTRICT_CODE ? home.slice(0, 9) : null;
    const today = chinaDateOf(this.clock.now());
    const yearSpan = { from: `${year}-01-01`, to: `${year}-12-31` < today ? `${year}-12-31` : today };
    const rows = (await this.ds.getRepository(SharedAgreement).find({ where: { status: Not('draft') } })).filter((a) => (!area || a.townCode === area) && overlapDays(a, { from: `${year}-01-01`, to: `${year}-12-31` }) > 0);
    const workers = rows.length ? await this.ds.getRepository(SharedWorker).find({ where: { agreementId: In(rows.map((r) => r.id)) } }) : [];
    const consented = (a: SharedAgreement) => workers.filter((w) => w.agreementId === a.id && w.consentAt);
    const daysOf = (a: SharedAgreement) => consented(a).length * (yearSpan.to >= yearSpan.from ? overlapDays(a, yearSpan) : 0);
    const names = await this.regions.names(rows.map((r) => r.townCode));
    const occ = new Map((await this.ds.getRepository(Occupation).find({ select: { code: true, name: true } })).map((o) => [o.code, o.name]));
    const group = (key: (a: SharedAgreement) => string, label: (k: string) => string) => {
      const m = new Map<string, { code: string; name: string; agreements: number; workers: number; workerDays: number }>();
      for (const a of rows) {
        const k = key(a);
        const g = m.get(k) ?? { code: k, name: label(k), agreements: 0, workers: 0, workerDays: 0 };
        g.agreements += 1;
        g.workers += consented(a).length;
        g.workerDays += daysOf(a);
        m.set(k, g);
      }
      return [...m.values()].sort((a, b) => b.workerDays - a.workerDays);
    };
    return {
      year,
      agreements: rows.length,
      active: rows.filter((a) => a.status === 'active').length,
      workers: new Set(workers.filter((w) => w.consentAt).map((w) => w.residentId)).size,
      workerDays: rows.reduce((t, a) => t + daysOf(a), 0),
      byOccupation: group((a) => a.occupationCode ?? '-', (k) => occ.get(k) ?? '未注明工种'),
      byTown: group((a) => a.townCode, (k) => names.get(k) ?? k),
    };
  }

  private async post(kind: 'offer' | 'request', dto: SharedOfferDto | SharedRequestDto, actor: AuthPrincipal): Promise<SharedOfferItem> {
    const employerId = await this.employerOf(actor);
    await this.access.require(actor, 'shared_staff.post', { employerId });
    if (dto.to < dto.from) throw fieldError('to', '结束日期不能早于开始日期');
    if (dto.to < chinaDateOf(this.clock.now())) throw fieldError('to', '日期已经过去了');
    if (daysBetween(dto.from, dto.to) > 366) throw fieldError('to', '最长一年');
    const occupation = await this.ds.getRepository(Occupation).findOneBy({ code: dto.occupationCode });
    if (!occupation) throw fieldError('occupationCode', `没有这个工种：${dto.occupationCode}`);
    const employer = await this.ds.getRepository(Employer).findOneOrFail({ where: { id: employerId }, select: { id: true, verification: true } });
    if (employer.verification !== 'verified') throw new ConflictException('企业认证通过后才能发布共享用工信息');
    const now = this.clock.now();
    const base = { id: randomUUID(), employerId, occupationCode: dto.occupationCode, headcount: dto.headcount, from: dto.from, to: dto.to, townCode: dto.townCode, note: dto.note ?? null, status: 'open' as const, createdBy: actor.userId, createdAt: now, updatedAt: now };
    if (kind === 'offer') {
      const row = Object.assign(new SharedOffer(), base);
      await this.ds.getRepository(SharedOffer).insert(row);
      return (await this.items('offer', [row]))[0];
    }
    const r = dto as SharedRequestDto;
    const row = Object.assign(new SharedRequest(), base, { wage: r.wage, wageUnit: r.wageUnit });
    await this.ds.getRepository(SharedRequest).insert(row);
    return (await this.items('request', [row]))[0];
  }

  /** How well an offer and a request fit: the trade, the dates overlapping, the place. 0 = not at all. */
  private fit(mine: SharedOfferItem, other: SharedOffer | SharedRequest): { score: number; reasons: string[] } {
    const days = overlapDays(mine, other);
    if (days === 0) return { score: 0, reasons: [] };
    const reasons: string[] = [];
    let score = 0;
    if (other.occupationCode === mine.occupationCode) {
      score += 3;
      reasons.push('工种相同');
    } else if (other.occupationCode.slice(0, 4) === mine.occupationCode.slice(0, 4)) {
      score += 1;
      reasons.push('同一类工种');
    } else return { score: 0, reasons: [] };
    score += Math.min(days, daysBetween(mine.from, mine.to)) / daysBetween(mine.from, mine.to);
    reasons.push(`时间重叠${days}天`);
    if (other.townCode === mine.townCode) {
      score += 1;
      reasons.push('在同一个镇街');
    }
    return { score: Math.round(score * 100) / 100, reasons };
  }

  private async items(kind: 'offer' | 'request', rows: (SharedOffer | SharedRequest)[]): Promise<SharedOfferItem[]> {
    if (rows.length === 0) return [];
    const employers = new Map((await this.ds.getRepository(Employer).find({ where: { id: In([...new Set(rows.map((r) => r.employerId))]) }, select: { id: true, name: true } })).map((e) => [e.id, e.name]));
    const occ = new Map((await this.ds.getRepository(Occupation).find({ where: { code: In([...new Set(rows.map((r) => r.occupationCode))]) }, select: { code: true, name: true } })).map((o) => [o.code, o.name]));
    const towns = await this.regions.names(rows.map((r) => r.townCode));
    return rows.map((r) => ({
      id: r.id,
      kind,
      employerId: r.employerId,
      employerName: employers.get(r.employerId) ?? '',
      occupationCode: r.occupationCode,
      occupationName: occ.get(r.occupationCode) ?? null,
      headcount: r.headcount,
      from: r.from,
      to: r.to,
      townCode: r.townCode,
      townName: towns.get(r.townCode) ?? null,
      wage: r instanceof SharedRequest ? r.wage : null,
      wageUnit: r instanceof SharedRequest ? r.wageUnit : null,
      note: r.note,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      matches: [],
    }));
  }

  /**
   * Puts a person on an agreement: not someone employed (a counted hire) by a firm other than the lender, and not
   * on another live agreement over overlapping days.
   */
  private async addWorker(em: EntityManager, a: SharedAgreement, residentId: string, actor: AuthPrincipal, now: Date): Promise<void> {
    const person = await em.getRepository(Resident).findOne({ where: { id: residentId }, select: { id: true, name: true, erasedAt: true } });
    if (!person || person.erasedAt) throw new NotFoundException('居民档案不存在');
    const latest = await em.getRepository(Hire).findOne({ where: { residentId, verified: true }, order: { startDate: 'DESC' }, select: { id: true, employerId: true } });
    if (latest?.employerId && latest.employerId !== a.lenderId) throw new ConflictException(`${person.name}是别的企业的员工，不能由这家企业借出`);
    await this.checkNoOverlap(a, [residentId], a, em);
    await em.getRepository(SharedWorker).insert({ agreementId: a.id, residentId, addedBy: actor.userId, consentAt: null, consentMethod: null, consentBy: null, createdAt: now });
  }

  private async checkNoOverlap(a: SharedAgreement, residentIds: string[], span: { from: string; to: string }, em = this.ds.manager): Promise<void> {
    if (residentIds.length === 0) return;
    const theirs = await em.getRepository(SharedWorker).find({ where: { residentId: In(residentIds), agreementId: Not(a.id) } });
    if (theirs.length === 0) return;
    const others = await em.getRepository(SharedAgreement).find({ where: { id: In(theirs.map((w) => w.agreementId)), status: Not('ended') } });
    const clash = others.find((o) => overlapDays(o, span) > 0);
    if (clash) throw new ConflictException(`这个人在 ${clash.from} 至 ${clash.to} 已经有一份共享用工协议，时间重叠`);
  }

  /** Active once both firms signed and every lent worker (at least one) consented; everyone is told. */
  private async activateIfReady(id: string): Promise<void> {
    const now = this.clock.now();
    const done = await this.ds.transaction(async (em) => {
      const a = await em.getRepository(SharedAgreement).findOneByOrFail({ id });
      const workers = await em.getRepository(SharedWorker).findBy({ agreementId: id });
      if (a.status !== 'draft' || !a.lenderSignedAt || !a.borrowerSignedAt || workers.length === 0 || workers.some((w) => !w.consentAt)) return false;
      const claimed = await em.createQueryBuilder().update(SharedAgreement).set({ status: 'active', activatedAt: now, updatedAt: now }).where("id = :id AND status = 'draft'", { id }).execute();
      return !!claimed.affected;
    });
    if (done) await this.tell(id, '共享用工协议生效', '两家企业已签署、借出的工人都已同意，共享用工协议生效。劳动合同和社保仍在原单位，工伤由出借方负责。');
  }

  private async tell(id: string, title: string, body: string): Promise<void> {
    const a = await this.load(id);
    const workers = await this.ds.getRepository(SharedWorker).findBy({ agreementId: id });
    const people = workers.length ? await this.ds.getRepository(Resident).find({ where: { id: In(workers.map((w) => w.residentId)) }, select: { id: true, userId: true } }) : [];
    const members = await this.ds.getRepository(User).find({ where: { role: 'employer', employerId: In([a.lenderId, a.borrowerId]) }, select: { id: true } });
    const event = `shared:${id}:${title}:${a.updatedAt.getTime()}`;
    const fields = { subject: '共享用工协议', status: title.slice(-4), note: body.slice(0, 20) };
    const drafts: NotificationDraft[] = [
      ...members.map((m) => ({ userId: m.id, type: 'shared_staff' as const, title, body, page: `${PAGE}${id}`, event, fields })),
      ...people.map((p) => ({ userId: p.userId, residentId: p.userId ? null : p.id, type: 'shared_staff' as const, title, body, page: `${WORKER_PAGE}${id}`, event, fields, sms: `【枣工快递】${body.slice(0, 60)}` })),
    ];
    await this.ds.transaction((em) => this.outbox.write(em, drafts));
    this.outbox.kick();
  }

  /** A firm's members hear of an agreement (drafted, signed by the other side). */
  private async tellFirms(id: string, employerIds: string[], title: string, body: string): Promise<void> {
    const members = await this.ds.getRepository(User).find({ where: { role: 'employer', employerId: In(employerIds) }, select: { id: true } });
    const fields = { subject: '共享用工协议', status: title.slice(-4), note: body.slice(0, 20) };
    await this.ds.transaction((em) => this.outbox.write(em, members.map((m) => ({ userId: m.id, type: 'shared_staff' as const, title, body, page: `${PAGE}${id}`, event: `shared:${id}:${title}`, fields }))));
    this.outbox.kick();
  }

  /** A worker put on an agreement is asked to consent (their liaison can record it for them). */
  private async tellWorker(id: string, residentId: string): Promise<void> {
    const a = await this.load(id);
    const person = await this.ds.getRepository(Resident).findOne({ where: { id: residentId }, select: { id: true, userId: true } });
    if (!person) return;
    const firms = new Map((await this.ds.getRepository(Employer).find({ where: { id: In([a.lenderId, a.borrowerId]) }, select: { id: true, name: true } })).map((e) => [e.id, e.name]));
    const body = `${firms.get(a.lenderId) ?? '您的单位'}想在 ${a.from} 至 ${a.to} 把您借给${firms.get(a.borrowerId) ?? '另一家企业'}干「${a.work.slice(0, 20)}」。劳动合同和社保不变，工伤由原单位负责。同意请在小程序里点“我同意”，或告诉村里的联络员。`;
    const draft: NotificationDraft = { userId: person.userId, residentId: person.userId ? null : person.id, type: 'shared_staff', title: '共享用工：请您确认', body, page: `${WORKER_PAGE}${id}`, event: `shared-worker:${id}:${residentId}`, fields: { subject: '共享用工协议', status: '请确认', note: body.slice(0, 20) }, sms: `【枣工快递】${firms.get(a.lenderId) ?? '您的单位'}想借调您去${firms.get(a.borrowerId) ?? '另一家企业'}干活，同意请在小程序确认或告诉村里联络员。` };
    await this.ds.transaction((em) => this.outbox.write(em, [draft]));
    this.outbox.kick();
  }

  private async agreementItems(rows: SharedAgreement[]): Promise<SharedAgreementItem[]> {
    if (rows.length === 0) return [];
    const firmRows = await this.ds.getRepository(Employer).find({ where: { id: In([...new Set(rows.flatMap((r) => [r.lenderId, r.borrowerId]))]) }, select: { id: true, name: true, address: true, townCode: true } });
    const firms = new Map(firmRows.map((e) => [e.id, e.name]));
    const townNames = await this.regions.names(firmRows.map((e) => e.townCode));
    const placeOf = (employerId: string) => {
      const e = firmRows.find((x) => x.id === employerId);
      const town = e ? (townNames.get(e.townCode) ?? '') : '';
      return e ? (e.address.includes(town) ? e.address : `${town}${e.address}`) : '';
    };
    const workers = await this.ds.getRepository(SharedWorker).find({ where: { agreementId: In(rows.map((r) => r.id)) }, order: { createdAt: 'ASC' } });
    const people = new Map((workers.length ? await this.ds.getRepository(Resident).find({ where: { id: In(workers.map((w) => w.residentId)) }, select: { id: true, name: true, villageCode: true } }) : []).map((p) => [p.id, p]));
    const villages = await this.regions.names([...people.values()].map((p) => p.villageCode));
    return rows.map((a) => {
      const mine = workers.filter((w) => w.agreementId === a.id);
      const lender = firms.get(a.lenderId) ?? '';
      const borrower = firms.get(a.borrowerId) ?? '';
      const waitingFor = a.status !== 'draft' ? [] : [...(a.lenderSignedAt ? [] : ['出借方未签署']), ...(a.borrowerSignedAt ? [] : ['借入方未签署']), ...(mine.length === 0 ? ['还没有借出的工人'] : []), ...mine.filter((w) => !w.consentAt).map((w) => `${people.get(w.residentId)?.name ?? '工人'}未同意`)];
      return {
        id: a.id,
        offerId: a.offerId,
        requestId: a.requestId,
        lender: { id: a.lenderId, name: lender },
        borrower: { id: a.borrowerId, name: borrower },
        from: a.from,
        to: a.to,
        work: a.work,
        place: placeOf(a.borrowerId),
        pay: a.pay,
        injuryCover: 'lender',
        status: a.status,
        lenderSignedAt: a.lenderSignedAt?.toISOString() ?? null,
        borrowerSignedAt: a.borrowerSignedAt?.toISOString() ?? null,
        workers: mine.map((w) => ({ residentId: w.residentId, name: people.get(w.residentId)?.name ?? '', villageName: villages.get(people.get(w.residentId)?.villageCode ?? '') ?? null, consentAt: w.consentAt?.toISOString() ?? null, consentMethod: w.consentMethod })),
        endedAt: a.endedAt?.toISOString() ?? null,
        endReason: a.endReason,
        waitingFor,
        terms: [
          `工人的劳动合同、社会保险仍在${lender}，不因共享用工改变。`,
          `工伤保险责任由出借方${lender}承担。`,
          `${borrower}按约定结算报酬，经${lender}发给工人：${a.pay}`,
          `工作内容：${a.work}；期间：${a.from} 至 ${a.to}。`,
          '共享用工不计入新增就业。',
        ],
        createdAt: a.createdAt.toISOString(),
      };
    });
  }

  /** The liaison's villagers who are lent on any agreement. */
  private async areaWorkers(actor: AuthPrincipal): Promise<{ id: string }[]> {
    const scope = await this.access.scope(actor, 'resident.read');
    const qb = this.ds.getRepository(Resident).createQueryBuilder('r').select('r.id', 'id').innerJoin(SharedWorker, 'w', 'w.resident_id = r.id');
    if (scope.kind === 'region') {
      const [condition, params] = regionCondition(scope.code, { town: 'r.town_code', village: 'r.village_code' });
      qb.where(condition, params);
    }
    return qb.getRawMany<{ id: string }>();
  }

  private async requireView(a: SharedAgreement, actor: AuthPrincipal): Promise<void> {
    if (actor.role === 'employer') {
      const me = await this.employerOf(actor);
      if (me !== a.lenderId && me !== a.borrowerId) throw new NotFoundException(AGREEMENT_NOT_FOUND);
      return;
    }
    if (actor.role === 'admin') return this.access.require(actor, 'shared_staff.read', { townCode: a.townCode }, { notFound: AGREEMENT_NOT_FOUND });
    // A lent worker, or the liaison of one.
    const workers = await this.ds.getRepository(SharedWorker).findBy({ agreementId: a.id });
    const people = workers.length ? await this.ds.getRepository(Resident).find({ where: { id: In(workers.map((w) => w.residentId)) }, select: { id: true, userId: true, villageCode: true } }) : [];
    for (const p of people) if (await this.access.may(actor, 'shared_staff.consent', { villageCode: p.villageCode, residentUserId: p.userId })) return;
    throw new NotFoundException(AGREEMENT_NOT_FOUND);
  }

  /** The agreement and which side the caller's firm is; a third firm is refused. */
  private async party(id: string, actor: AuthPrincipal): Promise<{ row: SharedAgreement; side: 'lender' | 'borrower' }> {
    const row = await this.load(id);
    const me = await this.employerOf(actor);
    const side = me === row.lenderId ? 'lender' : me === row.borrowerId ? 'borrower' : null;
    await this.access.require(actor, 'shared_staff.party', { employerId: side ? me : null });
    return { row, side: side as 'lender' | 'borrower' };
  }

  private async employerOf(actor: AuthPrincipal): Promise<string> {
    if (actor.role !== 'employer') throw new ForbiddenException('只有企业可以发布共享用工信息和签协议');
    const user = await this.ds.getRepository(User).findOne({ where: { id: actor.userId }, select: { id: true, employerId: true } });
    if (!user?.employerId) throw new ForbiddenException('请先登记企业信息，或输入同事给的加入码');
    return user.employerId;
  }

  private async load(id: string): Promise<SharedAgreement> {
    const row = await this.ds.getRepository(SharedAgreement).findOneBy({ id });
    if (!row) throw new NotFoundException(AGREEMENT_NOT_FOUND);
    return row;
  }
}
