import type { Language } from '../vocabulary/languages.js';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StaffContext } from '../auth/staff-context.js';
import { queryPrepared } from '../database/prepared-statements.js';
import type { FormDefinition } from '../intake/form-definition.js';
import type { PreferredContact, ServiceType } from '../vocabulary/contact.js';
import type { CursorKey, LeadSort } from '../vocabulary/keyset-cursor.js';
import { LeadAccess } from '../leads/lead-access.js';
import type { ReviewReason } from '../leads/lead-review.js';
import { type LeadSearch, leadSearch } from './lead-search.js';
import { partnerMatch } from './partner-search.js';
import type { LeadStatus } from '../vocabulary/lead-status.js';
import { Lead } from '../leads/lead.entity.js';
import type { Urgency } from '../vocabulary/urgency.js';
import type { LeadFilterDto } from './dto/lead-query.dto.js';
import { overdueSql } from '../vocabulary/contact-attempts.js';
import { DESK_VIEW_SQL, dueAtSql } from './desk-views.sql.js';

/** A lead row as the list query selects it. */
export interface LeadListRow {
  id: string;
  status: LeadStatus;
  urgency: Urgency;
  service_type: ServiceType;
  name: string;
  email: string;
  phone: string | null;
  preferred_contact: PreferredContact;
  state: string | null;
  source: string | null;
  language: Language;
  tags: string[];
  created_at: Date;
  /** created_at as PostgreSQL wrote it, microseconds kept, for the cursor. */
  created_key: string;
  urgency_rank: number;
  respond_by: Date | null;
  first_contacted_at: Date | null;
  first_attempt_at: Date | null;
  last_attempt_at: Date | null;
  first_connected_at: Date | null;
  attempt_count: number;
  /** The due time of sort=dueAt as text, microseconds kept, for the cursor. */
  due_key: string;
  overdue: boolean;
  assigned_clinician_id: string | null;
  clinician_name: string | null;
  reference: string | null;
  needs_review: boolean;
  review_reason: ReviewReason | null;
}

export interface LeadPageRow extends LeadListRow {
  /** The newest intake's status; selected only for the list, not the export. */
  intake_status?: string | null;
}

