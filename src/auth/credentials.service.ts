import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import { DataCipher, type SealedColumn } from '../common/encryption/data-cipher.js';
import { ProblemException } from '../common/problem-details.js';
import { normalizeEmail } from '../vocabulary/contact.js';
import { JobQueue, type RunningJob } from '../queue/job-queue.js';
import { StaffUserRepository } from '../users/staff-user.repository.js';
import { User } from '../users/user.entity.js';
import { checkPassword } from '../users/password-policy.js';
import { hashPassword, verifyPassword } from '../users/passwords.js';
import { StaffSessions } from './sessions.service.js';
import {
  type CountedAttempt,
  SignInSlowed,
  SignInThrottle,
  slowedProblem,
} from './sign-in-throttle.service.js';
import type { StaffContext } from './staff-context.js';
import type { StaffTokenPurpose } from '../users/staff-token.entity.js';
import { gone, StaffTokens } from './staff-tokens.service.js';

/** A new reset link is not sent while the last one is younger than this (no mail bombing). */
export const RESET_REQUEST_COOLDOWN_MS = 60_000;

export type ResetRequestOutcome = 'sent' | 'unknown-account' | 'inactive-account' | 'recently-sent';

/** Purpose bound into the sealed reset request a job carries. */
/** Where a queued reset request is sealed: the job's data, bound to its own request key. */
const RESET_REQUEST: SealedColumn = {
  table: 'pgboss.job',
  column: 'data.sealedRequest',
  purpose: 'auth.password-reset-request',
};
interface SealedResetRequest {
  email: string;
  ip: string | null;
}

/**
 * Setting and changing staff passwords (docs/api.md#staff-sign-in-and-accounts): accepting
 * an invitation, resetting by email link, changing while signed in. Every way ends the
 * account's sessions (the one changing it excepted) and is audited.
 */
