import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aLead } from './support/leads.js';
import { aSignedInStaffMember } from './support/staff.js';
import { STATUSES_IN_GRID, STATUS_MOVES } from './support/status-moves.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Every move the published status table refuses, asked for through the API. */
describe('PATCH /v1/admin/leads/:id refuses every move outside the status table', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  /** One lead per status; a refused move changes nothing, so each serves all its moves. */
  const leadAt = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp();
    ({ auth } = await aSignedInStaffMember(t, 'coordinator'));
    for (const status of STATUSES_IN_GRID) leadAt.set(status, (await aLead(t.db, { status })).id);
  });
  afterAll(async () => {
    await t.close();
  });

  const refused = STATUS_MOVES.filter(({ from, to, allowed }) => !allowed && from !== to);

  it('answers each of the 64 refused moves with the conflict problem naming both statuses', async () => {
    expect(refused).toHaveLength(64);
    const answers = await Promise.all(
      STATUSES_IN_GRID.map(async (from) => {
        const answered = [];
        for (const { to } of refused.filter((move) => move.from === from)) {
          const response = await t.http
            .patch(`/v1/admin/leads/${leadAt.get(from)}`)
            .set(auth)
            .set('If-Match', '"1"')
            .send({ status: to });
          answered.push({
            from,
            to,
            status: response.status,
            contentType: response.headers['content-type'],
            type: response.body.type,
            title: response.body.title,
            detail: response.body.detail,
          });
        }
        return answered;
      }),
    );
    expect(answers.flat()).toEqual(
      refused.map(({ from, to }) => ({
        from,
        to,
        status: 409,
        contentType: expect.stringMatching(/^application\/problem\+json/),
        type: '/problems/conflict',
        title: 'Conflict',
        detail: `A lead cannot move from ${from} to ${to}.`,
      })),
    );
  });

  it('left every lead where it was, unchanged and with no event on its timeline', async () => {
    const leads = (await t.db.query(
      `SELECT l.status, l.version, (SELECT count(*)::int FROM lead_event e WHERE e.lead_id = l.id) AS events
         FROM lead l WHERE l.id = ANY($1::uuid[]) ORDER BY l.status`,
      [[...leadAt.values()]],
    )) as { status: string; version: number; events: number }[];
    expect(leads).toEqual(
      [...STATUSES_IN_GRID].sort().map((status) => ({ status, version: 1, events: 0 })),
    );
  });
});
