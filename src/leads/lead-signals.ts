/**
 * Who said what: every crisis or safety signal on a lead, named by the person it came from.
 * On a couple's lead a signal names partner A or B with that partner's own contact, so
 * staff never call one partner about what the other disclosed privately. No framework
 * code here; the rules of what is a signal are the survey's (screenRespondent).
 */
export const SIGNAL_KINDS = ['crisis', 'safety'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];
/** `message`: crisis words in free text; `answer`: a survey item (crisis_now, a safety item). */
export const SIGNAL_SOURCES = ['message', 'answer'] as const;
export type SignalSource = (typeof SIGNAL_SOURCES)[number];
export type Partner = 'A' | 'B';

export interface SignalContact {
  name: string;
  email: string;
  phone: string | null;
}

export interface LeadSignal {
  kind: SignalKind;
  /** A couple's partner; null for a lead of one person, or an inquiry no partner sent. */
  partner: Partner | null;
  source: SignalSource;
  contact: SignalContact;
}

/** The compact form the lead list carries: "crisis: B". */
export interface SignalMark {
  kind: SignalKind;
  partner: Partner | null;
}

/** What one intake respondent's answers raised (see screenRespondent). */
export interface ScreenedRespondent {
  /** Null for the single respondent of a form that is not the couples form. */
  partner: Partner | null;
  contact: SignalContact;
  crisisAnswer: boolean;
  crisisText: boolean;
  safetyConcern: boolean;
}

/** An inquiry's message and who sent it. */
export interface ScreenedInquiry {
  contact: SignalContact;
  crisisText: boolean;
}

const KIND_ORDER: Record<SignalKind, number> = { crisis: 0, safety: 1 };

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Every signal of a lead, crisis first, then partner A, B, then nobody's; one per kind,
 * partner and source (a partner who said it twice is one signal, with the first contact).
 * An inquiry belongs to the partner whose address sent it, else to nobody: its sender is
 * named by their own contact either way.
 */
export function leadSignals(
  inquiries: readonly ScreenedInquiry[],
  respondents: readonly ScreenedRespondent[],
): LeadSignal[] {
  const partners = respondents.filter((respondent) => respondent.partner !== null);
  const raised: LeadSignal[] = [];
  for (const inquiry of inquiries) {
    if (!inquiry.crisisText) continue;
    const sender = partners.find((respondent) =>
      sameAddress(respondent.contact.email, inquiry.contact.email),
    );
    raised.push({
      kind: 'crisis',
      partner: sender?.partner ?? null,
      source: 'message',
      contact: inquiry.contact,
    });
  }
  for (const respondent of respondents) {
    const about = { partner: respondent.partner, contact: respondent.contact };
    if (respondent.crisisAnswer) raised.push({ kind: 'crisis', source: 'answer', ...about });
    if (respondent.crisisText) raised.push({ kind: 'crisis', source: 'message', ...about });
    if (respondent.safetyConcern) raised.push({ kind: 'safety', source: 'answer', ...about });
  }
  const seen = new Set<string>();
  const signals = raised.filter((signal) => {
    const key = `${signal.kind}/${signal.partner ?? '-'}/${signal.source}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const partnerRank = (partner: Partner | null) => (partner === null ? 2 : partner === 'A' ? 0 : 1);
  // Array.prototype.sort is stable: answers stay before messages in the order raised.
  return signals.sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || partnerRank(a.partner) - partnerRank(b.partner),
  );
}

/** One mark per kind and partner, in the signals' order: what the list shows. */
export function signalMarks(signals: readonly LeadSignal[]): SignalMark[] {
  const marks: SignalMark[] = [];
  for (const { kind, partner } of signals) {
    if (!marks.some((mark) => mark.kind === kind && mark.partner === partner))
      marks.push({ kind, partner });
  }
  return marks;
}
