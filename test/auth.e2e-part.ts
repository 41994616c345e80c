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
    // TRUST_PROXY: X-Forwarded-For names the client, so a test can sign in from two places.
    t = await startTestApp({ env: { LOGIN_MAX_FAILURES: '3', TRUST_PROXY: 'loopback' } });
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
    expect(cookie).toMatch(/^__Host-ri_session=[A-Za-z0-9_-]{43}; /);
    // __Host-: Secure, Path=/ and no Domain, or the browser drops it.
    expect(cookie).toContain('; Path=/;');
    expect(cookie).not.toMatch(/domain=/i);
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

  describe('slowing down repeated failures (never a lock)', () => {
    const from = (client: string) => ({ 'X-Forwarded-For': client });
    const failuresAudited = async (userId: string) =>
      (await auditActions(userId)).filter((action) => action === 'auth.login.failed').length;

    it('after LOGIN_MAX_FAILURES failures from one client, the next attempt there waits: 429 with Retry-After, nothing checked', async () => {
      const member = await aStaffMember(t.db, 'admin');
      const attempt = (password: string) =>
        t.http
          .post('/v1/auth/login')
          .set(from('198.51.100.10'))
          .send({ email: member.email, password });
      expect((await attempt('wrong password one')).status).toBe(401);
      expect((await attempt('wrong password two')).status).toBe(401);
      expect((await attempt('wrong password three')).status).toBe(401);
      const slowed = await attempt(STAFF_PASSWORD);
      expect(slowed.status).toBe(429);
      expect(slowed.body.type).toBe('/problems/login-locked');
      expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(10);
      expect(Number(slowed.headers['retry-after'])).toBeLessThanOrEqual(15);
      expect(await failuresAudited(member.id)).toBe(3);
      const [slowedEvent] = (await t.db.query(
        `SELECT ip FROM audit_event WHERE action = 'auth.login.slowed' AND ip = '198.51.100.10'`,
      )) as { ip: string }[];
      expect(slowedEvent).toBeDefined();
      // Once the wait is over the right password gets in, and the client starts afresh.
      await t.db.query(`UPDATE login_throttle SET not_before = now() - interval '1 second'`);
      expect((await attempt(STAFF_PASSWORD)).status).toBe(200);
      expect((await attempt('wrong password four')).status).toBe(401);
    });

    it('each further failure doubles the wait', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const attempt = () =>
        t.http
          .post('/v1/auth/login')
          .set(from('198.51.100.11'))
          .send({ email: member.email, password: 'not the password at all' });
      const waits: string[] = [];
      for (let i = 0; i < 6; i++) {
        expect((await attempt()).status).toBe(401);
        const [row] = (await t.db.query(
          `SELECT round(extract(epoch FROM not_before - last_attempt_at))::text AS wait
             FROM login_throttle WHERE not_before IS NOT NULL ORDER BY last_attempt_at DESC LIMIT 1`,
        )) as { wait: string }[];
        waits.push(row!.wait);
        await t.db.query(`UPDATE login_throttle SET not_before = now() - interval '1 second'`);
      }
      expect(waits).toEqual(['0', '0', '15', '30', '60', '120']);
    });

    it('20 wrong passwords at once from one client check at most LOGIN_MAX_FAILURES (3) of them', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const responses = await Promise.all(
        Array.from({ length: 20 }, () =>
          t.http
            .post('/v1/auth/login')
            .set(from('198.51.100.12'))
            .send({ email: member.email, password: 'a wrong one here' }),
        ),
      );
      const codes = responses.map((response) => response.status);
      expect(codes.filter((code) => code === 401)).toHaveLength(3);
      expect(codes.filter((code) => code === 429)).toHaveLength(17);
      // Each checked password is one audited failure: exactly three were checked.
      expect(await failuresAudited(member.id)).toBe(3);
    });

    it('while one client is slowed, the right password from another client gets in', async () => {
      const member = await aStaffMember(t.db, 'clinician');
      for (let i = 0; i < 3; i++) {
        await t.http
          .post('/v1/auth/login')
          .set(from('203.0.113.66'))
          .send({ email: member.email, password: `guess number ${i}` })
          .expect(401);
      }
      await t.http
        .post('/v1/auth/login')
        .set(from('203.0.113.66'))
        .send({ email: member.email, password: STAFF_PASSWORD })
        .expect(429);
      const own = await t.http
        .post('/v1/auth/login')
        .set(from('192.0.2.20'))
        .send({ email: member.email, password: STAFF_PASSWORD });
      expect(own.status).toBe(200);
      // The attacker's client is still slowed.
      await t.http
        .post('/v1/auth/login')
        .set(from('203.0.113.66'))
        .send({ email: member.email, password: 'another guess' })
        .expect(429);
    });

    it('once an address has failed LOGIN_ACCOUNT_MAX_FAILURES times overall, each new client gets one failure before it waits', async () => {
      const strict = await startTestApp({
        env: { LOGIN_MAX_FAILURES: '3', LOGIN_ACCOUNT_MAX_FAILURES: '4', TRUST_PROXY: 'loopback' },
      });
      try {
        const member = await aStaffMember(strict.db, 'coordinator');
        const attempt = (client: string, password = 'a wrong one here') =>
          strict.http
            .post('/v1/auth/login')
            .set(from(client))
            .send({ email: member.email, password });
        for (const client of ['203.0.113.1', '203.0.113.1', '203.0.113.2', '203.0.113.2']) {
          expect((await attempt(client)).status).toBe(401);
        }
        expect((await attempt('203.0.113.3')).status).toBe(401);
        expect((await attempt('203.0.113.3')).status).toBe(429);
        // A client that has not failed still gets in with the right password.
        expect((await attempt('192.0.2.30', STAFF_PASSWORD)).status).toBe(200);
      } finally {
        await strict.close();
      }
    });

    it('a wrong current password in a password change counts like a failed sign-in', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const { auth } = await signIn(t, member);
      const change = (currentPassword: string) =>
        t.http
          .post('/v1/auth/password')
          .set(auth)
          .set(from('198.51.100.13'))
          .send({ currentPassword, newPassword: 'violet kettle under the stairs' });
      expect((await change('wrong current one')).status).toBe(422);
      expect((await change('wrong current two')).status).toBe(422);
      expect((await change('wrong current three')).status).toBe(422);
      const slowed = await change(STAFF_PASSWORD);
      expect(slowed.status).toBe(429);
      expect(slowed.headers['retry-after']).toBeDefined();
      // The same counter as sign-in: that client's sign-in waits too.
      await t.http
        .post('/v1/auth/login')
        .set(from('198.51.100.13'))
        .send({ email: member.email, password: STAFF_PASSWORD })
        .expect(429);
      const [row] = (await t.db.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.password_change.failed' AND subject_id = $1`,
        [member.id],
      )) as { n: number }[];
      expect(row!.n).toBe(3);
    });
  });

  it('a malformed sign-in is a 422 naming each field, before any password is checked', async () => {
    const response = await t.http
      .post('/v1/auth/login')
      .send({ email: 42, password: '', totp: '12ab', extra: true });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'extra', code: 'unknown_field', message: 'is not allowed' },
      { field: 'email', code: 'invalid_type', message: 'must be a string' },
      { field: 'password', code: 'too_short', message: 'must be 1 to 256 characters' },
      { field: 'totp', code: 'invalid_format', message: 'must be six digits' },
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
        /^__Host-ri_session=;.*Max-Age=0/,
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
      const recoveryCodes = verify.body.recoveryCodes as string[];
      return {
        member,
        secret,
        recoveryCodes,
        oldAuth: auth,
        auth: { Authorization: `Bearer ${verify.body.token as string}` },
        setCookie: ([] as string[]).concat(verify.headers['set-cookie'] ?? []),
      };
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
        const verified = await strict.http
          .post('/v1/auth/mfa/verify')
          .set(auth)
          .send({ code: totpAt(secret, Date.now()) })
          .expect(200);
        const me = await strict.http
          .get('/v1/auth/me')
          .set({ Authorization: `Bearer ${verified.body.token as string}` });
        expect(me.body.session.mfaSetupRequired).toBe(false);
      } finally {
        await strict.close();
      }
    });
  });

  describe('MFA enrolment, recovery codes and sessions', () => {
    async function enrolled(role: 'admin' | 'coordinator' = 'coordinator') {
      const member = await aStaffMember(t.db, role);
      const first = await signIn(t, member);
      const { auth } = await signIn(t, member);
      const { secret } = (await t.http.post('/v1/auth/mfa/setup').set(auth)).body as {
        secret: string;
      };
      const verify = await t.http
        .post('/v1/auth/mfa/verify')
        .set(auth)
        .send({ code: totpAt(secret, Date.now()) });
      expect(verify.status).toBe(200);
      return {
        member,
        secret,
        other: first.auth,
        old: auth,
        verify,
        auth: { Authorization: `Bearer ${verify.body.token as string}` },
        codes: verify.body.recoveryCodes as string[],
      };
    }
    const login = (
      member: { email: string },
      second: { totp?: string; recoveryCode?: string },
      client = '192.0.2.1',
    ) =>
      t.http
        .post('/v1/auth/login')
        .set('X-Forwarded-For', client)
        .send({ email: member.email, password: STAFF_PASSWORD, ...second });

    it('verifying enrolment replaces the session: a new token and cookie, the old token and every other session dead', async () => {
      const { verify, old, other, auth } = await enrolled();
      expect(verify.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(([] as string[]).concat(verify.headers['set-cookie']!)[0]).toMatch(
        new RegExp(`^__Host-ri_session=${verify.body.token as string};`),
      );
      expect((await t.http.get('/v1/auth/me').set(old)).status).toBe(401);
      expect((await t.http.get('/v1/auth/me').set(other)).status).toBe(401);
      expect((await t.http.get('/v1/auth/me').set(auth)).status).toBe(200);
    });

    it('gives ten different recovery codes once, stored only as hashes, counted on /me', async () => {
      const { member, codes, auth } = await enrolled();
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      const rows = await t.db.query(`SELECT * FROM staff_recovery_code WHERE user_id = $1`, [
        member.id,
      ]);
      expect(rows).toHaveLength(10);
      for (const code of codes) expect(JSON.stringify(rows)).not.toContain(code);
      const me = await t.http.get('/v1/auth/me').set(auth);
      expect(me.body.mfa).toEqual({ recoveryCodesRemaining: 10 });
    });

    it('a recovery code signs in instead of the TOTP code, once', async () => {
      const { member, codes } = await enrolled();
      const first = await login(member, { recoveryCode: codes[3]!.toUpperCase() });
      expect(first.status).toBe(200);
      const again = await login(member, { recoveryCode: codes[3]! });
      expect(again.status).toBe(401);
      const me = await t.http
        .get('/v1/auth/me')
        .set('Authorization', `Bearer ${first.body.token as string}`);
      expect(me.body.mfa.recoveryCodesRemaining).toBe(9);
      expect(await auditActions(member.id)).toContain('auth.login');
      const made = await login(member, { recoveryCode: 'abcd-efgh-jkmn-pqrs' });
      expect(made.status).toBe(401);
    });

    it('sending both a TOTP code and a recovery code is a 422 on recoveryCode', async () => {
      const { member, codes } = await enrolled();
      const both = await login(member, { totp: '123456', recoveryCode: codes[0]! });
      expect(both.status).toBe(422);
      expect(both.body.errors).toEqual([
        {
          field: 'recoveryCode',
          code: 'invalid_format',
          message: 'send either totp or recoveryCode, not both',
        },
      ]);
    });

    it('one TOTP code sent by five sign-ins at once lets exactly one in', async () => {
      const { member, secret } = await enrolled();
      const code = totpAt(secret, Date.now() + 30_000);
      const responses = await Promise.all(
        [1, 2, 3, 4, 5].map((n) => login(member, { totp: code }, `192.0.2.${40 + n}`)),
      );
      const codes = responses.map((response) => response.status).sort();
      expect(codes).toEqual([200, 401, 401, 401, 401]);
    });

    it('one recovery code sent by five sign-ins at once lets exactly one in', async () => {
      const { member, codes: recovery } = await enrolled();
      const responses = await Promise.all(
        [1, 2, 3, 4, 5].map((n) =>
          login(member, { recoveryCode: recovery[0]! }, `192.0.2.${50 + n}`),
        ),
      );
      const codes = responses.map((response) => response.status).sort();
      expect(codes).toEqual([200, 401, 401, 401, 401]);
    });

    it('new recovery codes need a current TOTP code and make the old ones useless', async () => {
      const { member, secret, codes, auth } = await enrolled();
      const wrong = await t.http
        .post('/v1/auth/mfa/recovery-codes')
        .set(auth)
        .send({ code: '000000' === totpAt(secret, Date.now()) ? '111111' : '000000' });
      expect(wrong.status).toBe(422);
      const fresh = await t.http
        .post('/v1/auth/mfa/recovery-codes')
        .set(auth)
        .send({ code: totpAt(secret, Date.now() + 30_000) });
      expect(fresh.status).toBe(200);
      expect(fresh.body.recoveryCodes).toHaveLength(10);
      expect(fresh.body.recoveryCodes).not.toContain(codes[0]);
      expect((await login(member, { recoveryCode: codes[0]! })).status).toBe(401);
      expect((await login(member, { recoveryCode: fresh.body.recoveryCodes[0] })).status).toBe(200);
      expect(await auditActions(member.id)).toContain('auth.mfa.recovery-codes-replaced');
    });

    it('wrong codes when asking for new recovery codes count like failed sign-ins', async () => {
      const { secret, auth } = await enrolled();
      const current = totpAt(secret, Date.now());
      const wrong = String((Number(current) + 500_000) % 1_000_000).padStart(6, '0');
      for (let i = 0; i < 3; i++) {
        await t.http
          .post('/v1/auth/mfa/recovery-codes')
          .set(auth)
          .send({ code: wrong })
          .expect(422);
      }
      const slowed = await t.http
        .post('/v1/auth/mfa/recovery-codes')
        .set(auth)
        .send({ code: totpAt(secret, Date.now() + 30_000) });
      expect(slowed.status).toBe(429);
    });

    it("an admin resets a member's MFA: secret and codes cleared, every session ended, audited", async () => {
      const { member, auth, codes } = await enrolled('coordinator');
      const admin = await signIn(t, await aStaffMember(t.db, 'admin'));
      const coordinator = await signIn(t, await aStaffMember(t.db, 'coordinator'));
      expect(
        (await t.http.post(`/v1/admin/users/${member.id}/mfa/reset`).set(coordinator.auth)).status,
      ).toBe(403);
      const reset = await t.http.post(`/v1/admin/users/${member.id}/mfa/reset`).set(admin.auth);
      expect(reset.status).toBe(200);
      expect(reset.body).toMatchObject({ id: member.id, mfaEnabled: false });
      expect((await t.http.get('/v1/auth/me').set(auth)).status).toBe(401);
      const [row] = (await t.db.query(
        `SELECT mfa_secret_encrypted, mfa_enabled_at, mfa_last_step FROM staff_user WHERE id = $1`,
        [member.id],
      )) as Record<string, unknown>[];
      expect(row).toEqual({
        mfa_secret_encrypted: null,
        mfa_enabled_at: null,
        mfa_last_step: null,
      });
      expect(
        await t.db.query(`SELECT id FROM staff_recovery_code WHERE user_id = $1`, [member.id]),
      ).toEqual([]);
      expect((await login(member, { recoveryCode: codes[0]! })).status).toBe(200);
      const [event] = (await t.db.query(
        `SELECT actor_user_id, details FROM audit_event WHERE action = 'user.mfa_reset' AND subject_id = $1`,
        [member.id],
      )) as { actor_user_id: string; details: { wasEnabled: boolean; sessionsEnded: number } }[];
      expect(event!.details).toEqual({ wasEnabled: true, sessionsEnded: 1 });
    });

    it("lists one's own live sessions with the current one marked, and ends one", async () => {
      const member = await aStaffMember(t.db, 'clinician');
      const laptop = await t.http
        .post('/v1/auth/login')
        .set('User-Agent', 'Laptop Browser/1.0')
        .set('X-Forwarded-For', '192.0.2.70')
        .send({ email: member.email, password: STAFF_PASSWORD })
        .expect(200);
      const phone = await signIn(t, member);
      const someoneElse = await signIn(t, await aStaffMember(t.db, 'clinician'));
      const list = await t.http.get('/v1/auth/sessions').set(phone.auth);
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(2);
      const laptopView = list.body.items.find(
        (item: { userAgent: string | null }) => item.userAgent === 'Laptop Browser/1.0',
      );
      expect(laptopView).toMatchObject({
        id: expect.any(String),
        ip: '192.0.2.70',
        current: false,
        createdAt: expect.any(String),
        lastSeenAt: expect.any(String),
      });
      expect(list.body.items.filter((item: { current: boolean }) => item.current)).toHaveLength(1);
      expect(JSON.stringify(list.body)).not.toContain(laptop.body.token);

      // Another member's session is not one's own to end: 404, like an unknown id.
      const others = await t.http.get('/v1/auth/sessions').set(someoneElse.auth);
      const othersId = others.body.items[0].id as string;
      expect((await t.http.delete(`/v1/auth/sessions/${othersId}`).set(phone.auth)).status).toBe(
        404,
      );
      expect((await t.http.get('/v1/auth/me').set(someoneElse.auth)).status).toBe(200);

      expect(
        (await t.http.delete(`/v1/auth/sessions/${laptopView.id as string}`).set(phone.auth))
          .status,
      ).toBe(204);
      expect(
        (
          await t.http
            .get('/v1/auth/me')
            .set('Authorization', `Bearer ${laptop.body.token as string}`)
        ).status,
      ).toBe(401);
      expect((await t.http.get('/v1/auth/sessions').set(phone.auth)).body.items).toHaveLength(1);
      expect(await auditActions(member.id)).toContain('auth.session.ended');
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
