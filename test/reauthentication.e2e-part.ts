import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { hashToken } from '../src/common/tokens.js';
import { enrolMfa, nextCode } from './support/admin-ui.js';
import { aLead } from './support/leads.js';
import { aSignedInStaffMember, aStaffMember, STAFF_PASSWORD } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type SignedIn = Awaited<ReturnType<typeof aSignedInStaffMember>>;

/**
 * Erasure, the CSV export, role changes and webhook secrets need a session that proved
 * the password or a code in the last 10 minutes; signing in counts, and so does
 * POST /v1/auth/reauthenticate.
 */
describe('fresh credentials for sensitive actions', () => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp({ env: { WEBHOOK_ALLOW_PRIVATE_URLS: 'true' } });
    admin = await aSignedInStaffMember(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  /** Moves the session's last proof back past the 10 minutes. */
  const makeStale = async (member: SignedIn) => {
    const [, changed] = (await t.db.query(
      `UPDATE staff_session SET credentials_proved_at = now() - interval '11 minutes' WHERE token_hash = $1`,
      [hashToken(member.token)],
    )) as [unknown, number];
    expect(changed).toBe(1);
  };
  const reauthenticate = (member: SignedIn, body: Record<string, unknown>) =>
    t.http.post('/v1/auth/reauthenticate').set(member.auth).send(body);
  const expectRefused = (response: Answer) => {
    expect(response.status).toBe(403);
    expect(response.body.type).toMatch(/\/problems\/reauthentication-required$/);
  };

  type Answer = { status: number; body: { type?: string } };
  const actions: [string, (member: SignedIn) => PromiseLike<Answer>][] = [
    [
      'erasing a lead',
      async (member) => {
        const lead = await aLead(t.db);
        return t.http
          .delete(`/v1/admin/leads/${lead.id}`)
          .set(member.auth)
          .send({ reason: 'The person asked us to erase their data.' });
      },
    ],
    ['exporting leads as CSV', (member) => t.http.get('/v1/admin/leads.csv').set(member.auth)],
    [
      'changing a role',
      async (member) => {
        const user = await aStaffMember(t.db, 'coordinator');
        return t.http
          .patch(`/v1/admin/users/${user.id}`)
          .set(member.auth)
          .send({ role: 'clinician' });
      },
    ],
    [
      'creating a webhook (its secret)',
      (member) =>
        t.http
          .post('/v1/admin/webhooks')
          .set(member.auth)
          .send({ url: 'http://127.0.0.1:9/hooks', events: ['lead.created'] }),
    ],
    [
      'rotating a webhook secret',
      async (member) => {
        const created = await t.http
          .post('/v1/admin/webhooks')
          .set(admin.auth)
          .send({ url: 'http://127.0.0.1:9/hooks', events: ['lead.created'] })
          .expect(201);
        return t.http
          .patch(`/v1/admin/webhooks/${created.body.id}`)
          .set(member.auth)
          .send({ secret: 'a-new-webhook-secret-of-enough-length-0123456789' });
      },
    ],
  ];

  describe.each(actions)('%s', (_name, act) => {
    it('is refused with reauthentication-required when the last proof is stale, and done after reauthenticating', async () => {
      const member = await aSignedInStaffMember(t, 'admin');
      expect((await act(member)).status).toBeLessThan(300);
      await makeStale(member);
      expectRefused(await act(member));
      await reauthenticate(member, { password: STAFF_PASSWORD }).expect(200);
      expect((await act(member)).status).toBeLessThan(300);
    });
  });

  it('other changes by a stale session still work (a name change, a webhook URL)', async () => {
    const member = await aSignedInStaffMember(t, 'admin');
    const user = await aStaffMember(t.db, 'coordinator');
    await makeStale(member);
    await t.http
      .patch(`/v1/admin/users/${user.id}`)
      .set(member.auth)
      .send({ name: 'Renamed Person' })
      .expect(200);
  });

  it('reauthenticate answers when the proof stops counting, and the stamp is in the audit trail', async () => {
    const member = await aSignedInStaffMember(t, 'admin');
    await makeStale(member);
    const response = await reauthenticate(member, { password: STAFF_PASSWORD }).expect(200);
    const minutes = (Date.parse(response.body.freshUntil) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThanOrEqual(10);
    const [event] = (await t.db.query(
      `SELECT actor_user_id, details FROM audit_event WHERE action = 'auth.reauthenticated' AND actor_user_id = $1`,
      [member.id],
    )) as { actor_user_id: string; details: unknown }[];
    expect(event).toEqual({ actor_user_id: member.id, details: { with: 'password' } });
  });

  it('a wrong password is refused (422 on password), counts as a failed sign-in, and leaves the session stale', async () => {
    const member = await aSignedInStaffMember(t, 'admin');
    await makeStale(member);
    const refused = await reauthenticate(member, { password: 'not the password at all' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { field: 'password', code: 'invalid_format', message: 'is not right' },
    ]);
    const failures = (await t.db.query(
      `SELECT details FROM audit_event WHERE action = 'auth.login.failed' AND subject_id = $1`,
      [member.id],
    )) as { details: { reason: string; failures: number } }[];
    expect(failures).toEqual([{ details: { reason: 'password', failures: 1 } }]);
    const [{ n }] = (await t.db.query(
      `SELECT count(*)::int AS n FROM login_throttle WHERE failures = 1`,
    )) as { n: number }[];
    expect(n).toBeGreaterThanOrEqual(1);
    expectRefused(await t.http.get('/v1/admin/leads.csv').set(member.auth));
  });

  it('enough wrong passwords lock sign-in for the address, as at login', async () => {
    const member = await aSignedInStaffMember(t, 'admin');
    let last = 0;
    for (let i = 0; i < 10 && last !== 429; i++) {
      last = (await reauthenticate(member, { password: 'still not the password' })).status;
    }
    expect(last).toBe(429);
    await t.http
      .post('/v1/auth/login')
      .send({ email: member.email, password: STAFF_PASSWORD })
      .expect(429);
  });

  it('a code of the authenticator app works too; a wrong one is refused on totp', async () => {
    const signedIn = await aSignedInStaffMember(t, 'admin');
    // Enrolment replaces the session: carry on with the new one.
    const { secret, auth } = await enrolMfa(t, signedIn.auth);
    const member = { ...signedIn, auth, token: auth.Authorization.replace(/^Bearer /, '') };
    await makeStale(member);
    const wrong = await reauthenticate(member, { totp: '000000' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([
      { field: 'totp', code: 'invalid_format', message: 'is not right' },
    ]);
    await reauthenticate(member, { totp: nextCode(secret) }).expect(200);
    expect((await t.http.get('/v1/admin/leads.csv').set(member.auth)).status).toBe(200);
  });

  it('needs a password or a code, and a signed-in session', async () => {
    const empty = await reauthenticate(admin, {});
    expect(empty.status).toBe(422);
    expect(empty.body.errors.map((error: { field: string }) => error.field)).toEqual(['password']);
    await t.http.post('/v1/auth/reauthenticate').send({ password: STAFF_PASSWORD }).expect(401);
  });

  it('the problem type has its page', async () => {
    const page = await t.http.get('/problems/reauthentication-required').expect(200);
    expect(page.text).toContain('10 minutes');
  });
});
