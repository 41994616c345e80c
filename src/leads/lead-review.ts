/**
 * Why a lead waits for a person to look at it before it counts as a normal new lead.
 * No framework code here.
 */
export const REVIEW_REASONS = [
  /** The CAPTCHA provider could not be asked: bot or person, nobody knows yet. */
  'captcha_unavailable',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];
