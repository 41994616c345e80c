import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull, Not } from 'typeorm';
import { deleteInBatches } from '../database/batched-delete.js';
import { StaffSession } from './staff-session.entity.js';

/** Which live sessions to end: one, all of a user, or all of a user but one. */
export type LiveSessions = { id: string; userId?: string } | { userId: string; exceptId?: string };

/** The only writer of `staff_session`. Runs in the caller's transaction (`manager`). */
@Injectable()
export class StaffSessionRepository {
  async add(manager: EntityManager, session: StaffSession): Promise<void> {
    await manager.getRepository(StaffSession).insert(session);
  }

  async touch(manager: EntityManager, id: string, now: Date): Promise<void> {
    await manager
      .getRepository(StaffSession)
      .update({ id, endedAt: IsNull() }, { lastSeenAt: now });
  }

  /** Ends the live sessions `which` picks; answers how many ended. */
  async end(manager: EntityManager, which: LiveSessions, at = new Date()): Promise<number> {
    const where =
      'id' in which
        ? { id: which.id, ...(which.userId ? { userId: which.userId } : {}), endedAt: IsNull() }
        : {
            userId: which.userId,
            endedAt: IsNull(),
            ...(which.exceptId ? { id: Not(which.exceptId) } : {}),
          };
    const result = await manager.getRepository(StaffSession).update(where, { endedAt: at });
    return result.affected ?? 0;
  }

  async recordCredentialsProved(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE staff_session SET credentials_proved_at = $2 WHERE id = $1`, [
      id,
      at,
    ]);
  }

  /** Sessions that expired or ended before `cutoff`. */
  async deleteEndedBefore(manager: EntityManager, cutoff: Date): Promise<number> {
    return deleteInBatches(
      manager,
      StaffSession,
      'id',
      `expires_at < :cutoff OR ended_at < :cutoff`,
      { cutoff },
    );
  }
}
