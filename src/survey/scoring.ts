/**
 * Scoring of the couples intake survey, as docs/survey.md describes it. No framework code
 * here. These are screening indicators that help a clinician prepare for a first session;
 * they are not a diagnosis, and no result is ever shown to either partner.
 */
import { ELEVATED_SUM, SCALE_MAX, SCALE_MIN } from '../vocabulary/survey-scale.js';

/** Bump when any rule below changes, so a stored result can be recomputed by its own rules. */
export const SCORING_VERSION = 1;

export type AttachmentDimension = 'anxiety' | 'avoidance';
export type AttachmentStyle = 'secure' | 'anxious' | 'avoidant' | 'fearful';

export interface AttachmentItem {
  readonly id: string;
  readonly dimension: AttachmentDimension;
  /** Reverse-keyed (R): the keyed value is `8 − answer`. */
  readonly reverse: boolean;
}

/** A yes/no item of the safety section and the answer that raises its signal. */
export interface SafetyItem {
  readonly id: string;
  /** The answer (true = yes) that raises the signal. */
  readonly concernWhen: boolean;
  /** `crisis_now` raises `crisis`, which is not part of `safetyConcern`. */
  readonly signals: 'safetyConcern' | 'crisis';
}

/** Pursuing is `cyc_pursue ≥ 5` with `cyc_withdraw ≤ 3`; withdrawing the other way round. */
export const CYCLE_HIGH = 5;
export const CYCLE_LOW = 3;

export const ATTACHMENT_ITEMS: readonly AttachmentItem[] = [
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
];

export const CYCLE_ITEMS = ['cyc_pursue', 'cyc_withdraw'] as const;

export const SAFETY_ITEMS: readonly SafetyItem[] = [
  { id: 'saf_afraid', concernWhen: true, signals: 'safetyConcern' },
  { id: 'saf_harmed', concernWhen: true, signals: 'safetyConcern' },
  { id: 'saf_speak', concernWhen: false, signals: 'safetyConcern' },
  { id: 'crisis_now', concernWhen: true, signals: 'crisis' },
];

/** One respondent's result, stored with the intake (docs/survey.md#results). */
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

/** The couple's result once both partners have answered. `A` submitted the intake. */
export interface CoupleResult {
  anxiousAvoidantPairing: boolean;
  pursueWithdraw: boolean;
  pursuer: 'A' | 'B' | null;
  safetyConcern: boolean;
  crisis: boolean;
}

/**
 * A scored answer is missing or malformed. The HTTP layer validates answers first, so this
 * is a guard against a programming error; the message names the item but never the answer,
 * because answers are sensitive and error messages end up in logs.
 */
export class ScoringInputError extends Error {
  constructor(
    readonly itemId: string,
    expected: string,
  ) {
    super(`survey scoring: answer "${itemId}" is missing or invalid; expected ${expected}`);
    this.name = 'ScoringInputError';
  }
}

function answerOf(answers: Record<string, unknown>, id: string): unknown {
  return Object.hasOwn(answers, id) ? answers[id] : undefined;
}

function scaleAnswer(answers: Record<string, unknown>, id: string): number {
  const value = answerOf(answers, id);
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < SCALE_MIN ||
    value > SCALE_MAX
  ) {
    throw new ScoringInputError(id, `an integer from ${SCALE_MIN} to ${SCALE_MAX}`);
  }
  return value;
}

function yesNoAnswer(answers: Record<string, unknown>, id: string): boolean {
  const value = answerOf(answers, id);
  if (typeof value !== 'boolean') {
    throw new ScoringInputError(id, 'true (yes) or false (no)');
  }
  return value;
}

function keyedValue(item: AttachmentItem, answer: number): number {
  return item.reverse ? SCALE_MIN + SCALE_MAX - answer : answer;
}

/**
 * sum / count rounded half-up to 2 decimals, in integers: floor((200·sum + count) / (2·count))
 * is floor(100·sum/count + 1/2). The operands are small exact integers and the quotient is
 * never within 1/(2·count) of an integer unless it is one, so floating point cannot move it.
 */
