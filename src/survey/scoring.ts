/**
 * Scoring of the couples attachment-concern survey, exactly as SURVEY.md states it.
 * These are screening indicators that help a clinician prepare, not a diagnosis.
 * No framework code here; results are recomputed by this same code for a form version.
 */
export const SCORING_VERSION = 1;

export type AttachmentStyle = 'secure' | 'anxious' | 'avoidant' | 'fearful';

export interface RespondentResult {
  anxiety: number;
  anxietySum: number;
  anxietyElevated: boolean;
  avoidance: number;
  avoidanceSum: number;
  avoidanceElevated: boolean;
  style: AttachmentStyle;
  pursues: boolean;
  withdraws: boolean;
  safetyConcern: boolean;
  crisis: boolean;
}

export interface CoupleResult {
  anxiousAvoidantPairing: boolean;
  pursueWithdraw: boolean;
  pursuer: 'A' | 'B' | null;
  safetyConcern: boolean;
  crisis: boolean;
}

/** The twelve attachment items; a reverse-keyed item counts as 8 − answer. */
export const ATTACHMENT_ITEMS = [
  { id: 'anx1', dimension: 'anxiety', reverse: false },
  { id: 'anx2', dimension: 'anxiety', reverse: false },
  { id: 'anx3', dimension: 'anxiety', reverse: true },
  { id: 'anx4', dimension: 'anxiety', reverse: false },
  { id: 'anx5', dimension: 'anxiety', reverse: false },
  { id: 'anx6', dimension: 'anxiety', reverse: true },
  { id: 'avd1', dimension: 'avoidance', reverse: false },
  { id: 'avd2', dimension: 'avoidance', reverse: true },
  { id: 'avd3', dimension: 'avoidance', reverse: false },
  { id: 'avd4', dimension: 'avoidance', reverse: false },
  { id: 'avd5', dimension: 'avoidance', reverse: true },
  { id: 'avd6', dimension: 'avoidance', reverse: false },
] as const;

/** A dimension is elevated from this sum on (mean above the midpoint 4). */
export const ELEVATED_SUM = 25;

function scale(answers: Record<string, unknown>, id: string): number {
  const value = answers[id];
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 7) {
    throw new Error(`scoring needs ${id} as a whole number from 1 to 7`);
  }
  return value as number;
}

function yes(answers: Record<string, unknown>, id: string): boolean {
  const value = answers[id];
  if (typeof value !== 'boolean')
    throw new Error(`scoring needs ${id} as yes (true) or no (false)`);
  return value;
}

/** sum / 6 rounded half-up to 2 decimals, in integers so no binary fraction can tip it. */
export function meanOfSix(sum: number): number {
  const hundredths = Math.floor((sum * 100 * 2 + 6) / 12);
  return hundredths / 100;
}

function sumOf(answers: Record<string, unknown>, dimension: 'anxiety' | 'avoidance'): number {
  return ATTACHMENT_ITEMS.filter((item) => item.dimension === dimension).reduce((sum, item) => {
    const answer = scale(answers, item.id);
    return sum + (item.reverse ? 8 - answer : answer);
  }, 0);
}

export function styleOf(anxietyElevated: boolean, avoidanceElevated: boolean): AttachmentStyle {
  if (anxietyElevated && avoidanceElevated) return 'fearful';
  if (anxietyElevated) return 'anxious';
  if (avoidanceElevated) return 'avoidant';
  return 'secure';
}

/** `crisis_now` = yes (both forms have it). */
export function screenCrisis(answers: Record<string, unknown>): boolean {
  return yes(answers, 'crisis_now');
}

/** One respondent's result from their answers to the couples form. */
export function scoreRespondent(answers: Record<string, unknown>): RespondentResult {
  const anxietySum = sumOf(answers, 'anxiety');
  const avoidanceSum = sumOf(answers, 'avoidance');
  const anxietyElevated = anxietySum >= ELEVATED_SUM;
  const avoidanceElevated = avoidanceSum >= ELEVATED_SUM;
  const pursue = scale(answers, 'cyc_pursue');
  const withdraw = scale(answers, 'cyc_withdraw');
  return {
    anxiety: meanOfSix(anxietySum),
    anxietySum,
    anxietyElevated,
    avoidance: meanOfSix(avoidanceSum),
    avoidanceSum,
    avoidanceElevated,
    style: styleOf(anxietyElevated, avoidanceElevated),
    pursues: pursue >= 5 && withdraw <= 3,
    withdraws: withdraw >= 5 && pursue <= 3,
    safetyConcern:
      yes(answers, 'saf_afraid') || yes(answers, 'saf_harmed') || !yes(answers, 'saf_speak'),
    crisis: screenCrisis(answers),
  };
}

/** The couple's result once both have answered (A submitted the intake, B was invited). */
export function scoreCouple(a: RespondentResult, b: RespondentResult): CoupleResult {
  const aPursues = a.pursues && b.withdraws;
  const bPursues = b.pursues && a.withdraws;
  return {
    anxiousAvoidantPairing:
      (a.style === 'anxious' && b.style === 'avoidant') ||
      (a.style === 'avoidant' && b.style === 'anxious'),
    pursueWithdraw: aPursues || bPursues,
    pursuer: aPursues ? 'A' : bPursues ? 'B' : null,
    safetyConcern: a.safetyConcern || b.safetyConcern,
    crisis: a.crisis || b.crisis,
  };
}
