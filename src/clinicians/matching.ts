/**
 * Ranks clinicians for a lead (docs/api.md#leads, `GET /v1/admin/leads/:id/matches`). No framework
 * code here. A suggestion for staff, never an automatic assignment: every point of a
 * score comes with a reason in plain words, so the person assigning can see why.
 */
import type { ServiceType } from '../vocabulary/contact.js';
import type { Urgency } from '../vocabulary/urgency.js';
import type { CoupleResult } from '../survey/scoring.js';

export const COUPLE_PATTERNS = ['pursue_withdraw', 'anxious_avoidant'] as const;
export type CouplePattern = (typeof COUPLE_PATTERNS)[number];

export interface MatchLead {
  readonly serviceType: ServiceType;
  /** USPS code of the client's state; null when the client did not say. */
  readonly state: string | null;
  readonly urgency: Urgency;
  /** The couple's pattern from the survey (see `couplePatternOf`); other values are ignored. */
  readonly pattern?: string | null;
}

export interface MatchClinician {
  readonly id: string;
  readonly name: string;
  readonly modalities: readonly string[];
  readonly serviceTypes: readonly string[];
  readonly licensedStates: readonly string[];
  readonly acceptingNewClients: boolean;
  /** New-client slots per week, >= 0. */
  readonly weeklyCapacity: number;
  /** Open leads currently assigned to the clinician. */
  readonly openLeads: number;
  readonly active: boolean;
}

export interface Match {
  clinicianId: string;
  name: string;
  eligible: boolean;
  /** 0..100, an integer; 0 for every clinician who is not eligible. */
  score: number;
  reasons: string[];
}

/**
 * How the 100 points split between modality fit and spare capacity, by urgency: the more
 * urgent the lead, the more an opening this week matters compared to the ideal method.
 */
export const URGENCY_WEIGHTS: Readonly<
  Record<Urgency, { readonly modality: number; readonly capacity: number }>
> = {
  routine: { modality: 60, capacity: 40 },
  high: { modality: 45, capacity: 55 },
  crisis: { modality: 30, capacity: 70 },
};

/** Share of the modality points a clinician earns, by how well the best modality fits. */
export const FIT_PATTERN = 1; // couples: suited to the couple's recorded pattern
export const FIT_SPECIFIC = 0.8; // made for this kind of therapy
export const FIT_GENERAL = 0.3; // any other listed modality
export const FIT_NONE = 0;

/** Points taken off a clinician with no open slot (open leads >= weekly capacity). */
export const AT_CAPACITY_PENALTY = 30;

/** Modalities made for each kind of therapy, best first; the order also orders reasons. */
export const SPECIFIC_MODALITIES: Readonly<Record<ServiceType, readonly string[]>> = {
  couples: ['eft', 'gottman'],
  individual: ['ifs', 'cbt', 'emdr', 'dbt', 'act'],
  // EFT has a family form (EFFT); structural and Bowen are family-systems methods.
  family: ['eft', 'structural', 'bowen'],
  other: [],
};

/** Couples modalities suited to a recorded pattern, best first. */
export const PATTERN_MODALITIES: ReadonlyMap<CouplePattern, readonly string[]> = new Map([
  ['pursue_withdraw', ['eft', 'gottman']],
  // EFT is attachment-based, which is what an anxious–avoidant pairing calls for.
  ['anxious_avoidant', ['eft']],
]);

const PATTERN_LABELS: ReadonlyMap<CouplePattern, string> = new Map([
  ['pursue_withdraw', 'a pursue–withdraw cycle'],
  ['anxious_avoidant', 'an anxious–avoidant pairing'],
]);

/** How a modality reads in a reason; a Map, so a stored value like "constructor" is safe. */
const MODALITY_LABELS: ReadonlyMap<string, string> = new Map([
  ['eft', 'EFT'],
  ['gottman', 'Gottman'],
  ['ifs', 'IFS'],
  ['cbt', 'CBT'],
  ['emdr', 'EMDR'],
  ['dbt', 'DBT'],
  ['act', 'ACT'],
  ['structural', 'structural family therapy'],
  ['bowen', 'Bowen family systems'],
]);
const KNOWN_ORDER = [...MODALITY_LABELS.keys()];

const SERVICE_LABELS: Readonly<Record<ServiceType, string>> = {
  individual: 'individual therapy',
  couples: 'couples therapy',
  family: 'family therapy',
  other: 'other services',
};

const URGENCY_LABELS: Readonly<Record<Urgency, string>> = {
  routine: 'Routine urgency',
  high: 'High urgency',
  crisis: 'Crisis urgency',
};

/** The pattern to match couples therapists on, from the couple's survey result. */
export function couplePatternOf(result: CoupleResult | null): CouplePattern | null {
  if (!result) return null;
  if (result.pursueWithdraw) return 'pursue_withdraw';
  if (result.anxiousAvoidantPairing) return 'anxious_avoidant';
  return null;
}

function isCouplePattern(value: string | null | undefined): value is CouplePattern {
  return (COUPLE_PATTERNS as readonly (string | null | undefined)[]).includes(value);
}

const upper = (value: string) => value.toUpperCase();
const lower = (value: string) => value.toLowerCase();
const NAME_ORDER = new Intl.Collator('en', { sensitivity: 'base' });

function normalized(values: readonly string[], fold: (value: string) => string): string[] {
  return [...new Set(values.map((value) => fold(value.trim())))];
}

