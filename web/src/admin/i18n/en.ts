/**
 * Every sentence the staff app shows, in English, as ICU MessageFormat
 * (https://unicode-org.github.io/icu/userguide/format_parse/messages/), keyed by feature:
 * `shell.*` (frame, navigation, shared pieces), then one prefix per feature folder.
 * Plurals are `{count, plural, one {# attempt} other {# attempts}}`; markup is
 * `<link>…</link>`, drawn by `tRich`. An apostrophe is written once (`practice's`) unless
 * it precedes a brace. `i18n/catalogue.spec.ts` parses every message and fails on a key
 * no source uses.
 */
export const en = {
  // Shell: the frame, navigation and the pieces every screen shares.
  'shell.cancel': 'Cancel',
  'shell.reauthenticate.heading': 'Confirm it is you',
  'shell.reauthenticate.lead':
    'This action needs your {secret, select, code {authenticator code} other {password}} again.',
  'shell.reauthenticate.codeLabel': 'Code from your authenticator app',
  'shell.reauthenticate.passwordLabel': 'Password',
  'shell.reauthenticate.usePassword': 'Use my password instead',
  'shell.reauthenticate.useCode': 'Use a code instead',
  'shell.reauthenticate.confirm': 'Confirm',
  'shell.documentTitle': '{title} · Relational Intake staff',
  'shell.overdue': 'Overdue',
  'shell.loading': 'Loading {what}…',
  'shell.loadingShort': 'Loading…',
  'shell.loadMore': 'Load more',
  'shell.notFound':
    '<strong>{what} not found.</strong> It does not exist, or it is not one you may see.',
  'shell.zone.practice': "Times in the staff app are shown in the practice's time zone, {zone}.",
  'shell.zone.device':
    "Times in the staff app are shown in this device's time zone, {zone}: the practice's own zone is not available.",
  'shell.appName': 'Relational Intake',
  'shell.frameName': 'Relational Intake · staff',
  'shell.loadingApp': 'the staff app',
  'shell.skipLink': 'Skip to content',
  'shell.nav.label': 'Staff app',
  'shell.nav.leads': 'Inbox',
  'shell.nav.stats': 'Stats',
  'shell.nav.clinicians': 'Clinicians',
  'shell.nav.consultations': 'Consultations',
  'shell.nav.notifications': 'Notifications',
  'shell.nav.users': 'Users',
  'shell.nav.webhooks': 'Webhooks',
  'shell.nav.consents': 'Consent documents',
  'shell.nav.audit': 'Audit log',
  'shell.nav.settings': 'Settings',
  'shell.signOut': 'Sign out',
  'shell.signedOut': 'You are signed out.',
  'shell.sessionEnded': 'Your session has ended. Sign in again to go on.',
  'shell.pageNotFound.heading': 'Page not found',
  'shell.pageNotFound.text': 'There is no page at this address. <link>Go to the inbox</link>.',
  'shell.failure.offline': 'The server could not be reached. Check the connection and try again.',
  'shell.failure.invalid': 'The request was not valid.',
  'shell.failure.unauthenticated': 'Your session has ended. Sign in again.',
  'shell.failure.forbidden': 'Your role does not allow this. Ask an admin if you need it.',
  'shell.failure.notFound': 'Not found: it does not exist, or you may not see it.',
  'shell.failure.conflict': 'This changed since you opened it. Reload to see the current version.',
  'shell.failure.tooMany': 'Too many attempts. Wait a few minutes, then try again.',
  'shell.failure.server': 'Something went wrong on the server. Try again in a moment.',
  'shell.failure.other': 'The request failed ({status}).',
  'shell.fieldError': 'This {message}.',
  'shell.span.minutes': '{minutes} min',
  'shell.span.hours': '{hours} h',
  'shell.span.hoursMinutes': '{hours} h {minutes} min',
  'shell.span.days': '{days} d',
  'shell.span.daysHours': '{days} d {hours} h',
  'shell.span.lessThanMinute': 'less than a minute',
  'shell.share': '{share, number, percent}',
  'shell.time.ago': '{span} ago',
  'shell.time.in': 'in {span}',
  'shell.time.overdue': 'overdue {span}',
  'shell.time.due': 'due in {span}',
} as const;

export type MessageKey = keyof typeof en;
