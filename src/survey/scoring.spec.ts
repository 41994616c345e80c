import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  ATTACHMENT_ITEMS,
  CYCLE_ITEMS,
  type RespondentResult,
  SAFETY_ITEMS,
  SCORING_VERSION,
  ScoringInputError,
  scoreCouple,
  scoreRespondent,
  screenCrisis,
} from './scoring.js';

type Answers = Record<string, unknown>;

// Written out from the table in docs/survey.md, not taken from the module, so a wrong flag
// there fails here.
const FORWARD = {
  anxiety: ['anx1', 'anx2', 'anx4', 'anx5'],
  avoidance: ['avd1', 'avd3', 'avd4', 'avd6'],
} as const;
const REVERSE = { anxiety: ['anx3', 'anx6'], avoidance: ['avd2', 'avd5'] } as const;
const DIMENSIONS = ['anxiety', 'avoidance'] as const;
const SCALE_IDS = [
  ...FORWARD.anxiety,
  ...REVERSE.anxiety,
  ...FORWARD.avoidance,
  ...REVERSE.avoidance,
  'cyc_pursue',
  'cyc_withdraw',
];
const YES_NO_IDS = ['saf_afraid', 'saf_harmed', 'saf_speak', 'crisis_now'];

/** A couples respondent who answers "neither" throughout and reports no concern. */
function answersWith(overrides: Answers = {}): Answers {
  return {
    ...Object.fromEntries(SCALE_IDS.map((id) => [id, 4])),
    saf_afraid: false,
    saf_harmed: false,
    saf_speak: true,
    crisis_now: false,
    ...overrides,
  };
}

/** Attachment answers whose keyed values in `dimension` add up to `sum` (6..42). */
function dimensionAnswersFor(dimension: 'anxiety' | 'avoidance', sum: number): Answers {
  const ids = [...FORWARD[dimension], ...REVERSE[dimension]];
  const answers: Answers = {};
  let remaining = sum;
  ids.forEach((id, index) => {
    const keyed = Math.min(7, remaining - (ids.length - index - 1));
    remaining -= keyed;
    answers[id] = (REVERSE[dimension] as readonly string[]).includes(id) ? 8 - keyed : keyed;
  });
  return answers;
}

/** One dimension of a result, so a test can loop over both. */
function dimensionOf(result: RespondentResult, dimension: (typeof DIMENSIONS)[number]) {
  return dimension === 'anxiety'
    ? { mean: result.anxiety, sum: result.anxietySum, elevated: result.anxietyElevated }
    : { mean: result.avoidance, sum: result.avoidanceSum, elevated: result.avoidanceElevated };
}

/** sum / 6 rounded half-up to 2 decimals, as a decimal string, in BigInt arithmetic. */
function decimalMean(sum: number): string {
  const scaled = BigInt(sum) * 100n;
  const remainder = scaled % 6n;
  const hundredths = scaled / 6n + (remainder * 2n >= 6n ? 1n : 0n);
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}

const scale = fc.integer({ min: 1, max: 7 });
const arbitraryAnswers: fc.Arbitrary<Answers> = fc.record({
  ...Object.fromEntries(SCALE_IDS.map((id) => [id, scale])),
  ...Object.fromEntries(YES_NO_IDS.map((id) => [id, fc.boolean()])),
});

describe('the survey items', () => {
  it('key the twelve attachment items as docs/survey.md does, four of them reversed', () => {
    expect(ATTACHMENT_ITEMS.map(({ id, dimension, reverse }) => [id, dimension, reverse])).toEqual([
      ['anx1', 'anxiety', false],
      ['anx2', 'anxiety', false],
      ['anx3', 'anxiety', true],
      ['anx4', 'anxiety', false],
      ['anx5', 'anxiety', false],
      ['anx6', 'anxiety', true],
      ['avd1', 'avoidance', false],
      ['avd2', 'avoidance', true],
      ['avd3', 'avoidance', false],
      ['avd4', 'avoidance', false],
      ['avd5', 'avoidance', true],
      ['avd6', 'avoidance', false],
    ]);
    expect(CYCLE_ITEMS).toEqual(['cyc_pursue', 'cyc_withdraw']);
    expect(SAFETY_ITEMS.map(({ id, concernWhen }) => [id, concernWhen])).toEqual([
      ['saf_afraid', true],
      ['saf_harmed', true],
      ['saf_speak', false],
      ['crisis_now', true],
    ]);
    expect(SCORING_VERSION).toBe(1);
  });
});

