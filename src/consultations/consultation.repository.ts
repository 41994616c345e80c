import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { moveLeadRows } from '../database/move-lead-rows.js';
import { type BookedVia, Consultation } from './consultation.entity.js';

export interface NewConsultation {
  id: string;
  leadId: string;
  clinicianId: string;
  startsAt: Date;
  endsAt: Date;
  bookedVia: BookedVia;
  bookedByUserId: string | null;
}

/** The only writer of `consultation`. Runs in the caller's transaction (`manager`). */
@Injectable()
export class ConsultationRepository {
  /**
   * Books it. An overlap with a live consultation of the same clinician fails with
   * 23P01 (exclusion_violation): the caller's transaction is then over.
   */
  /** Merge: a duplicate lead's consultations go with it to the survivor. */
  async moveToLead(manager: EntityManager, fromLeadId: string, toLeadId: string): Promise<number> {
    return moveLeadRows(manager, Consultation, fromLeadId, toLeadId);
  }

  async add(manager: EntityManager, consultation: NewConsultation): Promise<void> {
    await manager.query(
      `INSERT INTO consultation (id, lead_id, clinician_id, starts_at, ends_at, booked_via,
                                 booked_by_user_id, sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 0)`,
      [
        consultation.id,
        consultation.leadId,
        consultation.clinicianId,
        consultation.startsAt,
        consultation.endsAt,
        consultation.bookedVia,
        consultation.bookedByUserId,
      ],
    );
  }

  /** Cancels it and raises its invite's SEQUENCE; answers the new sequence. */
  async cancel(manager: EntityManager, id: string, via: BookedVia): Promise<number> {
    const rows = (await manager.query(
      `UPDATE consultation SET cancelled_at = now(), cancelled_via = $2, sequence = sequence + 1
        WHERE id = $1 AND cancelled_at IS NULL
       RETURNING sequence`,
      [id, via],
    )) as [{ sequence: number }[], number];
    return rows[0][0]?.sequence ?? 0;
  }

  /** The consultation, locked for a change in the caller's transaction. */
  async lock(manager: EntityManager, id: string): Promise<Consultation | null> {
    return manager
      .getRepository(Consultation)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Live consultations of these clinicians that end after `from`: their busy time. */
  async busy(
    manager: EntityManager,
    clinicianIds: readonly string[],
    from: Date,
  ): Promise<{ clinicianId: string; start: Date; end: Date }[]> {
    if (clinicianIds.length === 0) return [];
    const rows = (await manager.query(
      `SELECT clinician_id, starts_at, ends_at FROM consultation
        WHERE clinician_id = ANY($1::uuid[]) AND cancelled_at IS NULL AND ends_at > $2`,
      [clinicianIds, from],
    )) as { clinician_id: string; starts_at: Date; ends_at: Date }[];
    return rows.map((row) => ({
      clinicianId: row.clinician_id,
      start: row.starts_at,
      end: row.ends_at,
    }));
  }
}
