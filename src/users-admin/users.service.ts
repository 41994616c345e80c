import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, Not } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import { RecoveryCodes } from '../auth/recovery-codes.service.js';
import { StaffSessions } from '../auth/sessions.service.js';
import { StaffTokens } from '../auth/staff-tokens.service.js';
import { ProblemException } from '../common/problem-details.js';
import { addStaffUser } from '../users/staff-accounts.js';
import type { UserRole } from '../vocabulary/user-role.js';
import { StaffUserRepository } from '../users/staff-user.repository.js';
import { User } from '../users/user.entity.js';
import { isUuid } from '../common/uuid.js';

/**
 * Every change of a role or of the active flag takes this transaction lock first, so two
 * admins demoting each other at once cannot both pass the last-admin check.
 */
const ADMIN_SET_LOCK = 'staff_user.admins';

export interface UserChanges {
  name?: string;
  role?: UserRole;
  active?: boolean;
}

/** Staff accounts as admins manage them (docs/api.md#roles). */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: StaffTokens,
    private readonly sessions: StaffSessions,
    private readonly audit: AuditTrail,
    private readonly recoveryCodes: RecoveryCodes,
    private readonly staffUsers: StaffUserRepository,
  ) {}

  list(filter: { role?: UserRole; active?: boolean }): Promise<User[]> {
    return this.dataSource.getRepository(User).find({
      where: {
        ...(filter.role !== undefined ? { role: filter.role } : {}),
        ...(filter.active !== undefined ? { active: filter.active } : {}),
      },
      order: { name: 'ASC', id: 'ASC' },
    });
  }

  get(id: string): Promise<User> {
    return this.find(this.dataSource.manager, id);
  }

  /** Adds the account without a password and emails the invitation (72 h) to set one. */
  create(input: { email: string; name: string; role: UserRole }, actor: AuditActor): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const user = await addStaffUser(manager, { ...input, passwordHash: null });
      const invitation = await this.tokens.issue(manager, user, 'invitation');
      await this.audit.record(
        actor,
        {
          action: 'user.created',
          subjectType: 'user',
          subjectId: user.id,
          details: { role: user.role, via: 'admin', invitationId: invitation.id },
        },
        manager,
      );
      return user;
    });
  }

  /**
   * Changes name, role or active state. A new role or a deactivation ends every session
   * of the user (their access changed); the last active admin cannot lose that.
   */
  update(id: string, changes: UserChanges, actor: AuditActor): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      if (changes.role !== undefined || changes.active !== undefined) {
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [ADMIN_SET_LOCK]);
      }
      const user = await this.find(manager, id, { lock: true });
      const before = { role: user.role, active: user.active };
      const changed = (['name', 'role', 'active'] as const).filter(
        (field) => changes[field] !== undefined && changes[field] !== user[field],
      );
      if (changed.length === 0) return user;

      const after = { role: changes.role ?? before.role, active: changes.active ?? before.active };
      const losesAdmin =
        before.role === 'admin' && before.active && (after.role !== 'admin' || !after.active);
      if (losesAdmin && (await this.otherActiveAdmins(manager, user.id)) === 0) {
        throw new ProblemException(
          'conflict',
          'This is the last active admin: make another user an admin first.',
        );
      }
      await this.staffUsers.change(manager, user.id, {
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(changes.active !== undefined ? { active: changes.active } : {}),
      });
      const deactivated = before.active && !after.active;
      const sessionsEnded = deactivated || changed.includes('role');
      if (sessionsEnded) await this.sessions.endAllFor(user.id, manager);
      await this.audit.record(
        actor,
        {
          action: deactivated ? 'user.deactivated' : 'user.updated',
          subjectType: 'user',
          subjectId: user.id,
          details: {
            changed,
            ...(changed.includes('role') ? { role: { from: before.role, to: after.role } } : {}),
            sessionsEnded,
          },
        },
        manager,
      );
      return manager.getRepository(User).findOneByOrFail({ id: user.id });
    });
  }

  /** A new invitation for an account that has no password yet; older links stop working. */
  resendInvitation(id: string, actor: AuditActor): Promise<{ expiresAt: Date }> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.find(manager, id, { lock: true });
      if (user.passwordHash !== null) {
        throw new ProblemException(
          'conflict',
          'This user has set a password already; they can reset it with POST /v1/auth/password-reset.',
        );
      }
      if (!user.active) {
        throw new ProblemException('conflict', 'The account is deactivated; reactivate it first.');
      }
      const invitation = await this.tokens.issue(manager, user, 'invitation');
      await this.audit.record(
        actor,
        {
          action: 'user.invitation_resent',
          subjectType: 'user',
          subjectId: user.id,
          details: { invitationId: invitation.id },
        },
        manager,
      );
      return { expiresAt: invitation.expiresAt };
    });
  }

  /** Whether anyone can administer the service yet (the start banner's next step). */
  async hasActiveAdmin(): Promise<boolean> {
    return (
      (await this.dataSource
        .getRepository(User)
        .count({ where: { role: 'admin', active: true } })) > 0
    );
  }

  /**
   * For a member who lost their authenticator and their recovery codes: clears the TOTP
   * secret and the recovery codes and ends every session, so the next sign-in (password
   * only) enrols again (with MFA_REQUIRED=all it must, before anything else).
   */
  async resetMfa(id: string, actor: AuditActor): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.find(manager, id, { lock: true });
      const wasEnabled = user.mfaEnabledAt !== null;
      await this.staffUsers.change(manager, id, {
        mfaSecretEncrypted: null,
        mfaEnabledAt: null,
        mfaLastStep: null,
      });
      await this.recoveryCodes.clear(manager, id);
      const sessionsEnded = await this.sessions.endAllFor(id, manager);
      await this.audit.record(
        actor,
        {
          action: 'user.mfa_reset',
          subjectType: 'user',
          subjectId: id,
          details: { wasEnabled, sessionsEnded },
        },
        manager,
      );
      return this.find(manager, id);
    });
  }

  private async find(
    manager: EntityManager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<User> {
    const user = isUuid(id)
      ? await manager.getRepository(User).findOne({
          where: { id },
          ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
        })
      : null;
    if (!user) throw new ProblemException('not-found', 'No staff account has this id.');
    return user;
  }

  private otherActiveAdmins(manager: EntityManager, userId: string): Promise<number> {
    return manager
      .getRepository(User)
      .count({ where: { role: 'admin', active: true, id: Not(userId) } });
  }
}
