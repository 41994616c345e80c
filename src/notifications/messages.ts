import { formatMessage } from '../common/i18n.js';
import {
  CLIENT_WORDS,
  type ClientWordKey,
  dateForClient,
  momentForClient,
} from '../vocabulary/client-words.js';
import type { Language } from '../vocabulary/languages.js';
import { CRISIS_RESOURCES_BY_LANGUAGE, type Urgency } from '../vocabulary/urgency.js';

/**
 * The words of every email (no framework code here). Staff mail carries only what
 * docs/api.md#mail-to-staff allows: reference, service type, urgency, time received and a
 * link; never a name, a message, an answer or a flag. Every message has a plain-text part; every
 * value placed in HTML is escaped, and nothing user-written reaches a header.
 */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  /** An iCalendar invitation sent with the message (`text/calendar; method=…`). */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
  /** Files sent with the message (a client's signed consent documents). */
  attachments?: MessageAttachment[];
}

export interface MessageAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface PracticeDetails {
  name: string;
  /** Base URL of this service, for links. */
  baseUrl: string;
  /** How a client reaches the practice: each line set appears under the name. */
  contact?: PracticeContact;
  /** The language of the client or partner this message is for (default `en`); staff mail is English. */
  language?: Language;
}

/** One of the client words in the message's language. */
export function say(
  practice: PracticeDetails,
  key: ClientWordKey,
  values: Record<string, string | number> = {},
): string {
  const language = practice.language ?? 'en';
  return formatMessage(language, CLIENT_WORDS[language][key], values);
}

/** A link to one of this service's public pages, opened in the message's language (`lang=`). */
export function pageLink(practice: PracticeDetails, href: string): string {
  const url = new URL(href);
  url.searchParams.set('lang', practice.language ?? 'en');
  return url.toString();
}

export interface PracticeContact {
  phone?: string;
  email?: string;
  website?: string;
  address?: string;
}

/** A place a client may turn to, as a referral email lists it. */
export interface ReferralListing {
  name: string;
  phone?: string;
  website?: string;
  note?: string;
}

export interface LeadFacts {
  leadId: string;
  reference: string;
  serviceType: string;
  urgency: Urgency;
  receivedAt: Date;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** Subjects are one line: control characters (CR, LF …) become spaces. */
export function headerSafe(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
}

const URGENCY_WORDS: Record<Urgency, string> = {
  crisis: 'CRISIS',
  high: 'high',
  routine: 'routine',
};

const leadLink = (practice: PracticeDetails, leadId: string) =>
  `${practice.baseUrl}/admin/leads/${encodeURIComponent(leadId)}`;

/**
 * The signature: the practice's name, then each contact line it has set (phone, email,
 * website, address). Every email to a client or partner ends with it; staff mail carries
 * the name only.
 */
export function signatureLines(practice: PracticeDetails): string[] {
  const contact = practice.contact ?? {};
  return [
    practice.name,
    ...(contact.phone ? [say(practice, 'mail.signature.phone', { phone: contact.phone })] : []),
    ...(contact.email ? [say(practice, 'mail.signature.email', { email: contact.email })] : []),
    ...(contact.website
      ? [say(practice, 'mail.signature.website', { website: contact.website })]
      : []),
    ...(contact.address ? [contact.address] : []),
  ];
}

/**
 * Paragraphs, an optional link, and the signature of `practice` (its contact lines when it
 * has them: pass only the name and base URL for staff mail), as plain text and HTML.
 */
export function mailLayout(
  practice: PracticeDetails,
  paragraphs: string[],
  link?: { href: string; label: string },
): { text: string; html: string } {
  const [name, ...contact] = signatureLines(practice);
  const text = [
    ...paragraphs,
    ...(link ? [`${link.label}: ${link.href}`] : []),
    '',
    [`— ${name}`, ...contact].join('\n'),
  ].join('\n\n');
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>')}</p>`),
    ...(link ? [`<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`] : []),
    `<p>${[`— ${name}`, ...contact].map(escapeHtml).join('<br>')}</p>`,
    '</body></html>',
  ].join('\n');
  return { text, html };
}

/** Staff mail is signed with the name only: the contact lines are for clients. */
export const staffSigned = (practice: PracticeDetails): PracticeDetails => ({
  name: practice.name,
  baseUrl: practice.baseUrl,
});

