/** Every kind of email the service sends. */
export const NOTIFICATION_KINDS = [
  'staff_new_lead',
  'crisis_alert',
  'client_acknowledgement',
  'partner_invitation',
  'overdue_reminder',
  'overdue_escalation',
  'staff_invitation',
  'password_reset',
  'staff_follow_up',

  'client_referral',

  'intake_draft_resume',

  'paperwork_request',

  'consultation_confirmation',
  'consultation_reminder',
  'consultation_cancellation',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
