/**
 * Rows of the lead list and export → what staff get: the summary view, the CSV record
 * and the next page's cursor. No framework code here.
 */
import type { CsvCell } from '../leads/export/csv.js';
import type { CursorKey, LeadSort } from '../vocabulary/keyset-cursor.js';
import type { LeadLabel } from '../vocabulary/lead-labels.js';
import type { SignalMark } from '../leads/lead-signals.js';
import { textSuggestsCrisis } from '../vocabulary/urgency.js';
import type { LeadListRow } from './lead-list.query.js';
import { messagePreview } from './message-preview.js';
import type { LeadSummaryView, SummaryIntakeStatus } from './lead-summary.view.js';

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
  'language',
  'assigned_clinician',
  'tags',
  'first_contacted_at',
  'overdue',
] as const;

export function intakeStatusOf(status: string | null | undefined): SummaryIntakeStatus | null {
  if (status === 'awaiting_partner') return 'awaiting_partner';
  if (status === 'complete') return 'intake_complete';
  return null;
}

/** The first words of the newest inquiry, and whether the message holds crisis words. */
export interface ListPreview {
  messagePreview: string | null;
  previewCrisis: boolean;
}

export const NO_PREVIEW: ListPreview = { messagePreview: null, previewCrisis: false };

/** The newest inquiry's message, opened by the caller → the row's preview. */
export function listPreview(message: string): ListPreview {
  return { messagePreview: messagePreview(message), previewCrisis: textSuggestsCrisis(message) };
}

/**
 * One lead of the list: who, how to reach them and the first words they wrote; never an
 * answer or what a partner said.
 */
export function toLeadSummary(
  row: LeadListRow,
  intakeStatus: SummaryIntakeStatus | null,
  labels: LeadLabel[],
  signals: SignalMark[],
  preview: ListPreview = NO_PREVIEW,
): LeadSummaryView {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    urgency: row.urgency,
    serviceType: row.service_type,
    name: row.name,
    phone: row.phone,
    preferredContact: row.preferred_contact,
    messagePreview: preview.messagePreview,
    previewCrisis: preview.previewCrisis,
    state: row.state,
    source: row.source,
    language: row.language,
    assignedClinician: row.assigned_clinician_id
      ? { id: row.assigned_clinician_id, name: row.clinician_name ?? '' }
      : null,
    tags: row.tags,
    createdAt: row.created_at.toISOString(),
    respondBy: row.respond_by?.toISOString() ?? null,
    overdue: row.overdue,
    firstContactedAt: row.first_contacted_at?.toISOString() ?? null,
    firstAttemptAt: row.first_attempt_at?.toISOString() ?? null,
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    firstConnectedAt: row.first_connected_at?.toISOString() ?? null,
    attempts: row.attempt_count,
    intakeStatus,
    labels,
    signals,
    needsReview: row.needs_review,
    reviewReason: row.review_reason,
  };
}

/** One line of the export, in EXPORT_COLUMNS order. */
export function csvRecord(row: LeadListRow): CsvCell[] {
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
    row.language,
    row.clinician_name,
    row.tags.join('; '),
    row.first_contacted_at,
    row.overdue,
  ];
}

/** The keyset position of a row in `sort` order: where the next page starts after it. */
export function cursorKeyOf(row: LeadListRow, sort: LeadSort): CursorKey {
  return {
    sort,
    createdAt: row.created_key,
    id: row.id,
    ...(sort === 'urgency' || sort === 'dueAt' ? { urgencyRank: row.urgency_rank } : {}),
    ...(sort === 'dueAt' ? { dueAt: row.due_key } : {}),
  };
}
