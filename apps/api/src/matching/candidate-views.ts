import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/entities/audit-log.entity';

/** The audit action written each time an employer is shown the candidates of one of its posts. */
export const CANDIDATES_SHOWN_ACTION = 'matching.candidates';

/**
 * Who an employer has been shown as candidates for a post. Every showing is audit-logged
 * (action matching.candidates, target the post, detail.residentIds); that record is what allows the
 * employer to invite the person to that post (application.invite).
 */
@Injectable()
export class CandidateViews {
  constructor(private readonly ds: DataSource) {}

  async wasShown(postId: string, residentId: string): Promise<boolean> {
    // The (target_type, target_id) index finds the post's showings; the LIKE narrows them to this
    // person's (a UUID holds no LIKE wildcard), and the parsed detail decides.
    const rows = await this.ds
      .getRepository(AuditLog)
      .createQueryBuilder('a')
      .select(['a.id', 'a.detail'])
      .where("a.target_type = 'job_posting' AND a.target_id = :postId AND a.action = :action AND a.detail LIKE :resident", {
        postId,
        action: CANDIDATES_SHOWN_ACTION,
        resident: `%"${residentId}"%`,
      })
      .limit(20)
      .getMany();
    return rows.some((r) => Array.isArray(r.detail.residentIds) && (r.detail.residentIds as unknown[]).includes(residentId));
  }
}
