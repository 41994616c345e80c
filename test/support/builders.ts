import { randomBytes } from 'node:crypto';

/** A valid reach-out form (API.md); override what the test is about. */
export function anInquiry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Alex Rivera',
    email: `alex.${randomBytes(4).toString('hex')}@example.com`,
    phone: '+15035550142',
    preferredContact: 'email',
    serviceType: 'couples',
    state: 'OR',
    message: 'We keep having the same fight about chores.',
    referralSource: 'blog',
    consent: { contact: true, privacyNoticeVersion: '2026-01' },
    website: '',
    formStartedAt: new Date(Date.now() - 60_000).toISOString(),
    ...overrides,
  };
}
