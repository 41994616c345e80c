import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { type AuditActor, AuditTrail } from '../../audit/audit.service.js';
import type { StaffContext } from '../../auth/staff-context.js';
import { DataCipher } from '../../common/encryption/data-cipher.js';
import { SEALED_COLUMNS } from '../../common/encryption/encrypted-columns.js';
import { cursorFromQuery } from '../../common/newest-first.js';
import type { CoupleResult, RespondentResult } from '../../survey/scoring.js';
import { type CsvCell, csvLines } from '../export/csv.js';
import { type CursorKey, type LeadSort, encodeCursor } from '../keyset-cursor.js';
import { LeadAccess } from '../lead-access.js';
import { leadLabels } from '../lead-labels.js';
import { type LeadSearch, leadSearch } from '../lead-search.js';
import { Lead } from '../lead.entity.js';
import { type LeadFilterDto, type LeadListQueryDto, filtersUsed } from './dto/lead-query.dto.js';
import {
  type LeadListRow,
  type LeadPageView,
  intakeStatusOf,
  toLeadSummary,
} from './lead-summary.view.js';

const DEFAULT_SORT: LeadSort = '-createdAt';
const DEFAULT_LIMIT = 25;
/** Rows per query of an export: enough to amortise a round trip, few enough to stream. */
const EXPORT_BATCH = 500;

/**
 * crisis 2, high 1, routine 0 (urgencyRank). Written exactly as the expression index
 * IDX_lead_urgency_rank_created (migration LeadTriageSearch), so sort=urgency uses it.
 */
const URGENCY_RANK = `(CASE lead.urgency WHEN 'crisis' THEN 2 WHEN 'high' THEN 1 ELSE 0 END)`;

/** The same sort, inside the page query (alias lead) and around it (alias page). */
const ORDER: Record<LeadSort, { inner: string; outer: string; after: string }> = {
  '-createdAt': {
    inner: 'lead.created_at DESC, lead.id DESC',
    outer: 'page.created_at DESC, page.id DESC',
    after:
      '(lead.created_at, lead.id) < (CAST(:afterCreated AS timestamptz), CAST(:afterId AS uuid))',
  },
  createdAt: {
    inner: 'lead.created_at ASC, lead.id ASC',
    outer: 'page.created_at ASC, page.id ASC',
    after:
      '(lead.created_at, lead.id) > (CAST(:afterCreated AS timestamptz), CAST(:afterId AS uuid))',
  },
  urgency: {
    inner: `${URGENCY_RANK} DESC, lead.created_at DESC, lead.id DESC`,
    outer: 'page.urgency_rank DESC, page.created_at DESC, page.id DESC',
    after: `(${URGENCY_RANK}, lead.created_at, lead.id) < (CAST(:afterRank AS integer), CAST(:afterCreated AS timestamptz), CAST(:afterId AS uuid))`,
  },
};

