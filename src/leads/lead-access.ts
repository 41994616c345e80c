import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { StaffContext } from '../auth/staff-context.js';
import { ProblemException } from '../common/problem-details.js';
import { Lead } from './lead.entity.js';
import { isUuid } from '../common/uuid.js';

/**
 * Which leads a staff member may see (docs/api.md#roles): admins and coordinators every lead,
 * clinicians only the leads assigned to their clinician profile. A lead one may not see
 * answers 404 exactly like an unknown id, so its existence is not revealed.
 */
@Injectable()
export class LeadAccess {
  /** The lead, or 404. `lock` takes a row lock for a change in the caller's transaction. */
  async visibleLead(
    manager: EntityManager,
    staff: StaffContext,
    leadId: string,
    options: { lock?: boolean } = {},
  ): Promise<Lead> {
    if (!isUuid(leadId)) throw new ProblemException('not-found');
    const builder = manager
      .getRepository(Lead)
      .createQueryBuilder('lead')
      .where('lead.id = :leadId', { leadId });
    this.restrict(builder, staff, 'lead');
    if (options.lock) builder.setLock('pessimistic_write', undefined, ['lead']);
    const lead = await builder.getOne();
    if (!lead) throw new ProblemException('not-found');
    return lead;
  }

  /** Narrows a query over leads (aliased `alias`) to the ones `staff` may see. */
  restrict<T extends object>(
    builder: SelectQueryBuilder<T>,
    staff: StaffContext,
    alias: string,
  ): SelectQueryBuilder<T> {
    if (staff.user.role !== 'clinician') return builder;
    return builder.andWhere(
      `${alias}.assigned_clinician_id = (SELECT c.id FROM clinician c WHERE c.user_id = :viewerUserId)`,
      { viewerUserId: staff.user.id },
    );
  }
}
