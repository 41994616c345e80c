/** The languages a consent document may be written in (the public forms' languages). */
export const CONSENT_LANGUAGES = ['en', 'es'] as const;
export type ConsentLanguage = (typeof CONSENT_LANGUAGES)[number];
export const DEFAULT_CONSENT_LANGUAGE: ConsentLanguage = 'en';

/** What a document's slug looks like. */
export const CONSENT_SLUG = /^[a-z0-9][a-z0-9-]{0,59}$/;

/**
 * A document's body may be 100 000 characters: its admin routes take bodies up to this
 * size (every other route keeps the 64 KiB limit).
 */
export const CONSENT_DOCUMENT_BODY_LIMIT_BYTES = 512 * 1024;

/** Whether a route takes a consent document's text (admin routes only). */
export const takesConsentDocumentText = (method: string | string[], url: string): boolean =>
  method === 'POST' && /^\/v1\/admin\/consent-documents(\/:slug\/versions)?$/.test(url);
