import { callPublic, publicApi, type Schemas } from '../api/client';
import type { Language } from '../lib/vocabulary';

/**
 * The public pages' calls, through the typed client. A page builds its body from the
 * answers as given (the server validates every field and names the bad ones in a 422),
 * so the bodies are passed as the document's request types.
 */
const idempotent = (key: string | undefined) => (key ? { 'Idempotency-Key': key } : {});

export function captchaSettings() {
  return callPublic(() => publicApi.GET('/v1/captcha'));
}

export function intakeForm(slug: string) {
  return callPublic(() => publicApi.GET('/v1/intake-forms/{slug}', { params: { path: { slug } } }));
}

/** The partner's form in `lang`: without it the server answers in the lead's language. */
export function partnerInvitation(token: string, lang: Language) {
  return callPublic(() =>
    publicApi.GET('/v1/partner-invitations/{token}', {
      params: { path: { token }, query: { lang } },
    }),
  );
}

export function sendInquiry(body: object, idempotencyKey?: string) {
  return callPublic(() =>
    publicApi.POST('/v1/inquiries', {
      params: { header: idempotent(idempotencyKey) },
      body: body as Schemas['CreateInquiryDto'],
    }),
  );
}

export function sendIntake(body: object, idempotencyKey?: string) {
  return callPublic(() =>
    publicApi.POST('/v1/intakes', {
      params: { header: idempotent(idempotencyKey) },
      body: body as Schemas['CreateIntakeDto'],
    }),
  );
}

export function sendPartnerResponse(token: string, body: object, idempotencyKey?: string) {
  return callPublic(() =>
    publicApi.POST('/v1/partner-invitations/{token}/responses', {
      params: { path: { token }, header: idempotent(idempotencyKey) },
      body: body as Schemas['RespondentSubmissionDto'],
    }),
  );
}

/** Who the client is dealing with: name, logo and contact for the page frame. */
export function practice() {
  return callPublic(() => publicApi.GET('/v1/practice'));
}

export function paperwork(token: string) {
  return callPublic(() => publicApi.GET('/v1/paperwork/{token}', { params: { path: { token } } }));
}

export function signPaperwork(token: string, body: object) {
  return callPublic(() =>
    publicApi.POST('/v1/paperwork/{token}', {
      params: { path: { token } },
      body: body as Schemas['SignPaperworkDto'],
    }),
  );
}
