import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { type AuditActor, AuditTrail } from '../../audit/audit.service.js';
import type { StaffContext } from '../../auth/staff-context.js';
import { DataCipher } from '../../common/encryption/data-cipher.js';
import { cursorFromQuery } from '../../common/newest-first.js';
import type { FormDefinition } from '../../intake/form-definition.js';
import { type CsvCell, csvLines } from '../export/csv.js';
import { type CursorKey, type LeadSort, encodeCursor } from '../../vocabulary/keyset-cursor.js';
import { LeadAccess } from '../lead-access.js';
import { leadLabels } from '../../vocabulary/lead-labels.js';
import {
  type LeadSignal,
  type ScreenedRespondent,
  leadSignals,
  signalMarks,
} from '../lead-signals.js';
import { type LeadSearch, leadSearch } from '../lead-search.js';
import { Lead } from '../lead.entity.js';
import { type LeadFilterDto, type LeadListQueryDto, filtersUsed } from './dto/lead-query.dto.js';
import {
  type LeadListRow,
  type LeadPageView,
  intakeStatusOf,
  toLeadSummary,
} from './lead-summary.view.js';
import {
  INTAKE_RESPONDENT,
  PARTNER_RESPONDENT,
  screenSealedRespondent,
} from './respondent-screening.js';

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

/** The newest intake's status of each lead of the page. */
const INTAKES_LATERAL = `
  LEFT JOIN LATERAL (
    SELECT (array_agg(i.status ORDER BY i.received_at DESC))[1] AS intake_status
      FROM intake i WHERE i.lead_id = page.id
  ) intakes ON true`;

/** A respondent of one of the page's leads, sealed: A from intake, B from partner_response. */
interface RespondentRow {
  lead_id: string;
  /** The intake's id for A, the partner response's for B: what the sealed values are bound to. */
  row_id: string;
  partner: 'A' | 'B';
  form_slug: string;
  form_version: number;
  name: string;
  email: string;
  phone: string | null;
  answers_encrypted: string | null;
  result_encrypted: string | null;
}

interface CrisisInquiryRow {
  lead_id: string;
  name: string;
  email: string;
  phone: string | null;
}

interface PageRow extends LeadListRow {
  intake_status?: string | null;
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
    const pageRows = rows.slice(0, limit);
    const signals = await this.signals(
      manager,
      pageRows.map((row) => row.id),
    );
    const items = pageRows.map((row) => {
      const marks = signalMarks(signals.get(row.id) ?? []);
      return toLeadSummary(
        row,
        intakeStatusOf(row.intake_status),
        leadLabels({ safetyConcern: marks.some((mark) => mark.kind === 'safety') }),
        marks,
      );
    });
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

  /**
   * Every crisis and safety signal of the given leads, named by partner: their inquiries'
   * crisis words and each respondent's answers, opened and screened like the lead page does.
   */
  private async signals(
    manager: EntityManager,
    leadIds: string[],
  ): Promise<Map<string, LeadSignal[]>> {
    const signals = new Map<string, LeadSignal[]>();
    if (leadIds.length === 0) return signals;
    const inquiries = (await manager.query(
      `SELECT lead_id, name, email, phone FROM inquiry
        WHERE lead_id = ANY($1::uuid[]) AND crisis_indicated ORDER BY received_at, id`,
      [leadIds],
    )) as CrisisInquiryRow[];
    const respondents = (await manager.query(
      `SELECT i.lead_id, i.id AS row_id, 'A' AS partner, i.form_slug, i.form_version, i.name, i.email, i.phone,
              i.answers_encrypted, i.result_encrypted, i.received_at, 0 AS rank
         FROM intake i WHERE i.lead_id = ANY($1::uuid[])
       UNION ALL
       SELECT i.lead_id, r.id, 'B', i.form_slug, i.form_version, r.name, r.email, r.phone,
              r.answers_encrypted, r.result_encrypted, i.received_at, 1
         FROM partner_response r JOIN intake i ON i.id = r.intake_id
        WHERE i.lead_id = ANY($1::uuid[])
        ORDER BY received_at, rank`,
      [leadIds],
    )) as RespondentRow[];
    const forms = await this.forms(manager, respondents);
    for (const leadId of leadIds) {
      const screened = respondents
        .filter((row) => row.lead_id === leadId)
        .map((row): ScreenedRespondent => {
          const screening = screenSealedRespondent(
            this.cipher,
            forms.get(`${row.form_slug}@${row.form_version}`)!,
            row.partner === 'A' ? INTAKE_RESPONDENT : PARTNER_RESPONDENT,
            row.row_id,
            row.answers_encrypted,
            row.result_encrypted,
          );
          return {
            partner: row.form_slug === 'couples' ? row.partner : null,
            contact: { name: row.name, email: row.email, phone: row.phone },
            crisisAnswer: screening.crisisAnswer,
            crisisText: screening.crisisText,
            safetyConcern: screening.safetyConcern,
          };
        });
      const crisisInquiries = inquiries
        .filter((row) => row.lead_id === leadId)
        .map((row) => ({
          contact: { name: row.name, email: row.email, phone: row.phone },
          crisisText: true,
        }));
      signals.set(leadId, leadSignals(crisisInquiries, screened));
    }
    return signals;
  }

  /** The form versions the respondents answered (screening reads free text by form). */
  private async forms(
    manager: EntityManager,
    respondents: RespondentRow[],
  ): Promise<Map<string, FormDefinition>> {
    const keys = [...new Set(respondents.map((row) => `${row.form_slug}@${row.form_version}`))];
    const forms = new Map<string, FormDefinition>();
    if (keys.length === 0) return forms;
    const rows = (await manager.query(
      `SELECT slug, version, definition FROM intake_form WHERE slug || '@' || version = ANY($1)`,
      [keys],
    )) as { slug: string; version: number; definition: FormDefinition }[];
    for (const row of rows) forms.set(`${row.slug}@${row.version}`, row.definition);
    return forms;
  }
}