describe('scoreRespondent', () => {
  const cases: { name: string; answers: Answers; expected: RespondentResult }[] = [
    {
      // The example in docs/survey.md#results.
      // anxiety: 5 + 5 + (8−3=5) + 5 + 4 + (8−4=4) = 28 → 28/6 = 4.666… → 4.67, elevated.
      // avoidance: 2 + (8−6=2) + 3 + 3 + (8−5=3) + 2 = 15 → 2.5, not elevated → anxious.
      // pursue 6 ≥ 5 and withdraw 2 ≤ 3 → pursues. No safety answer raises a concern.
      name: 'an anxious pursuer (the docs/survey.md example)',
      answers: answersWith({
        ...{ anx1: 5, anx2: 5, anx3: 3, anx4: 5, anx5: 4, anx6: 4 },
        ...{ avd1: 2, avd2: 6, avd3: 3, avd4: 3, avd5: 5, avd6: 2 },
        ...{ cyc_pursue: 6, cyc_withdraw: 2 },
      }),
      expected: {
        ...{ anxiety: 4.67, anxietySum: 28, anxietyElevated: true },
        ...{ avoidance: 2.5, avoidanceSum: 15, avoidanceElevated: false },
        ...{ style: 'anxious', pursues: true, withdraws: false },
        ...{ safetyConcern: false, crisis: false },
      },
    },
    {
      // anxiety: 4·6 = 24 (reverse 4 keys to 4) → exactly 4, one short of elevated.
      // avoidance: 5 + 4·5 = 25 → 25/6 = 4.1666… → 4.17, elevated at exactly 25 → avoidant.
      // withdraw 6 ≥ 5 and pursue 2 ≤ 3 → withdraws. saf_speak = no → safety concern.
      name: 'an avoidant withdrawer at the 24/25 threshold who does not feel safe to speak',
      answers: answersWith({ avd1: 5, cyc_pursue: 2, cyc_withdraw: 6, saf_speak: false }),
      expected: {
        ...{ anxiety: 4, anxietySum: 24, anxietyElevated: false },
        ...{ avoidance: 4.17, avoidanceSum: 25, avoidanceElevated: true },
        ...{ style: 'avoidant', pursues: false, withdraws: true },
        ...{ safetyConcern: true, crisis: false },
      },
    },
    {
      // anxiety: 7 + 6 + (8−4) + 4 + 4 + (8−4) = 29 → 4.8333… → 4.83, elevated.
      // avoidance: 3 + (8−3=5) + 4 + 4 + (8−4) + 4 = 24 → 4, not elevated → anxious.
      // cycle 4/4: neither. saf_afraid = yes → safety concern.
      name: 'sum 29 rounds down to 4.83 and reverse keying turns a 3 into a 5',
      answers: answersWith({ anx1: 7, anx2: 6, avd1: 3, avd2: 3, saf_afraid: true }),
      expected: {
        ...{ anxiety: 4.83, anxietySum: 29, anxietyElevated: true },
        ...{ avoidance: 4, avoidanceSum: 24, avoidanceElevated: false },
        ...{ style: 'anxious', pursues: false, withdraws: false },
        ...{ safetyConcern: true, crisis: false },
      },
    },
    {
      // Every answer 7: anxiety 7 + 7 + 1 + 7 + 7 + 1 = 30 → 5; avoidance 7 + 1 + 7 + 7 + 1 + 7
      // = 30 → 5; both elevated → fearful. Cycle 7/7: neither (the other is not ≤ 3).
      // saf_afraid, saf_harmed = yes; saf_speak = yes (no concern on its own); crisis_now = yes.
      name: 'answering 7 everywhere is fearful, not 42, because four items are reversed',
      answers: answersWith({
        ...Object.fromEntries(SCALE_IDS.map((id) => [id, 7])),
        ...{ saf_afraid: true, saf_harmed: true, saf_speak: true, crisis_now: true },
      }),
      expected: {
        ...{ anxiety: 5, anxietySum: 30, anxietyElevated: true },
        ...{ avoidance: 5, avoidanceSum: 30, avoidanceElevated: true },
        ...{ style: 'fearful', pursues: false, withdraws: false },
        ...{ safetyConcern: true, crisis: true },
      },
    },
    {
      // Every answer 1: anxiety 1 + 1 + 7 + 1 + 1 + 7 = 18 → 3; avoidance 1 + 7 + 1 + 1 + 7 + 1
      // = 18 → 3 → secure. Cycle 1/1: neither. saf_harmed = yes → safety concern.
      name: 'answering 1 everywhere is secure with both means at 3',
      answers: answersWith({
        ...Object.fromEntries(SCALE_IDS.map((id) => [id, 1])),
        saf_harmed: true,
      }),
      expected: {
        ...{ anxiety: 3, anxietySum: 18, anxietyElevated: false },
        ...{ avoidance: 3, avoidanceSum: 18, avoidanceElevated: false },
        ...{ style: 'secure', pursues: false, withdraws: false },
        ...{ safetyConcern: true, crisis: false },
      },
    },
    {
      // Forward items 7, reverse items 1: every keyed value 7 → 42 → 7 on both → fearful.
      // Pursue exactly 5 and withdraw exactly 3 → pursues. crisis_now = yes is a crisis,
      // and is not a safety concern on its own.
      name: 'the maximum 42, the pursue boundary 5/3, and a crisis without a safety concern',
      answers: answersWith({
        ...{ anx1: 7, anx2: 7, anx3: 1, anx4: 7, anx5: 7, anx6: 1 },
        ...{ avd1: 7, avd2: 1, avd3: 7, avd4: 7, avd5: 1, avd6: 7 },
        ...{ cyc_pursue: 5, cyc_withdraw: 3, crisis_now: true },
      }),
      expected: {
        ...{ anxiety: 7, anxietySum: 42, anxietyElevated: true },
        ...{ avoidance: 7, avoidanceSum: 42, avoidanceElevated: true },
        ...{ style: 'fearful', pursues: true, withdraws: false },
        ...{ safetyConcern: false, crisis: true },
      },
    },
    {
      // Forward items 1, reverse items 7: every keyed value 1 → 6 → 1 on both → secure.
      // Withdraw exactly 5 and pursue exactly 3 → withdraws.
      name: 'the minimum 6 and the withdraw boundary 5/3',
      answers: answersWith({
        ...{ anx1: 1, anx2: 1, anx3: 7, anx4: 1, anx5: 1, anx6: 7 },
        ...{ avd1: 1, avd2: 7, avd3: 1, avd4: 1, avd5: 7, avd6: 1 },
        ...{ cyc_pursue: 3, cyc_withdraw: 5 },
      }),
      expected: {
        ...{ anxiety: 1, anxietySum: 6, anxietyElevated: false },
        ...{ avoidance: 1, avoidanceSum: 6, avoidanceElevated: false },
        ...{ style: 'secure', pursues: false, withdraws: true },
        ...{ safetyConcern: false, crisis: false },
      },
    },
    {
      // anxiety: 5 + 5 + (8−4=4) + 4 + 4 + (8−2=6) = 28 → 4.67, elevated.
      // avoidance: 1 + (8−7=1) + 4 + 4 + (8−4=4) + 1 = 15 → 2.5 → anxious.
      // Pursue 5 but withdraw 4 (not ≤ 3) → does not pursue.
      name: 'a pursuer only when the other answer is 3 or less',
      answers: answersWith({
        ...{ anx1: 5, anx2: 5, anx6: 2, avd1: 1, avd2: 7, avd6: 1 },
        ...{ cyc_pursue: 5, cyc_withdraw: 4 },
      }),
      expected: {
        ...{ anxiety: 4.67, anxietySum: 28, anxietyElevated: true },
        ...{ avoidance: 2.5, avoidanceSum: 15, avoidanceElevated: false },
        ...{ style: 'anxious', pursues: false, withdraws: false },
        ...{ safetyConcern: false, crisis: false },
      },
    },
  ];

  it.each(cases)('scores $name', ({ answers, expected }) => {
    expect(scoreRespondent(answers)).toStrictEqual(expected);
  });

  it('returns exactly the fields of docs/survey.md, in its order', () => {
    expect(Object.keys(scoreRespondent(answersWith()))).toEqual([
      'anxiety',
      'anxietySum',
      'anxietyElevated',
      'avoidance',
      'avoidanceSum',
      'avoidanceElevated',
      'style',
      'pursues',
      'withdraws',
      'safetyConcern',
      'crisis',
    ]);
  });

  const everySum = Array.from({ length: 37 }, (_, index) => index + 6);
  // sum mod 6 → .00 .17 .33 .50 .67 .83: written out by hand for every sum 6..42.
  const handMeans = [
    ...[1, 1.17, 1.33, 1.5, 1.67, 1.83, 2, 2.17, 2.33, 2.5, 2.67, 2.83],
    ...[3, 3.17, 3.33, 3.5, 3.67, 3.83, 4, 4.17, 4.33, 4.5, 4.67, 4.83],
    ...[5, 5.17, 5.33, 5.5, 5.67, 5.83, 6, 6.17, 6.33, 6.5, 6.67, 6.83, 7],
  ];

  it.each(DIMENSIONS)('gives the half-up mean of every %s sum from 6 to 42', (dimension) => {
    for (const sum of everySum) {
      const result = scoreRespondent(answersWith(dimensionAnswersFor(dimension, sum)));
      const { mean, sum: scoredSum, elevated } = dimensionOf(result, dimension);
      expect(scoredSum).toBe(sum);
      expect(mean).toBe(handMeans[sum - 6]);
      expect(mean).toBe(Number(decimalMean(sum)));
      expect(mean.toFixed(2)).toBe(decimalMean(sum));
      expect(elevated).toBe(sum >= 25);
    }
  });

  it('keeps sums within 6..42 and means within 1..7', () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const result = scoreRespondent(answers);
        for (const dimension of DIMENSIONS) {
          const { mean, sum } = dimensionOf(result, dimension);
          expect(sum).toBeGreaterThanOrEqual(6);
          expect(sum).toBeLessThanOrEqual(42);
          expect(mean).toBeGreaterThanOrEqual(1);
          expect(mean).toBeLessThanOrEqual(7);
        }
      }),
    );
  });

  it('sums forward answers and 8 − answer for the reverse-keyed items', () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const result = scoreRespondent(answers);
        for (const dimension of DIMENSIONS) {
          const forward = FORWARD[dimension].reduce((sum, id) => sum + Number(answers[id]), 0);
          const reverse = REVERSE[dimension].reduce((sum, id) => sum + 8 - Number(answers[id]), 0);
          expect(dimensionOf(result, dimension).sum).toBe(forward + reverse);
        }
      }),
    );
  });

  it('counts x on a reverse item as 8 − x on a forward item of the same dimension', () => {
    const pairs = DIMENSIONS.flatMap((dimension) =>
      REVERSE[dimension].flatMap((reverse) =>
        FORWARD[dimension].map((forward) => [reverse, forward] as const),
      ),
    );
    fc.assert(
      fc.property(
        arbitraryAnswers,
        fc.constantFrom(...pairs),
        scale,
        scale,
        (answers, [reverse, forward], x, y) => {
          // Reverse item x and forward item y, against reverse item 8 − y and forward item 8 − x.
          const asGiven = scoreRespondent({ ...answers, [reverse]: x, [forward]: y });
          const moved = scoreRespondent({ ...answers, [reverse]: 8 - y, [forward]: 8 - x });
          expect(moved).toStrictEqual(asGiven);
        },
      ),
    );
  });

  it('gives each mean as sum / 6 rounded half-up, by an independent decimal computation', () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const result = scoreRespondent(answers);
        for (const dimension of DIMENSIONS) {
          const { mean, sum } = dimensionOf(result, dimension);
          expect(mean).toBe(Number(decimalMean(sum)));
          expect(mean.toFixed(2)).toBe(decimalMean(sum));
        }
      }),
    );
  });

  it('puts every respondent in exactly one style, the one the elevated flags name', () => {
    const styleFor = {
      secure: [false, false],
      anxious: [true, false],
      avoidant: [false, true],
      fearful: [true, true],
    } as const;
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const result = scoreRespondent(answers);
        expect(result.anxietyElevated).toBe(result.anxietySum >= 25);
        expect(result.avoidanceElevated).toBe(result.avoidanceSum >= 25);
        // Elevated is also "mean above the midpoint 4".
        expect(result.anxietyElevated).toBe(result.anxiety > 4);
        expect(result.avoidanceElevated).toBe(result.avoidance > 4);
        const matching = Object.entries(styleFor).filter(
          ([, [anxious, avoidant]]) =>
            anxious === result.anxietyElevated && avoidant === result.avoidanceElevated,
        );
        expect(matching.map(([style]) => style)).toEqual([result.style]);
      }),
    );
  });

  it('never has a respondent both pursue and withdraw, and follows the thresholds', () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const { pursues, withdraws } = scoreRespondent(answers);
        const pursue = Number(answers.cyc_pursue);
        const withdraw = Number(answers.cyc_withdraw);
        expect(pursues && withdraws).toBe(false);
        expect(pursues).toBe(pursue >= 5 && withdraw <= 3);
        expect(withdraws).toBe(withdraw >= 5 && pursue <= 3);
      }),
    );
  });

  it('raises a safety concern on afraid = yes, harmed = yes or safe to speak = no, never on crisis', () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const { safetyConcern, crisis } = scoreRespondent(answers);
        expect(safetyConcern).toBe(
          answers.saf_afraid === true || answers.saf_harmed === true || answers.saf_speak === false,
        );
        expect(crisis).toBe(answers.crisis_now === true);
      }),
    );
  });

  it.each([...SCALE_IDS, ...YES_NO_IDS])('names %s when its answer is missing', (id) => {
    const answers = answersWith();
    delete answers[id];
    expect(() => scoreRespondent(answers)).toThrow(ScoringInputError);
    expect(() => scoreRespondent(answers)).toThrow(`"${id}"`);
  });

  it('throws an error that says what it is and which item, for the logs', () => {
    const answers = answersWith();
    delete answers.anx2;
    expect(() => scoreRespondent(answers)).toThrow(
      expect.objectContaining({ name: 'ScoringInputError', itemId: 'anx2' }),
    );
  });

  it.each([0, 8, -1, 4.5, Number.NaN, '4', null, true])('refuses the scale answer %p', (value) => {
    expect(() => scoreRespondent(answersWith({ avd5: value }))).toThrow(
      'answer "avd5" is missing or invalid; expected an integer from 1 to 7',
    );
  });

  it.each(['yes', 'no', 1, 0, null])('refuses the yes/no answer %p', (value) => {
    expect(() => scoreRespondent(answersWith({ saf_speak: value }))).toThrow(
      'answer "saf_speak" is missing or invalid; expected true (yes) or false (no)',
    );
  });

  it('does not take answers inherited from a prototype', () => {
    const answers = Object.create(answersWith({ anx1: 4 })) as Answers;
    expect(() => scoreRespondent(answers)).toThrow(Error);
  });
});