const COLUMNS: [expression: string, alias: string][] = [
  ['lead.id', 'id'],
  ['lead.status', 'status'],
  ['lead.urgency', 'urgency'],
  ['lead.service_type', 'service_type'],
  ['lead.name', 'name'],
  ['lead.email', 'email'],
  ['lead.phone', 'phone'],
  ['lead.state', 'state'],
  ['lead.source', 'source'],
  ['lead.tags', 'tags'],
  ['lead.created_at', 'created_at'],
  // Text, not a Date: a Date keeps milliseconds and the cursor needs the microseconds.
  [`to_char(lead.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'created_key'],
  [URGENCY_RANK, 'urgency_rank'],
  ['lead.respond_by', 'respond_by'],
  ['lead.first_contacted_at', 'first_contacted_at'],
  [`(lead.status = 'new' AND COALESCE(lead.respond_by < now(), false))`, 'overdue'],
  ['lead.assigned_clinician_id', 'assigned_clinician_id'],
  ['lead.needs_review', 'needs_review'],
  ['lead.review_reason', 'review_reason'],
];

/** The page's intakes: the newest one's status, and the sealed results that hold safety. */
const INTAKES_LATERAL = `
  LEFT JOIN LATERAL (
    SELECT (array_agg(i.status ORDER BY i.received_at DESC))[1] AS intake_status,
           jsonb_agg(jsonb_build_object('id', i.id, 'sealed', i.couple_result_encrypted))
             FILTER (WHERE i.couple_result_encrypted IS NOT NULL) AS couple_sealed,
           jsonb_agg(jsonb_build_object('id', i.id, 'sealed', i.result_encrypted))
             FILTER (WHERE i.couple_result_encrypted IS NULL AND i.result_encrypted IS NOT NULL) AS respondent_sealed
      FROM intake i WHERE i.lead_id = page.id
  ) intakes ON true`;

interface SealedOfIntake {
  id: string;
  sealed: string;
}

interface PageRow extends LeadListRow {
  intake_status?: string | null;
  couple_sealed?: SealedOfIntake[] | null;
  respondent_sealed?: SealedOfIntake[] | null;
}

/** Which assignment the filter asks for; `nobody` when it can match no lead at all. */
type Assignee =
  { kind: 'any' } | { kind: 'none' } | { kind: 'clinician'; id: string } | { kind: 'nobody' };

/** Whose view, which leads, in what order: what every page of a listing shares. */
interface Listing {
  staff: StaffContext;
  filters: LeadFilterDto;
  assignee: Assignee;
  sort: LeadSort;
}

/** One page of a listing: up to `limit` leads after the key `after`. */
interface PageWindow {
  limit: number;
  after?: CursorKey;
  /** The intakes' status and sealed results, for the summary (the export has no use for them). */
  withIntakes: boolean;
}

/**
 * A name search first looks among this many newest leads (after the cursor,
 * in the sort's order, with every other filter): a common name fills a page there at
 * index speed, where matching the whole table would visit every lead of that name
 * (BENCHMARKS.md, bench:admin). Only when the window holds too few does the search run
 * over every lead.
 */
export const SEARCH_WINDOW = 5000;

export const EXPORT_COLUMNS = [
  'reference',
  'created_at',
  'status',
  'urgency',
  'service_type',
  'name',
  'email',
  'phone',
  'state',
  'source',
  'assigned_clinician',
  'tags',
  'first_contacted_at',
  'overdue',
] as const;

function csvRecord(row: LeadListRow): CsvCell[] {
  return [
    row.reference,
    row.created_at,
    row.status,
    row.urgency,
    row.service_type,
    row.name,
    row.email,
    row.phone,
    row.state,
    row.source,
    row.clinician_name,
    row.tags.join('; '),
    row.first_contacted_at,
    row.overdue,
  ];
}

/** The name/email/phone condition of a text search on `alias` (parameters: the search). */
function textMatch(search: Extract<LeadSearch, { kind: 'text' }>, alias: string): string {
  const columns = [
    search.namePattern !== null && `${alias}.name ILIKE :namePattern`,
    search.nameWords !== null &&
      `to_tsvector('simple', ${alias}.name) @@ to_tsquery('simple', :nameWords)`,
    search.emailPattern !== null && `${alias}.email_normalized LIKE :emailPattern`,
    search.phonePattern !== null && `${alias}.phone LIKE :phonePattern`,
  ].filter(Boolean);
  // A text with both a space and an @ can match nothing.
  return columns.length > 0 ? `(${columns.join(' OR ')})` : 'false';
}

function keyOf(row: LeadListRow, sort: LeadSort): CursorKey {
  return {
    sort,
    createdAt: row.created_key,
    id: row.id,
    ...(sort === 'urgency' ? { urgencyRank: row.urgency_rank } : {}),
  };
}

/**
 * The lead list and the CSV export: the same filters, sorts and keyset, one query per
 * page (the page's leads, their clinician, first reference and intakes by index joins).
 * Merged and erased leads are never listed; clinicians see only their assigned leads.
 */
@Injectable()
export class LeadListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LeadAccess,
    private readonly audit: AuditTrail,
    private readonly cipher: DataCipher,
  ) {}

  async list(
    staff: StaffContext,
    actor: AuditActor,
    query: LeadListQueryDto,
  ): Promise<LeadPageView> {
    const sort = query.sort ?? DEFAULT_SORT;
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = query.cursor === undefined ? undefined : cursorFromQuery(query.cursor, sort);
    const manager = this.dataSource.manager;
    const assignee = await this.assignee(manager, staff, query.assignedTo);
    const rows =
      assignee.kind === 'nobody'
        ? []
        : await this.page(
            manager,
            { staff, filters: query, assignee, sort },
            { limit: limit + 1, after, withIntakes: true },
          );
    const items = rows
      .slice(0, limit)
      .map((row) =>
        toLeadSummary(
          row,
          intakeStatusOf(row.intake_status),
          leadLabels({ safetyConcern: this.safetyConcern(row) }),
        ),
      );
    const nextCursor = rows.length > limit ? encodeCursor(keyOf(rows[limit - 1]!, sort)) : null;
    await this.audit.record(actor, {
      action: 'lead.listed',
      details: { filters: filtersUsed(query), sort, count: items.length },
    });
    return { items, nextCursor };
  }

  /**
   * The CSV file of every lead the filters match, streamed in keyset batches from one
   * read-only REPEATABLE READ snapshot. The audit event (`lead.exported`, with the row
   * count of that snapshot) is committed before the first byte leaves.
   */
  async export(staff: StaffContext, actor: AuditActor, filters: LeadFilterDto): Promise<Readable> {
    const sort = filters.sort ?? DEFAULT_SORT;
    const runner = this.dataSource.createQueryRunner();
    let closing: Promise<void> | undefined;
    const close = () => (closing ??= this.close(runner));
    await runner.connect();
    let assignee: Assignee;
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      assignee = await this.assignee(runner.manager, staff, filters.assignedTo);
      const count =
        assignee.kind === 'nobody'
          ? 0
          : await this.count(runner.manager, { staff, filters, assignee, sort });
      await this.audit.record(actor, {
        action: 'lead.exported',
        details: { filters: filtersUsed(filters), sort, count },
      });
    } catch (error) {
      await close();
      throw error;
    }
    const stream = Readable.from(
      csvLines(EXPORT_COLUMNS, this.exportRows(runner, close, { staff, filters, assignee, sort })),
    );
    // A stream destroyed before its first read (a client gone at once, a HEAD request)
    // never starts the generator, whose `finally` then never runs: its end closes too.
    stream.once('close', () => void close().catch(() => undefined));
    return stream;
  }

  private async *exportRows(
    runner: QueryRunner,
    close: () => Promise<void>,
    listing: Listing,
  ): AsyncGenerator<CsvCell[]> {
    try {
      if (listing.assignee.kind === 'nobody') return;
      let after: CursorKey | undefined;
      for (;;) {
        const rows = await this.page(runner.manager, listing, {
          limit: EXPORT_BATCH,
          after,
          withIntakes: false,
        });
        for (const row of rows) yield csvRecord(row);
        if (rows.length < EXPORT_BATCH) return;
        after = keyOf(rows.at(-1)!, listing.sort);
      }
    } finally {
      // Also when the client goes away mid-file: the stream ends the generator.
      await close();
    }
  }

  /** Ends the export's snapshot and frees its connection; call it once (see export). */
  private async close(runner: QueryRunner): Promise<void> {
    if (runner.isReleased) return;
    try {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
  }

  /** `me` is the caller's clinician profile; without one, no lead can match. */
  private async assignee(
    manager: EntityManager,
    staff: StaffContext,
    assignedTo: string | undefined,
  ): Promise<Assignee> {
    if (assignedTo === undefined) return { kind: 'any' };
    if (assignedTo.toLowerCase() === 'none') return { kind: 'none' };
    if (assignedTo.toLowerCase() !== 'me')
      return { kind: 'clinician', id: assignedTo.toLowerCase() };
    const [own] = (await manager.query(`SELECT id FROM clinician WHERE user_id = $1`, [
      staff.user.id,
    ])) as { id: string }[];
    return own ? { kind: 'clinician', id: own.id } : { kind: 'nobody' };
  }

  /** Leads the staff member may see that match the filters (select list left to the caller). */
  private filtered(
    manager: EntityManager,
    { staff, filters, assignee }: Listing,
    { search = true }: { search?: boolean } = {},
  ) {
    const builder = manager
      .createQueryBuilder(Lead, 'lead')
      .where('lead.merged_into_lead_id IS NULL')
      .andWhere('lead.erased_at IS NULL');
    this.access.restrict(builder, staff, 'lead');
    if (filters.status)
      builder.andWhere('lead.status IN (:...statuses)', { statuses: filters.status });
    if (filters.urgency) {
      builder.andWhere('lead.urgency IN (:...urgencies)', { urgencies: filters.urgency });
    }
    if (filters.serviceType) {
      builder.andWhere('lead.service_type IN (:...serviceTypes)', {
        serviceTypes: filters.serviceType,
      });
    }
    if (assignee.kind === 'none') builder.andWhere('lead.assigned_clinician_id IS NULL');
    if (assignee.kind === 'clinician') {
      builder.andWhere('lead.assigned_clinician_id = CAST(:assignee AS uuid)', {
        assignee: assignee.id,
      });
    }
    if (filters.tag) builder.andWhere('lead.tags @> CAST(:tags AS text[])', { tags: filters.tag });
    if (search && filters.q !== undefined) {
      const search = leadSearch(filters.q);
      if (search.kind === 'reference') {
        builder.andWhere(
          'lead.id IN (SELECT sr.lead_id FROM submission_reference sr WHERE sr.reference = :reference)',
          { reference: search.reference },
        );
      } else {
        builder.andWhere(textMatch(search, 'lead'), search);
      }
    }
    if (filters.createdFrom) {
      builder.andWhere('lead.created_at >= CAST(:createdFrom AS timestamptz)', {
        createdFrom: filters.createdFrom,
      });
    }
    if (filters.createdTo) {
      builder.andWhere('lead.created_at < CAST(:createdTo AS timestamptz)', {
        createdTo: filters.createdTo,
      });
    }
    if (filters.needsReview !== undefined) {
      builder.andWhere('lead.needs_review = :needsReview', { needsReview: filters.needsReview });
    }
    if (filters.overdue === true) {
      builder.andWhere(`lead.status = 'new' AND lead.respond_by < now()`);
    } else if (filters.overdue === false) {
      builder.andWhere(
        `(lead.status <> 'new' OR lead.respond_by IS NULL OR lead.respond_by >= now())`,
      );
    }
    return builder;
  }

  private async count(manager: EntityManager, listing: Listing): Promise<number> {
    const [sql, parameters] = this.filtered(manager, listing)
      .select('lead.id', 'id')
      .getQueryAndParameters();
    const [{ n }] = (await manager.query(
      `SELECT count(*)::int AS n FROM (${sql}) matched`,
      parameters,
    )) as [{ n: number }];
    return n;
  }

  /**
   * Up to `limit` leads after the `after` key, in `sort` order, each with its clinician's
   * name and first reference, and with `withIntakes` the intake status and sealed results.
   */
  private async page(
    manager: EntityManager,
    listing: Listing,
    window: PageWindow,
  ): Promise<PageRow[]> {
    const search = listing.filters.q === undefined ? undefined : leadSearch(listing.filters.q);
    // Only a name is worth it: many leads share one, while an address or a phone number
    // is rare enough for its own index to be faster than any window.
    const byName =
      search?.kind === 'text' && search.namePattern !== null && search.phonePattern === null;
    if (window.limit <= SEARCH_WINDOW / 40 && byName) {
      // Matches among the newest leads (in sort order) are the first matches of all, so a
      // window that yields a full page answers exactly what the whole table would.
      const rows = await this.pageOf(manager, listing, window, true);
      if (rows.length >= window.limit) return rows;
    }
    return this.pageOf(manager, listing, window, false);
  }

  private async pageOf(
    manager: EntityManager,
    listing: Listing,
    { limit, after, withIntakes }: PageWindow,
    windowed: boolean,
  ): Promise<PageRow[]> {
    const { sort } = listing;
    const search = listing.filters.q === undefined ? undefined : leadSearch(listing.filters.q);
    const builder = this.filtered(manager, listing, { search: !windowed });
    if (windowed && search?.kind === 'text') {
      // The newest leads with every other filter and the same cursor, then the search on
      // those rows only: no index over the whole table is asked for the name. The
      // window's named parameters are the outer query's own.
      const recent = this.filtered(manager, listing, { search: false })
        .select('lead.id', 'id')
        .addSelect('lead.name', 'name')
        .addSelect('lead.email_normalized', 'email_normalized')
        .addSelect('lead.phone', 'phone');
      if (after) recent.andWhere(ORDER[sort].after);
      builder.andWhere(
        `lead.id IN (SELECT recent.id FROM (${recent.getQuery()} ORDER BY ${ORDER[sort].inner} LIMIT ${SEARCH_WINDOW}) recent WHERE ${textMatch(search, 'recent')})`,
        search,
      );
    }
    const [[firstExpression, firstAlias], ...rest] = COLUMNS;
    builder.select(firstExpression, firstAlias);
    for (const [expression, alias] of rest) builder.addSelect(expression, alias);
    if (after) {
      builder.andWhere(ORDER[sort].after, {
        afterCreated: after.createdAt,
        afterId: after.id,
        afterRank: after.urgencyRank ?? null,
      });
    }
    const [sql, parameters] = builder.getQueryAndParameters();
    return (await manager.query(
      `SELECT page.*, c.name AS clinician_name, first_ref.reference
              ${withIntakes ? ', intakes.*' : ''}
         FROM (${sql} ORDER BY ${ORDER[sort].inner} LIMIT ${Number(limit)}) page
         LEFT JOIN clinician c ON c.id = page.assigned_clinician_id
         LEFT JOIN LATERAL (
           SELECT sr.reference FROM submission_reference sr
            WHERE sr.lead_id = page.id ORDER BY sr.created_at, sr.reference LIMIT 1
         ) first_ref ON true
         ${withIntakes ? INTAKES_LATERAL : ''}
        ORDER BY ${ORDER[sort].outer}`,
      parameters,
    )) as PageRow[];
  }

  /** Any intake of the lead with a safety concern: the couple's result, else partner A's. */
  private safetyConcern(row: PageRow): boolean {
    const couples = (row.couple_sealed ?? []).map(({ id, sealed }) =>
      this.cipher.decryptJson<CoupleResult>(sealed, SEALED_COLUMNS.intakeCoupleResult, id),
    );
    const respondents = (row.respondent_sealed ?? []).map(({ id, sealed }) =>
      this.cipher.decryptJson<RespondentResult>(sealed, SEALED_COLUMNS.intakeResult, id),
    );
    return [...couples, ...respondents].some((result) => result.safetyConcern);
  }
}
