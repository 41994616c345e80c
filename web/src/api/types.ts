import type { Schemas } from './client';

/** The API's answers by the names the web app uses, all from the generated schema.d.ts. */
export type UserView = Schemas['UserView'];
export type Role = UserView['role'];
export type SessionView = Schemas['SessionView'];
export type Me = Schemas['MeView'];
export type PersonRef = Schemas['PersonRefView'];
export type LeadSummary = Schemas['LeadSummaryView'];
export type LeadPage = Schemas['LeadPageView'];
export type LeadStatus = LeadSummary['status'];
export type Urgency = LeadSummary['urgency'];
export type ServiceType = LeadSummary['serviceType'];
export type Language = LeadSummary['language'];
export type SignalMark = Schemas['SignalMarkView'];
export type Signal = Schemas['SignalView'];
export type InquiryView = Schemas['InquiryView'];
export type RespondentResult = Schemas['RespondentResultView'];
export type RespondentView = Schemas['RespondentView'];
export type CoupleResult = Schemas['CoupleResultView'];
export type IntakeView = Schemas['IntakeView'];
export type NoteView = Schemas['NoteView'];
export type TimelineEntry = Schemas['TimelineEntryView'];
export type DuplicateView = Schemas['DuplicateView'];
export type LeadCore = Schemas['LeadTombstoneView'];
export type LeadDetail = Schemas['LeadDetailView'];
export type MatchView = Schemas['MatchView'];
export type ClinicianView = Schemas['ClinicianView'];
export type NotificationView = Schemas['NotificationView'];
export type WebhookView = Schemas['WebhookView'];
export type CreatedWebhookView = Schemas['CreatedWebhookView'];
export type ResponseTargets = Schemas['ResponseTargetsView'];
export type SettingsView = Schemas['SettingsView'];
export type CrisisResource = Schemas['CrisisResourceDto'];
export type StatsView = Schemas['StatsView'];
export type BreakdownView = Schemas['BreakdownView'];
export type BreakdownGroup = Schemas['BreakdownGroupView'];
export type AuditEventView = Schemas['AuditEventView'];

/** A lead whose personal data was erased: only the core is left. */
export function isFullLead(lead: LeadCore | LeadDetail): lead is LeadDetail {
  return lead.erasedAt === null && 'inquiries' in lead;
}
export type ContactAttemptView = Schemas['ContactAttemptView'];
export type ContactAttemptChange = Schemas['LogContactAttemptDto'];
export type LeadCounts = Schemas['LeadCountsView'];
export type MergedSurvivor = Schemas['MergedSurvivorDto'];
