/**
 * Folding the audit log (docs/api.md#audit-log-folding): the lists one person opened from
 * one address within one clock hour are one row with a count, so they do not flood the
 * log. No framework code here; the stored trail is never changed.
 */
export const FOLDED_ACTIONS: readonly string[] = ['lead.listed'];

const HOUR_MS = 3_600_000;

export interface AuditRowFacts {
  id: string;
  occurredAt: Date;
  action: string;
  actorUserId: string | null;
  ip: string | null;
}

export interface FoldedRow<E extends AuditRowFacts> {
  /** The newest event of the row (the row's id, time and details). */
  event: E;
  /** How many events the row stands for (1 unless folded). */
  count: number;
  /** The oldest event's time: equal to the event's own for a row of one. */
  firstOccurredAt: Date;
}

export interface FoldedPage<E extends AuditRowFacts> {
  rows: FoldedRow<E>[];
  /** The id of the oldest event taken into the rows: the next page starts below it. */
  lastTakenId: string | null;
  /** True when an event was left for the next page because the rows were full. */
  full: boolean;
}

function foldKey(event: AuditRowFacts, folded: readonly string[]): string | null {
  if (!folded.includes(event.action)) return null;
  const hour = Math.floor(event.occurredAt.getTime() / HOUR_MS);
  return `${event.action}|${event.actorUserId ?? '-'}|${event.ip ?? '-'}|${hour}`;
}

/**
 * Folds events given newest first into at most `limit` rows, in the same order. Events are
 * taken in order until one would need a row past the limit; a folded row may then go on
 * as another row on the next page. `folded: []` folds nothing (one row per event).
 */
export function foldEvents<E extends AuditRowFacts>(
  events: readonly E[],
  limit: number,
  folded: readonly string[] = FOLDED_ACTIONS,
): FoldedPage<E> {
  const rows: FoldedRow<E>[] = [];
  const open = new Map<string, FoldedRow<E>>();
  let lastTakenId: string | null = null;
  for (const event of events) {
    const key = foldKey(event, folded);
    const row = key === null ? undefined : open.get(key);
    if (row) {
      row.count += 1;
      row.firstOccurredAt = event.occurredAt;
    } else {
      if (rows.length === limit) return { rows, lastTakenId, full: true };
      const added = { event, count: 1, firstOccurredAt: event.occurredAt };
      rows.push(added);
      if (key !== null) open.set(key, added);
    }
    lastTakenId = event.id;
  }
  return { rows, lastTakenId, full: false };
}
