import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StaffContext } from '../auth/staff-context.js';
import { LeadAccess } from '../leads/lead-access.js';
import { Lead } from '../leads/lead.entity.js';
import { DESK_VIEWS, type DeskView } from '../vocabulary/desk-views.js';
import { DESK_VIEW_SQL } from './desk-views.sql.js';

/**
 * How many leads the staff member may see are in each view of the desk: one statement,
 * a FILTER per view, on the same conditions the list's `view=` applies.
 */
@Injectable()
export class LeadCountsQuery {
  constructor(private readonly access: LeadAccess) {}

  async counts(manager: EntityManager, staff: StaffContext): Promise<Record<DeskView, number>> {
    const builder = manager
      .createQueryBuilder(Lead, 'lead')
      .select([])
      .where('lead.merged_into_lead_id IS NULL')
      .andWhere('lead.erased_at IS NULL')
      .setParameters({ deskViewerUserId: staff.user.id });
    for (const view of DESK_VIEWS) {
      builder.addSelect(`(count(*) FILTER (WHERE ${DESK_VIEW_SQL[view]('lead')}))::int`, view);
    }
    this.access.restrict(builder, staff, 'lead');
    const row = (await builder.getRawOne()) as Record<DeskView, number>;
    return Object.fromEntries(DESK_VIEWS.map((view) => [view, row[view]])) as Record<
      DeskView,
      number
    >;
  }
}
