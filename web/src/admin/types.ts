/**
 * The admin API's answers as the staff app reads them (the views under src/*; /docs is the
 * contract). Only types: the server's own pure modules supply the vocabularies.
 */
import type { LeadStatus } from '../../../src/vocabulary/lead-status.js';
import type { Urgency } from '../../../src/vocabulary/urgency.js';

export type Role = 'admin' | 'coordinator' | 'clinician';
export type ServiceType = 'individual' | 'couples' | 'family' | 'other';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  passwordSet: boolean;
  mfaEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface Me {
  user: UserView;
  session: { id: string; expiresAt: string; mfaSetupRequired: boolean };
  mfa: { recoveryCodesRemaining: number };
}

/** One of one's own live sessions (GET /v1/auth/sessions). */
export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface LeadSummary {
  id: string;
  reference: string | null;
  status: LeadStatus;
  urgency: Urgency;
  serviceType: ServiceType;
  name: string;
  state: string | null;
  source: string | null;
  assignedClinician: PersonRef | null;
  tags: string[];
  createdAt: string;
  respondBy: string | null;
  overdue: boolean;
  firstContactedAt: string | null;
  intakeStatus: 'awaiting_partner' | 'intake_complete' | null;
  labels: string[];
  /** "crisis: B": each signal and the partner it came from (null on a lead of one person). */
  signals: SignalMark[];
}

export interface SignalMark {
  kind: 'crisis' | 'safety';
  partner: 'A' | 'B' | null;
}

/** A crisis or safety signal with the contact of the person who said it. */
export interface Signal extends SignalMark {
  source: 'message' | 'answer';
  contact: { name: string; email: string; phone: string | null };
}

export interface LeadPage {
  items: LeadSummary[];
  nextCursor: string | null;
}

export interface Flags {
  safetyConcern: boolean;
  crisis: boolean;
}

export interface RespondentResult {
  anxiety: number;
  anxietySum: number;
  anxietyElevated: boolean;
  avoidance: number;
  avoidanceSum: number;
  avoidanceElevated: boolean;
  style: 'secure' | 'anxious' | 'avoidant' | 'fearful';
  pursues: boolean;
  withdraws: boolean;
  safetyConcern: boolean;
  crisis: boolean;
}

export interface CoupleResult {
  anxiousAvoidantPairing: boolean;
  pursueWithdraw: boolean;
  pursuer: 'A' | 'B' | null;
  safetyConcern: boolean;
  crisis: boolean;
}

export interface Consent {
  contact: boolean;
  privacyNoticeVersion: string;
}

export interface InquiryView {
  id: string;
  reference: string;
  receivedAt: string;
  name: string;
  email: string;
  phone: string | null;
  preferredContact: string;
  serviceType: ServiceType;
  state: string | null;
  message: string;
  referralSource: string | null;
  consent: Consent;
  spamReason: string | null;
  crisisIndicated: boolean;
}

export interface RespondentView {
  partner: 'A' | 'B';
  reference: string;
  receivedAt: string;
  name: string;
  email: string;
  phone: string | null;
  state: string | null;
  pronouns: string | null;
  dateOfBirth: string | null;
  answers: Record<string, unknown>;
  result: RespondentResult | null;
  flags: Flags;
  consent: Consent;
}

export interface IntakeView {
  id: string;
  reference: string;
  formSlug: string;
  formVersion: number;
  status: 'awaiting_partner' | 'complete';
  receivedAt: string;
  completedAt: string | null;
  consentTelehealth: boolean | null;
  spamReason: string | null;
  respondents: RespondentView[];
  partnerInvitation: {
    name: string;
    email: string;
    invitedAt: string;
    expiresAt: string;
    usedAt: string | null;
  } | null;
  coupleResult: CoupleResult | null;
  flags: Flags;
}

export interface NoteView {
  id: string;
  body: string;
  author: PersonRef;
  createdAt: string;
}

export interface TimelineEntry {
  at: string;
  kind: string;
  actor: PersonRef | null;
  details: Record<string, unknown>;
}

export interface DuplicateView {
  id: string;
  reference: string | null;
  status: LeadStatus;
  createdAt: string;
  matchedOn: ('email' | 'phone' | 'name_state')[];
}

export interface LeadCore {
  id: string;
  reference: string | null;
  status: LeadStatus;
  urgency: Urgency;
  serviceType: ServiceType;
  assignedClinician: PersonRef | null;
  createdAt: string;
  statusChangedAt: string;
  firstContactedAt: string | null;
  mergedIntoLeadId: string | null;
  erasedAt: string | null;
}

export interface LeadDetail extends LeadCore {
  name: string;
  email: string;
  phone: string | null;
  state: string | null;
  preferredContact: string;
  source: string | null;
  tags: string[];
  respondBy: string | null;
  overdue: boolean;
  lastSubmissionAt: string;
  intakeStatus: 'awaiting_partner' | 'intake_complete' | null;
  flags: Flags & { signals: Signal[] };
  labels: string[];
  inquiries: InquiryView[];
  intakes: IntakeView[];
  notes: NoteView[];
  timeline: TimelineEntry[];
  duplicates: DuplicateView[];
}

/** A lead whose personal data was erased: only the core is left. */
export function isFullLead(lead: LeadCore | LeadDetail): lead is LeadDetail {
  return lead.erasedAt === null && 'inquiries' in lead;
}

export interface MatchView {
  clinicianId: string;
  name: string;
  eligible: boolean;
  score: number;
  reasons: string[];
}

export interface ClinicianView {
  id: string;
  userId: string | null;
  name: string;
  email: string;
  modalities: string[];
  serviceTypes: ServiceType[];
  licensedStates: string[];
  acceptingNewClients: boolean;
  weeklyCapacity: number;
  active: boolean;
  openLeads: number;
  createdAt: string;
  updatedAt: string;
}

export interface NotificationView {
  id: string;
  kind: string;
  status: 'pending' | 'sent' | 'failed' | 'held' | 'withheld';
  attempts: number;
  lastError: string | null;
  leadId: string | null;
  recipient: { kind: string; userId?: string };
  createdAt: string;
  lastAttemptAt: string | null;
  sentAt: string | null;
  nextAttemptAt?: string;
}

export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AuditEventView {
  id: string;
  occurredAt: string;
  actor: { userId: string | null; role: string | null };
  action: string;
  leadId: string | null;
  subject: { type: string; id: string | null } | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

export interface ResponseTargets {
  crisisMinutes: number;
  highMinutes: number;
  routineBusinessDays: number;
}

export interface SettingsView {
  responseTargets: ResponseTargets;
  spamMinSeconds: number;
  corsOrigins: string[];
  defaults: { responseTargets: ResponseTargets; spamMinSeconds: number };
  updatedAt: string | null;
}

export interface StatsView {
  from: string;
  to: string;
  total: number;
  byStatus: Record<LeadStatus, number>;
  bySource: { source: string; count: number }[];
  byServiceType: Record<ServiceType, number>;
  byUrgency: Record<Urgency, number>;
  medianTimeToFirstContactMinutes: number | null;
  contactedWithinTargetShare: number | null;
  conversionRate: number | null;
  overdueNow: number;
}
