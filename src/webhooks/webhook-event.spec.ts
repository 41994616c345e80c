import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { leadCreatedEventId, signWebhook, verifyWebhook } from './webhook-event.js';

describe('webhook signatures', () => {
  it('are t=<unix>,v1=<hex HMAC-SHA256 of "t.body">', () => {
    const body = '{"id":"1"}';
    const expected = createHmac('sha256', 'secret').update(`1795600000.${body}`).digest('hex');
    expect(signWebhook('secret', body, 1795600000)).toBe(`t=1795600000,v1=${expected}`);
  });

  it('verify for the right secret and body only', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.string(), (secret, body, other) => {
        const header = signWebhook(secret, body, 1000);
        expect(verifyWebhook(secret, body, header, 1000)).toBe(true);
        if (other !== body) expect(verifyWebhook(secret, other, header, 1000)).toBe(false);
        expect(verifyWebhook(`${secret}x`, body, header, 1000)).toBe(false);
      }),
    );
  });

  it('refuse an old signature (a replay)', () => {
    const header = signWebhook('secret', 'body', 1000);
    expect(verifyWebhook('secret', 'body', header, 1000 + 301)).toBe(false);
  });
});

describe('leadCreatedEventId', () => {
  it('is one UUID per lead, the same every time', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (lead, other) => {
        const id = leadCreatedEventId(lead);
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(leadCreatedEventId(lead)).toBe(id);
        if (other !== lead) expect(leadCreatedEventId(other)).not.toBe(id);
      }),
    );
  });
});
