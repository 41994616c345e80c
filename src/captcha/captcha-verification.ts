/**
 * Server-side CAPTCHA verification (Cloudflare Turnstile, hCaptcha). No framework code
 * here: what to send, and what an answer means. The verdict is never "let it through
 * unchecked": a provider that cannot answer makes the submission `unavailable`, which
 * the caller stores for review (losing a real client is worse than reviewing a bot).
 */
export const CAPTCHA_PROVIDERS = ['turnstile', 'hcaptcha'] as const;
export type CaptchaProvider = (typeof CAPTCHA_PROVIDERS)[number];

export const SITEVERIFY_URLS: Record<CaptchaProvider, string> = {
  turnstile: 'https://challenges.cloudflare.com/turnstile/v0/siteverify',
  hcaptcha: 'https://api.hcaptcha.com/siteverify',
};

/** The widget script each provider documents for explicit rendering (the page calls render). */
export const WIDGET_SCRIPT_URLS: Record<CaptchaProvider, string> = {
  turnstile: 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit',
  hcaptcha: 'https://js.hcaptcha.com/1/api.js?render=explicit&recaptchacompat=off',
};

/** Content-Security-Policy sources a page needs for a widget, by directive. */
export interface WidgetSources {
  script: string[];
  frame: string[];
  style: string[];
  connect: string[];
}

/**
 * What each provider's documentation asks a page's CSP to allow: Turnstile its one
 * origin for the script and the challenge frame; hCaptcha its domains for script, frame,
 * styles and its API calls. A stand-in script (tests) is allowed by its own origin only.
 */
export function widgetSources(provider: CaptchaProvider, standInScriptUrl?: string): WidgetSources {
  if (standInScriptUrl) {
    const origin = new URL(standInScriptUrl).origin;
    return { script: [origin], frame: [origin], style: [], connect: [] };
  }
  if (provider === 'turnstile') {
    const origin = 'https://challenges.cloudflare.com';
    return { script: [origin], frame: [origin], style: [], connect: [] };
  }
  const hcaptcha = ['https://hcaptcha.com', 'https://*.hcaptcha.com'];
  return { script: hcaptcha, frame: hcaptcha, style: hcaptcha, connect: hcaptcha };
}

export type CaptchaVerdict =
  | { outcome: 'passed' }
  /** The provider looked at the token and refused it (expired, reused, forged). */
  | { outcome: 'rejected'; codes: string[] }
  /** No verdict about the token: the provider was unreachable, slow, broken or refused us. */
  | { outcome: 'unavailable'; why: CaptchaFailure };

export type CaptchaFailure =
  'timeout' | 'network' | 'server-error' | 'malformed-answer' | 'configuration-refused';

/**
 * Error codes that say the request (our secret, our site key, our parameters) was wrong
 * or the provider failed, not the visitor's token: a refusal for these would turn away
 * every visitor of a misconfigured site, so they count as `unavailable`.
 */
const NOT_THE_TOKENS_FAULT = new Set([
  'missing-input-secret',
  'invalid-input-secret',
  'sitekey-secret-mismatch',
  'invalid-remoteip',
  'missing-remoteip',
  'not-using-dummy-passcode',
  'bad-request',
  'internal-error',
]);

/** What a siteverify answer (HTTP status and body text) says about the token. */
export function verdictOf(status: number, bodyText: string): CaptchaVerdict {
  if (status >= 500) return { outcome: 'unavailable', why: 'server-error' };
  let answer: unknown;
  try {
    answer = JSON.parse(bodyText);
  } catch {
    return { outcome: 'unavailable', why: 'malformed-answer' };
  }
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    return { outcome: 'unavailable', why: 'malformed-answer' };
  }
  const { success, 'error-codes': rawCodes } = answer as Record<string, unknown>;
  if (typeof success !== 'boolean') return { outcome: 'unavailable', why: 'malformed-answer' };
  const codes = Array.isArray(rawCodes)
    ? rawCodes.filter((code): code is string => typeof code === 'string').slice(0, 10)
    : [];
  if (success) {
    return status >= 200 && status < 300
      ? { outcome: 'passed' }
      : { outcome: 'unavailable', why: 'malformed-answer' };
  }
  if (codes.some((code) => NOT_THE_TOKENS_FAULT.has(code))) {
    return { outcome: 'unavailable', why: 'configuration-refused' };
  }
  return { outcome: 'rejected', codes };
}

export interface CaptchaRequest {
  url: string;
  secret: string;
  token: string;
  /** The client's address, when known: both providers use it as a signal. */
  remoteIp?: string;
  timeoutMs: number;
}

/**
 * POSTs the token to the provider's siteverify endpoint (form-encoded `secret`,
 * `response`, `remoteip`, as both document) and reads the verdict. Never throws: every
 * failure is a verdict.
 */
export async function verifyCaptcha(request: CaptchaRequest): Promise<CaptchaVerdict> {
  const form = new URLSearchParams({ secret: request.secret, response: request.token });
  if (request.remoteIp) form.set('remoteip', request.remoteIp);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form,
      redirect: 'error',
      // Covers the whole exchange, body included: a provider that stalls mid-answer too.
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    return verdictOf(response.status, await response.text());
  } catch (error) {
    const name = (error as { name?: string }).name;
    return {
      outcome: 'unavailable',
      why: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network',
    };
  }
}
