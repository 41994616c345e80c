import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PartnerResponse } from './partner-response.entity.js';

export type NewPartnerResponse = Omit<
  PartnerResponse,
  'invitation' | 'intake' | 'lead' | 'createdAt'
>;

/** The only writer of the `partner_response` table. */
@Injectable()
export class PartnerResponseRepository {
  async insert(manager: EntityManager, row: NewPartnerResponse): Promise<void> {
    await manager.getRepository(PartnerResponse).insert(row);
  }

  /** Erasure: empties what the partners of a lead's intakes answered; answers how many. */
  async eraseOfLead(manager: EntityManager, leadId: string): Promise<number> {
    // Responses follow their intake, found (by index) through the lead's intakes. Raw SQL:
    // the query builder would rewrite `intake` (a relation's name) in the subquery.
    const [, affected] = (await manager.query(
      `UPDATE partner_response
          SET name = '', email = '', phone = NULL, state = NULL, pronouns = NULL,
              date_of_birth_encrypted = NULL, answers_encrypted = NULL, result_encrypted = NULL
        WHERE intake_id IN (SELECT id FROM intake WHERE lead_id = $1)`,
      [leadId],
    )) as [unknown[], number];
    return affected;
  }

  /**
   * Merge: the responses to the intakes still on one lead move to another. Call it before
   * the intakes move (IntakeRepository.moveToLead). Answers how many.
   */
  async moveToLead(manager: EntityManager, fromLeadId: string, toLeadId: string): Promise<number> {
    // Raw SQL: the query builder would rewrite `intake` (a relation's name) in the subquery.
    const [, affected] = (await manager.query(
      `UPDATE partner_response SET lead_id = $2
        WHERE intake_id IN (SELECT id FROM intake WHERE lead_id = $1)`,
      [fromLeadId, toLeadId],
    )) as [unknown[], number];
    return affected;
  }
}
