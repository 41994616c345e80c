import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { hashToken } from '../common/tokens.js';
import { RecoveryCode } from './recovery-code.entity.js';
import { RecoveryCodeRepository } from './recovery-code.repository.js';
import { newRecoveryCode, normalizeRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes.js';

/**
 * The only writer of `staff_recovery_code`. A code is stored as SHA-256 of the account id
 * and the code: ~79 random bits each, so a copy of the table gives nobody a code, and the
 * hash does not depend on DATA_ENCRYPTION_KEY (a key rotation keeps them working).
 */
@Injectable()
export class RecoveryCodes {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly codes: RecoveryCodeRepository,
  ) {}

  /** Replaces every code of the account with RECOVERY_CODE_COUNT new ones; returns them. */
  async replace(manager: EntityManager, userId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.clear(manager, userId);
    await this.codes.add(
      manager,
      codes.map((code) => ({ id: randomUUID(), userId, codeHash: this.hash(userId, code) })),
    );
    return codes;
  }

  /** Spends a code: true once per code, even for two sign-ins at the same moment. */
  async spend(manager: EntityManager, userId: string, typed: string, now: Date): Promise<boolean> {
    const code = normalizeRecoveryCode(typed);
    if (!code) return false;
    return this.codes.markUsed(manager, userId, this.hash(userId, code), now);
  }

  async clear(manager: EntityManager, userId: string): Promise<void> {
    await this.codes.deleteAllOf(manager, userId);
  }

  remaining(userId: string): Promise<number> {
    return this.dataSource.getRepository(RecoveryCode).countBy({ userId, usedAt: IsNull() });
  }

  private hash(userId: string, code: string): string {
    return hashToken(`${userId}:${code}`);
  }
}
