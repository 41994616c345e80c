import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import { ProblemException } from '../common/problem-details.js';
import { SERVICE_TYPES } from '../vocabulary/contact.js';
import { LEAD_STATUSES } from '../vocabulary/lead-status.js';
import { URGENCIES } from '../vocabulary/urgency.js';
import { overdueSql } from '../vocabulary/contact-attempts.js';
import type { StatsQueryDto } from './dto/stats-query.dto.js';
import type { StatsView } from './dto/stats.view.js';
import type { BreakdownQueryDto } from './dto/breakdown-query.dto.js';
import type { BreakdownView } from './dto/breakdown.view.js';
import {
  BREAKDOWN_KEY_SQL,
  type BreakdownRow,
  breakdownGroups,
  countsFor,
  SOURCE_KEY_SQL,
  roundedMinutes,
  shareOf,
  sourcesByCount,
  statsRange,
} from './stats-definitions.js';

const minutesOrNull = (minutes: number | string | null) =>
  roundedMinutes(minutes === null ? null : Number(minutes));

// The lead set of every figure: created in [$1, $2), not merged into another lead.
const LEAD_SET = `FROM lead
  WHERE created_at >= $1::timestamptz AND created_at < $2::timestamptz
    AND merged_into_lead_id IS NULL`;

interface Totals {
  total: number;
  median_minutes: number | null;
  median_attempt_minutes: number | null;
  median_connection_minutes: number | null;
  within_target: number;
  target_decided: number;
  converted: number;
  not_spam: number;
  overdue: number;
  booked: number;
  median_booking_hours: number | null;
}

// The totals' lead set, each lead with when its first live consultation was booked.
const LEADS_WITH_BOOKING = `FROM (SELECT lead.*,
          (SELECT min(c.created_at) FROM consultation c
            WHERE c.lead_id = lead.id AND c.cancelled_at IS NULL) AS booked_at
   ${LEAD_SET}) AS lead`;

type Dimension = 'status' | 'source' | 'service_type' | 'urgency';

/** GET /v1/admin/stats: aggregates in SQL, never a lead loaded row by row. */
@Injectable()
export class StatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async report(query: StatsQueryDto, actor: AuditActor): Promise<StatsView> {
    const now = new Date();
    const range = statsRange(now, query);
    if (Array.isArray(range)) throw ProblemException.validation(range);
    const params = [range.from.toISOString(), range.to.toISOString(), now.toISOString()];

