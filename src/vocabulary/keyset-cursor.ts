/**
 * Opaque keyset cursors for the lead list (docs/api.md#leads, `GET /v1/admin/leads`). No framework
 * code here. A cursor holds the sort key of the last lead on a page; the next page starts
 * strictly after it:
 *
 *   createdAt   (created_at, id) > (key.createdAt, key.id)
 *   -createdAt  (created_at, id) < (key.createdAt, key.id)
 *   urgency     (urgency rank, created_at, id) < (key.urgencyRank, key.createdAt, key.id),
 *               ordered by rank desc (crisis 2, high 1, routine 0), then created_at desc, id desc
 *   dueAt       (due time, 2 - urgency rank, created_at, id) > (key.dueAt, 2 - key.urgencyRank, …):
 *               soonest due first (overdue ones are due earliest), crisis first among equals
 *
 * `createdAt` stays a string from PostgreSQL to PostgreSQL: a JavaScript Date keeps only
 * milliseconds, and a key rounded to the millisecond skips or repeats leads on a page edge.
 * Select it as text, e.g. `to_char(created_at AT TIME ZONE 'UTC',
 * 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` or `to_json(created_at) #>> '{}'`.
 */
import { URGENCIES } from './urgency.js';

export const LEAD_SORTS = ['createdAt', '-createdAt', 'urgency', 'dueAt'] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];

export interface CursorKey {
  sort: LeadSort;
  /** ISO 8601 with up to microseconds, e.g. `2026-11-25T09:30:00.123456Z`; never via Date. */
  createdAt: string;
  /** The lead's id: a UUID in lower case, as PostgreSQL writes it. */
  id: string;
  /** `urgencyRank()` of the lead; present exactly when `sort` is `urgency` or `dueAt`. */
  urgencyRank?: number;
  /** The lead's due time, as `createdAt` (text, microseconds); present exactly for `dueAt`. */
  dueAt?: string;
}

/**
 * A cursor that this service did not write, or wrote for another sort. The message is
 * safe to show the client (the caller answers 422 for the field `cursor`): it never
 * repeats the cursor, which is client input and may be anything.
 */
export class CursorError extends Error {
  readonly field = 'cursor';

  constructor(message: string) {
    super(message);
    this.name = 'CursorError';
  }
}

/** Bumped when the payload changes, so an old cursor fails clearly instead of misreading. */
const CURSOR_VERSION = 1;
/** Longer than any cursor we write (about 150 characters), short enough to be cheap to refuse. */
const MAX_CURSOR_LENGTH = 256;

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Date, `T`, time, up to 6 fraction digits, `Z` or a ±HH:MM offset (what PostgreSQL writes). */
const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** The payload as written: short keys, because the cursor travels in every URL. */
interface Payload {
  v: number;
  s: LeadSort;
  c: string;
  i: string;
  u?: number;
  d?: string;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isIsoTimestamp(text: string): boolean {
  const parts = ISO_TIMESTAMP.exec(text);
  if (!parts) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number);
  const offset = parts[7] === undefined || (Number(parts[7]) <= 15 && Number(parts[8]) <= 59);
  return (
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offset
  );
}

function isLeadSort(value: unknown): value is LeadSort {
  return (LEAD_SORTS as readonly unknown[]).includes(value);
}

function isUrgencyRank(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < URGENCIES.length;
}

/**
 * The cursor for the page after the lead with this key. Throws a `RangeError` for a key
 * that `decodeCursor` would refuse: that is a bug in the caller, not the client's doing.
 * `urgencyRank` is left out of cursors for the date sorts, which do not use it.
 */
export function encodeCursor(key: CursorKey): string {
  if (!isLeadSort(key.sort)) throw new RangeError(`cursor: unknown sort "${String(key.sort)}"`);
  if (!isIsoTimestamp(key.createdAt)) {
    throw new RangeError('cursor: createdAt is not an ISO 8601 timestamp');
  }
  if (!UUID.test(key.id)) throw new RangeError('cursor: id is not a lower-case UUID');
  const payload: Payload = { v: CURSOR_VERSION, s: key.sort, c: key.createdAt, i: key.id };
  if (key.sort === 'urgency' || key.sort === 'dueAt') {
    if (!isUrgencyRank(key.urgencyRank)) {
      throw new RangeError(`cursor: urgencyRank must be an urgency rank for sort=${key.sort}`);
    }
    payload.u = key.urgencyRank;
  }
  if (key.sort === 'dueAt') {
    if (key.dueAt === undefined || !isIsoTimestamp(key.dueAt)) {
      throw new RangeError('cursor: dueAt is not an ISO 8601 timestamp');
    }
    payload.d = key.dueAt;
  }
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

function invalid(): CursorError {
  return new CursorError('cursor is not valid; start again from the first page');
}

function payloadOf(text: string): Record<string, unknown> {
  if (text.length === 0 || text.length > MAX_CURSOR_LENGTH || !BASE64URL.test(text)) {
    throw invalid();
  }
  let parsed: unknown;
  try {
    // A lenient decoder would only put U+FFFD for bad bytes, which no field may hold.
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, see the line above
    const json = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'base64url'));
    parsed = JSON.parse(json);
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid();
  return parsed as Record<string, unknown>;
}

/**
 * The key in a cursor from the client, checked for the sort of this request. Only a
 * cursor `encodeCursor` wrote is accepted, byte for byte; anything else throws a
 * `CursorError`, and nothing else is ever thrown. `text` is `unknown` because a query
 * string can repeat a parameter and hand over an array.
 */
export function decodeCursor(text: unknown, sort: LeadSort): CursorKey {
  if (typeof text !== 'string') throw invalid();
  const payload = payloadOf(text);
  if (payload.v !== CURSOR_VERSION || !isLeadSort(payload.s)) throw invalid();
  if (typeof payload.c !== 'string' || !isIsoTimestamp(payload.c)) throw invalid();
  if (typeof payload.i !== 'string' || !UUID.test(payload.i)) throw invalid();
  const key: CursorKey = { sort: payload.s, createdAt: payload.c, id: payload.i };
  if (payload.s === 'urgency' || payload.s === 'dueAt') {
    if (!isUrgencyRank(payload.u)) throw invalid();
    key.urgencyRank = payload.u;
  }
  if (payload.s === 'dueAt') {
    if (typeof payload.d !== 'string' || !isIsoTimestamp(payload.d)) throw invalid();
    key.dueAt = payload.d;
  }
  // Extra fields, duplicate keys, other spacing or a non-canonical base64 all end here.
  if (encodeCursor(key) !== text) throw invalid();
  if (key.sort !== sort) {
    throw new CursorError(
      `cursor was made for sort=${key.sort}, not sort=${sort}; start again from the first page`,
    );
  }
  return key;
}
