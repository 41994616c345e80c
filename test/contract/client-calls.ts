/**
 * Real calls a website or tool makes with a client generated from the OpenAPI document
 * (openapi-typescript types + openapi-fetch). Nothing here runs: the contract test
 * type-checks this file against types generated from the served /docs-json, so a field
 * documented optional that is required (or the other way round), a missing problem
 * answer or a renamed header fails `npm test`. The project's own `tsc` checks it against
 * the committed web/src/api/schema.d.ts.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from '../../web/src/api/schema.js';

type Problem = components['schemas']['Problem'];

const api = createClient<paths>({ baseUrl: 'http://localhost:3000' });

/** What a page shows for any documented error body: the fields, else the title. */
export function describeProblem(problem: Problem & { errors?: { field: string }[] }): string {
  const fields = problem.errors?.map((error) => error.field) ?? [];
  return fields.length > 0 ? `${problem.status}: ${fields.join(', ')}` : problem.title;
}

/** The README's first request: an inquiry with an Idempotency-Key, no preferredContact. */
export async function readmeInquiry(): Promise<string> {
  const { data, error, response } = await api.POST('/v1/inquiries', {
    params: { header: { 'Idempotency-Key': 'readme-example-1' } },
    body: {
      name: 'Alex Rivera',
      email: 'alex@example.com',
      serviceType: 'couples',
      message: 'We keep having the same fight.',
      consent: { contact: true, privacyNoticeVersion: '2026-01' },
      website: '',
    },
  });
  if (error) {
    if (response.status === 422 && 'errors' in error) return describeProblem(error);
    if (response.status === 429) {
      const wait = response.headers.get('retry-after');
      const help = 'resources' in error ? error.resources.map((item) => item.contact) : [];
      return `wait ${wait} s; ${help.join(', ')}`;
    }
    return describeProblem(error);
  }
  const crisis = data.resources?.map((resource) => `${resource.name}: ${resource.contact}`);
  return `${data.reference} at ${data.receivedAt} (${data.id}) ${crisis?.join('; ') ?? ''}`;
}

/** Each required field of an inquiry is required in the generated type. */
export async function inquiryWithoutRequiredFields(): Promise<void> {
  await api.POST('/v1/inquiries', {
    // @ts-expect-error `name` is required
    body: {
      email: 'a@example.com',
      serviceType: 'individual',
      consent: { contact: true, privacyNoticeVersion: '2026-01' },
    },
  });
  await api.POST('/v1/inquiries', {
    body: {
      name: 'A',
      email: 'a@example.com',
      serviceType: 'individual',
      // @ts-expect-error `consent.privacyNoticeVersion` is required
      consent: { contact: true },
    },
  });
  await api.POST('/v1/inquiries', {
    body: {
      name: 'A',
      email: 'a@example.com',
      // @ts-expect-error serviceType is one of the documented values
      serviceType: 'group',
      consent: { contact: true, privacyNoticeVersion: '2026-01' },
    },
  });
}

/** A couples intake: the form, then the submission that invites the partner. */
export async function couplesIntake(): Promise<string | undefined> {
  const form = await api.GET('/v1/intake-forms/{slug}', { params: { path: { slug: 'couples' } } });
  if (!form.data) return form.error.title;
  const { data, error } = await api.POST('/v1/intakes', {
    body: {
      formSlug: form.data.slug,
      formVersion: form.data.version,
      client: { name: 'Alex Rivera', email: 'alex@example.com' },
      answers: Object.fromEntries(
        form.data.sections.flatMap((section) => section.questions.map((q) => [q.id, 'yes'])),
      ),
      partner: { name: 'Sam Rivera', email: 'sam@example.com' },
      consent: { contact: true, privacyNoticeVersion: '2026-01' },
    },
  });
  if (error) return describeProblem(error);
  return data.partnerInvitation?.sentTo;
}

/** The invited partner opens the link and answers once; a used link answers 410. */
export async function partnerAnswer(token: string): Promise<string> {
  const invitation = await api.GET('/v1/partner-invitations/{token}', {
    params: { path: { token } },
  });
  if (invitation.error) return invitation.response.status === 410 ? 'used' : 'unknown';
  const { data, error, response } = await api.POST('/v1/partner-invitations/{token}/responses', {
    params: { path: { token } },
    body: {
      client: { name: 'Sam Rivera', email: 'sam@example.com' },
      answers: {},
      consent: { contact: true, privacyNoticeVersion: '2026-01' },
    },
  });
  if (error) return response.status === 410 ? 'used' : describeProblem(error);
  return `${invitation.data.invitedBy}: ${data.reference}`;
}

/** Staff sign in with a password (and a code when enrolled); the token is a bearer. */
export async function signIn(email: string, password: string, totp?: string) {
  const { data, error } = await api.POST('/v1/auth/login', { body: { email, password, totp } });
  if (error) return { problem: describeProblem(error) };
  const staff = createClient<paths>({
    baseUrl: 'http://localhost:3000',
    headers: { authorization: `Bearer ${data.token}` },
  });
  const me = await staff.GET('/v1/auth/me');
  return { token: data.token, role: data.user.role, mfa: me.data?.mfa.recoveryCodesRemaining };
}

/** Read a lead, then change it with the ETag it came with; 409/428 are documented. */
export async function moveLead(token: string, id: string): Promise<string> {
  const staff = createClient<paths>({
    baseUrl: 'http://localhost:3000',
    headers: { authorization: `Bearer ${token}` },
  });
  const read = await staff.GET('/v1/admin/leads/{id}', { params: { path: { id } } });
  if (read.error) return describeProblem(read.error);
  const etag = read.response.headers.get('etag') ?? '';
  const { data, error, response } = await staff.PATCH('/v1/admin/leads/{id}', {
    params: { path: { id }, header: { 'If-Match': etag } },
    body: { status: 'contacted', tags: ['called-back'] },
  });
  if (error) {
    if (response.status === 409) return `stale or not allowed: ${error.detail ?? error.title}`;
    return describeProblem(error);
  }
  // @ts-expect-error If-Match is a required header of the change
  await staff.PATCH('/v1/admin/leads/{id}', { params: { path: { id } }, body: {} });
  return 'status' in data ? data.status : 'erased';
}

/** The README's webhook subscription; the secret is shown once. */
export async function subscribeWebhook(token: string): Promise<string | undefined> {
  const staff = createClient<paths>({
    baseUrl: 'http://localhost:3000',
    headers: { authorization: `Bearer ${token}` },
  });
  const { data } = await staff.POST('/v1/admin/webhooks', {
    body: { url: 'https://hooks.practice.example/intake', events: ['lead.created'] },
  });
  return data?.secret;
}

/** A clinician profile needs no `active` (it defaults to true). */
export async function addClinician(token: string): Promise<boolean | undefined> {
  const staff = createClient<paths>({
    baseUrl: 'http://localhost:3000',
    headers: { authorization: `Bearer ${token}` },
  });
  const { data } = await staff.POST('/v1/admin/clinicians', {
    body: {
      name: 'Dana Whitfield, LMFT',
      email: 'dana@practice.example',
      modalities: ['eft'],
      serviceTypes: ['couples'],
      licensedStates: ['OR'],
      acceptingNewClients: true,
      weeklyCapacity: 4,
    },
  });
  return data?.active;
}
