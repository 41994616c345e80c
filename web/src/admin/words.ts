import type { Language, LeadStatus, Urgency } from '../api/types';
import { LEAD_LABELS, SERVICE_TYPES } from './vocabulary';
import { LOCALE, t } from './i18n/t';

/** The words the staff app shows for the API's codes. */
export const STATUS_NAMES: Record<LeadStatus, string> = {
  new: t('words.status.new'),
  in_review: t('words.status.inReview'),
  contacted: t('words.status.contacted'),
  consultation_scheduled: t('words.status.consultationScheduled'),
  waitlisted: t('words.status.waitlisted'),
  converted: t('words.status.converted'),
  referred_out: t('words.status.referredOut'),
  declined: t('words.status.declined'),
  closed_no_response: t('words.status.closedNoResponse'),
  spam: t('words.status.spam'),
};

export const URGENCY_NAMES: Record<Urgency, string> = {
  crisis: t('words.urgency.crisis'),
  high: t('words.urgency.high'),
  routine: t('words.urgency.routine'),
};

/** The client's language, as the staff app names it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: t('words.language.en'),
  es: t('words.language.es'),
};

export const SERVICE_NAMES: Record<string, string> = {
  individual: t('words.service.individual'),
  couples: t('words.service.couples'),
  family: t('words.service.family'),
  other: t('words.service.other'),
};

/** The service types as a form's choices (a CheckList's options): code and words. */
export const SERVICE_OPTIONS = SERVICE_TYPES.map(
  (type) => [type, SERVICE_NAMES[type] ?? type] as const,
);

export const LABEL_NAMES: Record<string, string> = LEAD_LABELS;

export const INTAKE_STATUS_NAMES: Record<string, string> = {
  awaiting_partner: t('words.intakeStatus.awaitingPartner'),
  intake_complete: t('words.intakeStatus.intakeComplete'),
};

export const ROLE_NAMES: Record<string, string> = {
  admin: t('words.role.admin'),
  coordinator: t('words.role.coordinator'),
  clinician: t('words.role.clinician'),
};

const TIMELINE_NAMES: Record<string, string> = {
  inquiry_received: t('words.timeline.inquiryReceived'),
  intake_received: t('words.timeline.intakeReceived'),
  awaiting_partner: t('words.timeline.awaitingPartner'),
  partner_invited: t('words.timeline.partnerInvited'),
  partner_answered: t('words.timeline.partnerAnswered'),
  intake_complete: t('words.timeline.intakeComplete'),
  note_added: t('words.timeline.noteAdded'),
  staff_email: t('words.timeline.staffEmail'),
  status_changed: t('words.timeline.statusChanged'),
  urgency_changed: t('words.timeline.urgencyChanged'),
  assigned: t('words.timeline.assigned'),
  tags_changed: t('words.timeline.tagsChanged'),
  merged: t('words.timeline.merged'),
  client_referred: t('words.timeline.clientReferred'),
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
