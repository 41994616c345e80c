import { describe, expect, it } from '@jest/globals';
import { notificationMessageId, senderDomain } from './message-id.js';

const id = '4ef9c698-7659-459c-a860-d158956356ea';

describe('the Message-ID of a notification', () => {
  it('carries the domain of the sending address, never this product’s name', () => {
    expect(notificationMessageId(id, 'Willow & Oak <Intake@Willow-Oak.example>')).toBe(
      `<${id}@willow-oak.example>`,
    );
    expect(notificationMessageId(id, 'intake@practice.example')).toBe(`<${id}@practice.example>`);
    expect(notificationMessageId(id, 'Relational Intake <intake@practice.example>')).not.toMatch(
      /relational/i,
    );
  });

  it('falls back to localhost when the sender has no usable domain', () => {
    for (const from of [
      '',
      'Practice',
      'Practice <intake>',
      'a@',
      'a@bad domain',
      'a@-x.example',
    ]) {
      expect(senderDomain(from)).toBe('localhost');
    }
  });
});
