import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Intake } from './intake.entity.js';
import { PartnerInvitation } from './partner-invitation.entity.js';

/** An intake row as stored; its sealed columns sealed for this row by the caller. */
export type NewIntake = Omit<Intake, 'lead' | 'createdAt' | 'updatedAt'>;
export type NewPartnerInvitation = Omit<PartnerInvitation, 'intake' | 'lead' | 'createdAt'>;

/** The only writer of the `intake` and `partner_invitation` tables on the submission path. */
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
}
