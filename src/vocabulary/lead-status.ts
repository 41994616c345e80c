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

/** A lead that a new submission from the same person should join rather than start anew. */
export function isOpen(status: LeadStatus): boolean {
  return status !== 'spam' && !CLOSED.includes(status);
}

export const OPEN_STATUSES: readonly LeadStatus[] = LEAD_STATUSES.filter(isOpen);
