import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type AuditRowFacts, foldEvents } from './audit-folding.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 9, 0) + minute * 60_000);
let next = 1000;
const event = (minute: number, overrides: Partial<AuditRowFacts> = {}): AuditRowFacts => ({
  id: String(next--),
  occurredAt: at(minute),
  action: 'lead.listed',
  actorUserId: 'u1',
  ip: '10.0.0.1',
  ...overrides,
});

describe('folding the audit log', () => {
  it("folds one person's lists from one address within an hour into one row with a count", () => {
    const newestFirst = [event(50), event(40), event(10)];
    const page = foldEvents(newestFirst, 10);
    expect(page.rows).toEqual([{ event: newestFirst[0], count: 3, firstOccurredAt: at(10) }]);
    expect(page).toMatchObject({ lastTakenId: newestFirst[2]!.id, full: false });
  });

  it('keeps another hour, person or address, and every other action, as rows of their own', () => {
    const newestFirst = [
      event(70),
      event(55, { action: 'lead.read' }),
      event(50),
      event(45, { actorUserId: 'u2' }),
      event(40, { ip: '10.0.0.2' }),
      event(30, { action: 'lead.read' }),
    ];
    const page = foldEvents(newestFirst, 10);
    expect(page.rows.map((row) => [row.event.id, row.count])).toEqual([
      [newestFirst[0]!.id, 1],
      [newestFirst[1]!.id, 1],
      [newestFirst[2]!.id, 1],
      [newestFirst[3]!.id, 1],
      [newestFirst[4]!.id, 1],
      [newestFirst[5]!.id, 1],
    ]);
  });

  it('stops before an event that needs a row past the limit; folded ones still join', () => {
    const newestFirst = [
      event(50),
      event(45, { action: 'lead.read' }),
      event(40),
      event(35, { action: 'lead.read' }),
    ];
    const page = foldEvents(newestFirst, 2);
    expect(page.rows.map((row) => row.count)).toEqual([2, 1]);
    expect(page).toEqual(expect.objectContaining({ lastTakenId: newestFirst[2]!.id, full: true }));
  });

  it('accounts for every event taken exactly once, in order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            minute: fc.integer({ min: 0, max: 300 }),
            action: fc.constantFrom('lead.listed', 'lead.read'),
            actorUserId: fc.constantFrom('u1', 'u2', null),
          }),
          { maxLength: 40 },
        ),
        fc.integer({ min: 1, max: 10 }),
        (drawn, limit) => {
          const newestFirst = [...drawn]
            .sort((a, b) => b.minute - a.minute)
            .map((item) => event(item.minute, item));
          const page = foldEvents(newestFirst, limit);
          const taken = page.lastTakenId
            ? newestFirst.findIndex((item) => item.id === page.lastTakenId) + 1
            : 0;
          expect(page.rows.length).toBeLessThanOrEqual(limit);
          expect(page.rows.reduce((sum, row) => sum + row.count, 0)).toBe(taken);
          expect(page.full).toBe(taken < newestFirst.length);
          const ids = page.rows.map((row) => Number(row.event.id));
          expect(ids).toEqual([...ids].sort((a, b) => b - a));
        },
      ),
    );
  });

  it('folds nothing when told so', () => {
    const newestFirst = [event(50), event(40)];
    expect(foldEvents(newestFirst, 10, []).rows.map((row) => row.count)).toEqual([1, 1]);
  });
});