describe('screenCrisis', () => {
  it('reads crisis_now alone, as on the individual form', () => {
    expect(screenCrisis({ crisis_now: true })).toBe(true);
    expect(screenCrisis({ crisis_now: false, saf_afraid: true })).toBe(false);
  });

  it('names crisis_now when it is missing or not yes/no', () => {
    expect(() => screenCrisis({})).toThrow('"crisis_now"');
    expect(() => screenCrisis({ crisis_now: 'yes' })).toThrow('"crisis_now"');
  });

  it('agrees with scoreRespondent on the couples form', () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        expect(screenCrisis(answers)).toBe(scoreRespondent(answers).crisis);
      }),
    );
  });
});

describe('scoreCouple', () => {
  const anxiousPursuer = scoreRespondent(
    answersWith({ anx1: 7, anx2: 7, cyc_pursue: 6, cyc_withdraw: 2 }),
  );
  const avoidantWithdrawer = scoreRespondent(
    answersWith({ avd1: 7, avd3: 7, cyc_pursue: 1, cyc_withdraw: 7, saf_speak: false }),
  );
  const secure = scoreRespondent(answersWith());

  it('finds an anxious pursuer with an avoidant withdrawer, either way round', () => {
    // A: anxiety 7 + 7 + 4·4 = 30, avoidance 24 → anxious; pursue 6, withdraw 2 → pursues.
    // B: anxiety 24, avoidance 7 + 7 + 4·4 = 30 → avoidant; withdraw 7, pursue 1 → withdraws,
    // and does not feel safe to speak → the couple has a safety concern.
    expect(anxiousPursuer.style).toBe('anxious');
    expect(avoidantWithdrawer.style).toBe('avoidant');
    expect(scoreCouple(anxiousPursuer, avoidantWithdrawer)).toStrictEqual({
      anxiousAvoidantPairing: true,
      pursueWithdraw: true,
      pursuer: 'A',
      safetyConcern: true,
      crisis: false,
    });
    expect(scoreCouple(avoidantWithdrawer, anxiousPursuer)).toStrictEqual({
      anxiousAvoidantPairing: true,
      pursueWithdraw: true,
      pursuer: 'B',
      safetyConcern: true,
      crisis: false,
    });
  });

  it('finds no pattern in two secure partners, and carries a crisis from either', () => {
    const inCrisis = scoreRespondent(answersWith({ crisis_now: true }));
    expect(scoreCouple(secure, secure)).toStrictEqual({
      anxiousAvoidantPairing: false,
      pursueWithdraw: false,
      pursuer: null,
      safetyConcern: false,
      crisis: false,
    });
    expect(scoreCouple(secure, inCrisis)).toStrictEqual({
      anxiousAvoidantPairing: false,
      pursueWithdraw: false,
      pursuer: null,
      safetyConcern: false,
      crisis: true,
    });
  });

  it('sees no pursue–withdraw pattern when both pursue, and no pairing when both are anxious', () => {
    expect(scoreCouple(anxiousPursuer, anxiousPursuer)).toMatchObject({
      anxiousAvoidantPairing: false,
      pursueWithdraw: false,
      pursuer: null,
    });
  });

  it('follows its definitions for any two respondents', () => {
    fc.assert(
      fc.property(arbitraryAnswers, arbitraryAnswers, (answersA, answersB) => {
        const a = scoreRespondent(answersA);
        const b = scoreRespondent(answersB);
        const couple = scoreCouple(a, b);
        const styles = [a.style, b.style].sort();
        expect(couple.anxiousAvoidantPairing).toBe(
          styles[0] === 'anxious' && styles[1] === 'avoidant',
        );
        expect(couple.pursueWithdraw).toBe(
          (a.pursues && b.withdraws) || (b.pursues && a.withdraws),
        );
        expect(couple.pursuer).toBe(
          a.pursues && b.withdraws ? 'A' : b.pursues && a.withdraws ? 'B' : null,
        );
        expect(couple.pursuer === null).toBe(!couple.pursueWithdraw);
        expect(couple.safetyConcern).toBe(a.safetyConcern || b.safetyConcern);
        expect(couple.crisis).toBe(a.crisis || b.crisis);
      }),
      { numRuns: 500 },
    );
  });

  it('swapping partners swaps the pursuer and changes nothing else', () => {
    const swapped = { A: 'B', B: 'A' } as const;
    fc.assert(
      fc.property(arbitraryAnswers, arbitraryAnswers, (answersA, answersB) => {
        const a = scoreRespondent(answersA);
        const b = scoreRespondent(answersB);
        const forward = scoreCouple(a, b);
        const backward = scoreCouple(b, a);
        expect(backward).toStrictEqual({
          ...forward,
          pursuer: forward.pursuer === null ? null : swapped[forward.pursuer],
        });
      }),
      { numRuns: 1000 },
    );
  });
});
