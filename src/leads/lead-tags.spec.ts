import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { TAG_PATTERN, normalizeTag, tagChange, uniqueTags } from './lead-tags.js';

describe('tags', () => {
  it('are compared trimmed and lower-cased', () => {
    expect(normalizeTag('  Waitlist Fall ')).toBe('waitlist fall');
    expect(uniqueTags(['Couples', 'couples ', 'insurance', 'COUPLES'])).toEqual([
      'couples',
      'insurance',
    ]);
  });

  it('are a letter or digit and up to 39 more of a-z 0-9 space _ -', () => {
    for (const good of ['a', '2026', 'sliding-scale', 'needs_callback', 'x'.repeat(40)]) {
      expect(TAG_PATTERN.test(good)).toBe(true);
    }
    for (const bad of ['', ' a', '-a', 'a,b', 'Caps', 'é', 'x'.repeat(41), 'a\nb']) {
      expect(TAG_PATTERN.test(bad)).toBe(false);
    }
  });

  it('report what was added and what was removed', () => {
    expect(tagChange(['a', 'b'], ['b', 'c'])).toEqual({ added: ['c'], removed: ['a'] });
    expect(tagChange([], [])).toEqual({ added: [], removed: [] });
  });

  it('added and removed always rebuild the new set from the old one', () => {
    const tags = fc.uniqueArray(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e'), { maxLength: 5 });
    fc.assert(
      fc.property(tags, tags, (before, after) => {
        const { added, removed } = tagChange(before, after);
        const rebuilt = new Set([...before.filter((tag) => !removed.includes(tag)), ...added]);
        expect(rebuilt).toEqual(new Set(after));
        expect(added.filter((tag) => before.includes(tag))).toEqual([]);
        expect(removed.filter((tag) => after.includes(tag))).toEqual([]);
      }),
    );
  });
});
