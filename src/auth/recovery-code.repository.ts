import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull } from 'typeorm';
import { RecoveryCode } from './recovery-code.entity.js';

/** The only writer of `recovery_code` (hashes only). */
@Injectable()
export class RecoveryCodeRepository {
  async add(
    manager: EntityManager,
    codes: readonly Pick<RecoveryCode, 'id' | 'userId' | 'codeHash'>[],
  ): Promise<void> {
    await manager
      .getRepository(RecoveryCode)
      .insert(codes.map((code) => ({ ...code, usedAt: null })));
  }

  /** Marks an unused code used; false when there is none with that hash. */
  async markUsed(
    manager: EntityManager,
    userId: string,
    codeHash: string,
    now: Date,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(RecoveryCode)
      .update({ userId, codeHash, usedAt: IsNull() }, { usedAt: now });
    return (result.affected ?? 0) === 1;
  }

  async deleteAllOf(manager: EntityManager, userId: string): Promise<void> {
    await manager.getRepository(RecoveryCode).delete({ userId });
  }
}
