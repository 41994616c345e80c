import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { moveLeadRows } from '../database/move-lead-rows.js';
import { BookingLink } from './booking-link.entity.js';

/** The only writer of `booking_link`. Runs in the caller's transaction (`manager`). */
@Injectable()
export class BookingLinkRepository {
  /** Merge: a duplicate lead's booking links now manage the survivor's bookings. */
  async moveToLead(manager: EntityManager, fromLeadId: string, toLeadId: string): Promise<number> {
    return moveLeadRows(manager, BookingLink, fromLeadId, toLeadId);
  }

  async add(
    manager: EntityManager,
    link: { id: string; leadId: string; tokenHash: string; tokenKeyId: string; expiresAt: Date },
  ): Promise<void> {
    await manager.getRepository(BookingLink).insert(link);
  }

  /** The link of a token (by its hash), locked for a booking in the caller's transaction. */
  async lockByTokenHash(manager: EntityManager, tokenHash: string): Promise<BookingLink | null> {
    return manager
      .getRepository(BookingLink)
      .findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Locks every link of a lead. Staff changes take these before the lead, in the order a
   * client's booking takes its link and then the lead, so the two never deadlock.
   */
  async lockOfLead(manager: EntityManager, leadId: string): Promise<void> {
    await manager.query(`SELECT id FROM booking_link WHERE lead_id = $1 ORDER BY id FOR UPDATE`, [
      leadId,
    ]);
  }

  async findByTokenHash(manager: EntityManager, tokenHash: string): Promise<BookingLink | null> {
    return manager.getRepository(BookingLink).findOneBy({ tokenHash });
  }

  /** The lead's newest link, if any. */
  async newestOfLead(manager: EntityManager, leadId: string): Promise<BookingLink | null> {
    return manager
      .getRepository(BookingLink)
      .findOne({ where: { leadId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /** The link now manages this consultation (or, with null, books again). */
  async setConsultation(
    manager: EntityManager,
    id: string,
    consultationId: string | null,
  ): Promise<void> {
    await manager.getRepository(BookingLink).update({ id }, { consultationId });
  }

  /** A cancelled consultation frees every link that managed it. */
  async releaseConsultation(manager: EntityManager, consultationId: string): Promise<void> {
    await manager.query(
      `UPDATE booking_link SET consultation_id = NULL WHERE consultation_id = $1`,
      [consultationId],
    );
  }
}
