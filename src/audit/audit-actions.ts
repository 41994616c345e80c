/**
 * The audit trail's actions in words, for the staff app's audit log
 * (docs/api.md#audit-log-folding). No framework code here. An action without words of its
 * own (a new one) is read from its name, so nothing shows as a bare code.
 */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'auth.login': 'Signed in',
  'auth.login.failed': 'Failed to sign in',
  'auth.login.slowed': 'Sign-in slowed after failures',
  'auth.logout': 'Signed out',
  'auth.mfa.enabled': 'Turned on two-step sign-in',
  'auth.password_change.failed': 'Failed to change the password',
  'auth.password_change.slowed': 'Password change slowed after failures',
  'auth.password_changed': 'Changed the password',
  'auth.password_reset.requested': 'Asked for a password reset',
  'auth.password_reset.completed': 'Reset the password',
  'auth.reauthenticated': 'Confirmed the password again',
  'auth.session.ended': 'Ended a session',
  'clinician.created': 'Added a clinician',
  'clinician.updated': 'Changed a clinician',
  'lead.erased': 'Erased a lead',
  'lead.exported': 'Exported leads (CSV)',
  'lead.listed': 'Listed leads',
  'lead.counted': 'Read the desk counts',
  'lead.contact_attempted': 'Logged a contact attempt',
  'lead.client_referred': 'Emailed the client referrals',
  'lead.stream_opened': 'Opened the live desk',
  'lead.booking_viewed': "Read a lead's booking",
  'lead.signature_downloaded': 'Downloaded a signed document',
  'lead.paperwork_requested': 'Asked a client to sign documents',
  'clinician.availability_changed': "Changed a clinician's hours",
  'lead.matches_viewed': 'Viewed clinician matches for a lead',
  'lead.merge_previewed': 'Previewed a merge of leads',
  'lead.merged': 'Merged leads',
  'lead.note_added': 'Added a note to a lead',
  'lead.purged': 'Deleted a lead at the end of its retention',
  'lead.read': 'Opened a lead',
  'lead.updated': 'Changed a lead',
  'notification.retried': 'Sent a failed email again',
  'settings.updated': 'Changed the settings',
  'settings.logo_replaced': 'Replaced the practice logo',
  'stats.viewed': 'Viewed the statistics',
  'user.created': 'Added a staff account',
  'user.deactivated': 'Deactivated a staff account',
  'user.invitation_accepted': 'Accepted an invitation',
  'user.invitation_resent': 'Sent an invitation again',
  'user.mfa_reset': 'Reset two-step sign-in of an account',
  'user.updated': 'Changed a staff account',
  'webhook.created': 'Added a webhook',
  'webhook.deleted': 'Deleted a webhook',
  'webhook.updated': 'Changed a webhook',
};

/** The words for an action: its own, else its name read out ("lead.contact_logged" → "Lead: contact logged"). */
export function auditActionLabel(action: string): string {
  const label = AUDIT_ACTION_LABELS[action];
  if (label !== undefined) return label;
  const [subject = '', ...rest] = action.split('.');
  const words = (text: string) => text.replace(/[_-]+/g, ' ').trim();
  const what = rest.map(words).filter(Boolean).join(' ');
  const about = words(subject);
  const capitalised = about.charAt(0).toUpperCase() + about.slice(1);
  return what ? `${capitalised}: ${what}` : capitalised || action;
}
