/**
 * Labels staff see on a lead: what to do, never the clinical detail behind it
 * (docs/survey.md#safety-and-privacy-between-partners: a lead with a safety concern is
 * labelled "screen each partner individually"). No framework code here.
 */
export const LEAD_LABELS = {
  screen_partners_individually: 'Screen each partner individually before any joint session',
  possible_returning_client:
    'Possible returning client: another lead has the same email or phone (preview a merge)',
} as const;
export type LeadLabel = keyof typeof LEAD_LABELS;

/** What the lead's submissions raised; any one respondent is enough. */
export interface LeadFlags {
  /** A respondent reported a safety concern (fear of, or harm from, the partner). */
  safetyConcern: boolean;
  /** A message or answer suggested crisis. */
  crisis: boolean;
}

/** What else staff know of a lead that calls for a label. */
export interface LeadLabelFacts extends Pick<LeadFlags, 'safetyConcern'> {
  /** Another live lead (not merged, erased or spam) has the same email or phone. */
  returningClient?: boolean;
}

export function leadLabels(facts: LeadLabelFacts): LeadLabel[] {
  const labels: LeadLabel[] = [];
  if (facts.safetyConcern) labels.push('screen_partners_individually');
  if (facts.returningClient) labels.push('possible_returning_client');
  return labels;
}