    // One snapshot for both statements, so the breakdowns add up to the total.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [totals] = (await manager.query(
        `SELECT count(*)::int AS total,
                percentile_cont(0.5) WITHIN GROUP (
                  ORDER BY extract(epoch FROM first_contacted_at - created_at) / 60
                ) FILTER (WHERE first_contacted_at IS NOT NULL) AS median_minutes,
                percentile_cont(0.5) WITHIN GROUP (
                  ORDER BY extract(epoch FROM first_attempt_at - created_at) / 60
                ) FILTER (WHERE first_attempt_at IS NOT NULL) AS median_attempt_minutes,
                percentile_cont(0.5) WITHIN GROUP (
                  ORDER BY extract(epoch FROM first_connected_at - created_at) / 60
                ) FILTER (WHERE first_connected_at IS NOT NULL) AS median_connection_minutes,
                count(*) FILTER (
                  WHERE status <> 'spam' AND respond_by IS NOT NULL
                    AND first_attempt_at <= respond_by
                )::int AS within_target,
                count(*) FILTER (
                  WHERE status <> 'spam' AND respond_by IS NOT NULL
                    AND (first_attempt_at IS NOT NULL OR respond_by <= $3::timestamptz)
                )::int AS target_decided,
                count(*) FILTER (WHERE status = 'converted')::int AS converted,
                count(*) FILTER (WHERE status <> 'spam')::int AS not_spam,
                count(*) FILTER (WHERE ${overdueSql('lead', '$3::timestamptz')})::int AS overdue,
                count(*) FILTER (WHERE booked_at IS NOT NULL)::int AS booked,
                percentile_cont(0.5) WITHIN GROUP (
                  ORDER BY extract(epoch FROM booked_at - created_at) / 3600
                ) FILTER (WHERE booked_at IS NOT NULL) AS median_booking_hours
           ${LEADS_WITH_BOOKING}`,
        params,
      )) as [Totals];

      const groups = (await manager.query(
        `SELECT CASE WHEN GROUPING(status) = 0 THEN 'status'
                     WHEN GROUPING(source) = 0 THEN 'source'
                     WHEN GROUPING(service_type) = 0 THEN 'service_type'
                     ELSE 'urgency' END AS dimension,
                coalesce(status, source, service_type, urgency) AS key,
                count(*)::int AS count
           FROM (SELECT status, ${SOURCE_KEY_SQL} AS source, service_type, urgency
                   ${LEAD_SET}) AS leads
          GROUP BY GROUPING SETS ((status), (source), (service_type), (urgency))`,
        params.slice(0, 2),
      )) as { dimension: Dimension; key: string; count: number }[];
      const of = (dimension: Dimension) => groups.filter((row) => row.dimension === dimension);

      await this.audit.record(
        actor,
        {
          action: 'stats.viewed',
          details: { from: params[0], to: params[1], leads: totals.total },
        },
        manager,
      );
      return {
        from: params[0]!,
        to: params[1]!,
        total: totals.total,
        byStatus: countsFor(LEAD_STATUSES, of('status')),
        bySource: sourcesByCount(of('source')),
        byServiceType: countsFor(SERVICE_TYPES, of('service_type')),
        byUrgency: countsFor(URGENCIES, of('urgency')),
        medianTimeToFirstContactMinutes: roundedMinutes(
          totals.median_minutes === null ? null : Number(totals.median_minutes),
        ),
        medianMinutesToFirstAttempt: minutesOrNull(totals.median_attempt_minutes),
        medianMinutesToFirstConnection: minutesOrNull(totals.median_connection_minutes),
        contactedWithinTargetShare: shareOf(totals.within_target, totals.target_decided),
        conversionRate: shareOf(totals.converted, totals.not_spam),
        overdueNow: totals.overdue,
        consultationsBooked: totals.booked,
        // Rounded to one decimal, like the minutes of first contact.
        medianHoursToBookedConsultation: roundedMinutes(
          totals.median_booking_hours === null ? null : Number(totals.median_booking_hours),
        ),
      };
    });
  }

  /**
   * GET /v1/admin/stats/breakdown: who gets answered how fast, one group per key of `by`,
   * in one statement. Spam, erased and merged-away leads are not counted.
   */
  async breakdown(query: BreakdownQueryDto, actor: AuditActor): Promise<BreakdownView> {
    const range = statsRange(new Date(), query);
    if (Array.isArray(range)) throw ProblemException.validation(range);
    const from = range.from.toISOString();
    const to = range.to.toISOString();
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT ${BREAKDOWN_KEY_SQL[query.by]} AS key,
                count(*)::int AS leads,
                count(*) FILTER (WHERE lead.first_attempt_at IS NOT NULL)::int AS contacted,
                count(*) FILTER (
                  WHERE lead.respond_by IS NOT NULL AND lead.first_attempt_at <= lead.respond_by
                )::int AS contacted_within_target,
                percentile_cont(0.5) WITHIN GROUP (
                  ORDER BY extract(epoch FROM lead.first_attempt_at - lead.created_at) / 60
                ) FILTER (WHERE lead.first_attempt_at IS NOT NULL) AS median_minutes,
                count(*) FILTER (WHERE lead.status = 'converted')::int AS converted,
                count(*) FILTER (WHERE EXISTS (
                  SELECT 1 FROM consultation c WHERE c.lead_id = lead.id AND c.cancelled_at IS NULL
                ))::int AS booked
           FROM lead
          WHERE lead.created_at >= $1::timestamptz AND lead.created_at < $2::timestamptz
            AND lead.merged_into_lead_id IS NULL AND lead.erased_at IS NULL
            AND lead.status <> 'spam'
          GROUP BY 1`,
        [from, to],
      )) as BreakdownRow[];
      const groups = breakdownGroups(rows);
      await this.audit.record(
        actor,
        {
          action: 'stats.viewed',
          details: { by: query.by, from, to, leads: groups.reduce((n, g) => n + g.leads, 0) },
        },
        manager,
      );
      return { by: query.by, from, to, groups };
    });
  }
}
