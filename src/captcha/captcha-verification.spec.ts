import { describe, expect, it } from '@jest/globals';
import { verdictOf, widgetSources } from './captcha-verification.js';

const json = (value: unknown) => JSON.stringify(value);

describe('verdictOf', () => {
  it('passes a token the provider accepted', () => {
    expect(verdictOf(200, json({ success: true, hostname: 'practice.example' }))).toEqual({
      outcome: 'passed',
    });
  });

  it('rejects a token the provider refused, with its codes', () => {
    expect(
      verdictOf(200, json({ success: false, 'error-codes': ['timeout-or-duplicate'] })),
    ).toEqual({
      outcome: 'rejected',
      codes: ['timeout-or-duplicate'],
    });
    expect(verdictOf(200, json({ success: false }))).toEqual({ outcome: 'rejected', codes: [] });
    expect(
      verdictOf(200, json({ success: false, 'error-codes': ['invalid-input-response', 7] })),
    ).toEqual({ outcome: 'rejected', codes: ['invalid-input-response'] });
  });

  it('blames nobody’s token when the provider refused our secret or failed itself', () => {
    for (const code of [
      'invalid-input-secret',
      'missing-input-secret',
      'internal-error',
      'sitekey-secret-mismatch',
    ]) {
      expect(verdictOf(200, json({ success: false, 'error-codes': [code] }))).toEqual({
        outcome: 'unavailable',
        why: 'configuration-refused',
      });
    }
  });

  it('gives no verdict for a server error or an answer it cannot read', () => {
    expect(verdictOf(503, json({ success: true }))).toEqual({
      outcome: 'unavailable',
      why: 'server-error',
    });
    for (const body of [
      '',
      'not json',
      '{"success": "yes"}',
      '[true]',
      'null',
      '{"succ',
      json({}),
    ]) {
      expect(verdictOf(200, body)).toEqual({ outcome: 'unavailable', why: 'malformed-answer' });
    }
    // "success" with a client-error status is not a success anyone should trust.
    expect(verdictOf(400, json({ success: true }))).toEqual({
      outcome: 'unavailable',
      why: 'malformed-answer',
    });
  });
});

describe('widgetSources', () => {
  it("allows Turnstile's one origin for its script and challenge frame", () => {
    expect(widgetSources('turnstile')).toEqual({
      script: ['https://challenges.cloudflare.com'],
      frame: ['https://challenges.cloudflare.com'],
      style: [],
      connect: [],
    });
  });

  it("allows hCaptcha's domains for script, frame, styles and calls", () => {
    const hcaptcha = ['https://hcaptcha.com', 'https://*.hcaptcha.com'];
    expect(widgetSources('hcaptcha')).toEqual({
      script: hcaptcha,
      frame: hcaptcha,
      style: hcaptcha,
      connect: hcaptcha,
    });
  });

  it("allows a stand-in script's origin only, never the provider's", () => {
    expect(widgetSources('hcaptcha', 'http://127.0.0.1:4321/widget.js?render=explicit')).toEqual({
      script: ['http://127.0.0.1:4321'],
      frame: ['http://127.0.0.1:4321'],
      style: [],
      connect: [],
    });
  });
});
