import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Lead } from './lead.entity.js';

/** What a merge leaves on the lead that survives (bumps its version even when unchanged). */
export type SurvivorFields = Pick<
  Lead,
  | 'urgency'
  | 'respondBy'
  | 'tags'
  | 'lastSubmissionAt'
  | 'assignedClinicianId'
  | 'phone'
  | 'state'
  | 'source'
>;

/**
 * The writer of `lead` for staff changes, merges, erasure, retention and settings. Holds no
 * rules: callers decide what changes and pass their transaction's `manager`.
 */
@Injectable()
export class LeadRepository {
  /** Stores a lead a staff member changed (status, urgency, assignment, tags, review). */
  async saveTriage(manager: EntityManager, lead: Lead): Promise<Lead> {
    return manager.getRepository(Lead).save(lead);
  }

  /** The survivor takes `survivorFields`; the duplicate becomes a pointer to it. */
  async mergeInto(
    manager: EntityManager,
    duplicateId: string,
    survivorId: string,
    survivorFields: SurvivorFields,
  ): Promise<void> {
    const leads = manager.getRepository(Lead);
    await leads.update(survivorId, survivorFields);
    await leads.update(duplicateId, { mergedIntoLeadId: survivorId });
  }

  /** Empties the lead's personal data; ids, statuses and times stay. */
  async erase(
    manager: EntityManager,
    leadId: string,
    erasure: { emailNormalized: string; erasedAt: Date },
  ): Promise<void> {
    await manager.getRepository(Lead).update(leadId, {
      name: '',
      email: '',
      emailNormalized: erasure.emailNormalized,
      phone: null,
      state: null,
      source: null,
      tags: [],
      erasedAt: erasure.erasedAt,
    });
  }

  /**
   * New response deadlines for leads still in `new`. The version (ETag) is not bumped: the
   * deadline follows from the settings, and a staff member's If-Match must not fail for it.
   */
  async updateResponseDeadlines(
    manager: EntityManager,
    moved: readonly { id: string; respondBy: Date }[],
  ): Promise<void> {
    await manager.query(
      `UPDATE lead SET respond_by = moved.respond_by
         FROM unnest($1::uuid[], $2::timestamptz[]) AS moved(id, respond_by)
        WHERE lead.id = moved.id`,
      [moved.map((row) => row.id), moved.map((row) => row.respondBy.toISOString())],
    );
  }

  /** Deletes leads for good (the rows that reference them go by ON DELETE CASCADE). */
  async deleteExpired(manager: EntityManager, leadIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM lead WHERE id = ANY($1::uuid[])`, [leadIds]);
  }
}
