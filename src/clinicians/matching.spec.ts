import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { SERVICE_TYPES } from '../vocabulary/contact.js';
import { URGENCIES } from '../vocabulary/urgency.js';
import {
  AT_CAPACITY_PENALTY,
  FIT_GENERAL,
  FIT_PATTERN,
  FIT_SPECIFIC,
  type MatchClinician,
  type MatchLead,
  URGENCY_WEIGHTS,
  couplePatternOf,
  rankClinicians,
} from './matching.js';

/** A couples lead from California, routine, with no recorded pattern. */
function leadWith(overrides: Partial<MatchLead> = {}): MatchLead {
  return { serviceType: 'couples', state: 'CA', urgency: 'routine', pattern: null, ...overrides };
}

/** An active couples therapist in California with 3 of 5 weekly slots taken. */
function clinicianWith(overrides: Partial<MatchClinician> = {}): MatchClinician {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Dana Reyes',
    modalities: ['gottman'],
    serviceTypes: ['couples', 'individual'],
    licensedStates: ['CA', 'OR'],
    acceptingNewClients: true,
    weeklyCapacity: 5,
    openLeads: 3,
    active: true,
    ...overrides,
  };
}

function matchFor(lead: MatchLead, clinician: MatchClinician) {
  const [match] = rankClinicians(lead, [clinician]);
  return match;
}

describe('hard constraints', () => {
  it('a clinician not licensed in the client state is not eligible and scores 0', () => {
    const match = matchFor(leadWith(), clinicianWith({ licensedStates: ['NY'] }));
    expect(match).toEqual({
      clinicianId: '00000000-0000-4000-8000-000000000001',
      name: 'Dana Reyes',
      eligible: false,
      score: 0,
      reasons: ['Not licensed in CA'],
    });
  });

  it('compares states without regard to case or surrounding spaces', () => {
    const match = matchFor(leadWith({ state: ' ca' }), clinicianWith({ licensedStates: ['Ca'] }));
    expect(match.eligible).toBe(true);
  });

  it('reads the clinician’s states and services without regard to case or surrounding spaces', () => {
    const match = matchFor(
      leadWith(),
      clinicianWith({ licensedStates: [' ca '], serviceTypes: [' Couples'] }),
    );
    expect(match.eligible).toBe(true);
  });

  it('a state of only spaces counts as no state', () => {
    const match = matchFor(leadWith({ state: '  ' }), clinicianWith({ licensedStates: ['CA'] }));
    expect(match.eligible).toBe(true);
    expect(match.reasons[0]).toBe('State unknown: check licensure');
  });

  it('a lead without a state excludes nobody but asks to check licensure', () => {
    const match = matchFor(leadWith({ state: null }), clinicianWith({ licensedStates: [] }));
    expect(match.eligible).toBe(true);
    expect(match.score).toBeGreaterThan(0);
    expect(match.reasons[0]).toBe('State unknown: check licensure');
  });

  it('says nothing about licensure when the clinician is licensed in the state', () => {
    const match = matchFor(leadWith(), clinicianWith());
    expect(match.reasons.join(' ')).not.toMatch(/licens/i);
  });

  it('a clinician not accepting new clients is not eligible', () => {
    const match = matchFor(leadWith(), clinicianWith({ acceptingNewClients: false }));
    expect(match).toMatchObject({
      eligible: false,
      score: 0,
      reasons: ['Not accepting new clients'],
    });
  });

  it.each([
    ['couples', 'Does not offer couples therapy'],
    ['individual', 'Does not offer individual therapy'],
    ['family', 'Does not offer family therapy'],
    ['other', 'Does not offer other services'],
  ] as const)('a clinician who does not offer %s therapy is not eligible', (type, reason) => {
    const match = matchFor(
      leadWith({ serviceType: type }),
      clinicianWith({ serviceTypes: SERVICE_TYPES.filter((offered) => offered !== type) }),
    );
    expect(match).toMatchObject({ eligible: false, score: 0, reasons: [reason] });
  });

  it('an inactive clinician is not eligible', () => {
    const match = matchFor(leadWith(), clinicianWith({ active: false }));
    expect(match).toMatchObject({ eligible: false, score: 0, reasons: ['Inactive'] });
  });

  it('lists every failed constraint, and only those', () => {
    const match = matchFor(
      leadWith(),
      clinicianWith({
        active: false,
        licensedStates: ['TX'],
        acceptingNewClients: false,
        serviceTypes: ['individual'],
      }),
    );
    expect(match.reasons).toEqual([
      'Inactive',
      'Not licensed in CA',
      'Not accepting new clients',
      'Does not offer couples therapy',
    ]);
  });
});

