import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { ProblemException } from '../common/problem-details.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { normalizeEmail } from '../leads/contact.js';
import { User } from '../users/user.entity.js';
import { FRESH_CREDENTIALS_MS } from './fresh-credentials.js';
import { verifyPassword } from './passwords.js';
import { StaffSessions } from './sessions.service.js';
import type { StaffContext } from './staff-context.js';
import { generateTotpSecret, otpauthUri, verifyTotp } from './totp.js';

const MFA_PURPOSE = 'staff-user.mfa-secret';
const THROTTLE_PURPOSE = 'login-throttle';

export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: User;
  mfaSatisfied: boolean;
}

/** Sign-in, sign-out and TOTP enrolment (API.md, Admin routes: Credentials). */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: StaffSessions,
    private readonly cipher: DataCipher,
    private readonly audit: AuditTrail,
  ) {}

  async login(
    credentials: { email: string; password: string; totp?: string },
    actor: AuditActor,
  ): Promise<SignedIn> {
    const email = normalizeEmail(credentials.email);
    const emailHash = this.emailHash(email);
    const now = new Date();

    const [throttle] = (await this.dataSource.query(
      `SELECT locked_until FROM login_throttle WHERE email_hash = $1 AND locked_until > $2`,
      [emailHash, now],
    )) as { locked_until: Date }[];
    if (throttle) {
      await this.audit.record(actor, { action: 'auth.login.locked', details: {} });
      throw this.locked(throttle.locked_until, now);
    }

    const user = await this.dataSource.getRepository(User).findOne({ where: { email } });
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, credentials.password);
    if (!user || !user.active || !passwordOk) {
      return this.refuse(emailHash, user, actor, 'password', now);
    }

    let mfaStep: number | null = null;
    if (user.mfaEnabledAt) {
      if (!credentials.totp) {
        throw new ProblemException('mfa-required', 'Send the code from your authenticator app.');
      }
      mfaStep = this.acceptableStep(user, credentials.totp, now);
      if (mfaStep === null) return this.refuse(emailHash, user, actor, 'totp', now);
    }
    const mfaSatisfied = user.mfaEnabledAt !== null || this.config.auth.mfaRequired !== 'all';

    return this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM login_throttle WHERE email_hash = $1`, [emailHash]);
      await manager
        .getRepository(User)
        .update(
          { id: user.id },
          mfaStep === null
            ? { lastLoginAt: now }
            : { lastLoginAt: now, mfaLastStep: String(mfaStep) },
        );
      const { token, session } = await this.sessions.start(manager, user, {
        ip: actor.ip,
        mfaSatisfied,
      });
      await this.audit.record(
        { ...actor, userId: user.id, role: user.role },
        {
          action: 'auth.login',
          subjectType: 'session',
          subjectId: session.id,
          details: { mfa: mfaStep !== null },
        },
        manager,
      );
      return { token, expiresAt: session.expiresAt, user, mfaSatisfied };
    });
  }

  async logout(staff: StaffContext, actor: AuditActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.end(staff.session.id, manager);
      await this.audit.record(
        actor,
        { action: 'auth.logout', subjectType: 'session', subjectId: staff.session.id },
        manager,
      );
    });
  }

  /** Starts (or restarts) enrolment: a new secret, not yet required until verified. */
  async startMfaSetup(
    staff: StaffContext,
    actor: AuditActor,
  ): Promise<{ secret: string; otpauthUri: string }> {
    if (staff.user.mfaEnabledAt) {
      throw new ProblemException(
        'conflict',
        'Two-factor sign-in is already set up for this account.',
      );
    }
    const secret = generateTotpSecret();
    await this.dataSource.transaction(async (manager) => {
      await manager
        .getRepository(User)
        .update(
          { id: staff.user.id },
          { mfaSecretEncrypted: this.cipher.encrypt(secret, MFA_PURPOSE) },
        );
      await this.audit.record(
        actor,
        { action: 'auth.mfa.setup-started', subjectType: 'user', subjectId: staff.user.id },
        manager,
      );
    });
    return {
      secret,
      otpauthUri: otpauthUri({
        secret,
        accountName: staff.user.email,
        issuer: this.config.practice.name.replaceAll(':', ' '),
      }),
    };
  }

  /** Confirms enrolment with a first code; from then on every sign-in needs one. */
  async verifyMfa(staff: StaffContext, code: string, actor: AuditActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager
        .getRepository(User)
        .findOneOrFail({ where: { id: staff.user.id }, lock: { mode: 'pessimistic_write' } });
      if (user.mfaEnabledAt) {
        throw new ProblemException(
          'conflict',
          'Two-factor sign-in is already set up for this account.',
        );
      }
      if (!user.mfaSecretEncrypted) {
        throw new ProblemException('conflict', 'Start with POST /v1/auth/mfa/setup.');
      }
      const step = this.acceptableStep(user, code, new Date());
      if (step === null) {
        await this.audit.record(actor, {
          action: 'auth.mfa.verify-failed',
          subjectType: 'user',
          subjectId: user.id,
        });
        throw ProblemException.validation([
          { field: 'code', message: 'is not the current code of the authenticator app' },
        ]);
      }
      await manager
        .getRepository(User)
        .update({ id: user.id }, { mfaEnabledAt: new Date(), mfaLastStep: String(step) });
      await this.sessions.markMfaSatisfied(staff.session.id, manager);
      await this.audit.record(
        actor,
        { action: 'auth.mfa.enabled', subjectType: 'user', subjectId: user.id },
        manager,
      );
    });
  }

  /**
   * The signed-in member proves the password or a current code again, and the session is
   * stamped fresh for the actions that need it (fresh-credentials.ts). Every proof sent
   * must be right; a wrong one counts as a failed sign-in, towards the same lockout.
   */
  async reauthenticate(
    staff: StaffContext,
    proof: { password?: string; totp?: string },
    actor: AuditActor,
  ): Promise<Date> {
    const now = new Date();
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: staff.user.id });
    const emailHash = this.emailHash(normalizeEmail(user.email));
    const [throttle] = (await this.dataSource.query(
      `SELECT locked_until FROM login_throttle WHERE email_hash = $1 AND locked_until > $2`,
      [emailHash, now],
    )) as { locked_until: Date }[];
    if (throttle) {
      await this.audit.record(actor, { action: 'auth.login.locked', details: {} });
      throw this.locked(throttle.locked_until, now);
    }
    const passwordOk =
      proof.password === undefined || (await verifyPassword(user.passwordHash, proof.password));
    const step = proof.totp === undefined ? null : this.acceptableStep(user, proof.totp, now);
    const wrong = !passwordOk
      ? 'password'
      : proof.totp !== undefined && step === null
        ? 'totp'
        : null;
    if (wrong) {
      try {
        await this.refuse(emailHash, user, actor, wrong, now);
      } catch (error) {
        // Signed in already: a wrong proof is a field to correct, not a signed-out 401.
        if (error instanceof ProblemException && error.code === 'unauthenticated') {
          throw ProblemException.validation([{ field: wrong, message: 'is not right' }]);
        }
        throw error;
      }
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE staff_session SET credentials_proved_at = $2 WHERE id = $1`, [
        staff.session.id,
        now,
      ]);
      if (step !== null) {
        await manager.getRepository(User).update({ id: user.id }, { mfaLastStep: String(step) });
      }
      await this.audit.record(
        actor,
        {
          action: 'auth.reauthenticated',
          subjectType: 'session',
          subjectId: staff.session.id,
          details: { with: step !== null ? 'totp' : 'password' },
        },
        manager,
      );
    });
    return new Date(now.getTime() + FRESH_CREDENTIALS_MS);
  }

  /** The time step of a valid, not yet used code, or null. */
  private acceptableStep(user: User, code: string, now: Date): number | null {
    if (!user.mfaSecretEncrypted) return null;
    const secret = this.cipher.decrypt(user.mfaSecretEncrypted, MFA_PURPOSE);
    const step = verifyTotp(secret, code, now.getTime());
    if (step === null) return null;
    if (user.mfaLastStep !== null && step <= Number(user.mfaLastStep)) return null;
    return step;
  }

  /** Counts a failure (atomically, across replicas), locks at the limit, audits, answers 401. */
  private async refuse(
    emailHash: string,
    user: User | null,
    actor: AuditActor,
    reason: 'password' | 'totp',
    now: Date,
  ): Promise<never> {
    const { maxFailures, lockoutMinutes } = this.config.auth;
    const windowStart = new Date(now.getTime() - lockoutMinutes * 60_000);
    const [row] = (await this.dataSource.query(
      `INSERT INTO login_throttle (email_hash, failures, last_failure_at, locked_until)
       VALUES ($1, 1, $2, CASE WHEN 1 >= $3 THEN $4::timestamptz END)
       ON CONFLICT (email_hash) DO UPDATE SET
         failures = CASE WHEN login_throttle.last_failure_at < $5 THEN 1 ELSE login_throttle.failures + 1 END,
         last_failure_at = $2,
         locked_until = CASE
           WHEN (CASE WHEN login_throttle.last_failure_at < $5 THEN 1 ELSE login_throttle.failures + 1 END) >= $3
           THEN $4::timestamptz ELSE NULL END
       RETURNING failures, locked_until`,
      [emailHash, now, maxFailures, new Date(now.getTime() + lockoutMinutes * 60_000), windowStart],
    )) as { failures: number; locked_until: Date | null }[];
    const attributed = { ...actor, userId: user?.id ?? null, role: user?.role ?? null };
    await this.audit.record(attributed, {
      action: 'auth.login.failed',
      subjectType: user ? 'user' : null,
      subjectId: user?.id ?? null,
      details: { reason: user ? reason : 'unknown-account', failures: row!.failures },
    });
    if (row!.locked_until) {
      await this.audit.record(attributed, {
        action: 'auth.login.locked-out',
        subjectType: user ? 'user' : null,
        subjectId: user?.id ?? null,
        details: { minutes: lockoutMinutes },
      });
      throw this.locked(row!.locked_until, now);
    }
    throw new ProblemException('unauthenticated', 'The email, password or code is not right.');
  }

  private locked(until: Date, now: Date): ProblemException {
    const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    return new ProblemException(
      'login-locked',
      'Sign-in for this address is paused after repeated failures.',
      { headers: { 'retry-after': String(seconds) } },
    );
  }

  private emailHash(email: string): string {
    return Buffer.from(this.cipher.derive(THROTTLE_PURPOSE, email).value, 'base64url').toString(
      'hex',
    );
  }
}
