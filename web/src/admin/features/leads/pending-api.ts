/**
 * TEMPORARY: the coordinator's desk fields and routes the server is adding on other branches
 * (contact attempts, view counts, `view=` / `sort=dueAt`, merge preview, returning-client
 * label, practice time zone). They are not in the generated schema yet, so they are
 * written here, in ONE place, by their contract names. Once the server parts are merged and
 * `npm run openapi` has regenerated `web/src/api/schema.d.ts`, delete this file and import
 * the generated types instead; every cast of the web app to the pending contract is here.
 */
import { call, staffApi, type ApiResult } from '../../../api/client';
import type { AuditEventView, LeadDetail, LeadSummary, PersonRef } from '../../../api/types';
import { downloadLeads, type LeadQuery } from '../../lib/api';

export const CONTACT_CHANNELS = ['phone', 'text', 'email'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_OUTCOMES = [
  'connected',
  'voicemail',
  'no_answer',
  'wrong_number',
  'sent',
] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number] | 'unspecified';

/** The response clock of a lead: its attempts so far. */
export interface AttemptFields {
  attempts?: number;
  firstAttemptAt?: string | null;
  lastAttemptAt?: string | null;
  firstConnectedAt?: string | null;
}

type PendingLabel = LeadSummary['labels'][number] | 'possible_returning_client';

export type DeskLeadSummary = Omit<LeadSummary, 'labels'> &
  AttemptFields & { labels: PendingLabel[] };

export interface ContactAttemptView {
  id: string;
  /** Null for the attempt a move to `contacted` logged when none was. */
  channel: ContactChannel | null;
  outcome: ContactOutcome;
  note: string | null;
  at: string;
  by: PersonRef;
}

export type DeskLeadDetail = Omit<LeadDetail, 'labels'> &
  AttemptFields & { labels: PendingLabel[]; contactAttempts?: ContactAttemptView[] };

export type DeskView =
  | 'needsFirstContact'
  | 'crisis'
  | 'overdue'
  | 'unassigned'
  | 'mine'
  | 'awaitingPartner'
  | 'heldForReview';
export type ViewCounts = Record<DeskView, number>;

/** The list's query with the desk's view and due-time sort. */
export type DeskLeadQuery = Omit<LeadQuery, 'sort'> & {
  view?: DeskView;
  sort?: NonNullable<LeadQuery['sort']> | 'dueAt';
};

/** The typed client, loosened for the routes and fields above only. */
interface PendingClient {
  GET(
    path: string,
    init?: { params?: { query?: object; path?: object } },
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  POST(
    path: string,
    init: { params?: { path?: object }; body: object },
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}
const pending = staffApi as unknown as PendingClient;

export function listLeads(
  query: DeskLeadQuery & { limit: number; cursor?: string },
): Promise<ApiResult<{ items: DeskLeadSummary[]; nextCursor: string | null }>> {
  return call(() => pending.GET('/v1/admin/leads', { params: { query } })) as Promise<
    ApiResult<{ items: DeskLeadSummary[]; nextCursor: string | null }>
  >;
}

export function readCounts(): Promise<ApiResult<ViewCounts>> {
  return call(() => pending.GET('/v1/admin/leads/counts')) as Promise<ApiResult<ViewCounts>>;
}

export function logContactAttempt(
  id: string,
  body: { channel: ContactChannel; outcome: ContactOutcome; note?: string },
): Promise<ApiResult<unknown>> {
  return call(() =>
    pending.POST('/v1/admin/leads/{id}/contact-attempts', { params: { path: { id } }, body }),
  );
}

/** What the merge preview says the surviving lead would be (`survivor` of the answer). */
export interface MergePreview {
  id: string;
  status: LeadDetail['status'];
  assignedClinicianId: string | null;
  firstContactedAt: string | null;
  firstAttemptAt?: string | null;
}

export async function previewMerge(
  duplicateId: string,
  intoLeadId: string,
): Promise<ApiResult<MergePreview>> {
  const result = await call(() =>
    pending.POST('/v1/admin/leads/{id}/merge', {
      params: { path: { id: duplicateId } },
      body: { intoLeadId, dryRun: true },
    }),
  );
  if (result.kind !== 'ok') return result;
  return { ...result, body: (result.body as { survivor: MergePreview }).survivor };
}

/** The practice's own time zone (public practice identity), or null where not served yet. */
export async function readPracticeTimeZone(): Promise<string | null> {
  const result = await call(() => pending.GET('/v1/practice'));
  if (result.kind !== 'ok') return null;
  const zone = (result.body as { timeZone?: unknown }).timeZone;
  return typeof zone === 'string' && zone ? zone : null;
}

export const asDeskLead = (lead: LeadDetail) => lead as DeskLeadDetail;

/** The CSV export of the same view and filters as the list. */
export function downloadDeskLeads(query: DeskLeadQuery, filename: string) {
  return downloadLeads(query as LeadQuery, filename);
}

/** The audit log's readable fields (actor names, action labels, folded list reads). */
export type AuditItem = AuditEventView & {
  actor: AuditEventView['actor'] & { name?: string | null };
  actionLabel?: string;
  leadReference?: string | null;
  count?: number;
  firstOccurredAt?: string;
};
export const asAuditItem = (event: AuditEventView) => event as AuditItem;