function leadSummary(lead: LeadFacts): string[] {
  return [
    `Reference: ${lead.reference}`,
    `Service: ${lead.serviceType}`,
    `Urgency: ${URGENCY_WORDS[lead.urgency]}`,
    `Received: ${lead.receivedAt.toISOString()}`,
  ];
}

export function staffNewLead(practice: PracticeDetails, lead: LeadFacts): RenderedMessage {
  const flag = lead.urgency === 'routine' ? '' : ` [${URGENCY_WORDS[lead.urgency]}]`;
  return {
    subject: headerSafe(`New lead ${lead.reference}${flag}`),
    ...mailLayout(
      staffSigned(practice),
      ['A new lead is waiting for triage.', leadSummary(lead).join('\n')],
      {
        href: leadLink(practice, lead.leadId),
        label: 'Open the lead',
      },
    ),
  };
}

/** A returning person wrote again on an open lead: the same facts, marked as a follow-up. */
export function staffFollowUp(practice: PracticeDetails, lead: LeadFacts): RenderedMessage {
  const flag = lead.urgency === 'routine' ? '' : ` [${URGENCY_WORDS[lead.urgency]}]`;
  return {
    subject: headerSafe(`Follow-up on lead ${lead.reference}${flag}`),
    ...mailLayout(
      practice,
      ['Follow-up: someone on an open lead wrote again.', leadSummary(lead).join('\n')],
      { href: leadLink(practice, lead.leadId), label: 'Open the lead' },
    ),
  };
}

export function crisisAlert(practice: PracticeDetails, lead: LeadFacts): RenderedMessage {
  return {
    subject: headerSafe(`CRISIS: lead ${lead.reference} needs attention now`),
    ...mailLayout(
      staffSigned(practice),
      [
        'A submission suggests a crisis. Please review this lead now.',
        leadSummary(lead).join('\n'),
      ],
      { href: leadLink(practice, lead.leadId), label: 'Open the lead' },
    ),
  };
}

export function overdueReminder(
  practice: PracticeDetails,
  lead: LeadFacts,
  stage: 'reminder' | 'escalation',
): RenderedMessage {
  const escalation = stage === 'escalation';
  return {
    subject: headerSafe(
      escalation
        ? `Escalation: lead ${lead.reference} is well past its response target`
        : `Reminder: lead ${lead.reference} is past its response target`,
    ),
    ...mailLayout(
      staffSigned(practice),
      [
        escalation
          ? 'This lead has waited twice its response-time target without first contact.'
          : 'This lead has passed its response-time target without first contact.',
        leadSummary(lead).join('\n'),
      ],
      { href: leadLink(practice, lead.leadId), label: 'Open the lead' },
    ),
  };
}

export function clientAcknowledgement(
  practice: PracticeDetails,
  submission: { reference: string; bookingLink?: string | null },
): RenderedMessage {
  const { reference } = submission;
  return {
    subject: headerSafe(say(practice, 'mail.acknowledgement.subject', { reference })),
    ...mailLayout(
      practice,
      [
        say(practice, 'mail.greeting'),
        say(practice, 'mail.acknowledgement.thanks'),
        say(practice, 'reference.mention', { reference }),
        ...(submission.bookingLink ? [say(practice, 'mail.acknowledgement.booking')] : []),
        say(practice, 'crisis.mail'),
      ],
      submission.bookingLink
        ? {
            href: pageLink(practice, submission.bookingLink),
            label: say(practice, 'mail.acknowledgement.bookingLink'),
          }
        : undefined,
    ),
  };
}

export function partnerInvitation(
  practice: PracticeDetails,
  invitation: { invitedByFirstName: string; link: string; expiresAt: Date },
): RenderedMessage {
  const until = dateForClient(practice.language ?? 'en', invitation.expiresAt);
  return {
    subject: headerSafe(say(practice, 'mail.invitation.subject', { practice: practice.name })),
    ...mailLayout(
      practice,
      [
        say(practice, 'mail.greeting'),
        say(practice, 'mail.invitation.asked', {
          inviter: invitation.invitedByFirstName,
          practice: practice.name,
        }),
        say(practice, 'mail.invitation.private'),
        say(practice, 'mail.invitation.until', { until }),
      ],
      { href: invitation.link, label: say(practice, 'mail.invitation.link') },
    ),
  };
}

/**
 * The link to answers saved for later. Nothing the visitor typed is repeated: the
 * address may not be theirs (anyone can type any address).
 */
