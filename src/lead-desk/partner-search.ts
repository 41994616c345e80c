/**
 * The second partner's side of the lead list's text search
 * (docs/api.md#search-of-the-second-partner). No framework code here: the SQL condition
 * only, with the search's named parameters (lead-search.ts). Each partner table is read
 * through its own indexes (migration PartnerSearch); the leads found join the rest of the
 * search as `id = ANY(ARRAY(…))`, which the lead's primary key answers, so a search never
 * reads every lead.
 */
import type { LeadSearch } from './lead-search.js';

type TextSearch = Extract<LeadSearch, { kind: 'text' }>;

/** `alias.id` among the leads whose invited or answering partner matches; null if nothing can. */
export function partnerMatch(search: TextSearch, alias: string): string | null {
  const nameOf = (column: string) => [
    search.namePattern !== null && `${column} ILIKE :namePattern`,
    search.nameWords !== null && `lead_name_prefixes(${column}) @> CAST(:nameWords AS text[])`,
  ];
  const invited = [
    ...nameOf('pi.partner_name'),
    search.emailPattern !== null && `lower(pi.partner_email) LIKE :emailPattern`,
  ].filter(Boolean);
  const answered = [
    ...nameOf('pr.name'),
    search.emailPattern !== null && `lower(pr.email) LIKE :emailPattern`,
    search.phonePattern !== null && `pr.phone LIKE :phonePattern`,
  ].filter(Boolean);
  const found = [
    invited.length > 0 &&
      `SELECT pi.lead_id FROM partner_invitation pi WHERE ${invited.join(' OR ')}`,
    answered.length > 0 &&
      `SELECT pr.lead_id FROM partner_response pr WHERE ${answered.join(' OR ')}`,
  ].filter(Boolean);
  return found.length > 0 ? `${alias}.id = ANY(ARRAY(${found.join(' UNION ')}))` : null;
}