/** Known modalities in table order, then others by code unit: reasons never follow input order. */
function byKnownOrder(a: string, b: string): number {
  const rankA = KNOWN_ORDER.indexOf(a);
  const rankB = KNOWN_ORDER.indexOf(b);
  if (rankA !== rankB) {
    if (rankA === -1) return 1;
    if (rankB === -1) return -1;
    return rankA - rankB;
  }
  return compareText(a, b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function labelOf(modality: string): string {
  return MODALITY_LABELS.get(modality) ?? modality;
}

/** "A", "A and B", "A, B and C". */
function listOf(items: readonly string[]): string {
  // Stryker disable next-line StringLiteral: one item or none is joined without a separator
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The hard constraints the clinician fails, in plain words; empty when eligible. */
function failedConstraints(lead: MatchLead, clinician: MatchClinician, state: string | null) {
  const failed: string[] = [];
  if (!clinician.active) failed.push('Inactive');
  if (state !== null && !normalized(clinician.licensedStates, upper).includes(state)) {
    failed.push(`Not licensed in ${state}`);
  }
  if (!clinician.acceptingNewClients) failed.push('Not accepting new clients');
  if (!normalized(clinician.serviceTypes, lower).includes(lead.serviceType)) {
    failed.push(`Does not offer ${SERVICE_LABELS[lead.serviceType]}`);
  }
  return failed;
}

/** The best fit among the clinician's modalities (0..1) and the reason for it. */
function modalityFit(
  lead: MatchLead,
  modalities: readonly string[],
): { fit: number; reason: string } {
  const held = normalized(modalities, lower)
    .filter((modality) => modality !== '')
    .sort(byKnownOrder);
  const service = SERVICE_LABELS[lead.serviceType];
  const pattern =
    lead.serviceType === 'couples' && isCouplePattern(lead.pattern) ? lead.pattern : null;
  if (pattern) {
    // Stryker disable next-line OptionalChaining: every couple pattern has an entry in the map
    const suited = PATTERN_MODALITIES.get(pattern)?.find((modality) => held.includes(modality));
    if (suited) {
      return {
        fit: FIT_PATTERN,
        reason: `Trained in ${labelOf(suited)}, suited to ${PATTERN_LABELS.get(pattern)}`,
      };
    }
  }
  const specific = held.filter((modality) =>
    SPECIFIC_MODALITIES[lead.serviceType].includes(modality),
  );
  if (specific.length > 0) {
    return {
      fit: FIT_SPECIFIC,
      reason: `Trained in ${listOf(specific.map(labelOf))}, suited to ${service}`,
    };
  }
  if (held.length > 0) {
    const trained = `Trained in ${listOf(held.map(labelOf))}`;
    return {
      fit: FIT_GENERAL,
      reason: lead.serviceType === 'other' ? trained : `${trained}, not specific to ${service}`,
    };
  }
  return { fit: FIT_NONE, reason: 'No modalities listed' };
}

/** Share of the weekly capacity still free (0..1), whether none is, and the reason. */
function capacityFit(
  weeklyCapacity: number,
  openLeads: number,
): { share: number; full: boolean; reason: string } {
  // The database keeps both non-negative integers; this only keeps odd input inside 0..1.
  const capacity = Number.isFinite(weeklyCapacity) && weeklyCapacity > 0 ? weeklyCapacity : 0;
  const open = Number.isFinite(openLeads) && openLeads > 0 ? openLeads : 0;
  const leads = plural(openLeads, 'open lead', 'open leads');
  const load = `${leads} of a weekly capacity of ${weeklyCapacity}`;
  if (open > capacity) return { share: 0, full: true, reason: `${load}: over capacity` };
  if (open === capacity) return { share: 0, full: true, reason: `${load}: at capacity` };
  return { share: (capacity - open) / capacity, full: false, reason: load };
}

function matchOne(lead: MatchLead, clinician: MatchClinician): Match {
  const state = lead.state?.trim() ? lead.state.trim().toUpperCase() : null;
  const base = { clinicianId: clinician.id, name: clinician.name };
  const failed = failedConstraints(lead, clinician, state);
  if (failed.length > 0) return { ...base, eligible: false, score: 0, reasons: failed };

  const weights = URGENCY_WEIGHTS[lead.urgency];
  const modality = modalityFit(lead, clinician.modalities);
  const capacity = capacityFit(clinician.weeklyCapacity, clinician.openLeads);
  const points =
    weights.modality * modality.fit +
    weights.capacity * capacity.share -
    (capacity.full ? AT_CAPACITY_PENALTY : 0);
  return {
    ...base,
    eligible: true,
    score: Math.min(100, Math.max(0, Math.round(points))),
    reasons: [
      ...(state === null ? ['State unknown: check licensure'] : []),
      modality.reason,
      capacity.reason,
      `${URGENCY_LABELS[lead.urgency]}: spare capacity counts for ${weights.capacity} of 100 ` +
        `points, modality for ${weights.modality}`,
    ],
  };
}

/**
 * Every clinician, best match first: eligible before not, then higher score, fewer open
 * leads, name, id. The order is total, so it does not depend on the order of the input.
 */
export function rankClinicians(lead: MatchLead, clinicians: readonly MatchClinician[]): Match[] {
  return clinicians
    .map((clinician) => ({ clinician, match: matchOne(lead, clinician) }))
    .sort(
      (a, b) =>
        Number(b.match.eligible) - Number(a.match.eligible) ||
        b.match.score - a.match.score ||
        a.clinician.openLeads - b.clinician.openLeads ||
        NAME_ORDER.compare(a.match.name, b.match.name) ||
        compareText(a.match.name, b.match.name) ||
        compareText(a.match.clinicianId, b.match.clinicianId) ||
        // Only for a clinician listed twice with different data: keep even that stable.
        compareText(a.match.reasons.join('\n'), b.match.reasons.join('\n')),
    )
    .map(({ match }) => match);
}