/** A respondent of one of the page's leads, sealed: A from intake, B from partner_response. */
export interface RespondentRow {
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

/** The newest inquiry of a lead of the page, its message sealed (or, from before sealing, plain). */
export interface NewestInquiryRow {
  lead_id: string;
  id: string;
  message: string | null;
  message_encrypted: string | null;
}

export interface CrisisInquiryRow {
  lead_id: string;
  name: string;
  email: string;
  phone: string | null;
}

/** Which assignment the filter asks for; `nobody` when it can match no lead at all. */
export type Assignee =
  { kind: 'any' } | { kind: 'none' } | { kind: 'clinician'; id: string } | { kind: 'nobody' };

/** Whose view, which leads, in what order: what every page of a listing shares. */
export interface Listing {
  staff: StaffContext;
  filters: LeadFilterDto;
  assignee: Assignee;
  sort: LeadSort;
}

/** One page of a listing: up to `limit` leads after the key `after`. */
export interface PageWindow {
  limit: number;
  after?: CursorKey;
  /** The intakes' status, for the summary (the export has no use for it). */
  withIntakes: boolean;
}

/** The named parameters of a sort's `after` condition. */
function afterParameters(after: CursorKey) {
  return {
    afterCreated: after.createdAt,
    afterId: after.id,
    afterRank: after.urgencyRank ?? null,
    afterDue: after.dueAt ?? null,
  };
}

/**
 * crisis 2, high 1, routine 0 (urgencyRank). Written exactly as the expression index
 * IDX_lead_urgency_rank_created (migration LeadTriageSearch), so sort=urgency uses it.
 */
const URGENCY_RANK = `(CASE lead.urgency WHEN 'crisis' THEN 2 WHEN 'high' THEN 1 ELSE 0 END)`;

/** When the lead is due (sort=dueAt): its response target while the clock runs. */
const DUE_AT = dueAtSql('lead');

/** A sort's keys on the alias `lead`, most significant first. */
const SORT_KEYS: Record<LeadSort, [expression: string, direction: 'ASC' | 'DESC'][]> = {
  '-createdAt': [
    ['lead.created_at', 'DESC'],
    ['lead.id', 'DESC'],
  ],
  createdAt: [
    ['lead.created_at', 'ASC'],
    ['lead.id', 'ASC'],
  ],
  urgency: [
    [URGENCY_RANK, 'DESC'],
    ['lead.created_at', 'DESC'],
    ['lead.id', 'DESC'],
  ],
  // Soonest due first (overdue leads are due earliest), crisis first among equal times,
  // then oldest first; 2 - rank keeps every part of the key ascending for one row compare.
  dueAt: [
    [DUE_AT, 'ASC'],
    [`(2 - ${URGENCY_RANK})`, 'ASC'],
    ['lead.created_at', 'ASC'],
    ['lead.id', 'ASC'],
  ],
};

const orderBy = (keys: [string, string][]) =>
  keys.map(([expression, direction]) => `${expression} ${direction}`).join(', ');

/** The same sort, inside the page query (alias lead) and around it (alias page). */
const ORDER: Record<LeadSort, { inner: string; outer: string; after: string }> = {
  '-createdAt': {
    inner: orderBy(SORT_KEYS['-createdAt']),
    outer: 'page.created_at DESC, page.id DESC',
    after:
      '(lead.created_at, lead.id) < (CAST(:afterCreated AS timestamptz), CAST(:afterId AS uuid))',
  },
  createdAt: {
    inner: orderBy(SORT_KEYS.createdAt),
    outer: 'page.created_at ASC, page.id ASC',
    after:
      '(lead.created_at, lead.id) > (CAST(:afterCreated AS timestamptz), CAST(:afterId AS uuid))',
  },
  urgency: {
    inner: orderBy(SORT_KEYS.urgency),
    outer: 'page.urgency_rank DESC, page.created_at DESC, page.id DESC',
    after: `(${URGENCY_RANK}, lead.created_at, lead.id) < (CAST(:afterRank AS integer), CAST(:afterCreated AS timestamptz), CAST(:afterId AS uuid))`,
  },
  dueAt: {
    inner: orderBy(SORT_KEYS.dueAt),
    outer: 'page.due_at ASC, page.urgency_rank DESC, page.created_at ASC, page.id ASC',
    after: `(${DUE_AT}, 2 - ${URGENCY_RANK}, lead.created_at, lead.id) > (CAST(:afterDue AS timestamptz), 2 - CAST(:afterRank AS integer), CAST(:afterCreated AS timestamptz), CAST(:afterId AS uuid))`,
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
  ['lead.preferred_contact', 'preferred_contact'],
  ['lead.state', 'state'],
  ['lead.attributed_source', 'source'],
  ['lead.language', 'language'],
  ['lead.tags', 'tags'],
  ['lead.created_at', 'created_at'],
  // Text, not a Date: a Date keeps milliseconds and the cursor needs the microseconds.
  [`to_char(lead.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'created_key'],
  [URGENCY_RANK, 'urgency_rank'],
  ['lead.respond_by', 'respond_by'],
  ['lead.first_contacted_at', 'first_contacted_at'],
  ['lead.first_attempt_at', 'first_attempt_at'],
  ['lead.last_attempt_at', 'last_attempt_at'],
  ['lead.first_connected_at', 'first_connected_at'],
  ['lead.attempt_count', 'attempt_count'],
  [DUE_AT, 'due_at'],
  [`to_char(${DUE_AT} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'due_key'],
  [overdueSql('lead'), 'overdue'],
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

/**
 * A one-word search first looks among this many newest leads (after the cursor, in the
 * sort's order, with every other filter) and stops at the page's last match: a common
 * name fills a page there after a few thousand rows read from one index, where the
 * whole table's indexes would gather every lead of that name and sort them
 * (BENCHMARKS.md, bench:admin). Only when the window holds too few does the search run
 * over every lead.
 */
export const SEARCH_WINDOW = 5000;

/**
 * A one-word search's condition in the window (alias `recent`): the word in the lower-cased
 * name or the address (`search_text`, one LIKE instead of ILIKE on the name and LIKE on
 * the address: the same rows), or a couple's second partner.
 */
function windowMatch(search: Extract<LeadSearch, { kind: 'text' }>): string {
  const partner = partnerMatch(search, 'recent');
  return `(recent.search_text LIKE lower(CAST(:namePattern AS text))${partner ? ` OR ${partner}` : ''})`;
}

/** The name/email/phone condition of a text search on `alias` (parameters: the search). */
function textMatch(search: Extract<LeadSearch, { kind: 'text' }>, alias: string): string {
  const columns = [
    search.namePattern !== null && `${alias}.name ILIKE :namePattern`,
    // Every word a word start of the name: the GIN index of the names' word starts
    // (IDX_lead_name_prefixes) answers it with exact keys, no prefix scan.
    search.nameWords !== null && `lead_name_prefixes(${alias}.name) @> CAST(:nameWords AS text[])`,
    search.emailPattern !== null && `${alias}.email_normalized LIKE :emailPattern`,
    search.phonePattern !== null && `${alias}.phone LIKE :phonePattern`,
    // A couple's second partner, by their own name, address or phone.
    partnerMatch(search, alias),
  ].filter(Boolean);
  // A text with both a space and an @ can match nothing.
  return columns.length > 0 ? `(${columns.join(' OR ')})` : 'false';
}

/**
 * The SQL of the lead list and the CSV export: the same filters, sorts and keyset, one
 * query per page (the page's leads, their clinician, first reference and intakes by
 * index joins), and the rows the page's signals are read from. SQL only: rows come back
 * as PostgreSQL wrote them, sealed values still sealed. Merged and erased leads are never
 * listed; clinicians see only their assigned leads.
 */
@Injectable()
export class LeadListQuery {
  constructor(private readonly access: LeadAccess) {}

  /** `me` is the caller's clinician profile; without one, no lead can match. */
  async assignee(
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

  /** How many leads the listing matches. */
  async count(manager: EntityManager, listing: Listing): Promise<number> {
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
   * name and first reference, and with `withIntakes` the newest intake's status.
   */
  async page(manager: EntityManager, listing: Listing, window: PageWindow): Promise<LeadPageRow[]> {
    const search = listing.filters.q === undefined ? undefined : leadSearch(listing.filters.q);
    // Only a name is worth it: many leads share one, while an address or a phone number
    // is rare enough for its own index to be faster than any window. A rare name pays
    // the window's few thousand index rows (about a millisecond) before the indexes.
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

  /** The crisis inquiries of the given leads, oldest first. */
  async crisisInquiries(manager: EntityManager, leadIds: string[]): Promise<CrisisInquiryRow[]> {
    return queryPrepared<CrisisInquiryRow>(
      manager,
      `SELECT lead_id, name, email, phone FROM inquiry
        WHERE lead_id = ANY($1::uuid[]) AND crisis_indicated ORDER BY received_at, id`,
      [leadIds],
    );
  }

  /** The newest inquiry of each of the given leads (none for a lead of intakes only). */
  async newestInquiries(manager: EntityManager, leadIds: string[]): Promise<NewestInquiryRow[]> {
    return queryPrepared<NewestInquiryRow>(
      manager,
      `SELECT DISTINCT ON (lead_id) lead_id, id, message, message_encrypted FROM inquiry
        WHERE lead_id = ANY($1::uuid[]) ORDER BY lead_id, received_at DESC, id DESC`,
      [leadIds],
    );
  }

  /** Both partners of every intake of the given leads, sealed, in the order they answered. */
  async respondents(manager: EntityManager, leadIds: string[]): Promise<RespondentRow[]> {
    return queryPrepared<RespondentRow>(
      manager,
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
    );
  }

  /** The form versions named `slug@version` (screening reads free text by form). */
  async forms(manager: EntityManager, keys: string[]): Promise<Map<string, FormDefinition>> {
    const forms = new Map<string, FormDefinition>();
    if (keys.length === 0) return forms;
    const rows = (await manager.query(
      `SELECT slug, version, definition FROM intake_form WHERE slug || '@' || version = ANY($1)`,
      [keys],
    )) as { slug: string; version: number; definition: FormDefinition }[];
    for (const row of rows) forms.set(`${row.slug}@${row.version}`, row.definition);
    return forms;
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
    if (filters.source !== undefined) {
      builder.andWhere('lead.attributed_source = :source', { source: filters.source });
    }
    if (filters.language) {
      builder.andWhere('lead.language IN (:...languages)', { languages: filters.language });
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
      builder.andWhere(overdueSql('lead'));
    } else if (filters.overdue === false) {
      builder.andWhere(`NOT ${overdueSql('lead')}`);
    }
    if (filters.view !== undefined) {
      builder.andWhere(DESK_VIEW_SQL[filters.view]('lead'), { deskViewerUserId: staff.user.id });
    }
    return builder;
  }

  private async pageOf(
    manager: EntityManager,
    listing: Listing,
    { limit, after, withIntakes }: PageWindow,
    windowed: boolean,
  ): Promise<LeadPageRow[]> {
    const { sort } = listing;
    const search = listing.filters.q === undefined ? undefined : leadSearch(listing.filters.q);
    const builder = this.filtered(manager, listing, { search: !windowed });
    if (windowed && search?.kind === 'text') {
      // The newest leads with every other filter and the same cursor, in the sort's order,
      // then the first `limit` of them that match, in that order: PostgreSQL reads the
      // window from one index (IDX_lead_live_recent for the newest first: its columns
      // only) and stops at the page's last match. The window's named parameters are the
      // outer query's own.
      const keys = SORT_KEYS[sort];
      const recent = this.filtered(manager, listing, { search: false })
        .select('lead.id', 'id')
        .addSelect('lead.search_text', 'search_text');
      // In brackets: TypeORM mixes up two selections of one column (lead.id) under two names.
      keys.forEach(([expression], i) => recent.addSelect(`(${expression})`, `sort_key_${i}`));
      if (after) recent.andWhere(ORDER[sort].after);
      const hitsOrder = keys.map(([, direction], i) => `recent.sort_key_${i} ${direction}`);
      builder.andWhere(
        // = ANY(ARRAY(…)): the window runs once (an InitPlan), whatever the planner thinks
        // of the table's size; as `IN` it could run again for every lead it reads.
        `lead.id = ANY(ARRAY(SELECT recent.id FROM (${recent.getQuery()} ORDER BY ${ORDER[sort].inner} LIMIT ${SEARCH_WINDOW}) recent
          WHERE ${windowMatch(search)} ORDER BY ${hitsOrder.join(', ')} LIMIT ${Number(limit)}))`,
        search,
      );
    }
    const [[firstExpression, firstAlias], ...rest] = COLUMNS;
    builder.select(firstExpression, firstAlias);
    for (const [expression, alias] of rest) builder.addSelect(expression, alias);
    if (after) builder.andWhere(ORDER[sort].after, afterParameters(after));
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
    )) as LeadPageRow[];
  }
}
