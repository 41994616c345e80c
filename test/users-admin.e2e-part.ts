import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aNewStaffUser } from './support/staff-accounts.js';
import { aSignedInStaffMember, aStaffMember, signIn, STAFF_PASSWORD } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

interface AuditRow {
  action: string;
  actor_user_id: string | null;
  subject_type: string | null;
  details: Record<string, unknown>;
}

describe('staff accounts: the admin routes', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof aSignedInStaffMember>>;

  const auditOf = async (userId: string) =>
    (await t.db.query(
      `SELECT action, actor_user_id, subject_type, details FROM audit_event
       WHERE subject_type = 'user' AND subject_id = $1 AND action LIKE 'user.%' ORDER BY id`,
      [userId],
    )) as AuditRow[];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await aSignedInStaffMember(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /v1/admin/users', () => {
    it('adds a user without a password: 201 with the user view, the address lower-cased', async () => {
      const body = aNewStaffUser({ email: 'Jordan.Lee@Practice.Example.com' });
      const response = await t.http.post('/v1/admin/users').set(admin.auth).send(body);
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        email: 'jordan.lee@practice.example.com',
        name: 'Jordan Lee',
        role: 'coordinator',
        active: true,
        passwordSet: false,
        mfaEnabled: false,
        lastLoginAt: null,
        createdAt: expect.any(String),
      });
      const [row] = (await t.db.query(`SELECT password_hash FROM staff_user WHERE id = $1`, [
        response.body.id,
      ])) as { password_hash: string | null }[];
      expect(row!.password_hash).toBeNull();
    });

    it('plans the invitation email and a 72-hour link in the same step, and audits user.created', async () => {
      const { body: user } = await t.http
        .post('/v1/admin/users')
        .set(admin.auth)
        .send(aNewStaffUser({ role: 'clinician' }))
        .expect(201);
      const tokens = (await t.db.query(
        `SELECT id, purpose, round(extract(epoch FROM expires_at - created_at) / 3600)::int AS hours, used_at
         FROM staff_token WHERE user_id = $1`,
        [user.id],
      )) as { id: string; purpose: string; hours: number; used_at: null }[];
      expect(tokens).toEqual([
        { id: expect.any(String), purpose: 'invitation', hours: 72, used_at: null },
      ]);
      const notifications = (await t.db.query(
        `SELECT kind, recipient_kind, recipient_user_id, context FROM notification WHERE recipient_user_id = $1`,
        [user.id],
      )) as unknown[];
      expect(notifications).toEqual([
        {
          kind: 'staff_invitation',
          recipient_kind: 'user',
          recipient_user_id: user.id,
          context: { tokenId: tokens[0]!.id },
        },
      ]);
      expect(await auditOf(user.id)).toEqual([
        {
          action: 'user.created',
          actor_user_id: admin.id,
          subject_type: 'user',
          details: { role: 'clinician', via: 'admin', invitationId: tokens[0]!.id },
        },
      ]);
    });

    it('refuses an address already in use, in any letter case, with 409', async () => {
      const body = aNewStaffUser();
      await t.http.post('/v1/admin/users').set(admin.auth).send(body).expect(201);
      const again = await t.http
        .post('/v1/admin/users')
        .set(admin.auth)
        .send({ ...body, email: body.email.toUpperCase(), name: 'Someone Else' });
      expect(again.status).toBe(409);
      expect(again.body.type).toBe('/problems/conflict');
      const [{ n }] = (await t.db.query(
        `SELECT count(*)::int AS n FROM staff_user WHERE email = $1`,
        [body.email],
      )) as { n: number }[];
      expect(n).toBe(1);
    });

    it('two requests for one address at once create one account', async () => {
      const body = aNewStaffUser();
      const statuses = await Promise.all(
        [body, { ...body, email: body.email.toUpperCase() }].map(
          async (sent) => (await t.http.post('/v1/admin/users').set(admin.auth).send(sent)).status,
        ),
      );
      expect(statuses.sort()).toEqual([201, 409]);
    });

    it('names every bad field with 422: unknown role, bad address, empty name, unknown field', async () => {
      const response = await t.http
        .post('/v1/admin/users')
        .set(admin.auth)
        .send({ email: 'not an address', name: '', role: 'owner', password: 'x' });
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'email', code: 'invalid_email', message: 'must be an email address' },
          { field: 'name', code: 'too_short', message: 'must be 1 to 200 characters' },
          {
            field: 'role',
            code: 'not_an_option',
            message: 'must be one of admin, coordinator, clinician',
          },
          { field: 'password', code: 'unknown_field', message: 'is not allowed' },
        ]),
      );
      expect(response.body.errors).toHaveLength(4);
    });
  });

  describe('GET /v1/admin/users', () => {
    it('lists every account, filtered by role and by active, without any password hash', async () => {
      const clinician = await aStaffMember(t.db, 'clinician');
      const inactive = await aStaffMember(t.db, 'clinician', { active: false });
      const all = await t.http.get('/v1/admin/users').set(admin.auth);
      expect(all.status).toBe(200);
      const ids = (all.body.items as { id: string }[]).map((user) => user.id);
      expect(ids).toEqual(expect.arrayContaining([admin.id, clinician.id, inactive.id]));
      expect(JSON.stringify(all.body)).not.toMatch(/argon2|password_?hash/i);

      const clinicians = await t.http.get('/v1/admin/users?role=clinician').set(admin.auth);
      expect(
        clinicians.body.items.every((user: { role: string }) => user.role === 'clinician'),
      ).toBe(true);
      expect(clinicians.body.items.map((user: { id: string }) => user.id)).toEqual(
        expect.arrayContaining([clinician.id, inactive.id]),
      );

      const active = await t.http.get('/v1/admin/users?role=clinician&active=true').set(admin.auth);
      const activeIds = active.body.items.map((user: { id: string }) => user.id);
      expect(activeIds).toContain(clinician.id);
      expect(activeIds).not.toContain(inactive.id);

      const deactivated = await t.http.get('/v1/admin/users?active=false').set(admin.auth);
      expect(deactivated.body.items.map((user: { id: string }) => user.id)).toEqual([inactive.id]);
    });

    it('refuses a filter it does not know with 422', async () => {
      const response = await t.http.get('/v1/admin/users?active=yes&role=owner').set(admin.auth);
      expect(response.status).toBe(422);
      expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'active',
        'role',
      ]);
    });
  });

  describe('GET /v1/admin/users/:id', () => {
    it('shows one account', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const response = await t.http.get(`/v1/admin/users/${member.id}`).set(admin.auth);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: member.id,
        email: member.email,
        role: 'coordinator',
        active: true,
        passwordSet: true,
      });
    });

    it('answers 404 for an unknown id and for something that is not an id', async () => {
      const unknown = await t.http.get(`/v1/admin/users/${randomUUID()}`).set(admin.auth);
      const malformed = await t.http.get('/v1/admin/users/not-a-uuid').set(admin.auth);
      expect(unknown.status).toBe(404);
      expect(malformed.status).toBe(404);
      expect(unknown.body.type).toBe('/problems/not-found');
    });
  });

  describe('PATCH /v1/admin/users/:id', () => {
    it('renames a user and audits the changed field name only', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const { auth } = await signIn(t, member);
      const response = await t.http
        .patch(`/v1/admin/users/${member.id}`)
        .set(admin.auth)
        .send({ name: 'Robin Ashworth-Vale' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: member.id, name: 'Robin Ashworth-Vale' });
      expect((await t.http.get('/v1/auth/me').set(auth)).status).toBe(200);
      const audit = await auditOf(member.id);
      expect(audit).toEqual([
        {
          action: 'user.updated',
          actor_user_id: admin.id,
          subject_type: 'user',
          details: { changed: ['name'], sessionsEnded: false },
        },
      ]);
      expect(JSON.stringify(audit)).not.toContain('Robin');
    });

    it('a new role ends every session of the user and is audited with from and to', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const first = await signIn(t, member);
      const second = await signIn(t, member);
      const response = await t.http
        .patch(`/v1/admin/users/${member.id}`)
        .set(admin.auth)
        .send({ role: 'clinician' });
      expect(response.status).toBe(200);
      expect(response.body.role).toBe('clinician');
      expect((await t.http.get('/v1/auth/me').set(first.auth)).status).toBe(401);
      expect((await t.http.get('/v1/auth/me').set(second.auth)).status).toBe(401);
      const again = await signIn(t, member);
      const me = await t.http.get('/v1/auth/me').set(again.auth);
      expect(me.body.user.role).toBe('clinician');
      expect(await auditOf(member.id)).toEqual([
        expect.objectContaining({
          action: 'user.updated',
          details: {
            changed: ['role'],
            role: { from: 'coordinator', to: 'clinician' },
            sessionsEnded: true,
          },
        }),
      ]);
    });

    it('deactivating ends every session, stops sign-in, and is audited as user.deactivated', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const { auth } = await signIn(t, member);
      const response = await t.http
        .patch(`/v1/admin/users/${member.id}`)
        .set(admin.auth)
        .send({ active: false });
      expect(response.status).toBe(200);
      expect(response.body.active).toBe(false);
      expect((await t.http.get('/v1/auth/me').set(auth)).status).toBe(401);
      const login = await t.http
        .post('/v1/auth/login')
        .send({ email: member.email, password: STAFF_PASSWORD });
      expect(login.status).toBe(401);
      const [{ open }] = (await t.db.query(
        `SELECT count(*)::int AS open FROM staff_session WHERE user_id = $1 AND ended_at IS NULL`,
        [member.id],
      )) as { open: number }[];
      expect(open).toBe(0);
      expect(await auditOf(member.id)).toEqual([
        expect.objectContaining({
          action: 'user.deactivated',
          details: { changed: ['active'], sessionsEnded: true },
        }),
      ]);
    });

    it('a reactivated user signs in again', async () => {
      const member = await aStaffMember(t.db, 'coordinator', { active: false });
      await t.http
        .patch(`/v1/admin/users/${member.id}`)
        .set(admin.auth)
        .send({ active: true })
        .expect(200);
      await expect(signIn(t, member)).resolves.toMatchObject({ token: expect.any(String) });
    });

    it('changes nothing and audits nothing when the values are the current ones', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const response = await t.http
        .patch(`/v1/admin/users/${member.id}`)
        .set(admin.auth)
        .send({ role: 'coordinator', active: true });
      expect(response.status).toBe(200);
      expect(await auditOf(member.id)).toEqual([]);
    });

    it('refuses bad values and fields that cannot be changed here with 422', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const response = await t.http
        .patch(`/v1/admin/users/${member.id}`)
        .set(admin.auth)
        .send({ active: 'no', role: 'owner', email: 'new@practice.example.com' });
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'active', code: 'invalid_type', message: 'must be true or false' },
          {
            field: 'role',
            code: 'not_an_option',
            message: 'must be one of admin, coordinator, clinician',
          },
          { field: 'email', code: 'unknown_field', message: 'is not allowed' },
        ]),
      );
    });

    it('answers 404 for an unknown user', async () => {
      const response = await t.http
        .patch(`/v1/admin/users/${randomUUID()}`)
        .set(admin.auth)
        .send({ name: 'Nobody Here' });
      expect(response.status).toBe(404);
    });
  });

  describe('POST /v1/admin/users/:id/invitation', () => {
    it('sends a new invitation and the older link stops working', async () => {
      const { body: user } = await t.http
        .post('/v1/admin/users')
        .set(admin.auth)
        .send(aNewStaffUser())
        .expect(201);
      const response = await t.http.post(`/v1/admin/users/${user.id}/invitation`).set(admin.auth);
      expect(response.status).toBe(202);
      expect(Date.parse(response.body.expiresAt) - Date.now()).toBeGreaterThan(71.9 * 3_600_000);
      const tokens = (await t.db.query(
        `SELECT expires_at > now() AS live FROM staff_token WHERE user_id = $1 ORDER BY created_at`,
        [user.id],
      )) as { live: boolean }[];
      expect(tokens).toEqual([{ live: false }, { live: true }]);
      const [{ n }] = (await t.db.query(
        `SELECT count(*)::int AS n FROM notification WHERE recipient_user_id = $1 AND kind = 'staff_invitation'`,
        [user.id],
      )) as { n: number }[];
      expect(n).toBe(2);
      expect((await auditOf(user.id)).map((event) => event.action)).toEqual([
        'user.created',
        'user.invitation_resent',
      ]);
    });

    it('is refused with 409 for a user who has a password already', async () => {
      const member = await aStaffMember(t.db, 'coordinator');
      const response = await t.http.post(`/v1/admin/users/${member.id}/invitation`).set(admin.auth);
      expect(response.status).toBe(409);
    });
  });

  describe('who may use these routes', () => {
    it('a coordinator and a clinician get 403 on every user route; nobody signed in gets 401', async () => {
      const target = await aStaffMember(t.db, 'coordinator');
      const routes = [
        ['get', '/v1/admin/users'],
        ['get', `/v1/admin/users/${target.id}`],
        ['post', '/v1/admin/users'],
        ['patch', `/v1/admin/users/${target.id}`],
        ['post', `/v1/admin/users/${target.id}/invitation`],
      ] as const;
      for (const role of ['coordinator', 'clinician'] as const) {
        const { auth } = await aSignedInStaffMember(t, role);
        for (const [method, path] of routes) {
          const response = await t.http[method](path).set(auth).send({ name: 'Taken Over' });
          expect({ role, method, path, status: response.status }).toEqual({
            role,
            method,
            path,
            status: 403,
          });
        }
      }
      for (const [method, path] of routes) {
        expect((await t.http[method](path).send({})).status).toBe(401);
      }
      const [row] = (await t.db.query(`SELECT name FROM staff_user WHERE id = $1`, [
        target.id,
      ])) as { name: string }[];
      expect(row!.name).toBe('Staff coordinator');
    });
  });
});

