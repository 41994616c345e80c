import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ifMatchAllows, leadEtag, parseIfMatch } from './lead-etag.js';

const allows = (header: string, version: number) => {
  const parsed = parseIfMatch(header);
  if (!parsed) throw new Error(`not an If-Match value: ${header}`);
  return ifMatchAllows(parsed, version);
};

describe('lead ETags', () => {
  it('are the version in quotes, and If-Match with that value matches', () => {
    expect(leadEtag(7)).toBe('"7"');
    expect(allows('"7"', 7)).toBe(true);
    expect(allows('"6"', 7)).toBe(false);
  });

  it('match one of a list, or anything for *', () => {
    expect(allows('"5", "7"', 7)).toBe(true);
    expect(allows(' * ', 12)).toBe(true);
  });

  it('never match a weak tag (If-Match compares strongly)', () => {
    expect(allows('W/"7"', 7)).toBe(false);
  });

  it('refuse what is not an entity tag', () => {
    for (const header of ['', '7', '"7', 'W/7', '"7",', '"a"b"', '**', '"7" "8"']) {
      expect(parseIfMatch(header)).toBeUndefined();
    }
  });

  it('match exactly the version they were made from', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (a, b) => {
        expect(allows(leadEtag(a), b)).toBe(a === b);
      }),
    );
  });
});