@Injectable()
export class CredentialsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: StaffTokens,
    private readonly sessions: StaffSessions,
    private readonly audit: AuditTrail,
    private readonly throttle: SignInThrottle,
    private readonly cipher: DataCipher,
    private readonly queue: JobQueue,
    private readonly users: StaffUserRepository,
  ) {}

  acceptInvitation(token: string, password: string, actor: AuditActor): Promise<void> {
    return this.setPasswordByLink(token, 'invitation', password, actor);
  }

  completePasswordReset(token: string, password: string, actor: AuditActor): Promise<void> {
    return this.setPasswordByLink(token, 'password_reset', password, actor);
  }

  /**
   * Takes a reset request: only queues it (sealed) in one transaction, so an address
   * with an account and one without cost the request exactly the same work and time.
   * The job (sendPasswordReset) finds the account and sends the link.
   */
  async requestPasswordReset(email: string, actor: AuditActor): Promise<void> {
    const request: SealedResetRequest = { email, ip: actor.ip };
    const requestKey = randomUUID();
    const sealedRequest = this.cipher.encryptJson(request, RESET_REQUEST, requestKey);
    await this.dataSource.transaction((manager) =>
      this.queue.enqueueIn(manager, 'auth.password-reset', {
        sealedRequest,
        requestKey,
        requestId: actor.requestId,
      }),
    );
  }

  /**
   * Sends a reset link when an active account uses the address. The requester was
   * answered the same whatever happens here; only the audit trail says which it was.
   * A redelivered job finds the link it sent a moment ago and sends none again.
   */
  async sendPasswordReset(job: RunningJob<'auth.password-reset'>): Promise<ResetRequestOutcome> {
    const { email, ip } = this.cipher.decryptJson<SealedResetRequest>(
      job.data.sealedRequest,
      RESET_REQUEST,
      job.data.requestKey,
    );
    const actor: AuditActor = { userId: null, role: null, ip, requestId: job.data.requestId };
    const now = new Date();
    return this.dataSource.transaction(async (manager) => {
      // Locked: two requests at once for one account send one link.
      const user = await manager.getRepository(User).findOne({
        where: { email: normalizeEmail(email) },
        lock: { mode: 'pessimistic_write' },
      });
      const outcome = await this.resetOutcome(manager, user, now);
      if (outcome === 'sent') await this.tokens.issue(manager, user!, 'password_reset', now);
      await this.audit.record(
        actor,
        {
          action: 'auth.password_reset.requested',
          subjectType: user ? 'user' : null,
          subjectId: user?.id ?? null,
          details: { outcome },
        },
        manager,
      );
      return outcome;
    });
  }

  /** A signed-in member's own change: the current password proves it is them. */
  async changePassword(
    staff: StaffContext,
    passwords: { currentPassword: string; newPassword: string },
    actor: AuditActor,
  ): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: staff.user.id });
    // The current password is a password check like a sign-in: counted the same way,
    // before it is checked, so a stolen session cannot guess it faster than a sign-in.
    let attempt: CountedAttempt;
    try {
      attempt = await this.throttle.count(user.email, actor.ip);
    } catch (error) {
      if (!(error instanceof SignInSlowed)) throw error;
      await this.audit.record(actor, {
        action: 'auth.password_change.slowed',
        subjectType: 'user',
        subjectId: user.id,
        details: { retryAfterSeconds: error.retryAfterSeconds },
      });
      throw slowedProblem(error);
    }
    if (!(await verifyPassword(user.passwordHash, passwords.currentPassword))) {
      await this.audit.record(actor, {
        action: 'auth.password_change.failed',
        subjectType: 'user',
        subjectId: user.id,
        details: { reason: 'current-password', failures: attempt.failures },
      });
      throw ProblemException.validation([
        { field: 'currentPassword', message: 'is not your current password' },
      ]);
    }
    // The right current password takes its count back, whatever becomes of the new one.
    await this.throttle.succeeded(attempt, this.dataSource.manager);
    const refusal =
      checkPassword(passwords.newPassword, { email: user.email, name: user.name }) ??
      ((await verifyPassword(user.passwordHash, passwords.newPassword))
        ? 'Choose a password other than your current one.'
        : null);
    if (refusal) throw ProblemException.validation([{ field: 'newPassword', message: refusal }]);
    const passwordHash = await hashPassword(passwords.newPassword);

    await this.dataSource.transaction(async (manager) => {
      const locked = await manager
        .getRepository(User)
        .findOneOrFail({ where: { id: user.id }, lock: { mode: 'pessimistic_write' } });
      if (locked.passwordHash !== user.passwordHash) {
        throw new ProblemException(
          'conflict',
          'The password was changed by another request meanwhile; sign in again.',
        );
      }
      const now = new Date();
      await this.users.change(manager, user.id, { passwordHash, passwordChangedAt: now });
      const otherSessionsEnded = await this.sessions.endOthersOf(
        user.id,
        staff.session.id,
        manager,
      );
      await this.tokens.expireUnused(manager, user.id, now);
      await this.audit.record(
        actor,
        {
          action: 'auth.password_changed',
          subjectType: 'user',
          subjectId: user.id,
          details: { otherSessionsEnded },
        },
        manager,
      );
    });
  }

  private async resetOutcome(
    manager: EntityManager,
    user: User | null,
    now: Date,
  ): Promise<ResetRequestOutcome> {
    if (!user) return 'unknown-account';
    if (!user.active) return 'inactive-account';
    const [recent] = (await manager.query(
      `SELECT 1 FROM staff_token
       WHERE user_id = $1 AND purpose = 'password_reset' AND used_at IS NULL
         AND expires_at > $2 AND created_at > $3
       LIMIT 1`,
      [user.id, now, new Date(now.getTime() - RESET_REQUEST_COOLDOWN_MS)],
    )) as unknown[];
    return recent ? 'recently-sent' : 'sent';
  }

  /**
   * Spends a one-time link and sets the password it was sent for. The link is checked
   * (404/410) before the password (422), and spent only with a password that passes, so
   * a refused password leaves the link usable. Hashing happens outside the transaction.
   */
  private async setPasswordByLink(
    token: string,
    purpose: StaffTokenPurpose,
    password: string,
    actor: AuditActor,
  ): Promise<void> {
    const found = await this.tokens.usable(this.dataSource.manager, token, purpose);
    // An invitation sets the first password; once one is set, resetting is the way.
    if (purpose === 'invitation' && found.user.passwordHash !== null) throw gone();
    const refusal = checkPassword(password, { email: found.user.email, name: found.user.name });
    if (refusal) throw ProblemException.validation([{ field: 'password', message: refusal }]);
    const passwordHash = await hashPassword(password);

    await this.dataSource.transaction(async (manager) => {
      const now = new Date();
      await this.tokens.spend(manager, found.id, now);
      const user = await manager
        .getRepository(User)
        .findOne({ where: { id: found.userId }, lock: { mode: 'pessimistic_write' } });
      if (!user?.active || (purpose === 'invitation' && user.passwordHash !== null)) throw gone();
      await this.users.change(manager, user.id, { passwordHash, passwordChangedAt: now });
      // Every other link of the account stops working, and every session ends.
      await this.tokens.expireUnused(manager, user.id, now);
      await this.sessions.endAllFor(user.id, manager);
      await this.audit.record(
        { ...actor, userId: user.id, role: user.role },
        {
          action:
            purpose === 'invitation' ? 'user.invitation_accepted' : 'auth.password_reset.completed',
          subjectType: 'user',
          subjectId: user.id,
          details: { tokenId: found.id },
        },
        manager,
      );
    });
  }
}
