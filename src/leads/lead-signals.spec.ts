import { describe, expect, it } from '@jest/globals';
import {
  type ScreenedInquiry,
  type ScreenedRespondent,
  type SignalContact,
  leadSignals,
  signalMarks,
} from './lead-signals.js';

const ALEX: SignalContact = {
  name: 'Alex Rivera',
  email: 'alex@example.com',
  phone: '+15035550142',
};
const SAM: SignalContact = { name: 'Sam Rivera', email: 'sam@example.com', phone: null };

function respondent(
  partner: 'A' | 'B' | null,
  raised: Partial<Pick<ScreenedRespondent, 'crisisAnswer' | 'crisisText' | 'safetyConcern'>> = {},
): ScreenedRespondent {
  return {
    partner,
    contact: partner === 'B' ? SAM : ALEX,
    crisisAnswer: false,
    crisisText: false,
    safetyConcern: false,
    ...raised,
  };
}

function inquiry(contact = ALEX, crisisText = true): ScreenedInquiry {
  return { contact, crisisText };
}

describe('leadSignals', () => {
  it("names partner B with B's own contact when only B answered the crisis item", () => {
    const sut = leadSignals([], [respondent('A'), respondent('B', { crisisAnswer: true })]);
    expect(sut).toEqual([{ kind: 'crisis', partner: 'B', source: 'answer', contact: SAM }]);
  });

  it("names partner A with A's own contact when only A answered the crisis item", () => {
    const sut = leadSignals([], [respondent('A', { crisisAnswer: true }), respondent('B')]);
    expect(sut).toEqual([{ kind: 'crisis', partner: 'A', source: 'answer', contact: ALEX }]);
  });

  it('names each partner when both raised signals, crisis first, then A before B', () => {
    const sut = leadSignals(
      [],
      [
        respondent('A', { safetyConcern: true }),
        respondent('B', { crisisAnswer: true, safetyConcern: true }),
      ],
    );
    expect(sut.map(({ kind, partner }) => `${kind}: ${partner}`)).toEqual([
      'crisis: B',
      'safety: A',
      'safety: B',
    ]);
    expect(sut.find((s) => s.partner === 'A')!.contact).toEqual(ALEX);
    expect(sut.filter((s) => s.partner === 'B').map((s) => s.contact)).toEqual([SAM, SAM]);
  });

  it('tells crisis words in free text (message) from the crisis item (answer)', () => {
    const sut = leadSignals(
      [],
      [respondent('A'), respondent('B', { crisisText: true, crisisAnswer: true })],
    );
    expect(sut.map((s) => s.source)).toEqual(['answer', 'message']);
    expect(sut.every((s) => s.partner === 'B')).toBe(true);
  });

  it("gives an inquiry's crisis words to the partner whose address sent it", () => {
    const fromSam = inquiry({ ...SAM, email: 'SAM@example.com ' });
    const sut = leadSignals([fromSam], [respondent('A'), respondent('B')]);
    expect(sut).toEqual([
      { kind: 'crisis', partner: 'B', source: 'message', contact: fromSam.contact },
    ]);
  });

  it("names an inquiry no partner sent by its sender's own contact, without a partner", () => {
    const stranger = { name: 'Jo', email: 'jo@example.com', phone: null };
    const sut = leadSignals([inquiry(stranger)], [respondent('A'), respondent('B')]);
    expect(sut).toEqual([{ kind: 'crisis', partner: null, source: 'message', contact: stranger }]);
  });

  it('raises nothing for an inquiry without crisis words or respondents without signals', () => {
    expect(leadSignals([inquiry(ALEX, false)], [respondent('A'), respondent('B')])).toEqual([]);
  });

  it('names no partner on an individual lead, with the client’s own contact', () => {
    const sut = leadSignals([inquiry(ALEX)], [respondent(null, { crisisAnswer: true })]);
    expect(sut).toEqual([
      { kind: 'crisis', partner: null, source: 'message', contact: ALEX },
      { kind: 'crisis', partner: null, source: 'answer', contact: ALEX },
    ]);
  });

  it('keeps one signal per kind, partner and source across submissions', () => {
    const sut = leadSignals(
      [inquiry(ALEX), inquiry(ALEX)],
      [respondent('A', { crisisText: true }), respondent('B')],
    );
    expect(sut).toEqual([{ kind: 'crisis', partner: 'A', source: 'message', contact: ALEX }]);
  });
});

describe('signalMarks', () => {
  it('keeps one mark per kind and partner, in order: what the list shows', () => {
    const signals = leadSignals(
      [],
      [
        respondent('A', { safetyConcern: true }),
        respondent('B', { crisisAnswer: true, crisisText: true }),
      ],
    );
    expect(signalMarks(signals)).toEqual([
      { kind: 'crisis', partner: 'B' },
      { kind: 'safety', partner: 'A' },
    ]);
  });
});
