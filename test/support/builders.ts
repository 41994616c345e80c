import { randomBytes } from 'node:crypto';

/** A phone number of its own: leads sharing a phone are possible returning clients of each other. */
export function aPhoneNumber(): string {
  return `+1503${String(randomBytes(4).readUInt32BE() % 10_000_000).padStart(7, '0')}`;
}

/** A valid reach-out form (docs/api.md#send-an-inquiry); override what the test is about. */
export function anInquiry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Alex Rivera',
    email: `alex.${randomBytes(4).toString('hex')}@example.com`,
    phone: aPhoneNumber(),
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

/** A valid individual intake (form v1); override what the test is about. */
export function anIndividualIntake(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    formSlug: 'individual',
    formVersion: 1,
    client: { name: 'Jo Park', email: `jo.${randomBytes(4).toString('hex')}@example.com` },
    answers: {
      ind_concerns: ['anxiety'],
      ind_prior_therapy: false,
      ind_availability: ['weekday_evening'],
      ind_session_format: 'telehealth',
      ind_payment: 'self_pay',
      crisis_now: false,
    },
    consent: { contact: true, privacyNoticeVersion: '2026-01' },
    website: '',
    ...overrides,
  };
}
