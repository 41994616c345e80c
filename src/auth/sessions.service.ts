import { randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { getManyPrepared } from '../database/prepared-statements.js';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { hashToken, secretToken } from '../common/tokens.js';
import { User } from '../users/user.entity.js';
import {
  SESSION_IDLE_MS,
  SESSION_LIFETIME_MS,
  SESSION_TOUCH_INTERVAL_MS,
} from './staff-context.js';
import { StaffSession } from './staff-session.entity.js';
import { StaffSessionRepository } from './staff-session.repository.js';

const CSRF_PURPOSE = 'staff-session.csrf';

/** Server-side staff sessions: only token hashes stored, absolute and idle expiry. */
@Injectable()
export class StaffSessions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: DataCipher,
    private readonly sessions: StaffSessionRepository,
  ) {}

  async start(
    manager: EntityManager,
    user: User,
    options: { ip: string | null; userAgent?: string | null; mfaSatisfied: boolean; now?: Date },
  ): Promise<{ token: string; session: StaffSession }> {
    const now = options.now ?? new Date();
    const token = secretToken();
    const session = manager.getRepository(StaffSession).create({
      id: randomUUID(),
      userId: user.id,
      tokenHash: hashToken(token),
      mfaSatisfied: options.mfaSatisfied,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
      endedAt: null,
      ip: options.ip,
      userAgent: options.userAgent?.slice(0, 255) ?? null,
    });
    await this.sessions.add(manager, session);
    return { token, session };
  }

  /**
   * The live session and its active user for a token, or null; keeps an active session
   * alive unless `touch` is false (a request that is not activity).
   */
  async resolve(
    token: string,
    now = new Date(),
    { touch = true }: { touch?: boolean } = {},
  ): Promise<{ session: StaffSession; user: User } | null> {
    if (token.length < 32 || token.length > 128) return null;
    // One statement: findOne with a relation reads the ids first, then the rows. Every
    // staff request pays this lookup (the token hash is unique), so it is prepared: its
    // planning took longer than its run.
    const manager = this.dataSource.manager;
    const [session] = await getManyPrepared(
      manager,
      manager
        .getRepository(StaffSession)
        .createQueryBuilder('session')
        .innerJoinAndSelect('session.user', 'user')
        .where('session.tokenHash = :tokenHash AND session.endedAt IS NULL', {
          tokenHash: hashToken(token),
        }),
    );
    if (!session?.user?.active) return null;
    if (
      session.expiresAt <= now ||
      now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS
    ) {
      return null;
    }
    if (touch && now.getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS) {
      session.lastSeenAt = now;
      await this.sessions.touch(this.dataSource.manager, session.id, now);
    }
    const { user, ...rest } = session;
    return { session: rest as StaffSession, user };
  }

  async end(sessionId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await this.sessions.end(manager, { id: sessionId });
  }

  /** Ends every session of a user (password change, deactivation, MFA enrolment or reset). */
  async endAllFor(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    return this.sessions.end(manager, { userId });
  }

  /** Ends every other session of a user (a password change keeps the session that made it). */
  async endOthersOf(
    userId: string,
    keepSessionId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    return this.sessions.end(manager, { userId, exceptId: keepSessionId });
  }

  /** The live sessions of a user, newest first (ended, expired and idle ones left out). */
  async liveOf(userId: string, now = new Date()): Promise<StaffSession[]> {
    return this.dataSource
      .getRepository(StaffSession)
      .createQueryBuilder('session')
      .where('session.user_id = :userId AND session.ended_at IS NULL', { userId })
      .andWhere('session.expires_at > :now AND session.last_seen_at > :idleSince', {
        now,
        idleSince: new Date(now.getTime() - SESSION_IDLE_MS),
      })
      .orderBy('session.created_at', 'DESC')
      .addOrderBy('session.id', 'DESC')
      .getMany();
  }

  /** Ends one session of a user; false when it is not theirs or not live. */
  async endOneOf(
    userId: string,
    sessionId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return (await this.sessions.end(manager, { id: sessionId, userId })) === 1;
  }

  /** The signed-in staff member proved their credentials again (recent re-authentication). */
  async recordCredentialsProved(
    manager: EntityManager,
    sessionId: string,
    at: Date,
  ): Promise<void> {
    await this.sessions.recordCredentialsProved(manager, sessionId, at);
  }

  /** The CSRF token of a session: derived from its id, so nothing more is stored. */
  csrfToken(sessionId: string): string {
    return this.cipher.derive(CSRF_PURPOSE, sessionId).value;
  }

  csrfMatches(sessionId: string, given: string | undefined): boolean {
    if (!given) return false;
    const expected = Buffer.from(this.csrfToken(sessionId));
    const actual = Buffer.from(given);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
