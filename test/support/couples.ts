/** Answers to the couples form v1 (docs/survey.md); override what the test is about. */
export function coupleAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    rel_length: '3to10y',
    rel_status: 'married',
    rel_prior_therapy: false,
    rel_goals: ['communication', 'conflict'],
    rel_story: 'We keep circling the same argument about time together.',
    anx1: 4,
    anx2: 4,
    anx3: 4,
    anx4: 4,
    anx5: 4,
    anx6: 4,
    avd1: 4,
    avd2: 4,
    avd3: 4,
    avd4: 4,
    avd5: 4,
    avd6: 4,
    cyc_pursue: 4,
    cyc_withdraw: 4,
    saf_afraid: false,
    saf_harmed: false,
    saf_speak: true,
    crisis_now: false,
    ...overrides,
  };
}

/** Strongly anxious, pursuing: anxiety sum 40, avoidance sum 10. */
export const ANXIOUS_PURSUER = {
  anx1: 7, anx2: 7, anx3: 1, anx4: 7, anx5: 6, anx6: 2,
  avd1: 2, avd2: 6, avd3: 1, avd4: 2, avd5: 6, avd6: 1,
  cyc_pursue: 7, cyc_withdraw: 1,
}; // prettier-ignore

/** Strongly avoidant, withdrawing: anxiety sum 9, avoidance sum 40. */
export const AVOIDANT_WITHDRAWER = {
  anx1: 2, anx2: 1, anx3: 7, anx4: 2, anx5: 2, anx6: 7,
  avd1: 7, avd2: 1, avd3: 6, avd4: 7, avd5: 2, avd6: 7,
  cyc_pursue: 2, cyc_withdraw: 7,
}; // prettier-ignore

export function aCouplesIntake(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const tag = Math.random().toString(36).slice(2, 8);
  return {
    formSlug: 'couples',
    formVersion: 1,
    client: {
      name: 'Alex Rivera',
      email: `alex.${tag}@example.com`,
      state: 'OR',
      dateOfBirth: '1988-05-01',
    },
    answers: coupleAnswers(),
    partner: { name: 'Sam Rivera', email: `sam.${tag}@example.com` },
    consent: { contact: true, privacyNoticeVersion: '2026-01', telehealth: true },
    website: '',
    ...overrides,
  };
}
