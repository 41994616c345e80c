import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { User } from './user.entity.js';

/** The columns a change to an account may set. */
export type StaffUserChange = Partial<
  Pick<
    User,
    | 'name'
    | 'role'
    | 'active'
    | 'passwordHash'
    | 'passwordChangedAt'
    | 'lastLoginAt'
    | 'mfaSecretEncrypted'
    | 'mfaEnabledAt'
    | 'mfaLastStep'
  >
>;

export type NewStaffUserRow = Pick<
  User,
  'id' | 'email' | 'name' | 'role' | 'active' | 'passwordHash' | 'passwordChangedAt'
>;

/** The only writer of `staff_user`. Runs in the caller's transaction (`manager`). */
@Injectable()
export class StaffUserRepository {
  async add(manager: EntityManager, user: NewStaffUserRow): Promise<void> {
    await manager.getRepository(User).insert(user);
  }

  async change(manager: EntityManager, id: string, change: StaffUserChange): Promise<void> {
    await manager.getRepository(User).update({ id }, change);
  }

  /** Records a TOTP step as used unless it (or a later one) was; false when it was. */
  async spendMfaStep(manager: EntityManager, id: string, step: number): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(User)
      .set({ mfaLastStep: String(step) })
      .where('id = :userId AND (mfa_last_step IS NULL OR mfa_last_step < :step)', {
        userId: id,
        step,
      })
      .execute();
    return result.affected === 1;
  }
}
