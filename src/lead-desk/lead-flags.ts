/**
 * The crisis and safety flags of a lead, and who raised them, from what its inquiries and
 * respondents' screened answers say. No framework code here: the rules of what is a
 * signal are the survey's (screenRespondent) and the naming rules are leadSignals'.
 */
import { type LeadLabel, leadLabels } from '../vocabulary/lead-labels.js';
import {
  type LeadSignal,
  type Partner,
  type ScreenedInquiry,
  type ScreenedRespondent,
  type SignalMark,
  leadSignals,
  signalMarks,
} from '../leads/lead-signals.js';

/** A respondent as screened, with whether anything they wrote or answered suggested crisis. */
export interface FlaggedRespondent extends ScreenedRespondent {
  crisis: boolean;
}

export interface LeadFlagsOf {
  safetyConcern: boolean;
  crisis: boolean;
  signals: LeadSignal[];
}

/**
 * The partner a respondent's signals are named by: A or B on a couple's intake, nobody on
 * a form of one person (whose one respondent is the lead's own contact).
 */
export function respondentPartner(formSlug: string, partner: Partner): Partner | null {
  return formSlug === 'couples' || partner === 'B' ? partner : null;
}

/** What staff read beside a signal of one partner of a couple (docs/api.md#who-said-what). */
export const PARTNER_CAUTION = 'Do not discuss this with the other partner.';

/** A signal as the lead page shows it: who said it, their own contact, and the caution. */
export interface SignalOnPage extends LeadSignal {
  /** On a couple's lead, what one partner said stays theirs; null on a lead of one person. */
  caution: typeof PARTNER_CAUTION | null;
}

export function withCaution(signal: LeadSignal): SignalOnPage {
  return { ...signal, caution: signal.partner === null ? null : PARTNER_CAUTION };
}

/** The lead page's flags: any respondent is enough, any inquiry with crisis words too. */
export function leadFlags(
  inquiries: readonly ScreenedInquiry[],
  respondents: readonly FlaggedRespondent[],
): LeadFlagsOf {
  return {
    safetyConcern: respondents.some((respondent) => respondent.safetyConcern),
    crisis:
      inquiries.some((inquiry) => inquiry.crisisText) ||
      respondents.some((respondent) => respondent.crisis),
    signals: leadSignals(inquiries, respondents),
  };
}

/**
 * What the list shows of a lead's signals: "crisis: B" marks, and the labels they and
 * a possible returning client call for.
 */
export function listMarks(
  signals: readonly LeadSignal[],
  returningClient = false,
): {
  marks: SignalMark[];
  labels: LeadLabel[];
} {
  const marks = signalMarks(signals);
  return {
    marks,
    labels: leadLabels({
      safetyConcern: marks.some((mark) => mark.kind === 'safety'),
      returningClient,
    }),
  };
}

/** Each lead's signals, from the inquiries and respondents of a page of leads. */
export function signalsByLead(
  leadIds: readonly string[],
  inquiries: readonly (ScreenedInquiry & { leadId: string })[],
  respondents: readonly (ScreenedRespondent & { leadId: string })[],
): Map<string, LeadSignal[]> {
  const signals = new Map<string, LeadSignal[]>();
  for (const leadId of leadIds) {
    signals.set(
      leadId,
      leadSignals(
        inquiries.filter((inquiry) => inquiry.leadId === leadId),
        respondents.filter((respondent) => respondent.leadId === leadId),
      ),
    );
  }
  return signals;
}
