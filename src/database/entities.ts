import { AuditEvent } from '../audit/audit-event.entity.js';
import { LoginThrottle } from '../auth/login-throttle.entity.js';
import { RecoveryCode } from '../auth/recovery-code.entity.js';
import { StaffSession } from '../auth/staff-session.entity.js';
import { StaffToken } from '../users/staff-token.entity.js';
import { Clinician } from '../clinicians/clinician.entity.js';
import { BookingLink } from '../consultations/booking-link.entity.js';
import { ClinicianAvailability } from '../consultations/clinician-availability.entity.js';
import { Consultation } from '../consultations/consultation.entity.js';
import { IdempotencyRecord } from '../common/idempotency/idempotency-record.entity.js';
import { RateLimitBucket } from '../rate-limit/rate-limit-bucket.entity.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { IntakeForm } from '../intake/intake-form.entity.js';
import { Intake } from '../intake/intake.entity.js';
import { PartnerInvitation } from '../intake/partner-invitation.entity.js';
import { PartnerResponse } from '../intake/partner-response.entity.js';
import { ContactAttempt } from '../leads/contact-attempt.entity.js';

import { IntakeDraft } from '../intake-drafts/intake-draft.entity.js';
import { LeadEvent } from '../leads/lead-event.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { SubmissionReference } from '../leads/submission-reference.entity.js';
import { TriageNote } from '../leads/triage-note.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { VisitorMail } from '../notifications/visitor-mail.entity.js';
import { PracticeLogo } from '../settings/practice-logo.entity.js';
import { PracticeSetting } from '../settings/practice-setting.entity.js';
import { User } from '../users/user.entity.js';
import { WebhookDelivery } from '../webhooks/webhook-delivery.entity.js';
import { WebhookSubscription } from '../webhooks/webhook-subscription.entity.js';
import { ConsentDocument } from '../consents/consent-document.entity.js';
import { ConsentDocumentVersion } from '../consents/consent-document-version.entity.js';
import { ConsentSignature } from '../consents/consent-signature.entity.js';
import { PaperworkRequest } from '../consents/paperwork-request.entity.js';

/** Every entity of the service; the migrations must describe exactly these. */
export const ENTITIES = [
  Lead,
  SubmissionReference,
  Inquiry,
  IdempotencyRecord,
  User,
  Notification,
  WebhookSubscription,
  WebhookDelivery,
  IntakeForm,
  Intake,
  PartnerInvitation,
  PartnerResponse,
  StaffSession,
  StaffToken,
  LoginThrottle,
  RecoveryCode,
  AuditEvent,
  Clinician,
  TriageNote,
  LeadEvent,
  PracticeSetting,
  RateLimitBucket,
  VisitorMail,
  ContactAttempt,

  PracticeLogo,

  IntakeDraft,

  ConsentDocument,
  ConsentDocumentVersion,
  ConsentSignature,
  PaperworkRequest,

  ClinicianAvailability,
  Consultation,
  BookingLink,
];
