import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { SEALED_COLUMNS } from '../vocabulary/sealed-columns.js';
import { ProblemException } from '../common/problem-details.js';
import { isUuid } from '../common/uuid.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { normalizeEmail } from '../vocabulary/contact.js';
import { User } from '../users/user.entity.js';
import { FRESH_CREDENTIALS_MS } from './fresh-credentials.js';
import { verifyPassword } from '../users/passwords.js';
import { RecoveryCodes } from './recovery-codes.service.js';
import { StaffUserRepository } from '../users/staff-user.repository.js';
import { StaffSessions } from './sessions.service.js';
import {
  type CountedAttempt,
  SignInSlowed,
  SignInThrottle,
  slowedProblem,
} from './sign-in-throttle.service.js';
import type { StaffContext } from './staff-context.js';
import { generateTotpSecret, otpauthUri, verifyTotp } from './totp.js';

export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: User;
  mfaSatisfied: boolean;
}

/** Sign-in, sign-out, TOTP enrolment and recovery codes. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: StaffSessions,
    private readonly cipher: DataCipher,
    private readonly audit: AuditTrail,
    private readonly throttle: SignInThrottle,
    private readonly recoveryCodes: RecoveryCodes,
    private readonly users: StaffUserRepository,
  ) {}

  async login(
    credentials: { email: string; password: string; totp?: string; recoveryCode?: string },
    actor: AuditActor,
    userAgent: string | null = null,
  ): Promise<SignedIn> {
    if (credentials.totp && credentials.recoveryCode) {
      throw ProblemException.validation([
        { field: 'recoveryCode', message: 'send either totp or recoveryCode, not both' },
      ]);
    }
    const email = normalizeEmail(credentials.email);
    const now = new Date();

    // Counted before the password is checked: parallel guesses cannot outrun the count.
    const attempt = await this.countOrSlow(email, actor, now);

    const user = await this.dataSource.getRepository(User).findOne({ where: { email } });
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, credentials.password);
    if (!user || !user.active || !passwordOk) {
      return this.refuse(attempt, user, actor, 'password');
    }

    let mfaStep: number | null = null;
    if (user.mfaEnabledAt) {
      if (credentials.recoveryCode === undefined) {
        if (!credentials.totp) {
          throw new ProblemException(
            'mfa-required',
            'Send the code from your authenticator app, or a recovery code.',
          );
        }
        mfaStep = this.validStep(user, credentials.totp, now);
        if (mfaStep === null) return this.refuse(attempt, user, actor, 'totp');
      }
    }
    const mfaSatisfied = user.mfaEnabledAt !== null || this.config.auth.mfaRequired !== 'all';

    const signedIn = await this.dataSource.transaction(async (manager) => {
      if (user.mfaEnabledAt) {
        // The second factor is spent by a conditional write: of two sign-ins with one code
        // (or one recovery code) at the same moment, exactly one gets in.
        const spent =
          mfaStep !== null
            ? await this.spendStep(manager, user.id, mfaStep)
            : await this.recoveryCodes.spend(manager, user.id, credentials.recoveryCode!, now);
        if (!spent) return null;
      }
      await this.throttle.succeeded(attempt, manager);
      await this.users.change(manager, user.id, { lastLoginAt: now });
      const { token, session } = await this.sessions.start(manager, user, {
        ip: actor.ip,
        userAgent,
        mfaSatisfied,
      });
      const via = !user.mfaEnabledAt ? null : mfaStep !== null ? 'totp' : 'recovery-code';
      await this.audit.record(
        { ...actor, userId: user.id, role: user.role },
        {
          action: 'auth.login',
          subjectType: 'session',
          subjectId: session.id,
          details: { mfa: via !== null, ...(via === 'recovery-code' ? { via } : {}) },
        },
        manager,
      );
      return { token, expiresAt: session.expiresAt, user, mfaSatisfied };
    });
    if (!signedIn) {
      return this.refuse(attempt, user, actor, mfaStep !== null ? 'totp' : 'recovery-code');
    }
    return signedIn;
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

  /** Ends one of the caller's own live sessions (404 for anyone else's, or an ended one). */
  async endOwnSession(staff: StaffContext, sessionId: string, actor: AuditActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (
        !isUuid(sessionId) ||
        !(await this.sessions.endOneOf(staff.user.id, sessionId, manager))
      ) {
        throw new ProblemException('not-found', 'No live session of yours has this id.');
      }
      await this.audit.record(
        actor,
        {
          action: 'auth.session.ended',
          subjectType: 'session',
          subjectId: sessionId,
          details: { current: sessionId === staff.session.id },
        },
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
      await this.users.change(manager, staff.user.id, {
        mfaSecretEncrypted: this.cipher.encrypt(
          secret,
          SEALED_COLUMNS.staffMfaSecret,
          staff.user.id,
        ),
      });
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

  /**
   * Confirms enrolment with a first code; from then on every sign-in needs one. The
   * session is replaced by a new one (a token known before the second factor is dead
   * after it), every other session of the account ends, and the recovery codes are made:
   * shown this once.
   */
  async verifyMfa(
    staff: StaffContext,
    code: string,
    actor: AuditActor,
  ): Promise<{ token: string; expiresAt: Date; recoveryCodes: string[] }> {
    const now = new Date();
    const outcome = await this.dataSource.transaction(async (manager) => {
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
      const step = this.validStep(user, code, now);
      if (step === null) return null;
      await this.users.change(manager, user.id, { mfaEnabledAt: now, mfaLastStep: String(step) });
      const recoveryCodes = await this.recoveryCodes.replace(manager, user.id);
      await this.sessions.endAllFor(user.id, manager);
      const { token, session } = await this.sessions.start(manager, user, {
        ip: staff.session.ip,
        userAgent: staff.session.userAgent,
        mfaSatisfied: true,
        now,
      });
      await this.audit.record(
        actor,
        {
          action: 'auth.mfa.enabled',
          subjectType: 'user',
          subjectId: user.id,
          details: { sessionId: session.id, replacedSessionId: staff.session.id },
        },
        manager,
      );
      return { token, expiresAt: session.expiresAt, recoveryCodes };
    });
    if (!outcome) return this.wrongAuthenticatorCode(staff, actor);
    return outcome;
  }

  /**
   * New recovery codes for an enrolled account, the old ones dead. Needs a current code of
   * the authenticator app: a stolen session alone cannot mint a way back in.
   */
  async regenerateRecoveryCodes(
    staff: StaffContext,
    code: string,
    actor: AuditActor,
  ): Promise<string[]> {
    const now = new Date();
    // A code guessed here is a code guessed at sign-in: counted the same way.
    const attempt = await this.countOrSlow(staff.user.email, actor, now);
    const codes = await this.dataSource.transaction(async (manager) => {
      const user = await manager
        .getRepository(User)
        .findOneOrFail({ where: { id: staff.user.id }, lock: { mode: 'pessimistic_write' } });
      if (!user.mfaEnabledAt) {
        throw new ProblemException('conflict', 'Set up two-factor sign-in first.');
      }
      const step = this.validStep(user, code, now);
      if (step === null || !(await this.spendStep(manager, user.id, step))) return null;
      const fresh = await this.recoveryCodes.replace(manager, user.id);
      await this.throttle.succeeded(attempt, manager);
      await this.audit.record(
        actor,
        { action: 'auth.mfa.recovery-codes-replaced', subjectType: 'user', subjectId: user.id },
        manager,
      );
      return fresh;
    });
    if (!codes) return this.wrongAuthenticatorCode(staff, actor);
    return codes;
  }

  recoveryCodesRemaining(userId: string): Promise<number> {
    return this.recoveryCodes.remaining(userId);
  }

  /** Counts an attempt for (email, client), or audits and answers 429 inside its wait. */
  private async countOrSlow(email: string, actor: AuditActor, now: Date): Promise<CountedAttempt> {
    try {
      return await this.throttle.count(email, actor.ip, now);
    } catch (error) {
      if (!(error instanceof SignInSlowed)) throw error;
      await this.audit.record(actor, {
        action: 'auth.login.slowed',
        details: { retryAfterSeconds: error.retryAfterSeconds },
      });
      throw slowedProblem(error);
    }
  }

  /**
   * The signed-in member proves the password or a current code again, and the session is
   * stamped fresh for the actions that need it (fresh-credentials.ts). Counted like a
   * sign-in before anything is checked; a wrong proof counts as a failed sign-in.
   */
  async reauthenticate(
    staff: StaffContext,
    proof: { password?: string; totp?: string },
    actor: AuditActor,
  ): Promise<Date> {
    const now = new Date();
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: staff.user.id });
    const attempt = await this.countOrSlow(user.email, actor, now);
    const passwordOk =
      proof.password === undefined || (await verifyPassword(user.passwordHash, proof.password));
    const step = proof.totp === undefined ? null : this.validStep(user, proof.totp, now);
    const wrong = !passwordOk
      ? 'password'
      : proof.totp !== undefined && step === null
        ? 'totp'
        : null;
    const proved =
      wrong === null &&
      (await this.dataSource.transaction(async (manager) => {
        // A code is spent by a conditional write, as at sign-in: one code, one proof.
        if (step !== null && !(await this.spendStep(manager, user.id, step))) return false;
        await this.throttle.succeeded(attempt, manager);
        await this.sessions.recordCredentialsProved(manager, staff.session.id, now);
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
        return true;
      }));
    if (!proved) {
      const field = wrong ?? 'totp';
      try {
        await this.refuse(attempt, user, actor, field);
      } catch (error) {
        // Signed in already: a wrong proof is a field to correct, not a signed-out 401.
        if (error instanceof ProblemException && error.code === 'unauthenticated') {
          throw ProblemException.validation([{ field, message: 'is not right' }]);
        }
        throw error;
      }
    }
    return new Date(now.getTime() + FRESH_CREDENTIALS_MS);
  }

  /** The time step of a valid code not older than the last one accepted, or null. */
  private validStep(user: User, code: string, now: Date): number | null {
    if (!user.mfaSecretEncrypted) return null;
    const secret = this.cipher.decrypt(
      user.mfaSecretEncrypted,
      SEALED_COLUMNS.staffMfaSecret,
      user.id,
    );
    const step = verifyTotp(secret, code, now.getTime());
    if (step === null) return null;
    if (user.mfaLastStep !== null && step <= Number(user.mfaLastStep)) return null;
    return step;
  }

  /** Audits a wrong code sent by a signed-in member (enrolment, new recovery codes): 422. */
  private async wrongAuthenticatorCode(staff: StaffContext, actor: AuditActor): Promise<never> {
    await this.audit.record(actor, {
      action: 'auth.mfa.verify-failed',
      subjectType: 'user',
      subjectId: staff.user.id,
    });
    throw ProblemException.validation([
      { field: 'code', message: 'is not the current code of the authenticator app' },
    ]);
  }

  /** Records `step` as used unless it (or a later one) was: a code is accepted once. */
  private async spendStep(manager: EntityManager, userId: string, step: number): Promise<boolean> {
    return this.users.spendMfaStep(manager, userId, step);
  }

  /** Audits a failed attempt (it stays counted) and answers 401. */
  private async refuse(
    attempt: CountedAttempt,
    user: User | null,
    actor: AuditActor,
    reason: 'password' | 'totp' | 'recovery-code',
  ): Promise<never> {
    await this.audit.record(
      { ...actor, userId: user?.id ?? null, role: user?.role ?? null },
      {
        action: 'auth.login.failed',
        subjectType: user ? 'user' : null,
        subjectId: user?.id ?? null,
        details: { reason: user ? reason : 'unknown-account', failures: attempt.failures },
      },
    );
    throw new ProblemException('unauthenticated', 'The email, password or code is not right.');
  }
}
