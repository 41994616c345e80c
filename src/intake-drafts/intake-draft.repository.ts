import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { deleteInBatches } from '../database/batched-delete.js';
import { IntakeDraft } from './intake-draft.entity.js';

/** The only writer of `intake_draft`. Runs in the caller's transaction (`manager`). */
@Injectable()
export class IntakeDraftRepository {
  async insert(manager: EntityManager, row: Omit<IntakeDraft, 'createdAt'>): Promise<void> {
    await manager.getRepository(IntakeDraft).insert(row);
  }

  async findById(manager: EntityManager, id: string): Promise<IntakeDraft | null> {
    return manager.getRepository(IntakeDraft).findOneBy({ id });
  }

  async findByTokenHash(manager: EntityManager, tokenHash: string): Promise<IntakeDraft | null> {
    return manager.getRepository(IntakeDraft).findOneBy({ tokenHash });
  }

  /** Deletes the draft a link token names; how many went (0 or 1). */
  async deleteByTokenHash(manager: EntityManager, tokenHash: string): Promise<number> {
    const { affected } = await manager.getRepository(IntakeDraft).delete({ tokenHash });
    return affected ?? 0;
  }

  async deleteExpiredBefore(manager: EntityManager, now: Date): Promise<number> {
    return deleteInBatches(manager, IntakeDraft, 'id', `expires_at <= :now`, { now });
  }
}