describe('modality fit', () => {
  it('a couples-specific modality earns most of the modality points', () => {
    const match = matchFor(leadWith(), clinicianWith({ modalities: ['gottman', 'eft'] }));
    // routine: 60 × 0.8 for the modality + 40 × (5 − 3) / 5 for the spare slots.
    expect(match.score).toBe(60 * FIT_SPECIFIC + 16);
    expect(match.reasons).toEqual([
      'Trained in EFT and Gottman, suited to couples therapy',
      '3 open leads of a weekly capacity of 5',
      'Routine urgency: spare capacity counts for 40 of 100 points, modality for 60',
    ]);
  });

  it.each([
    ['eft', 'Trained in EFT, suited to a pursue–withdraw cycle'],
    ['gottman', 'Trained in Gottman, suited to a pursue–withdraw cycle'],
  ])('%s earns the full modality points for a pursue–withdraw couple', (modality, reason) => {
    const match = matchFor(
      leadWith({ pattern: 'pursue_withdraw' }),
      clinicianWith({ modalities: [modality] }),
    );
    expect(match.score).toBe(60 * FIT_PATTERN + 16);
    expect(match.reasons[0]).toBe(reason);
  });

  it('names EFT first for a pursue–withdraw couple when the clinician has both', () => {
    const match = matchFor(
      leadWith({ pattern: 'pursue_withdraw' }),
      clinicianWith({ modalities: ['gottman', 'eft'] }),
    );
    expect(match.reasons[0]).toBe('Trained in EFT, suited to a pursue–withdraw cycle');
  });

  it('suits EFT, not Gottman, to an anxious–avoidant pairing', () => {
    const lead = leadWith({ pattern: 'anxious_avoidant' });
    expect(matchFor(lead, clinicianWith({ modalities: ['eft'] })).reasons[0]).toBe(
      'Trained in EFT, suited to an anxious–avoidant pairing',
    );
    expect(matchFor(lead, clinicianWith({ modalities: ['gottman'] })).reasons[0]).toBe(
      'Trained in Gottman, suited to couples therapy',
    );
  });

  it('ignores an unknown pattern, and any pattern on a lead that is not a couple', () => {
    expect(
      matchFor(leadWith({ pattern: 'constructor' }), clinicianWith({ modalities: ['eft'] }))
        .reasons[0],
    ).toBe('Trained in EFT, suited to couples therapy');
    expect(
      matchFor(
        leadWith({ serviceType: 'individual', pattern: 'pursue_withdraw' }),
        clinicianWith({ modalities: ['eft'] }),
      ).reasons[0],
    ).toBe('Trained in EFT, not specific to individual therapy');
  });

  it('a general modality earns a little for couples therapy', () => {
    const match = matchFor(leadWith(), clinicianWith({ modalities: ['cbt', 'ifs'] }));
    expect(match.score).toBe(Math.round(60 * FIT_GENERAL + 16));
    expect(match.reasons[0]).toBe('Trained in IFS and CBT, not specific to couples therapy');
  });

  it('lists individual modalities in a fixed order, whatever their case or order on file', () => {
    const match = matchFor(
      leadWith({ serviceType: 'individual' }),
      clinicianWith({ modalities: ['DBT', ' cbt', 'ifs', 'cbt', 'EMDR'] }),
    );
    expect(match.reasons[0]).toBe(
      'Trained in IFS, CBT, EMDR and DBT, suited to individual therapy',
    );
  });

  it('names a modality it does not know as it is written', () => {
    const match = matchFor(leadWith(), clinicianWith({ modalities: ['psychodynamic'] }));
    expect(match.reasons[0]).toBe('Trained in psychodynamic, not specific to couples therapy');
  });

  it('reads a modality without regard to surrounding spaces', () => {
    const match = matchFor(leadWith(), clinicianWith({ modalities: [' eft '] }));
    expect(match.reasons[0]).toBe('Trained in EFT, suited to couples therapy');
  });

  it.each([
    [['psychodynamic', 'cbt', 'narrative', 'ifs']],
    [['narrative', 'ifs', 'psychodynamic', 'cbt']],
    [['cbt', 'psychodynamic', 'ifs', 'narrative']],
  ])('lists known modalities first, then the others alphabetically, from %j', (modalities) => {
    const match = matchFor(leadWith(), clinicianWith({ modalities }));
    expect(match.reasons[0]).toBe(
      'Trained in IFS, CBT, narrative and psychodynamic, not specific to couples therapy',
    );
  });

  it('ignores empty modality entries', () => {
    const match = matchFor(leadWith(), clinicianWith({ modalities: ['', '  '] }));
    expect(match.score).toBe(16);
    expect(match.reasons[0]).toBe('No modalities listed');
  });

  it('for other requests every modality counts as general', () => {
    const match = matchFor(
      leadWith({ serviceType: 'other' }),
      clinicianWith({ modalities: ['eft'], serviceTypes: ['other'] }),
    );
    expect(match.reasons[0]).toBe('Trained in EFT');
  });

  it('a clinician with no modality on file earns no modality points and says so', () => {
    const match = matchFor(leadWith(), clinicianWith({ modalities: [] }));
    expect(match.score).toBe(16);
    expect(match.reasons[0]).toBe('No modalities listed');
  });
});

