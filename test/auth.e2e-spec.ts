import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { totpAt } from '../src/auth/totp.js';
import { aStaffMember, signIn, STAFF_PASSWORD } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('staff sign-in and sessions', () => {
  let t: TestApp;
  const auditActions = async (userId: string) =>
    (
      (await t.db.query(
        `SELECT action FROM audit_event WHERE actor_user_id = $1 OR subject_id = $1::text ORDER BY id`,
        [userId],
      )) as { action: string }[]
    ).map((row) => row.action);

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '15' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a coordinator signs in with email and password and gets a token, an expiry and a secure cookie', async () => {
    const member = await aStaffMember(t.db, 'coordinator');
    const response = await t.http
      .post('/v1/auth/login')
      .send({ email: member.email.toUpperCase(), password: STAFF_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      user: { id: member.id, role: 'coordinator', mfaEnabled: false },
    });
    expect(response.body.user.passwordHash).toBeUndefined();
    const expiresIn = Date.parse(response.body.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(11.9 * 3_600_000);
    expect(expiresIn).toBeLessThanOrEqual(12 * 3_600_000);
    const cookie = ([] as string[]).concat(response.headers['set-cookie']!)[0]!;
    expect(cookie).toMatch(/^ri_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('SameSite=Strict');
    expect(await auditActions(member.id)).toEqual(['auth.login']);
  });

  it('stores only a hash of the session token', async () => {
    const member = await aStaffMember(t.db, 'coordinator');
    const { token } = await signIn(t, member);
    const rows = (await t.db.query(`SELECT * FROM staff_session WHERE user_id = $1`, [
      member.id,
    ])) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('a wrong password and an unknown address get the same 401, and both are audited', async () => {
    const member = await aStaffMember(t.db, 'coordinator');
    const wrong = await t.http
      .post('/v1/auth/login')
      .send({ email: member.email, password: 'not the password at all' });
    const unknown = await t.http
      .post('/v1/auth/login')
      .send({ email: 'nobody@practice.example.com', password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(unknown.body).toEqual(wrong.body);
    expect(await auditActions(member.id)).toEqual(['auth.login.failed']);
    const [unknownEvent] = (await t.db.query(
      `SELECT details, ip FROM audit_event WHERE action = 'auth.login.failed' AND actor_user_id IS NULL`,
    )) as { details: { reason: string }; ip: string }[];
    expect(unknownEvent!.details.reason).toBe('unknown-account');
    expect(unknownEvent!.ip).toBeTruthy();
  });

  it('locks an address after repeated failures with 429 and Retry-After, even for the right password', async () => {
    const member = await aStaffMember(t.db, 'admin');
    const attempt = (password: string) =>
      t.http.post('/v1/auth/login').send({ email: member.email, password });
    expect((await attempt('wrong password one')).status).toBe(401);
    expect((await attempt('wrong password two')).status).toBe(401);
    const third = await attempt('wrong password three');
    expect(third.status).toBe(429);
    expect(third.body.type).toBe('/problems/login-locked');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(14 * 60);
    const right = await attempt(STAFF_PASSWORD);
    expect(right.status).toBe(429);
    expect(await auditActions(member.id)).toEqual([
      'auth.login.failed',
      'auth.login.failed',
      'auth.login.failed',
      'auth.login.locked-out',
    ]);
    // The lockout ends with its period.
    await t.db.query(`UPDATE login_throttle SET locked_until = now() - interval '1 second'`);
    expect((await attempt(STAFF_PASSWORD)).status).toBe(200);
  });

  it('counts concurrent failures exactly (the count lives in PostgreSQL)', async () => {
    const member = await aStaffMember(t.db, 'coordinator');
    const statuses = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.http.post('/v1/auth/login').send({ email: member.email, password: 'a wrong one here' }),
      ),
    );
    const codes = statuses.map((response) => response.status).sort();
    expect(codes.filter((code) => code === 429).length).toBeGreaterThanOrEqual(4);
    expect(codes.filter((code) => code === 401).length).toBeLessThanOrEqual(2);
  });

  it('a malformed sign-in is a 422 naming each field, before any password is checked', async () => {
    const response = await t.http
      .post('/v1/auth/login')
      .send({ email: 42, password: '', totp: '12ab', extra: true });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'extra', message: 'is not allowed' },
      { field: 'email', message: 'must be a string' },
      { field: 'password', message: 'must be 1 to 256 characters' },
      { field: 'totp', message: 'must be six digits' },
    ]);
  });

  it('an inactive account cannot sign in', async () => {
    const member = await aStaffMember(t.db, 'coordinator', { active: false });
    const response = await t.http
      .post('/v1/auth/login')
      .send({ email: member.email, password: STAFF_PASSWORD });
    expect(response.status).toBe(401);
  });

  describe('GET /v1/auth/me', () => {
    it('answers 401 without credentials and with a made-up token', async () => {
      expect((await t.http.get('/v1/auth/me')).status).toBe(401);
      const bogus = await t.http
        .get('/v1/auth/me')
        .set('Authorization', `Bearer ${'x'.repeat(43)}`);
      expect(bogus.status).toBe(401);
      expect(bogus.body.type).toBe('/problems/unauthenticated');
    });

    it('works with the bearer token and with the cookie', async () => {
      const member = await aStaffMember(t.db, 'clinician');
      const { auth, cookie } = await signIn(t, member);
      const byBearer = await t.http.get('/v1/auth/me').set(auth);
      const byCookie = await t.http.get('/v1/auth/me').set('Cookie', cookie);
      expect(byBearer.status).toBe(200);
      expect(byCookie.status).toBe(200);
      expect(byBearer.body.user).toMatchObject({ id: member.id, role: 'clinician' });
    });
  });

  describe('expiry', () => {
    it('ends a session idle for more than 30 minutes', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const { auth } = await signIn(t, member);
      await t.db.query(
        `UPDATE staff_session SET last_seen_at = now() - interval '29 minutes' WHERE user_id = $1`,
        [member.id],
      );
      expect((await t.http.get('/v1/auth/me').set(auth)).status).toBe(200);
      await t.db.query(
        `UPDATE staff_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`,
        [member.id],
      );
      expect((await t.http.get('/v1/auth/me').set(auth)).status).toBe(401);
    });

    it('ends a session 12 hours after sign-in however active it is', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const { auth } = await signIn(t, member);
      await t.db.query(
        `UPDATE staff_session SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [member.id],
      );
      expect((await t.http.get('/v1/auth/me').set(auth)).status).toBe(401);
    });

    it('logout ends the session on the server and clears the cookie', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const { auth } = await signIn(t, member);
      const out = await t.http.post('/v1/auth/logout').set(auth);
      expect(out.status).toBe(204);
      expect(([] as string[]).concat(out.headers['set-cookie']!)[0]).toMatch(
        /^ri_session=;.*Max-Age=0/,
      );
      expect((await t.http.get('/v1/auth/me').set(auth)).status).toBe(401);
      expect(await auditActions(member.id)).toEqual(['auth.login', 'auth.logout']);
    });
  });

  describe('CSRF', () => {
    it('a cookie-authenticated write needs the X-CSRF-Token of its session', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const { cookie } = await signIn(t, member);
      const other = await signIn(t, await aStaffMember(t.db, 'coordinator'));
      const without = await t.http.post('/v1/auth/logout').set('Cookie', cookie);
      expect(without.status).toBe(403);
      const { token: othersCsrf } = (await t.http.get('/v1/auth/csrf').set(other.auth)).body as {
        token: string;
      };
      const wrong = await t.http
        .post('/v1/auth/logout')
        .set('Cookie', cookie)
        .set('X-CSRF-Token', othersCsrf);
      expect(wrong.status).toBe(403);
      const { token: csrf } = (await t.http.get('/v1/auth/csrf').set('Cookie', cookie)).body as {
        token: string;
      };
      const right = await t.http
        .post('/v1/auth/logout')
        .set('Cookie', cookie)
        .set('X-CSRF-Token', csrf);
      expect(right.status).toBe(204);
    });

    it('a bearer-authenticated write needs no CSRF token', async () => {
      const { auth } = await signIn(t, await aStaffMember(t.db, 'coordinator'));
      expect((await t.http.post('/v1/auth/logout').set(auth)).status).toBe(204);
    });
  });

  describe('two-factor sign-in (TOTP)', () => {
    async function enrol(role: 'admin' | 'coordinator' = 'admin') {
      const member = await aStaffMember(t.db, role);
      const { auth } = await signIn(t, member);
      const setup = await t.http.post('/v1/auth/mfa/setup').set(auth);
      expect(setup.status).toBe(200);
      expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
      const secret = setup.body.secret as string;
      const verify = await t.http
        .post('/v1/auth/mfa/verify')
        .set(auth)
        .send({ code: totpAt(secret, Date.now()) });
      expect(verify.status).toBe(200);
      return { member, secret };
    }

    it('stores the secret encrypted', async () => {
      const { member, secret } = await enrol();
      const [row] = (await t.db.query(`SELECT * FROM staff_user WHERE id = $1`, [member.id])) as {
        mfa_secret_encrypted: string;
      }[];
      expect(row!.mfa_secret_encrypted).toMatch(/^v2\.test1\./);
      expect(JSON.stringify(row)).not.toContain(secret);
    });

    it('once enrolled, signing in needs the code: none → 401 mfa-required, wrong → 401, right → 200', async () => {
      const { member, secret } = await enrol();
      const bare = await t.http
        .post('/v1/auth/login')
        .send({ email: member.email, password: STAFF_PASSWORD });
      expect(bare.status).toBe(401);
      expect(bare.body.type).toBe('/problems/mfa-required');
      const current = totpAt(secret, Date.now());
      const wrong = String((Number(current) + 1) % 1_000_000).padStart(6, '0');
      const bad = await t.http
        .post('/v1/auth/login')
        .send({ email: member.email, password: STAFF_PASSWORD, totp: wrong });
      expect(bad.status).toBe(401);
      // The code used at enrolment is spent; the next step's code is accepted (window 1).
      const next = totpAt(secret, Date.now() + 30_000);
      const good = await t.http
        .post('/v1/auth/login')
        .send({ email: member.email, password: STAFF_PASSWORD, totp: next });
      expect(good.status).toBe(200);
      expect(good.body.user.mfaEnabled).toBe(true);
    });

    it('refuses a code that was already used', async () => {
      const { member, secret } = await enrol('coordinator');
      const code = totpAt(secret, Date.now() + 30_000);
      const first = await t.http
        .post('/v1/auth/login')
        .send({ email: member.email, password: STAFF_PASSWORD, totp: code });
      expect(first.status).toBe(200);
      const replay = await t.http
        .post('/v1/auth/login')
        .send({ email: member.email, password: STAFF_PASSWORD, totp: code });
      expect(replay.status).toBe(401);
    });

    it('enrolment cannot be started again once done', async () => {
      const { member, secret } = await enrol();
      const { auth } = await signIn(t, member, totpAt(secret, Date.now() + 30_000));
      expect((await t.http.post('/v1/auth/mfa/setup').set(auth)).status).toBe(409);
    });

    it('with MFA_REQUIRED=all a session without enrolment may only enrol', async () => {
      const strict = await startTestApp({ env: { MFA_REQUIRED: 'all' } });
      try {
        const member = await aStaffMember(strict.db, 'coordinator');
        const login = await strict.http
          .post('/v1/auth/login')
          .send({ email: member.email, password: STAFF_PASSWORD });
        expect(login.status).toBe(200);
        expect(login.body.mfaSetupRequired).toBe(true);
        const auth = { Authorization: `Bearer ${login.body.token}` };
        expect((await strict.http.get('/v1/admin/audit-events').set(auth)).status).toBe(403);
        expect((await strict.http.get('/v1/auth/me').set(auth)).status).toBe(200);
        const { secret } = (await strict.http.post('/v1/auth/mfa/setup').set(auth)).body as {
          secret: string;
        };
        await strict.http
          .post('/v1/auth/mfa/verify')
          .set(auth)
          .send({ code: totpAt(secret, Date.now()) })
          .expect(200);
        const me = await strict.http.get('/v1/auth/me').set(auth);
        expect(me.body.session.mfaSetupRequired).toBe(false);
      } finally {
        await strict.close();
      }
    });
  });

  describe('the audit trail', () => {
    it('cannot be changed or deleted, even with plain SQL', async () => {
      await aStaffMember(t.db, 'coordinator').then((member) => signIn(t, member));
      await expect(t.db.query(`UPDATE audit_event SET action = 'nothing'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(t.db.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
      await expect(t.db.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    });
  });
});
