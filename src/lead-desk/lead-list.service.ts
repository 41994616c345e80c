import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { cursorFromQuery } from '../common/newest-first.js';
import { type CsvCell, csvLines } from '../leads/export/csv.js';
import { type CursorKey, type LeadSort, encodeCursor } from '../vocabulary/keyset-cursor.js';
import type { LeadSignal } from '../leads/lead-signals.js';
import { SEALED_COLUMNS } from '../vocabulary/sealed-columns.js';
import { type LeadFilterDto, type LeadListQueryDto, filtersUsed } from './dto/lead-query.dto.js';
import { listMarks, respondentPartner, signalsByLead } from './lead-flags.js';
import {
  EXPORT_COLUMNS,
  csvRecord,
  cursorKeyOf,
  intakeStatusOf,
  listPreview,
  toLeadSummary,
  type ListPreview,
} from './lead-list.mapper.js';
import { type Assignee, LeadListQuery, type Listing } from './lead-list.query.js';
import type { LeadPageView } from './lead-summary.view.js';
import { LeadCountsQuery } from './lead-counts.query.js';
import type { LeadCountsView } from './lead-counts.view.js';

import { ReturningClientQuery } from './returning-client.query.js';
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
 * The lead list and the CSV export: audits, runs LeadListQuery, opens and screens the
 * page's answers for its signals, and maps (lead-list.mapper, lead-flags).
 */
@Injectable()
export class LeadListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly query: LeadListQuery,
    private readonly audit: AuditTrail,
    private readonly cipher: DataCipher,
    private readonly countsQuery: LeadCountsQuery,

    private readonly returningClients: ReturningClientQuery,
  ) {}

  /** GET /v1/admin/leads/counts: every view's count for the caller, audited as a list is. */
  async counts(staff: StaffContext, actor: AuditActor): Promise<LeadCountsView> {
    const counts = await this.countsQuery.counts(this.dataSource.manager, staff);
    await this.audit.record(actor, { action: 'lead.counted', details: { counts } });
    return counts;
  }

  async list(
    staff: StaffContext,
    actor: AuditActor,
    query: LeadListQueryDto,
  ): Promise<LeadPageView> {
    const sort = query.sort ?? DEFAULT_SORT;
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = query.cursor === undefined ? undefined : cursorFromQuery(query.cursor, sort);
    const manager = this.dataSource.manager;
    const assignee = await this.query.assignee(manager, staff, query.assignedTo);
    const rows =
      assignee.kind === 'nobody'
        ? []
        : await this.query.page(
            manager,
            { staff, filters: query, assignee, sort },
            { limit: limit + 1, after, withIntakes: true },
          );
    const pageRows = rows.slice(0, limit);
    const leadIds = pageRows.map((row) => row.id);
    // The audit event is written while the page's signals, returning clients and previews
    // are read, each on a pooled connection of its own: its commit waits for the disk, the
    // reads do not. It records the listing once the leads are known, also when a later
    // read fails.
    const [, signals, returning, previews] = await Promise.all([
      this.audit.record(actor, {
        action: 'lead.listed',
        details: { filters: filtersUsed(query), sort, count: pageRows.length },
      }),
      this.signals(manager, leadIds),
      this.returningClients.matched(manager, staff, leadIds),
      this.previews(manager, leadIds),
    ]);
    const items = pageRows.map((row) => {
      const { marks, labels } = listMarks(signals.get(row.id) ?? [], returning.has(row.id));
      return toLeadSummary(
        row,
        intakeStatusOf(row.intake_status),
        labels,
        marks,
        previews.get(row.id),
      );
    });
    const nextCursor =
      rows.length > limit ? encodeCursor(cursorKeyOf(rows[limit - 1]!, sort)) : null;
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
      assignee = await this.query.assignee(runner.manager, staff, filters.assignedTo);
      const count =
        assignee.kind === 'nobody'
          ? 0
          : await this.query.count(runner.manager, { staff, filters, assignee, sort });
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
        const rows = await this.query.page(runner.manager, listing, {
          limit: EXPORT_BATCH,
          after,
          withIntakes: false,
        });
        for (const row of rows) yield csvRecord(row);
        if (rows.length < EXPORT_BATCH) return;
        after = cursorKeyOf(rows.at(-1)!, listing.sort);
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

  /**
   * The preview of each lead's newest inquiry, opened for the page's leads only. A value
   * that does not open fails the list (`sealed-data-unreadable`), as the answers do.
   */
  private async previews(
    manager: EntityManager,
    leadIds: string[],
  ): Promise<Map<string, ListPreview>> {
    if (leadIds.length === 0) return new Map();
    const rows = await this.query.newestInquiries(manager, leadIds);
    return new Map(
      rows.map((row) => [
        row.lead_id,
        listPreview(
          row.message_encrypted
            ? this.cipher.decrypt(row.message_encrypted, SEALED_COLUMNS.inquiryMessage, row.id)
            : (row.message ?? ''),
        ),
      ]),
    );
  }

  /**
   * Every crisis and safety signal of the given leads, named by partner: their inquiries'
   * crisis words and each respondent's answers, opened and screened like the lead page does.
   */
  private async signals(
    manager: EntityManager,
    leadIds: string[],
  ): Promise<Map<string, LeadSignal[]>> {
    if (leadIds.length === 0) return new Map();
    const inquiries = await this.query.crisisInquiries(manager, leadIds);
    const respondents = await this.query.respondents(manager, leadIds);
    const forms = await this.query.forms(manager, [
      ...new Set(respondents.map((row) => `${row.form_slug}@${row.form_version}`)),
    ]);
    const screened = respondents.map((row) => {
      const screening = screenSealedRespondent(
        this.cipher,
        forms.get(`${row.form_slug}@${row.form_version}`)!,
        row.partner === 'A' ? INTAKE_RESPONDENT : PARTNER_RESPONDENT,
        row.row_id,
        row.answers_encrypted,
        row.result_encrypted,
      );
      return {
        leadId: row.lead_id,
        partner: respondentPartner(row.form_slug, row.partner),
        contact: { name: row.name, email: row.email, phone: row.phone },
        crisisAnswer: screening.crisisAnswer,
        crisisText: screening.crisisText,
        safetyConcern: screening.safetyConcern,
      };
    });
    return signalsByLead(
      leadIds,
      inquiries.map((row) => ({
        leadId: row.lead_id,
        contact: { name: row.name, email: row.email, phone: row.phone },
        crisisText: true,
      })),
      screened,
    );
  }
}
