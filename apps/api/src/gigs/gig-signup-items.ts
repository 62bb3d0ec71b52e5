import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { maskPhone, type GigAttendance, type GigSignupItem } from '@zaogong/shared';
import { PersonalDataCipher } from '../common/crypto/personal-data-cipher';
import { Employer } from '../employers/entities/employer.entity';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { RegionsService } from '../regions/regions.service';
import { Resident } from '../residents/entities/resident.entity';
import { GigRating } from './entities/gig-rating.entity';
import { GigSignup } from './entities/gig-signup.entity';
import { DEFAULT_WORK_START } from './gig-rules';

/** How a list of sign-ups is being looked at: what the viewer may see of the people on it. */
export interface SignupView {
  /** The post's employer: full phones (the people signed up to work for it) and their 出勤 records. */
  employer?: boolean;
}

/** Sign-up rows as the API shows them: the post, the person (phone masked unless the employer looks), pay and ratings. */
@Injectable()
export class GigSignupItems {
  constructor(
    private readonly ds: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly regions: RegionsService,
  ) {}

  async items(rows: GigSignup[], view: SignupView = {}): Promise<GigSignupItem[]> {
    if (rows.length === 0) return [];
    const ids = (f: (s: GigSignup) => string) => [...new Set(rows.map(f))];
    const [posts, employers, residents, ratings] = await Promise.all([
      this.ds.getRepository(JobPosting).find({ where: { id: In(ids((s) => s.postId)) }, select: { id: true, title: true, address: true, wageMin: true, wageMax: true, wageUnit: true, workStartTime: true } }),
      this.ds.getRepository(Employer).find({ where: { id: In(ids((s) => s.employerId)) }, select: { id: true, name: true } }),
      this.ds.getRepository(Resident).find({ where: { id: In(ids((s) => s.residentId)) }, select: { id: true, name: true, phoneCipher: true, villageCode: true } }),
      this.ds.getRepository(GigRating).find({ where: { signupId: In(rows.map((s) => s.id)) }, select: { id: true, signupId: true, side: true } }),
    ]);
    const post = new Map(posts.map((p) => [p.id, p]));
    const employer = new Map(employers.map((e) => [e.id, e.name]));
    const person = new Map(residents.map((r) => [r.id, r]));
    const villages = await this.regions.names(residents.map((r) => r.villageCode));
    const attendance = view.employer ? await this.attendance(ids((s) => s.residentId)) : new Map<string, GigAttendance>();
    const queue = await this.waitPositions(rows.filter((s) => s.status === 'waitlisted'));
    return rows.map((s) => {
      const p = post.get(s.postId);
      const r = person.get(s.residentId);
      const phone = r ? this.cipher.decrypt(r.phoneCipher) : '';
      return {
        id: s.id,
        postId: s.postId,
        postTitle: p?.title ?? '',
        employerName: employer.get(s.employerId) ?? '',
        address: p?.address ?? null,
        date: s.workDate,
        workStartTime: p?.workStartTime ?? DEFAULT_WORK_START,
        status: s.status,
        waitPosition: queue.get(s.id) ?? null,
        resident: { id: s.residentId, name: r?.name ?? '', phone: view.employer ? phone : maskPhone(phone), villageName: r ? (villages.get(r.villageCode) ?? null) : null },
        source: s.source,
        checkInAt: s.checkInAt?.toISOString() ?? null,
        checkInFar: s.checkInFar,
        checkInVouchedBy: s.checkInVouchedBy,
        checkOutAt: s.checkOutAt?.toISOString() ?? null,
        agreedWage: { min: p?.wageMin ?? 0, max: p?.wageMax ?? 0, unit: p?.wageUnit ?? 'day' },
        pay:
          s.payAmount !== null && s.payMethod && s.paidAt && s.payRecordedAt
            ? { amount: s.payAmount, method: s.payMethod, paidAt: s.paidAt.toISOString(), recordedAt: s.payRecordedAt.toISOString(), confirmedAt: s.payConfirmedAt?.toISOString() ?? null }
            : null,
        disputeId: s.disputeId,
        rated: { byEmployer: ratings.some((x) => x.signupId === s.id && x.side === 'employer'), byWorker: ratings.some((x) => x.signupId === s.id && x.side === 'worker') },
        ...(view.employer ? { attendance: attendance.get(s.residentId) ?? { daysWorked: 0, noShows: 0 } } : {}),
        createdAt: s.createdAt.toISOString(),
      };
    });
  }

  /** Each waiting sign-up's place in its day's queue (1 = next to move up). */
  private async waitPositions(waiting: GigSignup[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const s of waiting) {
      const ahead = await this.ds
        .getRepository(GigSignup)
        .createQueryBuilder('s')
        .where("s.post_id = :post AND s.work_date = :date AND s.status = 'waitlisted' AND s.seq < :seq", { post: s.postId, date: s.workDate, seq: s.seq })
        .getCount();
      out.set(s.id, ahead + 1);
    }
    return out;
  }

  /** 出勤: days worked (checked in) and no-shows, over every gig, for the people on an employer's roster. */
  attendanceOf(residentIds: string[]): Promise<Map<string, GigAttendance>> {
    return residentIds.length ? this.attendance(residentIds) : Promise.resolve(new Map());
  }

  private async attendance(residentIds: string[]): Promise<Map<string, GigAttendance>> {
    const rows = await this.ds
      .getRepository(GigSignup)
      .createQueryBuilder('s')
      .select('s.resident_id', 'rid')
      .addSelect("SUM(CASE WHEN s.status IN ('checked_in', 'checked_out') THEN 1 ELSE 0 END)", 'worked')
      .addSelect("SUM(CASE WHEN s.status = 'no_show' THEN 1 ELSE 0 END)", 'missed')
      .where('s.resident_id IN (:...ids)', { ids: residentIds })
      .groupBy('s.resident_id')
      .getRawMany<{ rid: string; worked: string | number; missed: string | number }>();
    return new Map(rows.map((r) => [r.rid, { daysWorked: Number(r.worked), noShows: Number(r.missed) }]));
  }
}
