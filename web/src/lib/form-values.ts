import { toE164 } from './phone';
import { PRIVACY_NOTICE_VERSION } from './vocabulary';

/**
 * What a form holds while someone fills it in, keyed by the field's path in the request
 * body (`email`, `client.email`, `answers.anx1`, `consent.contact`), the same path the
 * API names in a 422's `errors[].field`, so an error lands on its field without a map.
 */
export type FieldValue = string | string[] | boolean;
export type FormValues = Record<string, FieldValue | undefined>;

export const text = (values: FormValues, path: string): string => {
  const value = values[path];
  return typeof value === 'string' ? value.trim() : '';
};

/** Leaves out what is empty, so optional fields the person skipped are not sent. */
function compact<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== '' && value !== undefined),
  ) as Partial<T>;
}

/** The body of POST /v1/inquiries from the reach-out form. */
export function inquiryBody(values: FormValues, formStartedAt: string): Record<string, unknown> {
  return {
    ...compact({
      name: text(values, 'name'),
      email: text(values, 'email'),
      phone: toE164(text(values, 'phone')),
      preferredContact: text(values, 'preferredContact') || 'email',
      serviceType: text(values, 'serviceType'),
      state: text(values, 'state'),
      message: text(values, 'message'),
      referralSource: text(values, 'referralSource'),
    }),
    consent: {
      contact: values['consent.contact'] === true,
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    },
    // The honeypot goes as the browser has it: a person never sees it, a bot fills it.
    website: typeof values.website === 'string' ? values.website : '',
    formStartedAt,
  };
}

/** `client` of an intake or a partner response (docs/api.md#submit-an-intake). */
export function clientBody(values: FormValues): Record<string, string> {
  return compact({
    name: text(values, 'client.name'),
    email: text(values, 'client.email'),
    phone: toE164(text(values, 'client.phone')),
    dateOfBirth: text(values, 'client.dateOfBirth'),
    state: text(values, 'client.state'),
    pronouns: text(values, 'client.pronouns'),
  }) as Record<string, string>;
}

/** `consent` of an intake or a partner response. */
export function consentBody(values: FormValues): Record<string, unknown> {
  return {
    contact: values['consent.contact'] === true,
    privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    ...(values['consent.telehealth'] === true ? { telehealth: true } : {}),
  };
}
