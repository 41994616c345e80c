import type { LeadStatus, Urgency } from '../api/types';
import { LEAD_LABELS } from './vocabulary';
import { LOCALE, t } from './i18n/t';

/** The words the staff app shows for the API's codes. */
export const STATUS_NAMES: Record<LeadStatus, string> = {
  new: 'New',
  in_review: 'In review',
  contacted: 'Contacted',
  consultation_scheduled: 'Consultation scheduled',
  waitlisted: 'Waitlisted',
  converted: 'Converted',
  referred_out: 'Referred out',
  declined: 'Declined',
  closed_no_response: 'Closed, no response',
  spam: 'Spam',
};

export const URGENCY_NAMES: Record<Urgency, string> = {
  crisis: 'Crisis',
  high: 'High',
  routine: 'Routine',
};

export const SERVICE_NAMES: Record<string, string> = {
  individual: 'Individual',
  couples: 'Couples',
  family: 'Family',
  other: 'Other',
};

export const LABEL_NAMES: Record<string, string> = LEAD_LABELS;

export const INTAKE_STATUS_NAMES: Record<string, string> = {
  awaiting_partner: 'Awaiting partner',
  intake_complete: 'Intake complete',
};

export const ROLE_NAMES: Record<string, string> = {
  admin: 'Admin',
  coordinator: 'Coordinator',
  clinician: 'Clinician',
};

const TIMELINE_NAMES: Record<string, string> = {
  inquiry_received: 'Inquiry received',
  intake_received: 'Intake received',
  awaiting_partner: 'Awaiting partner',
  partner_invited: 'Partner invited',
  partner_answered: 'Partner answered',
  intake_complete: 'Intake complete',
  note_added: 'Note added',
  staff_email: 'Staff emailed',
  status_changed: 'Status changed',
  urgency_changed: 'Urgency changed',
  assigned: 'Assigned',
  tags_changed: 'Tags changed',
  merged: 'Merged',
  client_referred: 'Client sent kind referrals',
};

export function timelineName(kind: string): string {
  return TIMELINE_NAMES[kind] ?? kind.replaceAll('_', ' ');
}

const dateTime = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium' });

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dateOnly.format(new Date(iso)) : '—';
}

/** Minutes as people say them: 45 min, 3 h 20 min, 2 d 4 h. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '—';
  const rounded = Math.round(minutes);
  if (rounded < 60) return t('shell.span.minutes', { minutes: rounded });
  const hours = Math.floor(rounded / 60);
  if (hours < 48) {
    return rounded % 60
      ? t('shell.span.hoursMinutes', { hours, minutes: rounded % 60 })
      : t('shell.span.hours', { hours });
  }
  const days = Math.floor(hours / 24);
  return hours % 24
    ? t('shell.span.daysHours', { days, hours: hours % 24 })
    : t('shell.span.days', { days });
}

export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : t('shell.share', { share });
}

/** "crisis: B" in the inbox; "crisis" on a lead of one person. */
export function signalMarkText(signal: { kind: 'crisis' | 'safety'; partner: 'A' | 'B' | null }) {
  return signal.partner ? `${signal.kind}: ${signal.partner}` : signal.kind;
}
