/**
 * TEMPORARY: what the staff app reads that the generated schema does not have yet, in ONE
 * place, by its contract names: the `possible_returning_client` label and the audit log's
 * readable fields (being built on the desk-merge branch), and the practice's time zone
 * (`GET /v1/practice`, practice identity). Once those server parts are merged and
 * `npm run openapi` has regenerated `web/src/api/schema.d.ts`, delete this file and use
 * the generated types; every cast of the web app to the pending contract is here.
 */
import { call, staffApi } from '../../../api/client';
import type { AuditEventView, LeadDetail, LeadSummary } from '../../../api/types';

type PendingLabel = LeadSummary['labels'][number] | 'possible_returning_client';

export type DeskLeadSummary = Omit<LeadSummary, 'labels'> & { labels: PendingLabel[] };
export type DeskLeadDetail = Omit<LeadDetail, 'labels'> & { labels: PendingLabel[] };

export const asDeskLeads = (leads: LeadSummary[]) => leads as DeskLeadSummary[];
export const asDeskLead = (lead: LeadDetail) => lead as DeskLeadDetail;

/** The audit log's readable fields (actor names, action labels, folded list reads). */
export type AuditItem = AuditEventView & {
  actor: AuditEventView['actor'] & { name?: string | null };
  actionLabel?: string;
  leadReference?: string | null;
  count?: number;
  firstOccurredAt?: string;
};
export const asAuditItem = (event: AuditEventView) => event as AuditItem;

/** The typed client, loosened for the one route not in the schema yet. */
interface PendingClient {
  GET(path: string): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

/** The practice's own time zone (public practice identity), or null where not served yet. */
export async function readPracticeTimeZone(): Promise<string | null> {
  const result = await call(() => (staffApi as unknown as PendingClient).GET('/v1/practice'));
  if (result.kind !== 'ok') return null;
  const zone = (result.body as { timeZone?: unknown }).timeZone;
  return typeof zone === 'string' && zone ? zone : null;
}