describe('load', () => {
  it('says how many open leads of how much weekly capacity', () => {
    expect(matchFor(leadWith(), clinicianWith({ openLeads: 1 })).reasons).toContain(
      '1 open lead of a weekly capacity of 5',
    );
    expect(matchFor(leadWith(), clinicianWith({ openLeads: 0 })).reasons).toContain(
      '0 open leads of a weekly capacity of 5',
    );
  });

  it('a clinician at capacity drops sharply, not by one slot’s worth', () => {
    const oneLeft = matchFor(leadWith(), clinicianWith({ openLeads: 4 }));
    const full = matchFor(leadWith(), clinicianWith({ openLeads: 5 }));
    expect(oneLeft.score).toBe(48 + 8);
    expect(full.score).toBe(48 - AT_CAPACITY_PENALTY);
    expect(full.eligible).toBe(true);
    expect(full.reasons).toContain('5 open leads of a weekly capacity of 5: at capacity');
  });

  it('a clinician over capacity loses the same points as one at capacity', () => {
    const over = matchFor(leadWith(), clinicianWith({ openLeads: 7 }));
    expect(over).toMatchObject({ eligible: true, score: 48 - AT_CAPACITY_PENALTY });
  });

  it('says so when a clinician is over capacity or has none', () => {
    expect(matchFor(leadWith(), clinicianWith({ openLeads: 7 })).reasons).toContain(
      '7 open leads of a weekly capacity of 5: over capacity',
    );
    expect(
      matchFor(leadWith(), clinicianWith({ weeklyCapacity: 0, openLeads: 0 })).reasons,
    ).toContain('0 open leads of a weekly capacity of 0: at capacity');
  });

  // The database keeps both numbers non-negative integers; anything else counts as none.
  it.each([-2, Number.NaN, Number.POSITIVE_INFINITY])(
    'a weekly capacity of %p counts as no capacity',
    (weeklyCapacity) => {
      const match = matchFor(leadWith(), clinicianWith({ weeklyCapacity, openLeads: 0 }));
      expect(match).toMatchObject({ eligible: true, score: 48 - AT_CAPACITY_PENALTY });
      expect(match.reasons[1]).toBe(
        `0 open leads of a weekly capacity of ${weeklyCapacity}: at capacity`,
      );
    },
  );

  it.each([-2, Number.NaN, Number.POSITIVE_INFINITY])(
    'an open-lead count of %p counts as no open leads',
    (openLeads) => {
      const match = matchFor(leadWith(), clinicianWith({ weeklyCapacity: 5, openLeads }));
      // 60 × 0.8 for Gottman + all 40 capacity points.
      expect(match.score).toBe(88);
      expect(match.reasons[1]).toBe(`${openLeads} open leads of a weekly capacity of 5`);
    },
  );

  it('never goes below 0 for an eligible clinician with nothing in favour', () => {
    const match = matchFor(leadWith(), clinicianWith({ modalities: [], openLeads: 9 }));
    expect(match).toMatchObject({ eligible: true, score: 0 });
  });
});