describe('the last active admin', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('cannot be deactivated or given another role (409), also not by themselves', async () => {
    const only = await aSignedInStaffMember(t, 'admin');
    for (const change of [{ active: false }, { role: 'coordinator' }]) {
      const response = await t.http.patch(`/v1/admin/users/${only.id}`).set(only.auth).send(change);
      expect(response.status).toBe(409);
      expect(response.body.detail).toMatch(/last active admin/);
    }
    const [row] = (await t.db.query(`SELECT role, active FROM staff_user WHERE id = $1`, [
      only.id,
    ])) as { role: string; active: boolean }[];
    expect(row).toEqual({ role: 'admin', active: true });
  });

  it('an inactive admin does not count: the one active admin stays protected', async () => {
    await aStaffMember(t.db, 'admin', { active: false });
    const current = await aSignedInStaffMember(t, 'admin');
    await t.db.query(
      `UPDATE staff_user SET role = 'coordinator' WHERE role = 'admin' AND active AND id <> $1`,
      [current.id],
    );
    const response = await t.http
      .patch(`/v1/admin/users/${current.id}`)
      .set(current.auth)
      .send({ active: false });
    expect(response.status).toBe(409);
  });

  it('with a second active admin, an admin can be demoted', async () => {
    const first = await aSignedInStaffMember(t, 'admin');
    const second = await aStaffMember(t.db, 'admin');
    const response = await t.http
      .patch(`/v1/admin/users/${second.id}`)
      .set(first.auth)
      .send({ role: 'coordinator' });
    expect(response.status).toBe(200);
    expect(response.body.role).toBe('coordinator');
  });

  it('two admins demoting each other at the same moment leave one admin', async () => {
    const fresh = await startTestApp();
    try {
      const first = await aSignedInStaffMember(fresh, 'admin');
      const second = await aSignedInStaffMember(fresh, 'admin');
      // Both changes are held at their first lock until both are waiting, so they really
      // overlap: each would otherwise see the other admin still active.
      const blocker = fresh.db.createQueryRunner();
      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query(`SELECT id FROM staff_user WHERE id IN ($1, $2) FOR UPDATE`, [
        first.id,
        second.id,
      ]);
      const changes = Promise.all([
        fresh.http.patch(`/v1/admin/users/${second.id}`).set(first.auth).send({ active: false }),
        fresh.http.patch(`/v1/admin/users/${first.id}`).set(second.auth).send({ active: false }),
      ]);
      await eventually(async () => {
        const [{ waiting }] = (await fresh.db.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )) as { waiting: number }[];
        return waiting === 2;
      }, 'both changes to wait for a lock');
      await blocker.commitTransaction();
      await blocker.release();
      const statuses = (await changes).map((response) => response.status);
      expect(statuses.sort()).toEqual([200, 409]);
      const [{ n }] = (await fresh.db.query(
        `SELECT count(*)::int AS n FROM staff_user WHERE role = 'admin' AND active`,
      )) as { n: number }[];
      expect(n).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});
