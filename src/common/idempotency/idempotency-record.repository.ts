import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { deleteInBatches } from '../../database/batched-delete.js';
import { IdempotencyRecord } from './idempotency-record.entity.js';

/** Deletes of `idempotency_record`: the stored answers to submissions sent with a key. */
@Injectable()
export class IdempotencyRecordRepository {
  /** The replayable answers to these submissions (inquiry or intake ids). */
  async deleteForSubmissions(manager: EntityManager, submissionIds: string[]): Promise<number> {
    if (submissionIds.length === 0) return 0;
    const result = await manager
      .createQueryBuilder()
      .delete()
      .from(IdempotencyRecord)
      .where(`(response_body ->> 'id') IN (:...submissionIds)`, { submissionIds })
      .execute();
    return result.affected ?? 0;
  }

  /** The replayable answers to every submission of these leads. */
  async deleteOfLeads(manager: EntityManager, leadIds: string[]): Promise<void> {
    await manager.query(
      `DELETE FROM idempotency_record WHERE (response_body ->> 'id') IN (
         SELECT id::text FROM inquiry WHERE lead_id = ANY($1::uuid[])
         UNION ALL SELECT id::text FROM intake WHERE lead_id = ANY($1::uuid[]))`,
      [leadIds],
    );
  }

  async deleteCreatedBefore(manager: EntityManager, cutoff: Date): Promise<number> {
    return deleteInBatches(manager, IdempotencyRecord, 'scope, key', `created_at < :cutoff`, {
      cutoff,
    });
  }
}
