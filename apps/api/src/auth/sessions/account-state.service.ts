import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import type { Role } from '@zaogong/shared';
import type { AuthPrincipal, TokenPayload } from '../../common/auth-principal';
import { ChangeFeed } from '../../common/changes/change-feed';
import { Clock } from '../../common/clock';
import { AuthSession } from '../entities/auth-session.entity';
import { User } from '../entities/user.entity';
import { ACCOUNT_STATE_TTL_MS, LAST_SEEN_WRITE_MS, isIdleExpired } from './session-rules';

interface AccountState {
  role: Role;
  regionCode: string | null;
  employerId: string | null;
  disabled: boolean;
  version: number;
  loadedAt: number;
}

interface SessionState {
  userId: string;
  mfa: boolean;
  ended: boolean;
  lastSeenAt: Date;
  loadedAt: number;
}

const MAX_ENTRIES = 50_000;

/**
 * The current role, region, employer and enabled state of accounts, and the state of their sessions,
 * as every authenticated request needs them: read from the database at most once a minute per account
 * and per session in each API process, and at once when a token is newer than what is cached (a role
 * change issues tokens with a higher version). So a disabled account, a changed region or an ended
 * session takes effect everywhere within 60 s, without a database read on every request.
 */
@Injectable()
export class AccountStateService {
  private readonly accounts = new Map<string, AccountState>();
  private readonly sessions = new Map<string, SessionState>();

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(AuthSession) private readonly sessionRepo: Repository<AuthSession>,
    private readonly clock: Clock,
    private readonly changes: ChangeFeed,
  ) {
    // Another process (or this one) changed an account or ended a session: act on it now.
    changes.subscribe((c) => {
      if (c.kind === 'account') {
        const ids = new Set(c.ids);
        for (const id of ids) this.accounts.delete(id);
        for (const [sid, s] of this.sessions) if (ids.has(s.userId)) this.sessions.delete(sid);
      }
      if (c.kind === 'session') for (const id of c.ids) this.sessions.delete(id);
    });
  }

  /** After a committed change of accounts' role, region, employer or enabled state: every process forgets them. */
  accountsChanged(userIds: string[]): void {
    if (userIds.length) this.changes.publish({ kind: 'account', ids: userIds });
  }

  /** The principal for a verified token, or 401 with the reason in Chinese. */
  async principalFor(token: TokenPayload): Promise<AuthPrincipal> {
    const now = this.clock.now();
    const account = await this.account(token.sub, token.ver, now.getTime());
    if (!account) throw new UnauthorizedException('账号不存在，请重新登录');
    if (account.disabled) throw new UnauthorizedException('账号已停用，如有疑问请联系区人社局');
    let mfa = token.dev === true;
    if (token.sid) {
      let session = await this.session(token.sid, now);
      if (session && isIdleExpired(account.role, session.lastSeenAt, now) && session.loadedAt < now.getTime()) {
        // Another API process may have seen a later request: judge idleness on the row, not the cache.
        this.sessions.delete(token.sid);
        session = await this.session(token.sid, now);
      }
      if (!session || session.ended || session.userId !== token.sub) throw new UnauthorizedException('登录已失效，请重新登录');
      if (isIdleExpired(account.role, session.lastSeenAt, now)) {
        await this.endSession(token.sid, 'idle');
        throw new UnauthorizedException('长时间未操作，已自动退出，请重新登录');
      }
      mfa = session.mfa;
    }
    return { userId: token.sub, role: account.role, regionCode: account.regionCode, employerId: account.employerId, mfa, sessionId: token.sid ?? null };
  }

  /** After sessions were ended or changed in the database: every process forgets them. */
  sessionsChanged(sessionIds: string[]): void {
    if (sessionIds.length) this.changes.publish({ kind: 'session', ids: sessionIds });
  }

  /** Ends a session now (logout, reuse, idle, disable); its tokens stop working. */
  async endSession(sessionId: string, reason: string): Promise<void> {
    await this.sessionRepo.update({ id: sessionId, endedAt: IsNull() }, { endedAt: this.clock.now(), endedReason: reason });
    this.sessionsChanged([sessionId]);
  }

  private async account(userId: string, tokenVersion: number, now: number): Promise<AccountState | null> {
    const cached = this.accounts.get(userId);
    if (cached && now - cached.loadedAt < ACCOUNT_STATE_TTL_MS && cached.version >= tokenVersion) return cached;
    const row = await this.users.findOne({
      where: { id: userId },
      select: { id: true, role: true, regionCode: true, employerId: true, disabledAt: true, authVersion: true },
    });
    if (!row) {
      this.accounts.delete(userId);
      return null;
    }
    const state: AccountState = {
      role: row.role,
      regionCode: row.regionCode,
      employerId: row.employerId,
      disabled: row.disabledAt !== null,
      version: row.authVersion,
      loadedAt: now,
    };
    if (this.accounts.size >= MAX_ENTRIES) this.accounts.clear();
    this.accounts.set(userId, state);
    return state;
  }

  private async session(sessionId: string, now: Date): Promise<SessionState | null> {
    let state = this.sessions.get(sessionId);
    if (!state || now.getTime() - state.loadedAt >= ACCOUNT_STATE_TTL_MS) {
      const row = await this.sessionRepo.findOne({
        where: { id: sessionId },
        select: { id: true, userId: true, mfaAt: true, endedAt: true, lastSeenAt: true },
      });
      if (!row) {
        this.sessions.delete(sessionId);
        return null;
      }
      state = { userId: row.userId, mfa: row.mfaAt !== null, ended: row.endedAt !== null, lastSeenAt: row.lastSeenAt, loadedAt: now.getTime() };
      if (this.sessions.size >= MAX_ENTRIES) this.sessions.clear();
      this.sessions.set(sessionId, state);
    }
    // Idle is judged on the last request before this one; then this request counts as activity.
    if (!state.ended && now.getTime() - state.lastSeenAt.getTime() >= LAST_SEEN_WRITE_MS) {
      const previous = state.lastSeenAt;
      state.lastSeenAt = now;
      await this.sessionRepo.update({ id: sessionId }, { lastSeenAt: now });
      return { ...state, lastSeenAt: previous };
    }
    return state;
  }
}
