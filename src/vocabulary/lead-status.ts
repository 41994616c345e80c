/** The lead pipeline (docs/api.md#lead-statuses-and-allowed-moves). No framework code here. */
export const LEAD_STATUSES = [
  'new',
  'in_review',
  'contacted',
  'consultation_scheduled',
  'waitlisted',
  'converted',
  'referred_out',
  'declined',
  'closed_no_response',
  'spam',
] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

const CLOSED: readonly LeadStatus[] = [
  'converted',
  'referred_out',
  'declined',
  'closed_no_response',
];

export const ALLOWED_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  new: ['in_review', 'contacted', 'spam'],
  in_review: ['contacted', 'waitlisted', 'referred_out', 'declined', 'spam'],
  contacted: [
    'consultation_scheduled',
    'waitlisted',
    'referred_out',
    'declined',
    'closed_no_response',
  ],
  consultation_scheduled: [
    'converted',
    'waitlisted',
    'referred_out',
    'declined',
    'closed_no_response',
  ],
  waitlisted: ['contacted', 'referred_out', 'closed_no_response'],
  spam: ['new'],
  converted: ['in_review'],
  referred_out: ['in_review'],
  declined: ['in_review'],
  closed_no_response: ['in_review'],
};

export function canTransition(from: LeadStatus, to: LeadStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/**
 * Where a booked consultation takes a lead: a consultation on the calendar is what
 * `consultation_scheduled` means, so any lead still before it in the open pipeline moves
 * there (a client may book online before anyone called). Null: the status stays.
 */
export function statusAfterBooking(from: LeadStatus): LeadStatus | null {
  return BOOKABLE_FROM.includes(from) ? 'consultation_scheduled' : null;
}

const BOOKABLE_FROM: readonly LeadStatus[] = ['new', 'in_review', 'contacted', 'waitlisted'];

/** A lead that a new submission from the same person should join rather than start anew. */
export function isOpen(status: LeadStatus): boolean {
  return status !== 'spam' && !CLOSED.includes(status);
}

export const OPEN_STATUSES: readonly LeadStatus[] = LEAD_STATUSES.filter(isOpen);

/**
 * The pipeline from least to furthest (docs/api.md#merge-preview): spam first, then the
 * closed statuses (a converted client furthest among them), then the open ones in the
 * order a lead moves through them. A closed lead never outranks an open one, spam
 * outranks nothing: a returning person's open lead is where the work is.
 */
export const PIPELINE_ORDER: readonly LeadStatus[] = [
  'spam',
  'closed_no_response',
  'declined',
  'referred_out',
  'converted',
  'new',
  'in_review',
  'contacted',
  'waitlisted',
  'consultation_scheduled',
];

export function pipelineRank(status: LeadStatus): number {
  return PIPELINE_ORDER.indexOf(status);
}

/** The status further along the pipeline; `kept` when both are as far. */
export function furtherStatus(kept: LeadStatus, other: LeadStatus): LeadStatus {
  return pipelineRank(other) > pipelineRank(kept) ? other : kept;
}
