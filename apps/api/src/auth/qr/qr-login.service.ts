import { ConflictException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import type { QrTicket, QrTicketState } from '@zaogong/shared';
import { AuditService } from '../../audit/audit.service';
import type { AuthPrincipal } from '../../common/auth-principal';
import { QrLoginTicket } from '../entities/qr-login-ticket.entity';
import { User } from '../entities/user.entity';
import { SessionsService, sha256 } from '../sessions/sessions.service';

/** A ticket waits two minutes for a scan; once approved, the PC has one minute to collect its session. */
export const QR_TICKET_TTL_MS = 2 * 60 * 1000;
export const QR_CLAIM_MS = 60 * 1000;
/** The mini-program page that approves a ticket (the H5 build routes by hash). */
export const QR_APPROVE_PAGE = 'pages/scan-login/index';

/**
 * 扫码登录: a PC browser makes a ticket and shows it as a QR; a phone where the person is logged in
 * scans it and approves; the PC's next poll receives a new session of that account, once. The PC's
 * session is new (an admin gives the second factor on the PC too).
 */
@Injectable()
export class QrLoginService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async create(origin: string, ip: string | null): Promise<QrTicket> {
    const ticket = randomBytes(24).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + QR_TICKET_TTL_MS);
    await this.repo().insert({ ticketHash: sha256(ticket), createdAt: now, expiresAt, approvedBy: null, approvedAt: null, claimedAt: null, ip });
    return { ticket, qrText: `${origin}/#/${QR_APPROVE_PAGE}?ticket=${ticket}`, expiresAt: expiresAt.toISOString() };
  }

  /** Polled by the PC: waiting, expired, or approved with the session (once; then the ticket is spent). */
  async status(ticket: string, ip: string | null): Promise<QrTicketState> {
    const row = await this.repo().findOneBy({ ticketHash: sha256(ticket) });
    if (!row) throw new NotFoundException('二维码无效，请刷新');
    const now = new Date();
    if (row.claimedAt) return { status: 'expired' };
    if (!row.approvedAt) return row.expiresAt.getTime() <= now.getTime() ? { status: 'expired' } : { status: 'waiting' };
    if (now.getTime() - row.approvedAt.getTime() > QR_CLAIM_MS) return { status: 'expired' };
    return this.dataSource.transaction(async (em) => {
      const claimed = await em.getRepository(QrLoginTicket).update({ ticketHash: row.ticketHash, claimedAt: IsNull() }, { claimedAt: now });
      if (!claimed.affected) return { status: 'expired' as const };
      const user = await em.getRepository(User).findOneBy({ id: row.approvedBy as string });
      if (!user || user.disabledAt) return { status: 'expired' as const };
      const session = await this.sessions.start(user, 'qr', ip, em);
      return { status: 'approved' as const, ...session };
    });
  }

  /** The phone's side: the person logged in there approves the PC's ticket. */
  async approve(ticket: string, principal: AuthPrincipal, ip: string | null): Promise<{ status: 'approved' }> {
    const row = await this.repo().findOneBy({ ticketHash: sha256(ticket) });
    if (!row) throw new NotFoundException('二维码无效，请在电脑上刷新后再扫');
    if (row.approvedAt) throw new ConflictException('这个二维码已经确认过了，请在电脑上刷新后再扫');
    if (row.expiresAt.getTime() <= Date.now()) throw new GoneException('二维码已过期，请在电脑上刷新后再扫');
    const done = await this.repo().update({ ticketHash: row.ticketHash, approvedAt: IsNull() }, { approvedAt: new Date(), approvedBy: principal.userId });
    if (!done.affected) throw new ConflictException('这个二维码已经确认过了，请在电脑上刷新后再扫');
    await this.audit.record({ action: 'auth.qr_approve', actor: principal, targetType: 'user', targetId: principal.userId, ip });
    return { status: 'approved' };
  }

  private repo() {
    return this.dataSource.getRepository(QrLoginTicket);
  }
}
