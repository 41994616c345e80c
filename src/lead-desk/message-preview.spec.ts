import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { PREVIEW_LENGTH, messagePreview } from './message-preview.js';

describe('messagePreview', () => {
  it('keeps a short message whole, its white space collapsed', () => {
    expect(messagePreview('  We keep\n\narguing   about  money. ')).toBe(
      'We keep arguing about money.',
    );
  });

  it('is null for a message of white space only', () => {
    expect(messagePreview(' \n\t ')).toBeNull();
  });

  it('cuts a long message at a word boundary with an ellipsis', () => {
    const message = `${'word '.repeat(40)}end`;
    const preview = messagePreview(message)!;
    expect(preview.endsWith('word…')).toBe(true);
    expect([...preview].length).toBeLessThanOrEqual(PREVIEW_LENGTH);
  });

  it('cuts where a word ends exactly at the limit without losing that word', () => {
    const first = 'a'.repeat(PREVIEW_LENGTH - 1);
    expect(messagePreview(`${first} more`)).toBe(`${first}…`);
  });

  it('cuts one long word mid-word', () => {
    expect(messagePreview('x'.repeat(500))).toBe(`${'x'.repeat(PREVIEW_LENGTH - 1)}…`);
  });

  it('never exceeds the length and is always a prefix of the collapsed text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (message) => {
        const collapsed = message.replace(/\s+/gu, ' ').trim();
        const preview = messagePreview(message);
        if (collapsed === '') return preview === null;
        if (preview === null) return false;
        if ([...preview].length > PREVIEW_LENGTH) return false;
        return preview === collapsed || collapsed.startsWith(preview.slice(0, -1));
      }),
    );
  });
});