describe('urgency', () => {
  // A: the ideal method, 2 of 5 slots left. B: a general method, every slot free.
  const a = clinicianWith({ id: 'a', name: 'A', modalities: ['eft'], openLeads: 3 });
  const b = clinicianWith({ id: 'b', name: 'B', modalities: ['cbt'], openLeads: 0 });

  it('a routine lead goes to the better method', () => {
    expect(rankClinicians(leadWith(), [a, b]).map((match) => match.score)).toEqual([64, 58]);
  });

  it.each(['high', 'crisis'] as const)('a %s lead goes to the spare capacity', (urgency) => {
    const ranked = rankClinicians(leadWith({ urgency }), [a, b]);
    expect(ranked.map((match) => match.clinicianId)).toEqual(['b', 'a']);
  });

  it.each(URGENCIES)('gives the %s weighting as a reason', (urgency) => {
    const { modality, capacity } = URGENCY_WEIGHTS[urgency];
    expect(modality + capacity).toBe(100);
    const label = { routine: 'Routine', high: 'High', crisis: 'Crisis' }[urgency];
    expect(matchFor(leadWith({ urgency }), a).reasons).toContain(
      `${label} urgency: spare capacity counts for ${capacity} of 100 points, modality for ${modality}`,
    );
  });
});

describe('ordering', () => {
  it('puts an eligible clinician scoring 0 before any ineligible one', () => {
    const ranked = rankClinicians(leadWith(), [
      clinicianWith({ id: 'x', name: 'Aaron', acceptingNewClients: false }),
      clinicianWith({ id: 'y', name: 'Zoe', modalities: [], openLeads: 9 }),
    ]);
    expect(ranked.map((match) => [match.name, match.eligible, match.score])).toEqual([
      ['Zoe', true, 0],
      ['Aaron', false, 0],
    ]);
  });

  it('breaks a tie in score by fewer open leads', () => {
    // 8 of 10 slots free and 4 of 5 free: the same share, so the same score.
    const ranked = rankClinicians(leadWith(), [
      clinicianWith({ id: 'x', name: 'Aaron', weeklyCapacity: 10, openLeads: 2 }),
      clinicianWith({ id: 'y', name: 'Zoe', weeklyCapacity: 5, openLeads: 1 }),
    ]);
    expect(ranked[0].score).toBe(ranked[1].score);
    expect(ranked.map((match) => match.name)).toEqual(['Zoe', 'Aaron']);
  });

  it('then by name, ignoring case, then by id', () => {
    const ranked = rankClinicians(leadWith(), [
      clinicianWith({ id: 'c', name: 'bea' }),
      clinicianWith({ id: 'b', name: 'Cy' }),
      clinicianWith({ id: 'z', name: 'Al' }),
      clinicianWith({ id: 'a', name: 'Al' }),
    ]);
    expect(ranked.map((match) => match.clinicianId)).toEqual(['a', 'z', 'c', 'b']);
  });

  it('orders a clinician listed twice with different data the same whatever the input order', () => {
    // Same id, name, score and load: only the reasons tell the two entries apart.
    const lead = leadWith({ serviceType: 'other' });
    const short = clinicianWith({ modalities: ['eft'], serviceTypes: ['other'] });
    const long = clinicianWith({ modalities: ['eft', 'gottman'], serviceTypes: ['other'] });
    const ranked = rankClinicians(lead, [short, long]);
    expect(ranked[0].score).toBe(ranked[1].score);
    expect(rankClinicians(lead, [long, short])).toEqual(ranked);
  });

  it('returns nothing for no clinicians', () => {
    expect(rankClinicians(leadWith(), [])).toEqual([]);
  });
});

describe('couplePatternOf', () => {
  const couple = {
    anxiousAvoidantPairing: false,
    pursueWithdraw: false,
    pursuer: null,
    safetyConcern: false,
    crisis: false,
  };

  it('prefers the pursue–withdraw cycle, then the anxious–avoidant pairing', () => {
    expect(couplePatternOf(null)).toBeNull();
    expect(couplePatternOf(couple)).toBeNull();
    expect(couplePatternOf({ ...couple, anxiousAvoidantPairing: true })).toBe('anxious_avoidant');
    expect(
      couplePatternOf({
        ...couple,
        anxiousAvoidantPairing: true,
        pursueWithdraw: true,
        pursuer: 'A',
      }),
    ).toBe('pursue_withdraw');
  });
});

