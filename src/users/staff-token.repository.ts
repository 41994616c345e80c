import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull, MoreThan } from 'typeorm';
import { StaffToken, type StaffTokenPurpose } from './staff-token.entity.js';

/** The only writer of `staff_token` (invitation and password-reset links). */
@Injectable()
export class StaffTokenRepository {
  async add(manager: EntityManager, token: StaffToken): Promise<void> {
    await manager.getRepository(StaffToken).insert(token);
  }

  /** Marks a live link used; false when it was used or expired (or another spent it first). */
  async markUsed(manager: EntityManager, tokenId: string, now: Date): Promise<boolean> {
    const result = await manager
      .getRepository(StaffToken)
      .update({ id: tokenId, usedAt: IsNull(), expiresAt: MoreThan(now) }, { usedAt: now });
    return result.affected === 1;
  }

  /** Ends a user's unused links, of one purpose or all. */
  async expireUnused(
    manager: EntityManager,
    userId: string,
    now: Date,
    purpose?: StaffTokenPurpose,
  ): Promise<void> {
    await manager.query(
      `UPDATE staff_token SET expires_at = $2
       WHERE user_id = $1 AND used_at IS NULL AND expires_at > $2
         AND ($3::varchar IS NULL OR purpose = $3)`,
      [userId, now, purpose ?? null],
    );
  }
}
