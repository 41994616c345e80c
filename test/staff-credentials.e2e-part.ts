import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { hashToken } from '../src/common/tokens.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import {
  aNewStaffUser,
  COMMON_PASSWORD,
  GOOD_PASSWORD,
  linkToken,
  OTHER_GOOD_PASSWORD,
} from './support/staff-accounts.js';
import { aSignedInStaffMember, aStaffMember, signIn, STAFF_PASSWORD } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

const BASE_URL = 'https://intake.practice.example';

describe('staff passwords: invitations, resets and changes', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof aSignedInStaffMember>>;

  /** The `nth` email (1-based) to `address` whose subject matches, once it has arrived. */
  const emailTo = (address: string, subject: RegExp, nth = 1) =>
    eventually(async () => {
      const found = sink.messages.filter(
        (message) => message.to.includes(address) && subject.test(message.subject),
      );
      return found.length >= nth && found[nth - 1];
    }, `email ${nth} to ${address}`);

  const invite = async (overrides: Parameters<typeof aNewStaffUser>[0] = {}) => {
    const body = aNewStaffUser(overrides);
    const { body: user } = await t.http
      .post('/v1/admin/users')
      .set(admin.auth)
      .send(body)
      .expect(201);
    const message = await emailTo(body.email, /your staff account is ready/);
    return {
      user: user as { id: string; email: string },
      message,
      token: linkToken(message, 'accept-invitation'),
    };
  };
  const accept = (token: string, password: string) =>
    t.http.post(`/v1/auth/invitations/${token}/accept`).send({ password });

  const requestReset = (email: string) => t.http.post('/v1/auth/password-reset').send({ email });
  const resetLink = async (email: string, nth = 1) => {
    await requestReset(email).expect(202);
    const message = await emailTo(email, /reset your password/, nth);
    return { message, token: linkToken(message, 'reset-password') };
  };
  /** Requests are looked up by the worker: wait until every one queued has been. */
  const resetRequestsSettled = () =>
    eventually(
      async () =>
        (await countOf(
          `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'auth.password-reset' AND state <> 'completed'`,
        )) === 0,
      'the reset requests to be looked up',
    );
  const completeReset = (token: string, password: string) =>
    t.http.post(`/v1/auth/password-reset/${token}`).send({ password });

  const countOf = async (sql: string, parameters: unknown[] = []) =>
    ((await t.db.query(sql, parameters)) as { n: number }[])[0]!.n;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({
      smtpUrl: sink.url,
      env: { PUBLIC_BASE_URL: BASE_URL, PRACTICE_NAME: 'Willow <Couples> Counseling' },
    });
    admin = await aSignedInStaffMember(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  describe('accepting an invitation', () => {
    it('the invited person gets an email with a one-time link, sets a password with it and signs in', async () => {
      const { user, message, token } = await invite({ role: 'clinician' });
      expect(message.to).toEqual([user.email]);
      expect(message.subject).toBe('Willow <Couples> Counseling: your staff account is ready');
      expect(message.text).toContain(`${BASE_URL}/admin/accept-invitation?token=${token}`);
      expect(message.text).toContain('the role clinician');
      expect(message.html).toContain(`href="${BASE_URL}/admin/accept-invitation?token=${token}"`);
      expect(message.html).not.toContain('<Couples>');

      const accepted = await accept(token, GOOD_PASSWORD);
      expect(accepted.status).toBe(204);
      await expect(signIn(t, { email: user.email, password: GOOD_PASSWORD })).resolves.toEqual(
        expect.objectContaining({ token: expect.any(String) }),
      );
      const shown = await t.http.get(`/v1/admin/users/${user.id}`).set(admin.auth);
      expect(shown.body.passwordSet).toBe(true);
      const events = (await t.db.query(
        `SELECT actor_user_id, subject_id FROM audit_event WHERE action = 'user.invitation_accepted' AND subject_id = $1`,
        [user.id],
      )) as unknown[];
      expect(events).toEqual([{ actor_user_id: user.id, subject_id: user.id }]);
    });

    it('stores only a hash of the link token: no row of staff_token or notification holds it', async () => {
      const { user, token } = await invite();
      const tokens = (await t.db.query(`SELECT * FROM staff_token WHERE user_id = $1`, [
        user.id,
      ])) as { token_hash: string }[];
      const notifications = (await t.db.query(
        `SELECT * FROM notification WHERE recipient_user_id = $1`,
        [user.id],
      )) as unknown[];
      expect(tokens.map((row) => row.token_hash)).toEqual([hashToken(token)]);
      expect(JSON.stringify(tokens)).not.toContain(token);
      expect(JSON.stringify(notifications)).not.toContain(token);
    });

    it('the link works once: a second use answers 410', async () => {
      const { token } = await invite();
      expect((await accept(token, GOOD_PASSWORD)).status).toBe(204);
      const again = await accept(token, OTHER_GOOD_PASSWORD);
      expect(again.status).toBe(410);
      expect(again.body.type).toBe('/problems/gone');
    });

    it('two accepts at the same moment: one sets the password, the other answers 410', async () => {
      const { user, token } = await invite();
      const passwords = [GOOD_PASSWORD, OTHER_GOOD_PASSWORD];
      const responses = await Promise.all(passwords.map((password) => accept(token, password)));
      const statuses = responses.map((response) => response.status);
      expect([...statuses].sort()).toEqual([204, 410]);
      const winner = passwords[statuses.indexOf(204)]!;
      const loser = passwords[statuses.indexOf(410)]!;
      await expect(signIn(t, { email: user.email, password: winner })).resolves.toBeDefined();
      await expect(signIn(t, { email: user.email, password: loser })).rejects.toThrow(/401/);
    });

    it('an expired invitation answers 410', async () => {
      const { user, token } = await invite();
      await t.db.query(
        `UPDATE staff_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [user.id],
      );
      expect((await accept(token, GOOD_PASSWORD)).status).toBe(410);
    });

    it('an unknown token and something that is not a token answer 404', async () => {
      const unknown = await accept('A'.repeat(43), GOOD_PASSWORD);
      const malformed = await accept('not-a-token', GOOD_PASSWORD);
      expect(unknown.status).toBe(404);
      expect(malformed.status).toBe(404);
      expect(unknown.body.type).toBe('/problems/not-found');
    });

    it('a common password is refused with 422 on field password, and the link still works', async () => {
      const { token } = await invite();
      const refused = await accept(token, COMMON_PASSWORD);
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([
        {
          field: 'password',
          code: 'invalid_format',
          message: 'This password is on a list of common or breached passwords; choose another.',
        },
      ]);
      expect(JSON.stringify(refused.body)).not.toContain(COMMON_PASSWORD);
      expect((await accept(token, GOOD_PASSWORD)).status).toBe(204);
    });

    it('a password built from the person’s own name or a short one is refused', async () => {
      const { token } = await invite({ name: 'Jordan Lee' });
      const named = await accept(token, 'jordan forever and ever');
      expect(named.status).toBe(422);
      expect(named.body.errors).toEqual([
        {
          field: 'password',
          code: 'invalid_format',
          message: 'Avoid your name or email address in your password.',
        },
      ]);
      const short = await accept(token, 'tiny words');
      expect(short.body.errors[0].field).toBe('password');
      expect(short.body.errors[0].message).toMatch(/at least 12 characters/);
    });

    it('a resent invitation makes the first link answer 410; the new one works', async () => {
      const { user, token: first } = await invite();
      await t.http.post(`/v1/admin/users/${user.id}/invitation`).set(admin.auth).expect(202);
      const second = linkToken(
        await emailTo(user.email, /your staff account is ready/, 2),
        'accept-invitation',
      );
      expect(second).not.toBe(first);
      expect((await accept(first, GOOD_PASSWORD)).status).toBe(410);
      expect((await accept(second, GOOD_PASSWORD)).status).toBe(204);
    });

    it('an invitation of a deactivated account answers 410', async () => {
      const { user, token } = await invite();
      await t.http
        .patch(`/v1/admin/users/${user.id}`)
        .set(admin.auth)
        .send({ active: false })
        .expect(200);
      expect((await accept(token, GOOD_PASSWORD)).status).toBe(410);
    });
  });

  describe('resetting a forgotten password', () => {
    it('answers the same 202 for a known and an unknown address; only the known one is emailed', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const resetsBefore = await countOf(
        `SELECT count(*)::int AS n FROM notification WHERE kind = 'password_reset'`,
      );
      const unknown = await requestReset('nobody.here@practice.example.com');
      const known = await requestReset(member.email.toUpperCase());
      expect(unknown.status).toBe(202);
      expect(known.status).toBe(202);
      expect(unknown.body).toEqual(known.body);
      expect(unknown.body.message).toMatch(/If an active staff account uses this address/);
      await emailTo(member.email, /reset your password/);
      expect(
        await countOf(`SELECT count(*)::int AS n FROM notification WHERE kind = 'password_reset'`),
      ).toBe(resetsBefore + 1);
      expect(
        sink.messages.some((message) => message.to.includes('nobody.here@practice.example.com')),
      ).toBe(false);
    });

    it('a known and an unknown address cost the request the same: one queued job each, resolved by the worker', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const unknownAddress = `nobody.${member.id.slice(0, 8)}@practice.example.com`;
      const jobsOf = async (requestId: string) =>
        (await t.db.query(
          `SELECT name, state, jsonb_object_keys(data) AS key FROM pgboss.job
            WHERE data->>'requestId' = $1 ORDER BY key`,
          [requestId],
        )) as { name: string; state: string; key: string }[];
      const tokensOf = () =>
        countOf(`SELECT count(*)::int AS n FROM staff_token WHERE user_id = $1`, [member.id]);

      const unknown = await requestReset(unknownAddress).expect(202);
      const known = await requestReset(member.email).expect(202);
      const unknownJobs = await jobsOf(String(unknown.headers['x-request-id']));
      const knownJobs = await jobsOf(String(known.headers['x-request-id']));
      expect(unknownJobs.map(({ name, key }) => ({ name, key }))).toEqual([
        { name: 'auth.password-reset', key: 'requestId' },
        { name: 'auth.password-reset', key: 'requestKey' },
        { name: 'auth.password-reset', key: 'sealedRequest' },
      ]);
      expect(knownJobs.map(({ name, key }) => ({ name, key }))).toEqual(
        unknownJobs.map(({ name, key }) => ({ name, key })),
      );
      const [sealed] = (await t.db.query(
        `SELECT data::text AS data FROM pgboss.job WHERE name = 'auth.password-reset'`,
      )) as { data: string }[];
      expect(sealed!.data).not.toContain('@practice.example.com');

      await emailTo(member.email, /reset your password/);
      expect(await tokensOf()).toBe(1);
      await eventually(
        async () =>
          (await jobsOf(String(unknown.headers['x-request-id']))).every(
            (job) => job.state === 'completed',
          ),
        'the unknown address to be looked up',
      );
      expect(sink.messages.some((message) => message.to.includes(unknownAddress))).toBe(false);
    });

    it('an inactive account gets no link', async () => {
      const member = await aStaffMember(t.db, 'coordinator', { active: false });
      expect((await requestReset(member.email)).status).toBe(202);
      await resetRequestsSettled();
      expect(
        await countOf(`SELECT count(*)::int AS n FROM staff_token WHERE user_id = $1`, [member.id]),
      ).toBe(0);
      expect(
        await countOf(`SELECT count(*)::int AS n FROM notification WHERE recipient_user_id = $1`, [
          member.id,
        ]),
      ).toBe(0);
    });

    it('the link sets a new password, ends every session of the user, and works once', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const sessions = [await signIn(t, member), await signIn(t, member)];
      const { message, token } = await resetLink(member.email);
      expect(message.text).toContain(`${BASE_URL}/admin/reset-password?token=${token}`);
      expect(message.html).toContain(`href="${BASE_URL}/admin/reset-password?token=${token}"`);
      expect(message.raw).not.toContain(STAFF_PASSWORD);

      expect((await completeReset(token, GOOD_PASSWORD)).status).toBe(204);
      for (const session of sessions) {
        expect((await t.http.get('/v1/auth/me').set(session.auth)).status).toBe(401);
      }
      await expect(signIn(t, { ...member, password: GOOD_PASSWORD })).resolves.toBeDefined();
      await expect(signIn(t, member)).rejects.toThrow(/401/);
      expect((await completeReset(token, OTHER_GOOD_PASSWORD)).status).toBe(410);
    });

    it('two uses of one link at the same moment: one sets the password, the other answers 410', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const { token } = await resetLink(member.email);
      const passwords = [GOOD_PASSWORD, OTHER_GOOD_PASSWORD];
      const responses = await Promise.all(
        passwords.map((password) => completeReset(token, password)),
      );
      const statuses = responses.map((response) => response.status);
      expect([...statuses].sort()).toEqual([204, 410]);
      const winner = passwords[statuses.indexOf(204)]!;
      await expect(signIn(t, { ...member, password: winner })).resolves.toBeDefined();
    });

    it('a newer link makes the older one answer 410', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const first = await resetLink(member.email);
      // Past the one-minute pause between links to one account.
      await t.db.query(
        `UPDATE staff_token SET created_at = created_at - interval '2 minutes' WHERE user_id = $1`,
        [member.id],
      );
      const second = await resetLink(member.email, 2);
      expect(second.token).not.toBe(first.token);
      expect((await completeReset(first.token, GOOD_PASSWORD)).status).toBe(410);
      expect((await completeReset(second.token, GOOD_PASSWORD)).status).toBe(204);
    });

    it('asking again within a minute sends no second link (202 all the same)', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      expect((await requestReset(member.email)).status).toBe(202);
      expect((await requestReset(member.email)).status).toBe(202);
      await resetRequestsSettled();
      expect(
        await countOf(`SELECT count(*)::int AS n FROM notification WHERE recipient_user_id = $1`, [
          member.id,
        ]),
      ).toBe(1);
    });

    it('an expired link answers 410', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const { token } = await resetLink(member.email);
      const [row] = (await t.db.query(
        `SELECT round(extract(epoch FROM expires_at - created_at) / 60)::int AS minutes FROM staff_token WHERE user_id = $1`,
        [member.id],
      )) as { minutes: number }[];
      expect(row!.minutes).toBe(60);
      await t.db.query(
        `UPDATE staff_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [member.id],
      );
      expect((await completeReset(token, GOOD_PASSWORD)).status).toBe(410);
    });

    it('a common password is refused with 422 on field password', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const { token } = await resetLink(member.email);
      const refused = await completeReset(token, COMMON_PASSWORD);
      expect(refused.status).toBe(422);
      expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual([
        'password',
      ]);
    });

    it('a completed reset also ends an unused invitation link', async () => {
      const { user, token: invitation } = await invite();
      const { token } = await resetLink(user.email);
      expect((await completeReset(token, GOOD_PASSWORD)).status).toBe(204);
      expect((await accept(invitation, OTHER_GOOD_PASSWORD)).status).toBe(410);
    });

    it('is audited: requested (naming the account only when there is one) and completed', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const unknownAddress = 'not.on.staff@practice.example.com';
      const before = await countOf(`SELECT coalesce(max(id), 0)::int AS n FROM audit_event`);
      await requestReset(unknownAddress).expect(202);
      const { token } = await resetLink(member.email);
      await completeReset(token, GOOD_PASSWORD).expect(204);
      // Each request is audited by its own queue job, so the unknown address's event may
      // come before or after the member's (and even after the completion): wait for all
      // three, and read them in an order of what they say, not of when the jobs ran.
      const events = await eventually(async () => {
        const rows = (await t.db.query(
          `SELECT action, actor_user_id, subject_id, details FROM audit_event
           WHERE id > $1 AND action LIKE 'auth.password_reset.%'
           ORDER BY action DESC, details->>'outcome' DESC`,
          [before],
        )) as unknown[];
        return rows.length >= 3 && rows;
      }, 'the three password reset audit events');
      expect(events).toEqual([
        {
          action: 'auth.password_reset.requested',
          actor_user_id: null,
          subject_id: null,
          details: { outcome: 'unknown-account' },
        },
        {
          action: 'auth.password_reset.requested',
          actor_user_id: null,
          subject_id: member.id,
          details: { outcome: 'sent' },
        },
        {
          action: 'auth.password_reset.completed',
          actor_user_id: member.id,
          subject_id: member.id,
          details: { tokenId: expect.any(String) },
        },
      ]);
      expect(JSON.stringify(events)).not.toContain(unknownAddress);
    });

    it('refuses a body that is not an address with 422', async () => {
      const response = await requestReset('not an address');
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        { field: 'email', code: 'invalid_email', message: 'must be an email address' },
      ]);
    });
  });

  describe('changing one’s own password', () => {
    const change = (auth: { Authorization: string }, body: Record<string, unknown>) =>
      t.http.post('/v1/auth/password').set(auth).send(body);

    it('ends every other session of the user and keeps this one', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const current = await signIn(t, member);
      const other = await signIn(t, member);
      const response = await change(current.auth, {
        currentPassword: STAFF_PASSWORD,
        newPassword: GOOD_PASSWORD,
      });
      expect(response.status).toBe(204);
      expect((await t.http.get('/v1/auth/me').set(current.auth)).status).toBe(200);
      expect((await t.http.get('/v1/auth/me').set(other.auth)).status).toBe(401);
      await expect(signIn(t, { ...member, password: GOOD_PASSWORD })).resolves.toBeDefined();
      const events = (await t.db.query(
        `SELECT actor_user_id, details FROM audit_event WHERE action = 'auth.password_changed' AND subject_id = $1`,
        [member.id],
      )) as unknown[];
      expect(events).toEqual([{ actor_user_id: member.id, details: { otherSessionsEnded: 1 } }]);
    });

    it('a wrong current password answers 422 on currentPassword and changes nothing', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const { auth } = await signIn(t, member);
      const response = await change(auth, {
        currentPassword: 'not the password at all',
        newPassword: GOOD_PASSWORD,
      });
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        {
          field: 'currentPassword',
          code: 'invalid_format',
          message: 'is not your current password',
        },
      ]);
      await expect(signIn(t, member)).resolves.toBeDefined();
    });

    it('a common new password, or the current one again, answers 422 on newPassword', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const { auth } = await signIn(t, member);
      for (const newPassword of [COMMON_PASSWORD, STAFF_PASSWORD]) {
        const response = await change(auth, { currentPassword: STAFF_PASSWORD, newPassword });
        expect(response.status).toBe(422);
        expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
          'newPassword',
        ]);
      }
    });

    it('needs a session: 401 without one', async () => {
      const response = await t.http
        .post('/v1/auth/password')
        .send({ currentPassword: STAFF_PASSWORD, newPassword: GOOD_PASSWORD });
      expect(response.status).toBe(401);
    });
  });

  it('no email ever carries a password', async () => {
    await eventually(async () => sink.messages.length > 0, 'some email');
    for (const message of sink.messages) {
      for (const password of [STAFF_PASSWORD, GOOD_PASSWORD, OTHER_GOOD_PASSWORD]) {
        expect(message.raw).not.toContain(password);
      }
    }
  });
});
