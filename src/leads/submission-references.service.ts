import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newReferenceCode } from './reference-code.js';
import type { SubmissionKind } from './submission-reference.entity.js';

@Injectable()
export class SubmissionReferences {
  /**
   * Hands out a reference code no submission has had. A clash (one in ~10^11 per
   * existing code) is retried without aborting the caller's transaction.
   */
  async allocate(
    manager: EntityManager,
    leadId: string,
    kind: SubmissionKind,
    submissionId: string,
  ): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const reference = newReferenceCode();
      const inserted: unknown[] = await manager.query(
        `INSERT INTO submission_reference (reference, lead_id, kind, submission_id, created_at)
         VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (reference) DO NOTHING RETURNING reference`,
        [reference, leadId, kind, submissionId],
      );
      if (inserted.length > 0) return reference;
    }
    throw new Error('could not allocate a unique reference code');
  }
}
