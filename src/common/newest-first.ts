import {
  type CursorKey,
  CursorError,
  decodeCursor,
  encodeCursor,
  type LeadSort,
} from '../vocabulary/keyset-cursor.js';
import { ProblemException } from './problem-details.js';

/**
 * Keyset pages of a log read newest first by (created_at, id): the notification and
 * webhook delivery lists. Rows carry `cursor_created_at`, created_at as text with its
 * microseconds (a Date would drop them and the next page would repeat a row).
 */
export interface NewestFirstRow {
  id: string;
  cursor_created_at: string;
}

/** The position after which the next page starts; a bad cursor is a 422 on `cursor`. */
export function newestFirstAfter(cursor: string | undefined): CursorKey | undefined {
  return cursor === undefined ? undefined : cursorFromQuery(cursor, '-createdAt');
}

/** A `cursor` query parameter made for `sort`, or a 422 naming it. */
export function cursorFromQuery(cursor: string, sort: LeadSort): CursorKey {
  try {
    return decodeCursor(cursor, sort);
  } catch (error) {
    if (error instanceof CursorError) {
      throw ProblemException.validation([{ field: 'cursor', message: error.message }]);
    }
    throw error;
  }
}

/** A page of `limit` from `limit + 1` rows fetched, and the cursor of the next one. */
export function newestFirstPage<T extends NewestFirstRow>(
  rows: T[],
  limit: number,
): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    page,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ sort: '-createdAt', createdAt: last.cursor_created_at, id: last.id })
        : null,
  };
}
