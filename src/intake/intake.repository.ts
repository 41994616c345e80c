import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Intake } from './intake.entity.js';
import { PartnerInvitation } from './partner-invitation.entity.js';
import { moveLeadRows } from '../database/move-lead-rows.js';

/** An intake row as stored; its sealed columns sealed for this row by the caller. */
export type NewIntake = Omit<Intake, 'lead' | 'createdAt' | 'updatedAt'>;
export type NewPartnerInvitation = Omit<PartnerInvitation, 'intake' | 'lead' | 'createdAt'>;

/** The only writer of the `intake` and `partner_invitation` tables. */
@Injectable()
export class IntakeRepository {
  async insert(manager: EntityManager, row: NewIntake): Promise<void> {
    await manager.getRepository(Intake).insert(row);
  }

  async insertInvitation(manager: EntityManager, row: NewPartnerInvitation): Promise<void> {
    await manager.getRepository(PartnerInvitation).insert(row);
  }

  /** Spends a partner link: of two responses racing with one link exactly one gets its id. */
  async spendInvitation(manager: EntityManager, tokenHash: string): Promise<string | undefined> {
    const spent = (await manager.query(
      `UPDATE partner_invitation SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING id`,
      [tokenHash],
    )) as [{ id: string }[], number];
    return spent[0][0]?.id;
  }

  /** The intake, locked until the transaction ends (its couple result is written next). */
  async lockForCompletion(manager: EntityManager, id: string): Promise<Intake> {
    return manager
      .getRepository(Intake)
      .findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async complete(
    manager: EntityManager,
    id: string,
    completion: { completedAt: Date; coupleResultEncrypted: string },
  ): Promise<void> {
    await manager.getRepository(Intake).update({ id }, { status: 'complete', ...completion });
  }

  /** Erasure: empties the personal data of a lead's intakes; answers how many. */
  async eraseOfLead(manager: EntityManager, leadId: string): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(Intake)
      .set({
        name: '',
        email: '',
        phone: null,
        state: null,
        pronouns: null,
        dateOfBirthEncrypted: null,
        answersEncrypted: null,
        resultEncrypted: null,
        coupleResultEncrypted: null,
      })
      .where('lead_id = :leadId', { leadId })
      .execute();
    return result.affected ?? 0;
  }

  /** Merge: the intakes of one lead move to another; answers how many. */
  async moveToLead(manager: EntityManager, fromLeadId: string, toLeadId: string): Promise<number> {
    return moveLeadRows(manager, Intake, fromLeadId, toLeadId);
  }

  /**
   * Erasure: empties the partner's name and address on the invitations of a lead's intakes,
   * and closes any still open: an open link would let the partner add new answers to the
   * erased lead. Answers how many.
   */
  async eraseInvitationsOfLead(manager: EntityManager, leadId: string): Promise<number> {
    // Invitations follow their intake, found (by index) through the lead's intakes. Raw
    // SQL: the query builder would rewrite `intake` (a relation's name) in the subquery.
    const [, affected] = (await manager.query(
      `UPDATE partner_invitation
          SET partner_name = '', partner_email = '', expires_at = LEAST(expires_at, now())
        WHERE intake_id IN (SELECT id FROM intake WHERE lead_id = $1)`,
      [leadId],
    )) as [unknown[], number];
    return affected;
  }

  /**
   * Merge: the invitations of the intakes still on one lead move to another. Call it
   * before `moveToLead`, while those intakes still name the lead. Answers how many.
   */
  async moveInvitationsToLead(
    manager: EntityManager,
    fromLeadId: string,
    toLeadId: string,
  ): Promise<number> {
    // Raw SQL: the query builder would rewrite `intake` (a relation's name) in the subquery.
    const [, affected] = (await manager.query(
      `UPDATE partner_invitation SET lead_id = $2
        WHERE intake_id IN (SELECT id FROM intake WHERE lead_id = $1)`,
      [fromLeadId, toLeadId],
    )) as [unknown[], number];
    return affected;
  }
}