function meanOf(sum: number, count: number): number {
  const hundredths = Math.floor((sum * 100 * 2 + count) / (count * 2));
  return hundredths / 100;
}

function dimensionSum(answers: Record<string, unknown>, dimension: AttachmentDimension): number {
  return ATTACHMENT_ITEMS.filter((item) => item.dimension === dimension).reduce(
    (sum, item) => sum + keyedValue(item, scaleAnswer(answers, item.id)),
    0,
  );
}

function styleOf(anxietyElevated: boolean, avoidanceElevated: boolean): AttachmentStyle {
  if (anxietyElevated) return avoidanceElevated ? 'fearful' : 'anxious';
  return avoidanceElevated ? 'avoidant' : 'secure';
}

function signalled(answers: Record<string, unknown>, signal: SafetyItem['signals']): boolean {
  // Every item is read, and so checked, before any is believed: no short-circuit.
  const raised = SAFETY_ITEMS.filter((item) => item.signals === signal).map(
    (item) => yesNoAnswer(answers, item.id) === item.concernWhen,
  );
  return raised.includes(true);
}

/**
 * Scores one respondent's answers to the couples form. Every scored item (the twelve
 * attachment items, both cycle items, the three safety items and `crisis_now`) is
 * required; a missing or out-of-range answer throws a `ScoringInputError` naming the item.
 */
export function scoreRespondent(answers: Record<string, unknown>): RespondentResult {
  // Stryker disable next-line EqualityOperator: six items per dimension, so either count is 6
  const anxietyCount = ATTACHMENT_ITEMS.filter((item) => item.dimension === 'anxiety').length;
  const avoidanceCount = ATTACHMENT_ITEMS.length - anxietyCount;
  const anxietySum = dimensionSum(answers, 'anxiety');
  const avoidanceSum = dimensionSum(answers, 'avoidance');
  const anxietyElevated = anxietySum >= ELEVATED_SUM;
  const avoidanceElevated = avoidanceSum >= ELEVATED_SUM;
  const [pursueItem, withdrawItem] = CYCLE_ITEMS;
  const pursue = scaleAnswer(answers, pursueItem);
  const withdraw = scaleAnswer(answers, withdrawItem);
  const safetyConcern = signalled(answers, 'safetyConcern');
  const crisis = signalled(answers, 'crisis');
  return {
    anxiety: meanOf(anxietySum, anxietyCount),
    anxietySum,
    anxietyElevated,
    avoidance: meanOf(avoidanceSum, avoidanceCount),
    avoidanceSum,
    avoidanceElevated,
    style: styleOf(anxietyElevated, avoidanceElevated),
    pursues: pursue >= CYCLE_HIGH && withdraw <= CYCLE_LOW,
    withdraws: withdraw >= CYCLE_HIGH && pursue <= CYCLE_LOW,
    safetyConcern,
    crisis,
  };
}

/**
 * Whether the answers report a crisis (`crisis_now` = yes). Works on any form that asks
 * `crisis_now`, such as the individual form; throws `ScoringInputError` when it is not yes/no.
 */
export function screenCrisis(answers: Record<string, unknown>): boolean {
  return signalled(answers, 'crisis');
}

/** Combines both partners' results; `a` submitted the intake, `b` was invited. */
export function scoreCouple(a: RespondentResult, b: RespondentResult): CoupleResult {
  const aPursuesBWithdraws = a.pursues && b.withdraws;
  const bPursuesAWithdraws = b.pursues && a.withdraws;
  return {
    anxiousAvoidantPairing:
      (a.style === 'anxious' && b.style === 'avoidant') ||
      (a.style === 'avoidant' && b.style === 'anxious'),
    pursueWithdraw: aPursuesBWithdraws || bPursuesAWithdraws,
    // Both at once cannot come from scoreRespondent: nobody both pursues and withdraws.
    pursuer: aPursuesBWithdraws ? 'A' : bPursuesAWithdraws ? 'B' : null,
    safetyConcern: a.safetyConcern || b.safetyConcern,
    crisis: a.crisis || b.crisis,
  };
}
