import type { Schemas } from './client';

/**
 * The API's answers by the names the web app uses, all from the generated schema.d.ts.
 * The few the OpenAPI document does not describe yet sit at the end, each marked LOCAL:
 * remove them once the document names them.
 */
export type UserView = Schemas['UserView'];
export type Role = UserView['role'];
export type SessionView = Schemas['SessionView'];
export type PersonRef = Schemas['PersonRefView'];
export type LeadSummary = Schemas['LeadSummaryView'];
export type LeadPage = Schemas['LeadPageView'];
export type LeadStatus = LeadSummary['status'];
export type Urgency = LeadSummary['urgency'];
export type ServiceType = LeadSummary['serviceType'];
export type SignalMark = Schemas['SignalMarkView'];
export type Signal = Schemas['SignalView'];
export type InquiryView = Schemas['InquiryView'];
export type CoupleResult = NonNullable<Schemas['IntakeView']['coupleResult']>;
export type NoteView = Schemas['NoteView'];
export type TimelineEntry = Schemas['TimelineEntryView'];
export type DuplicateView = Schemas['DuplicateView'];
export type LeadCore = Schemas['LeadTombstoneView'];
export type LeadDetail = Omit<Schemas['LeadDetailView'], 'intakes'> & { intakes: IntakeView[] };
export type MatchView = Schemas['MatchView'];
export type ClinicianView = Schemas['ClinicianView'];
export type NotificationView = Schemas['NotificationView'];
export type WebhookView = Schemas['WebhookView'];
export type CreatedWebhookView = Schemas['CreatedWebhookView'];
export type ResponseTargets = Schemas['ResponseTargetsView'];
export type SettingsView = Schemas['SettingsView'];
export type CrisisResource = Schemas['CrisisResourceDto'];

/** A lead whose personal data was erased: only the core is left. */
export function isFullLead(lead: LeadCore | LeadDetail): lead is LeadDetail {
  return lead.erasedAt === null && 'inquiries' in lead;
}

// LOCAL: GET /v1/auth/me has no response schema in the document yet.
export interface Me {
  user: UserView;
  session: { id: string; expiresAt: string; mfaSetupRequired: boolean };
  mfa: { recoveryCodesRemaining: number };
}

// LOCAL: GET /v1/admin/audit-events has no response schema in the document yet.
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

// LOCAL: the document gives a respondent's scored result as an open object.
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
export type RespondentView = Omit<Schemas['RespondentView'], 'result'> & {
  result: RespondentResult | null;
};
export type IntakeView = Omit<Schemas['IntakeView'], 'respondents'> & {
  respondents: RespondentView[];
};

// LOCAL: the document marks the per-status, per-service and per-urgency counts optional;
// the service always sends every key.
export type StatsView = Schemas['StatsView'] &
  Required<Pick<Schemas['StatsView'], 'byStatus' | 'byServiceType' | 'byUrgency'>>;