export function intakeDraftResume(
  practice: PracticeDetails,
  draft: { link: string; expiresAt: Date },
): RenderedMessage {
  const until = dateForClient(practice.language ?? 'en', draft.expiresAt);
  return {
    subject: headerSafe(say(practice, 'mail.resume.subject', { practice: practice.name })),
    ...mailLayout(
      practice,
      [
        say(practice, 'mail.greeting'),
        say(practice, 'mail.resume.saved', { practice: practice.name }),
        say(practice, 'mail.resume.until', { until }),
        say(practice, 'mail.resume.notYou'),
      ],
      { href: draft.link, label: say(practice, 'mail.resume.link') },
    ),
  };
}

/** A time a person reads in an email: minutes, UTC, said so. */
const untilWords = (when: Date) => `${when.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function staffInvitation(
  practice: PracticeDetails,
  invitation: { role: string; link: string; expiresAt: Date },
): RenderedMessage {
  return {
    subject: headerSafe(`${practice.name}: your staff account is ready`),
    ...mailLayout(
      staffSigned(practice),
      [
        'Hello,',
        `An admin of ${practice.name} has created a staff account for you on its intake system, with the role ${invitation.role}.`,
        `Choose your password with the link below. It works once, until ${untilWords(invitation.expiresAt)}; after that, ask an admin to send a new invitation.`,
        'If you did not expect this email, you can ignore it.',
      ],
      { href: invitation.link, label: 'Choose your password' },
    ),
  };
}

export function passwordReset(
  practice: PracticeDetails,
  reset: { link: string; expiresAt: Date },
): RenderedMessage {
  return {
    subject: headerSafe(`${practice.name}: reset your password`),
    ...mailLayout(
      staffSigned(practice),
      [
        'Hello,',
        `Someone asked to reset the password of your staff account at ${practice.name}.`,
        `To choose a new password, use the link below. It works once, until ${untilWords(reset.expiresAt)}. Choosing a new password signs you out everywhere.`,
        'If it was not you, ignore this email: your password stays as it is.',
      ],
      { href: reset.link, label: 'Choose a new password' },
    ),
  };
}

/** The 988 line and emergency services, as every kind client email ends its help with. */
const crisisLines = (practice: PracticeDetails) =>
  CRISIS_RESOURCES_BY_LANGUAGE[practice.language ?? 'en']
    .map((resource) => `${resource.name}: ${resource.contact}`)
    .join('\n');

/** One resource as a block of lines: name, phone, website, note. */
function listingLines(practice: PracticeDetails, listing: ReferralListing) {
  return [
    listing.name,
    ...(listing.phone ? [`${say(practice, 'mail.referral.phone')}: ${listing.phone}`] : []),
    ...(listing.website ? [`${say(practice, 'mail.referral.website')}: ${listing.website}`] : []),
    ...(listing.note ? [listing.note] : []),
  ].join('\n');
}

/**
 * The kind email to a client the practice refers out or declines: the places that fit
 * them, the 988 line, and the practice's signature. Holds nothing the client wrote.
 */
export function clientReferral(
  practice: PracticeDetails,
  referral: { resources: readonly ReferralListing[] },
): RenderedMessage {
  const listings = referral.resources.map((listing) => listingLines(practice, listing));
  return {
    subject: headerSafe(say(practice, 'mail.referral.subject', { practice: practice.name })),
    ...mailLayout(practice, [
      say(practice, 'mail.greeting'),
      say(practice, 'mail.referral.opening'),
      ...(listings.length > 0
        ? [say(practice, 'mail.referral.withResources'), ...listings]
        : [say(practice, 'mail.referral.withoutResources')]),
      say(practice, 'mail.referral.crisis'),
      crisisLines(practice),
      say(practice, 'mail.referral.closing'),
    ]),
  };
}

/** A request to sign documents, in the reader's language; the link opens the page in it too. */
export function paperworkRequest(
  practice: PracticeDetails,
  request: { link: string; expiresAt: Date },
): RenderedMessage {
  const until = momentForClient(practice.language ?? 'en', request.expiresAt);
  return {
    subject: headerSafe(say(practice, 'mail.paperwork.subject', { practice: practice.name })),
    ...mailLayout(
      practice,
      [
        say(practice, 'mail.greeting'),
        say(practice, 'mail.paperwork.asks', { practice: practice.name }),
        say(practice, 'mail.paperwork.until', { until }),
        say(practice, 'mail.paperwork.notExpected'),
      ],
      { href: pageLink(practice, request.link), label: say(practice, 'mail.paperwork.link') },
    ),
  };
}
