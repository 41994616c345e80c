import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { moveLeadRows } from '../database/move-lead-rows.js';
import { PaperworkRequest } from './paperwork-request.entity.js';

export type NewPaperworkRequest = Omit<PaperworkRequest, 'lead' | 'requestedBy' | 'createdAt'>;

/** The only writer of `paperwork_request`. Runs in the caller's transaction. */
@Injectable()
export class PaperworkRequestRepository {
  async insert(manager: EntityManager, request: NewPaperworkRequest): Promise<void> {
    await manager.getRepository(PaperworkRequest).insert(request);
  }

  /**
   * Spends a link: of two uses racing, exactly one gets the request back; an expired or
   * used link gets null.
   */
  async spend(manager: EntityManager, tokenHash: string, at: Date): Promise<string | null> {
    const [rows] = (await manager.query(
      `UPDATE paperwork_request SET used_at = $2
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
        RETURNING id`,
      [tokenHash, at],
    )) as [{ id: string }[], number];
    return rows[0]?.id ?? null;
  }

  async moveToLead(manager: EntityManager, fromLeadId: string, toLeadId: string): Promise<number> {
    return moveLeadRows(manager, PaperworkRequest, fromLeadId, toLeadId);
  }

  /** Closes a lead's open links (erasure): nothing more may be signed for it. */
  async closeOfLead(manager: EntityManager, leadId: string, at: Date): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(PaperworkRequest)
      .set({ usedAt: at })
      .where('lead_id = :leadId AND used_at IS NULL', { leadId })
      .execute();
    return result.affected ?? 0;
  }
}