describe('properties', () => {
  const leadArb: fc.Arbitrary<MatchLead> = fc.record({
    serviceType: fc.constantFrom(...SERVICE_TYPES),
    state: fc.constantFrom(null, 'CA', 'NY', 'tx', ''),
    urgency: fc.constantFrom(...URGENCIES),
    pattern: fc.constantFrom(null, undefined, 'pursue_withdraw', 'anxious_avoidant', 'toString'),
  });
  const fieldsArb = fc.record({
    name: fc.constantFrom('Ana', 'ana', 'Ben', 'Chris', 'Émile', ''),
    modalities: fc.array(
      fc.constantFrom(
        'gottman',
        'eft',
        'EFT',
        'ifs',
        'cbt',
        'emdr',
        'dbt',
        'act',
        'bowen',
        'other',
      ),
      { maxLength: 4 },
    ),
    serviceTypes: fc.subarray([...SERVICE_TYPES]),
    licensedStates: fc.subarray(['CA', 'NY', 'TX', 'ny']),
    acceptingNewClients: fc.boolean(),
    weeklyCapacity: fc.integer({ min: 0, max: 10 }),
    openLeads: fc.integer({ min: 0, max: 15 }),
    active: fc.boolean(),
  });
  const cliniciansArb: fc.Arbitrary<MatchClinician[]> = fc
    .uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 12 })
    .chain((ids) => fc.tuple(...ids.map((id) => fieldsArb.map((fields) => ({ id, ...fields })))));

  it('never ranks an ineligible clinician above an eligible one', () => {
    fc.assert(
      fc.property(leadArb, cliniciansArb, (lead, clinicians) => {
        const eligible = rankClinicians(lead, clinicians).map((match) => match.eligible);
        expect(eligible).toEqual([...eligible].sort((a, b) => Number(b) - Number(a)));
      }),
    );
  });

  it('scores are integers in 0..100, 0 when not eligible, and never rise down the list', () => {
    fc.assert(
      fc.property(leadArb, cliniciansArb, (lead, clinicians) => {
        const ranked = rankClinicians(lead, clinicians);
        for (const match of ranked) {
          expect(Number.isInteger(match.score)).toBe(true);
          expect(match.score).toBeGreaterThanOrEqual(0);
          expect(match.score).toBeLessThanOrEqual(100);
          if (!match.eligible) expect(match.score).toBe(0);
          expect(match.reasons.length).toBeGreaterThan(0);
        }
        ranked.slice(1).forEach((match, index) => {
          if (match.eligible === ranked[index].eligible) {
            expect(match.score).toBeLessThanOrEqual(ranked[index].score);
          }
        });
      }),
    );
  });

  it('returns every clinician exactly once', () => {
    fc.assert(
      fc.property(leadArb, cliniciansArb, (lead, clinicians) => {
        const ids = rankClinicians(lead, clinicians).map((match) => match.clinicianId);
        expect([...ids].sort()).toEqual(clinicians.map((clinician) => clinician.id).sort());
      }),
    );
  });

  it('more open leads never raise a score', () => {
    fc.assert(
      fc.property(leadArb, fieldsArb, fc.integer({ min: 1, max: 20 }), (lead, fields, more) => {
        const clinician = { id: 'x', ...fields };
        const before = matchFor(lead, clinician);
        const after = matchFor(lead, { ...clinician, openLeads: clinician.openLeads + more });
        expect(after.score).toBeLessThanOrEqual(before.score);
        expect(after.eligible).toBe(before.eligible);
      }),
    );
  });

  it('gives the same answer whatever the order of the clinicians', () => {
    fc.assert(
      fc.property(
        leadArb,
        cliniciansArb.chain((clinicians) =>
          fc.tuple(
            fc.constant(clinicians),
            fc.shuffledSubarray(clinicians, {
              minLength: clinicians.length,
              maxLength: clinicians.length,
            }),
          ),
        ),
        (lead, [clinicians, shuffled]) => {
          expect(rankClinicians(lead, shuffled)).toEqual(rankClinicians(lead, clinicians));
        },
      ),
    );
  });

  it('a better modality fit never lowers a score', () => {
    // Written from the weights, so a change to their order fails here.
    expect(FIT_PATTERN).toBeGreaterThan(FIT_SPECIFIC);
    expect(FIT_SPECIFIC).toBeGreaterThan(FIT_GENERAL);
    fc.assert(
      fc.property(leadArb, fieldsArb, (lead, fields) => {
        const clinician = { id: 'x', ...fields };
        const withEft = { ...clinician, modalities: [...clinician.modalities, 'eft'] };
        if (lead.serviceType === 'couples') {
          expect(matchFor(lead, withEft).score).toBeGreaterThanOrEqual(
            matchFor(lead, clinician).score,
          );
        }
      }),
    );
  });
});
