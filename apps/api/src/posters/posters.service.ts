import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { TICKET_CODE_ALPHABET, regionLevelOf } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { isUniqueViolation } from '../common/sql/unique-violation';
import { writeLock } from '../common/sql/write-lock';
import { RecruitmentEvent } from '../events/entities/recruitment-event.entity';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { Poster } from './entities/poster.entity';
import type { PosterKind } from './poster-content';
import { PosterCodes } from './poster-codes';
import { PosterRenderer } from './poster-renderer';
import { PosterSubjects, type PosterSubject } from './poster-subjects';

/** A poster's short id: the `scene` of its code, 8 characters a person can read out (no 0/O, 1/I/L). */
export const POSTER_ID_LENGTH = 8;
export const POSTER_ID_PATTERN = new RegExp(`^[${TICKET_CODE_ALPHABET}]{${POSTER_ID_LENGTH}}$`);

export function newPosterId(): string {
  let id = '';
  for (let i = 0; i < POSTER_ID_LENGTH; i++) id += TICKET_CODE_ALPHABET[randomInt(TICKET_CODE_ALPHABET.length)];
  return id;
}

export interface PosterFile {
  posterId: string;
  bytes: Buffer;
  /** The file name people see (海报-电焊工.png) and a plain one for old clients. */
  filename: string;
  fallbackName: string;
}

/**
 * Printing a poster (docs/business-logic/posters.md): the post or event checked (PosterSubjects), the poster
 * row of its board found or made, its code (PosterCodes) and the picture (PosterRenderer).
 */
@Injectable()
export class PostersService {
  constructor(
    private readonly ds: DataSource,
    private readonly subjects: PosterSubjects,
    private readonly codes: PosterCodes,
    private readonly renderer: PosterRenderer,
  ) {}

  async make(kind: PosterKind, targetId: string, actor: AuthPrincipal | undefined, villageCode: string | undefined, origin: string, format: 'png' | 'pdf'): Promise<PosterFile> {
    const subject = kind === 'post' ? await this.subjects.post(targetId, actor) : await this.subjects.event(targetId, actor);
    const poster = await this.posterOf(subject, actor, boardOf(actor, villageCode));
    const art = { content: subject.content, code: await this.codes.art(poster.id, origin), posterId: poster.id };
    const bytes = format === 'png' ? await this.renderer.png(art) : await this.renderer.pdf(art, subject.title);
    const name = subject.title.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 40) || poster.id;
    return { posterId: poster.id, bytes, filename: `海报-${name}.${format}`, fallbackName: `poster-${poster.id}.${format}` };
  }

  /**
   * One poster per board: per (kind, target, 村居); with no 村居, per printer. Made under a lock on the post or
   * event row, so two taps at once make one poster, not two.
   */
  private posterOf(subject: PosterSubject, actor: AuthPrincipal | undefined, villageCode: string | null): Promise<Poster> {
    return this.ds.transaction(async (em) => {
      await this.lockTarget(em, subject);
      const repo = em.getRepository(Poster);
      const where = villageCode
        ? { kind: subject.kind, targetId: subject.id, villageCode }
        : { kind: subject.kind, targetId: subject.id, villageCode: IsNull(), createdBy: actor ? actor.userId : IsNull() };
      const found = await repo.findOne({ where, order: { createdAt: 'ASC' } });
      if (found) return found;
      for (let attempt = 0; ; attempt++) {
        const poster = repo.create({ id: newPosterId(), kind: subject.kind, targetId: subject.id, villageCode, createdBy: actor?.userId ?? null, scans: 0, lastScanAt: null });
        try {
          await repo.insert(poster);
          return poster;
        } catch (e) {
          if (!isUniqueViolation(e) || attempt >= 4) throw e;
        }
      }
    });
  }

  private async lockTarget(em: EntityManager, subject: PosterSubject): Promise<void> {
    const lock = writeLock(em);
    if (!lock) return;
    const entity = subject.kind === 'post' ? JobPosting : RecruitmentEvent;
    await em.getRepository(entity).findOne({ where: { id: subject.id }, select: { id: true }, lock });
  }
}

/**
 * The board a poster hangs on: a 村居 liaison's own 村居; else the 村居 the caller named (a 镇街 liaison or an
 * admin only within their area: the route's region guard refuses others); else none.
 */
export function boardOf(actor: AuthPrincipal | undefined, villageCode: string | undefined): string | null {
  // Someone not logged in, or a seeker (a villager sharing a post), prints a poster of no board.
  if (!actor || actor.role === 'seeker') return null;
  if (actor.role === 'liaison' && regionLevelOf(actor.regionCode) === 'village') return actor.regionCode;
  return villageCode ?? null;
}
