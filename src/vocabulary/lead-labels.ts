/**
 * Labels staff see on a lead: what to do, never the clinical detail behind it
 * (docs/survey.md#safety-and-privacy-between-partners: a lead with a safety concern is
 * labelled "screen each partner individually"). No framework code here.
 */
export const LEAD_LABELS = {
  screen_partners_individually: 'Screen each partner individually before any joint session',
} as const;
export type LeadLabel = keyof typeof LEAD_LABELS;

/** What the lead's submissions raised; any one respondent is enough. */
export interface LeadFlags {
  /** A respondent reported a safety concern (fear of, or harm from, the partner). */
  safetyConcern: boolean;
  /** A message or answer suggested crisis. */
  crisis: boolean;
}

export function leadLabels(flags: Pick<LeadFlags, 'safetyConcern'>): LeadLabel[] {
  return flags.safetyConcern ? ['screen_partners_individually'] : [];
}
