import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type CliRun, runCli } from './support/cli.js';
import { GOOD_PASSWORD, COMMON_PASSWORD } from './support/staff-accounts.js';
import { signIn } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/** `npm run create-admin` as its own process (the built CLI), on the test database. */
function createAdmin(database: TestDatabase, args: string[], stdin = ''): Promise<CliRun> {
  return runCli('dist/src/users/create-admin-cli.js', args, { databaseUrl: database.url, stdin });
}

describe('npm run create-admin', () => {
  let database: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    t = await startTestApp({ database });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates an admin from a password on standard input, who then signs in through the API', async () => {
    const run = await createAdmin(
      database,
      ['--email', 'Founder@Practice.Example.com', '--name', 'Morgan Hale', '--password-stdin'],
      `${GOOD_PASSWORD}\nanything after the first line is ignored\n`,
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^created admin [0-9a-f-]{36} founder@practice\.example\.com$/),
    ]);
    expect(run.stdout + run.stderr).not.toContain(GOOD_PASSWORD);

    const { auth } = await signIn(t, {
      email: 'founder@practice.example.com',
      password: GOOD_PASSWORD,
    });
    const me = await t.http.get('/v1/auth/me').set(auth);
    expect(me.body.user).toMatchObject({
      email: 'founder@practice.example.com',
      name: 'Morgan Hale',
      role: 'admin',
      active: true,
      passwordSet: true,
    });
    const events = (await t.db.query(
      `SELECT actor_user_id, actor_role, subject_type, subject_id, details FROM audit_event WHERE action = 'user.created'`,
    )) as unknown[];
    expect(events).toEqual([
      {
        actor_user_id: null,
        actor_role: null,
        subject_type: 'user',
        subject_id: me.body.user.id,
        details: { role: 'admin', via: 'create-admin' },
      },
    ]);
  });

  it('refuses an address that has an account already, in any letter case: exit 1, nothing created', async () => {
    const run = await createAdmin(
      database,
      ['--email', 'FOUNDER@practice.example.com', '--name', 'Someone Else', '--password-stdin'],
      `${GOOD_PASSWORD}\n`,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/exists already/);
    const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM staff_user`)) as {
      n: number;
    }[];
    expect(n).toBe(1);
  });

  it('refuses a password the policy refuses: exit 1 with the reason, nothing created', async () => {
    const run = await createAdmin(
      database,
      ['--email', 'second@practice.example.com', '--name', 'Riley Quinn', '--password-stdin'],
      `${COMMON_PASSWORD}\n`,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('list of common or breached passwords');
    expect(run.stderr).not.toContain(COMMON_PASSWORD);
    const rows = (await t.db.query(`SELECT id FROM staff_user WHERE email = $1`, [
      'second@practice.example.com',
    ])) as unknown[];
    expect(rows).toEqual([]);
  });

  it('exits 2 with a usage line when an argument is missing, unknown or malformed', async () => {
    for (const args of [
      ['--email', 'third@practice.example.com', '--password-stdin'],
      ['--email', 'third@practice.example.com', '--name', 'Avery Stone', '--role', 'admin'],
      ['--email', 'not an address', '--name', 'Avery Stone', '--password-stdin'],
    ]) {
      const run = await createAdmin(database, args, `${GOOD_PASSWORD}\n`);
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr).toContain('usage: npm run create-admin -- --email <email> --name <name>');
    }
  });

  it('without a terminal and without --password-stdin it does not prompt: exit 2', async () => {
    const run = await createAdmin(database, [
      '--email',
      'fourth@practice.example.com',
      '--name',
      'Avery Stone',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--password-stdin');
  });
});
