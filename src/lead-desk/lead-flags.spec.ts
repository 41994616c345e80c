import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { ScreenedInquiry, SignalContact } from '../leads/lead-signals.js';
import {
  type FlaggedRespondent,
  PARTNER_CAUTION,
  leadFlags,
  listMarks,
  respondentPartner,
  signalsByLead,
  withCaution,
} from './lead-flags.js';

const ALEX: SignalContact = { name: 'Alex Rivera', email: 'alex@example.com', phone: null };
const SAM: SignalContact = { name: 'Sam Rivera', email: 'sam@example.com', phone: '+15035550199' };
const OTHER: SignalContact = { name: 'Jo Rivera', email: 'jo@example.com', phone: null };

const raised = fc.record({
  crisisAnswer: fc.boolean(),
  crisisText: fc.boolean(),
  safetyConcern: fc.boolean(),
  crisis: fc.boolean(),
});

describe('respondentPartner', () => {
  it("names A and B on a couple's intake", () => {
    expect(respondentPartner('couples', 'A')).toBe('A');
    expect(respondentPartner('couples', 'B')).toBe('B');
  });

  it('names nobody for the one person of another form', () => {
    expect(respondentPartner('individual', 'A')).toBeNull();
  });
});

describe('leadFlags', () => {
  it('raises crisis for an inquiry with crisis words alone', () => {
    const flags = leadFlags([{ contact: OTHER, crisisText: true }], []);
    expect(flags).toEqual({
      safetyConcern: false,
      crisis: true,
      signals: [{ kind: 'crisis', partner: null, source: 'message', contact: OTHER }],
    });
  });

  it("raises safety for one partner's answer, named by that partner", () => {
    const b: FlaggedRespondent = {
      partner: 'B',
      contact: SAM,
      crisisAnswer: false,
      crisisText: false,
      safetyConcern: true,
      crisis: false,
    };
    expect(leadFlags([], [b])).toEqual({
      safetyConcern: true,
      crisis: false,
      signals: [{ kind: 'safety', partner: 'B', source: 'answer', contact: SAM }],
    });
  });

  it("never names one partner's private answers against the other, for any answers", () => {
    fc.assert(
      fc.property(
        raised,
        fc.option(raised, { nil: undefined }),
        fc.array(fc.record({ from: fc.constantFrom(ALEX, SAM, OTHER), crisis: fc.boolean() })),
        (a, b, inquiries) => {
          const respondents: FlaggedRespondent[] = [
            { partner: 'A', contact: ALEX, ...a },
            ...(b ? [{ partner: 'B' as const, contact: SAM, ...b }] : []),
          ];
          const screened: ScreenedInquiry[] = inquiries.map((inquiry) => ({
            contact: inquiry.from,
            crisisText: inquiry.crisis,
          }));
          const flags = leadFlags(screened, respondents);
          for (const signal of flags.signals) {
            if (signal.partner === 'A') expect(signal.contact).toEqual(ALEX);
            if (signal.partner === 'B') expect(signal.contact).toEqual(SAM);
            // Nobody's: an inquiry from an address no partner answered from.
            if (signal.partner === null) {
              expect(b ? [ALEX, SAM] : [ALEX]).not.toContainEqual(signal.contact);
            }
          }
          // A's crisis answer is A's alone: it never shows as B's, whatever B said.
          const bAnswers = flags.signals.filter(
            (signal) => signal.partner === 'B' && signal.source === 'answer',
          );
          expect(bAnswers.some((signal) => signal.kind === 'crisis')).toBe(
            b?.crisisAnswer ?? false,
          );
          expect(bAnswers.some((signal) => signal.kind === 'safety')).toBe(
            b?.safetyConcern ?? false,
          );
          expect(flags.safetyConcern).toBe(a.safetyConcern || (b?.safetyConcern ?? false));
          expect(flags.crisis).toBe(
            a.crisis || (b?.crisis ?? false) || inquiries.some((inquiry) => inquiry.crisis),
          );
        },
      ),
    );
  });
});

describe('listMarks', () => {
  it('asks to screen partners individually when a safety signal is on the lead', () => {
    const { marks, labels } = listMarks([
      { kind: 'crisis', partner: 'A', source: 'answer', contact: ALEX },
      { kind: 'crisis', partner: 'A', source: 'message', contact: ALEX },
      { kind: 'safety', partner: 'B', source: 'answer', contact: SAM },
    ]);
    expect(marks).toEqual([
      { kind: 'crisis', partner: 'A' },
      { kind: 'safety', partner: 'B' },
    ]);
    expect(labels).toEqual(['screen_partners_individually']);
  });

  it('carries no contact: the list says who raised it, not how to reach them', () => {
    const { marks, labels } = listMarks([
      { kind: 'crisis', partner: 'B', source: 'message', contact: SAM },
    ]);
    expect(JSON.stringify(marks)).not.toContain(SAM.email);
    expect(labels).toEqual([]);
  });
});

describe('signalsByLead', () => {
  it("gives each lead only its own people's signals, for any page of leads", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), raised), { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (leadIds, respondents, inquiries) => {
          const contactOf = (leadId: string): SignalContact => ({
            name: leadId,
            email: `${leadId}@example.com`,
            phone: null,
          });
          const pick = (n: number) => leadIds[n % leadIds.length]!;
          const signals = signalsByLead(
            leadIds,
            inquiries.map((n) => ({
              leadId: pick(n),
              contact: contactOf(pick(n)),
              crisisText: true,
            })),
            respondents.map(([n, flags]) => ({
              leadId: pick(n),
              partner: null,
              contact: contactOf(pick(n)),
              ...flags,
            })),
          );
          expect([...signals.keys()]).toEqual(leadIds);
          for (const [leadId, found] of signals) {
            for (const signal of found) expect(signal.contact.name).toBe(leadId);
            const crisisMessage = inquiries.some((n) => pick(n) === leadId);
            expect(found.some((s) => s.kind === 'crisis' && s.source === 'message')).toBe(
              crisisMessage ||
                respondents.some(([n, flags]) => pick(n) === leadId && flags.crisisText),
            );
          }
        },
      ),
    );
  });
});

describe('withCaution', () => {
  it("tells staff not to discuss a partner's signal with the other partner", () => {
    const fromSam = { kind: 'crisis', partner: 'B', source: 'answer', contact: SAM } as const;
    expect(withCaution(fromSam)).toEqual({
      ...fromSam,
      caution: 'Do not discuss this with the other partner.',
    });
    expect(withCaution({ ...fromSam, partner: 'A', contact: ALEX }).caution).toBe(PARTNER_CAUTION);
  });

  it('adds no caution on a lead of one person', () => {
    expect(
      withCaution({ kind: 'crisis', partner: null, source: 'message', contact: OTHER }).caution,
    ).toBeNull();
  });
});
