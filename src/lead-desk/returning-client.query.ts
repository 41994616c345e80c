import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StaffContext } from '../auth/staff-context.js';
import { queryPrepared } from '../database/prepared-statements.js';
import { LeadAccess } from '../leads/lead-access.js';
import { Lead } from '../leads/lead.entity.js';

/**
 * The list's side of a possible returning client (docs/api.md#possible-returning-client):
 * the same match as the lead page's likely duplicates by email or phone, for a page of
 * leads at once. SQL only; each lookup is an index scan (email, phone) per lead of the page.
 */
@Injectable()
export class ReturningClientQuery {
  constructor(private readonly access: LeadAccess) {}

  /** Of `leadIds`, those with another live, non-spam lead `staff` may see of the same email or phone. */
  async matched(
    manager: EntityManager,
    staff: StaffContext,
    leadIds: string[],
  ): Promise<Set<string>> {
    if (leadIds.length === 0) return new Set();
    const other = manager
      .createQueryBuilder(Lead, 'other')
      .select('1')
      .where('other.id <> lead.id')
      .andWhere('other.merged_into_lead_id IS NULL')
      .andWhere('other.erased_at IS NULL')
      .andWhere(`other.status <> 'spam'`)
      .andWhere('(other.email_normalized = lead.email_normalized OR other.phone = lead.phone)');
    this.access.restrict(other, staff, 'other');
    // One text per kind of staff member, whatever the page's size: prepared.
    const [sql, parameters] = manager
      .createQueryBuilder(Lead, 'lead')
      .select('lead.id', 'id')
      .where('lead.id = ANY(CAST(:leadIds AS uuid[]))', { leadIds })
      .andWhere(`EXISTS (${other.getQuery()})`)
      .setParameters(other.getParameters())
      .getQueryAndParameters();
    const rows = await queryPrepared<{ id: string }>(manager, sql, parameters);
    return new Set(rows.map((row) => row.id));
  }
}
