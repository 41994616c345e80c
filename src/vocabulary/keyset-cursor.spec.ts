import { describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import {
  type CursorKey,
  CursorError,
  LEAD_SORTS,
  type LeadSort,
  decodeCursor,
  encodeCursor,
} from './keyset-cursor.js';

const ID = '3f2a9c1e-7b4d-4e8a-9c0f-1a2b3c4d5e6f';
const CREATED = '2026-11-25T09:30:00.123456Z';

/** What a cursor carries, written out here so a change of format shows in this file. */
function tokenOf(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

function decodeError(text: unknown, sort: LeadSort = 'createdAt'): CursorError {
  try {
    decodeCursor(text, sort);
  } catch (error) {
    if (error instanceof CursorError) return error;
    throw error;
  }
  throw new Error('the cursor was accepted');
}

describe('encodeCursor and decodeCursor', () => {
  it.each([
    { sort: 'createdAt', createdAt: CREATED, id: ID },
    { sort: '-createdAt', createdAt: CREATED, id: ID },
    { sort: 'urgency', createdAt: CREATED, id: ID, urgencyRank: 2 },
    { sort: 'dueAt', createdAt: CREATED, id: ID, urgencyRank: 1, dueAt: CREATED },
  ] as CursorKey[])('gives back the key it was made from (sort=$sort)', (key) => {
    expect(decodeCursor(encodeCursor(key), key.sort)).toEqual(key);
  });

  it('keys sort=dueAt by its due time and urgency rank, and refuses one without them', () => {
    expect(() =>
      encodeCursor({ sort: 'dueAt', createdAt: CREATED, id: ID, urgencyRank: 1 }),
    ).toThrow(new RangeError('cursor: dueAt is not an ISO 8601 timestamp'));
    expect(() =>
      encodeCursor({ sort: 'dueAt', createdAt: CREATED, id: ID, urgencyRank: 1, dueAt: 'soon' }),
    ).toThrow(new RangeError('cursor: dueAt is not an ISO 8601 timestamp'));
    expect(() =>
      encodeCursor({ sort: 'dueAt', createdAt: CREATED, id: ID, dueAt: CREATED }),
    ).toThrow(new RangeError('cursor: urgencyRank must be an urgency rank for sort=dueAt'));
    for (const payload of [
      { v: 1, s: 'dueAt', c: CREATED, i: ID, u: 1 },
      { v: 1, s: 'dueAt', c: CREATED, i: ID, d: CREATED },
      { v: 1, s: 'dueAt', c: CREATED, i: ID, u: 1, d: 'tomorrow' },
    ]) {
      expect(() => decodeCursor(tokenOf(payload), 'dueAt')).toThrow(CursorError);
    }
  });

  it('keeps the microseconds and the offset exactly as PostgreSQL wrote them', () => {
    for (const createdAt of [
      '2026-11-25T09:30:00.123456Z',
      '2026-11-25T09:30:00.100001+00:00',
      '2026-11-25T15:00:00.5+05:30',
      '2026-11-25T09:30:00Z',
    ]) {
      const cursor = encodeCursor({ sort: '-createdAt', createdAt, id: ID });
      expect(decodeCursor(cursor, '-createdAt').createdAt).toBe(createdAt);
    }
  });

  it('is URL-safe base64 without padding', () => {
    const cursor = encodeCursor({ sort: 'urgency', createdAt: CREATED, id: ID, urgencyRank: 0 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).toBe(tokenOf({ v: 1, s: 'urgency', c: CREATED, i: ID, u: 0 }));
  });

  it('leaves the urgency rank out of a cursor for a date sort', () => {
    const cursor = encodeCursor({ sort: 'createdAt', createdAt: CREATED, id: ID, urgencyRank: 1 });
    expect(decodeCursor(cursor, 'createdAt')).toEqual({
      sort: 'createdAt',
      createdAt: CREATED,
      id: ID,
    });
  });

  it('refuses to write a cursor it would not read back, as a bug rather than a 422', () => {
    const bad: CursorKey[] = [
      { sort: 'createdAt', createdAt: '2026-11-25 09:30:00+00', id: ID },
      { sort: 'createdAt', createdAt: CREATED, id: ID.toUpperCase() },
      { sort: 'urgency', createdAt: CREATED, id: ID },
      { sort: 'urgency', createdAt: CREATED, id: ID, urgencyRank: 3 },
      { sort: 'name' as LeadSort, createdAt: CREATED, id: ID },
    ];
    for (const key of bad) expect(() => encodeCursor(key)).toThrow(RangeError);
  });
});

describe('decodeCursor refuses', () => {
  it('a cursor made for another sort, and says so', () => {
    const cursor = encodeCursor({ sort: 'createdAt', createdAt: CREATED, id: ID });
    const error = decodeError(cursor, 'urgency');
    expect(error.message).toBe(
      'cursor was made for sort=createdAt, not sort=urgency; start again from the first page',
    );
    expect(error.field).toBe('cursor');
    expect(error.name).toBe('CursorError');
  });

  it.each([
    ['empty text', ''],
    ['text that is not base64url', 'not a cursor!'],
    ['padded base64', `${tokenOf({ v: 1, s: 'createdAt', c: CREATED, i: ID })}==`],
    ['a very long text', 'A'.repeat(10_000)],
    ['base64 of text that is not JSON', Buffer.from('hello').toString('base64url')],
    ['base64 of invalid UTF-8', Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')],
    ['a JSON array', tokenOf([1, 'createdAt', CREATED, ID])],
    ['JSON null', tokenOf(null)],
    ['a missing id', tokenOf({ v: 1, s: 'createdAt', c: CREATED })],
    ['another version', tokenOf({ v: 2, s: 'createdAt', c: CREATED, i: ID })],
    ['an extra field', tokenOf({ v: 1, s: 'createdAt', c: CREATED, i: ID, x: 1 })],
    ['a rank on a date sort', tokenOf({ v: 1, s: 'createdAt', c: CREATED, i: ID, u: 1 })],
    ['another key order', tokenOf({ s: 'createdAt', v: 1, c: CREATED, i: ID })],
    ['an upper-case id', tokenOf({ v: 1, s: 'createdAt', c: CREATED, i: ID.toUpperCase() })],
    ['an id that is not a UUID', tokenOf({ v: 1, s: 'createdAt', c: CREATED, i: '42' })],
    ['a numeric time', tokenOf({ v: 1, s: 'createdAt', c: 1764063000123, i: ID })],
    ['February 30', tokenOf({ v: 1, s: 'createdAt', c: '2026-02-30T00:00:00Z', i: ID })],
    [
      'February 29 off a leap year',
      tokenOf({ v: 1, s: 'createdAt', c: '2100-02-29T00:00:00Z', i: ID }),
    ],
    ['hour 24', tokenOf({ v: 1, s: 'createdAt', c: '2026-11-25T24:00:00Z', i: ID })],
    ['a time without a zone', tokenOf({ v: 1, s: 'createdAt', c: '2026-11-25T09:30:00', i: ID })],
    ['nanoseconds', tokenOf({ v: 1, s: 'createdAt', c: '2026-11-25T09:30:00.123456789Z', i: ID })],
    ['a space for the T', tokenOf({ v: 1, s: 'createdAt', c: '2026-11-25 09:30:00Z', i: ID })],
    [
      'an offset of 16 hours',
      tokenOf({ v: 1, s: 'createdAt', c: '2026-11-25T09:30:00+16:00', i: ID }),
    ],
    ['an unknown sort', tokenOf({ v: 1, s: 'name', c: CREATED, i: ID })],
    ['a missing urgency rank', tokenOf({ v: 1, s: 'urgency', c: CREATED, i: ID })],
    ['an urgency rank of 3', tokenOf({ v: 1, s: 'urgency', c: CREATED, i: ID, u: 3 })],
    ['a fractional urgency rank', tokenOf({ v: 1, s: 'urgency', c: CREATED, i: ID, u: 1.5 })],
  ])('%s', (_name, text) => {
    expect(decodeError(text).message).toBe('cursor is not valid; start again from the first page');
  });

  it('a cursor read back from JSON with different spacing or a duplicate field', () => {
    const spaced = `{"v": 1, "s": "createdAt", "c": "${CREATED}", "i": "${ID}"}`;
    const duplicated = `{"v":1,"s":"createdAt","c":"${CREATED}","i":"${ID}","i":"${ID}"}`;
    for (const json of [spaced, duplicated]) {
      expect(decodeError(Buffer.from(json).toString('base64url'))).toBeInstanceOf(CursorError);
    }
  });

  it('base64 with stray bits in its last character', () => {
    const cursor = encodeCursor({ sort: 'createdAt', createdAt: CREATED, id: ID });
    // Decoders ignore the unused low bits of the last character: flip them and see.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(cursor.at(-1)!);
    const altered = cursor.slice(0, -1) + alphabet[last ^ 1];
    expect(Buffer.from(altered, 'base64url')).toEqual(Buffer.from(cursor, 'base64url'));
    expect(decodeError(altered)).toBeInstanceOf(CursorError);
  });

  it('a parameter given twice, which arrives as an array', () => {
    const cursor = encodeCursor({ sort: 'createdAt', createdAt: CREATED, id: ID });
    expect(decodeError([cursor, cursor])).toBeInstanceOf(CursorError);
  });
});

describe('properties', () => {
  const timestampArb = fc
    .record({
      year: fc.integer({ min: 1, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.integer({ min: 0, max: 59 }),
      fraction: fc.stringMatching(/^(\.\d{1,6})?$/),
      zone: fc.oneof(
        fc.constant('Z'),
        fc
          .tuple(
            fc.constantFrom('+', '-'),
            fc.integer({ min: 0, max: 15 }),
            fc.integer({ min: 0, max: 59 }),
          )
          .map(([sign, h, m]) => `${sign}${pad(h, 2)}:${pad(m, 2)}`),
      ),
    })
    .map((t) => {
      const date = [pad(t.year, 4), pad(t.month, 2), pad(t.day, 2)].join('-');
      const time = [pad(t.hour, 2), pad(t.minute, 2), pad(t.second, 2)].join(':');
      return `${date}T${time}${t.fraction}${t.zone}`;
    });
  const keyArb: fc.Arbitrary<CursorKey> = fc.oneof(
    fc.record({
      sort: fc.constantFrom<LeadSort>('createdAt', '-createdAt'),
      createdAt: timestampArb,
      id: fc.uuid(),
    }),
    fc.record({
      sort: fc.constant<LeadSort>('urgency'),
      createdAt: timestampArb,
      id: fc.uuid(),
      urgencyRank: fc.integer({ min: 0, max: 2 }),
    }),
  );

  it('decoding an encoded key gives the key back, for its own sort only', () => {
    fc.assert(
      fc.property(keyArb, fc.constantFrom(...LEAD_SORTS), (key, sort) => {
        const cursor = encodeCursor(key);
        if (sort === key.sort) expect(decodeCursor(cursor, sort)).toEqual(key);
        else expect(() => decodeCursor(cursor, sort)).toThrow(CursorError);
      }),
    );
  });

  /** Throws whatever decodeCursor throws, unless it is a CursorError. */
  function decodesOrRefuses(text: unknown, sort: LeadSort): void {
    try {
      const key = decodeCursor(text, sort);
      expect(encodeCursor(key)).toBe(text);
    } catch (error) {
      if (!(error instanceof CursorError)) throw error;
    }
  }

  it('garbage never throws anything but a CursorError', () => {
    const garbage = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.stringMatching(/^[A-Za-z0-9_-]{0,300}$/),
      fc.json().map((json) => Buffer.from(json).toString('base64url')),
      fc.jsonValue().map(tokenOf),
      fc
        .record(
          {
            v: fc.jsonValue(),
            s: fc.jsonValue(),
            c: fc.jsonValue(),
            i: fc.jsonValue(),
            u: fc.jsonValue(),
          },
          { requiredKeys: [] },
        )
        .map(tokenOf),
      fc.anything(),
    );
    fc.assert(fc.property(garbage, fc.constantFrom(...LEAD_SORTS), decodesOrRefuses), {
      numRuns: 500,
    });
  });

  it('a valid cursor with one character changed is refused or is another valid cursor', () => {
    fc.assert(
      fc.property(
        keyArb,
        fc.nat(),
        fc.constantFrom(...'ABCabc019_-=+/ .'),
        (key, at, character) => {
          const cursor = encodeCursor(key);
          const index = at % cursor.length;
          const altered = cursor.slice(0, index) + character + cursor.slice(index + 1);
          decodesOrRefuses(altered, key.sort);
        },
      ),
    );
  });
});

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

describe('the timestamp in a cursor', () => {
  const key = (createdAt: string): CursorKey => ({ sort: 'createdAt', createdAt, id: ID });

  it.each([
    '2024-02-29T00:00:00Z',
    '2000-02-29T00:00:00Z',
    '2026-04-30T23:59:59Z',
    '2026-12-31T23:59:59.999999Z',
    '2026-01-31T00:00:00+15:59',
    '0001-01-01T00:00:00Z',
  ])('is a real instant: %s round-trips', (createdAt) => {
    expect(decodeCursor(encodeCursor(key(createdAt)), 'createdAt').createdAt).toBe(createdAt);
  });

  it.each([
    '2026-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-06-31T00:00:00Z',
    '2026-09-31T00:00:00Z',
    '2026-11-31T00:00:00Z',
    '2026-01-32T00:00:00Z',
    '2026-01-00T00:00:00Z',
    '2026-00-10T00:00:00Z',
    '2026-13-10T00:00:00Z',
    '0000-01-01T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T00:60:00Z',
    '2026-01-01T00:00:60Z',
    '2026-01-01T00:00:00+16:00',
    '2026-01-01T00:00:00+01:60',
  ])('is refused when no calendar has it: %s', (createdAt) => {
    expect(() => encodeCursor(key(createdAt))).toThrow(RangeError);
    const written = tokenOf({ v: 1, s: 'createdAt', c: createdAt, i: ID });
    expect(decodeError(written).message).toBe(
      'cursor is not valid; start again from the first page',
    );
  });
});

describe('decodeCursor answers a CursorError, never another error, for', () => {
  it.each([
    ['an empty text', ''],
    ['a text longer than any cursor written', 'A'.repeat(257)],
    ['characters outside base64url', 'abc+/='],
    ['bytes that are not UTF-8', Buffer.from([0xff, 0xfe, 0xfd]).toString('base64url')],
    ['text that is not JSON', Buffer.from('not json').toString('base64url')],
    ['JSON that is not an object', tokenOf([1, 2])],
    ['JSON null', tokenOf(null)],
    ['another version', tokenOf({ v: 2, s: 'createdAt', c: CREATED, i: ID })],
    ['an unknown sort', tokenOf({ v: 1, s: 'name', c: CREATED, i: ID })],
    ['a time that is not text', tokenOf({ v: 1, s: 'createdAt', c: 1_700_000_000, i: ID })],
    ['an id that is not text', tokenOf({ v: 1, s: 'createdAt', c: CREATED, i: 7 })],
    ['a time given as a list', tokenOf({ v: 1, s: 'createdAt', c: [CREATED], i: ID })],
    ['an id given as a list', tokenOf({ v: 1, s: 'createdAt', c: CREATED, i: [ID] })],
    ['an upper-case id', tokenOf({ v: 1, s: 'createdAt', c: CREATED, i: ID.toUpperCase() })],
    ['an urgency sort without a rank', tokenOf({ v: 1, s: 'urgency', c: CREATED, i: ID })],
    ['a rank past crisis', tokenOf({ v: 1, s: 'urgency', c: CREATED, i: ID, u: 3 })],
    ['a negative rank', tokenOf({ v: 1, s: 'urgency', c: CREATED, i: ID, u: -1 })],
    ['a fractional rank', tokenOf({ v: 1, s: 'urgency', c: CREATED, i: ID, u: 1.5 })],
  ])('%s', (_what, text) => {
    expect(decodeError(text).message).toBe('cursor is not valid; start again from the first page');
  });

  it('accepts the longest cursor it writes', () => {
    const longest = encodeCursor({
      sort: 'urgency',
      createdAt: '2026-11-25T09:30:00.123456+05:30',
      id: ID,
      urgencyRank: 2,
    });
    expect(longest.length).toBeLessThanOrEqual(256);
    expect(decodeCursor(longest, 'urgency').urgencyRank).toBe(2);
  });
});

describe('a cursor holds exactly one id and one time', () => {
  it.each([
    ['an id with a prefix', { sort: 'createdAt', createdAt: CREATED, id: `0${ID}` }],
    ['an id with a suffix', { sort: 'createdAt', createdAt: CREATED, id: `${ID}0` }],
    ['a time with a prefix', { sort: 'createdAt', createdAt: `0${CREATED}`, id: ID }],
    ['a time with a suffix', { sort: 'createdAt', createdAt: `${CREATED}0`, id: ID }],
  ] as [string, CursorKey][])('refuses %s, written or read', (_what, key) => {
    expect(() => encodeCursor(key)).toThrow(RangeError);
    const written = tokenOf({ v: 1, s: key.sort, c: key.createdAt, i: key.id });
    expect(decodeError(written).message).toBe(
      'cursor is not valid; start again from the first page',
    );
  });
});

describe('decodeCursor stays cheap for junk', () => {
  // Every list request may carry a cursor: text no cursor could be is refused unread.
  it.each([
    ['longer than any cursor written', 'A'.repeat(10_000)],
    ['outside base64url', `${tokenOf({ v: 1, s: 'createdAt', c: CREATED, i: ID })}=`],
  ])('refuses text %s without decoding it', (_what, text) => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      expect(decodeError(text)).toBeInstanceOf(CursorError);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});

describe('encodeCursor refuses, naming what is wrong', () => {
  it.each([
    [{ sort: 'name', createdAt: CREATED, id: ID }, 'cursor: unknown sort "name"'],
    [
      { sort: 'createdAt', createdAt: 'today', id: ID },
      'cursor: createdAt is not an ISO 8601 timestamp',
    ],
    [{ sort: 'createdAt', createdAt: CREATED, id: 'x' }, 'cursor: id is not a lower-case UUID'],
    [
      { sort: 'urgency', createdAt: CREATED, id: ID },
      'cursor: urgencyRank must be an urgency rank for sort=urgency',
    ],
  ])('%o', (key, message) => {
    expect(() => encodeCursor(key as CursorKey)).toThrow(new RangeError(message));
  });
});
