import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { backupFileName, backupTimeOf } from '../src/backup/backup-files.js';
import { readBackup } from '../src/backup/backup-reader.js';
import { JobQueue } from '../src/queue/job-queue.js';
import { anInquiry } from './support/builders.js';
import { type CliRun, runCli } from './support/cli.js';
import { aCouplesIntake } from './support/couples.js';
import { leadOfSubmission, partnerAnswers } from './support/lead-rows.js';
import { aStaffMember, signIn, type StaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { eventually } from './support/wait.js';

/** `npm run backup` / `npm run restore` as their own processes (the built CLIs). */
function cli(
  script: 'backup-cli' | 'restore-cli',
  databaseUrl: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  return runCli(`dist/src/backup/${script}.js`, args, { databaseUrl, env });
}

async function tablesIn(database: TestDatabase): Promise<number> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN ('public', 'pgboss') AND c.relkind IN ('r', 'p')`,
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** What staff read of a lead: its messages, answers and notes, unsealed by the service. */
async function leadAsStaffSeeIt(t: TestApp, member: StaffMember, leadId: string) {
  const { auth } = await signIn(t, member);
  const { body } = await t.http.get(`/v1/admin/leads/${leadId}`).set(auth).expect(200);
  return {
    contact: body.contact,
    inquiries: body.inquiries,
    intakes: body.intakes,
    notes: body.notes,
  };
}

describe('npm run backup and npm run restore', () => {
  let source: TestApp;
  let folder: string;
  let coordinator: StaffMember;
  let leads: string[];
  let backupFile: string;
  const restored: TestDatabase[] = [];

  beforeAll(async () => {
    source = await startTestApp();
    folder = await mkdtemp(path.join(tmpdir(), 'ri-backups-'));
    coordinator = await aStaffMember(source.db, 'coordinator');
    const inquiry = await source.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    const intake = await source.http.post('/v1/intakes').send(aCouplesIntake()).expect(201);
    await partnerAnswers(source, intake.body.id);
    leads = [
      await leadOfSubmission(source.db, inquiry.body.id),
      await leadOfSubmission(source.db, intake.body.id),
    ];
    const { auth } = await signIn(source, coordinator);
    for (const leadId of leads) {
      await source.http
        .post(`/v1/admin/leads/${leadId}/notes`)
        .set(auth)
        .send({ body: `Called back about ${leadId}; prefers evenings.` })
        .expect(201);
    }
    backupFile = path.join(folder, 'nested', 'first.backup.gz');
  });

  afterAll(async () => {
    await source.close();
    for (const database of restored) await database.drop();
    await rm(folder, { recursive: true, force: true });
  });

  it('writes a compressed backup readable by its owner only and prints its path, size and SHA-256', async () => {
    const run = await cli('backup-cli', source.database.url, ['--out', backupFile]);
    expect(run.code).toBe(0);
    const file = await readFile(backupFile);
    const sha256 = createHash('sha256').update(file).digest('hex');
    expect(run.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^wrote ${backupFile}: ${file.length} bytes, \\d+ rows of \\d+ tables`),
      ),
      `${sha256}  ${backupFile}`,
      'sealed values in it need data key test1, which is not in the file: keep it apart',
    ]);
    expect((await stat(backupFile)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(backupFile))).mode & 0o777).toBe(0o700);
    expect(gunzipSync(file).toString('utf8').split('\n')[0]).toBe('RELATIONAL-INTAKE-BACKUP 1');
    // Sealed values stay sealed: no message, answer or note is in the file as text.
    const text = gunzipSync(file).toString('utf8');
    expect(text).not.toContain('prefers evenings');
    expect(text).not.toContain(anInquiry().message as string);
  });

  it('restored into an empty database, every lead, note and sealed answer reads the same with the same key', async () => {
    const before = [];
    for (const leadId of leads) before.push(await leadAsStaffSeeIt(source, coordinator, leadId));
    const target = await createTestDatabase({ empty: true });
    restored.push(target);

    const run = await cli('restore-cli', target.url, [backupFile]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^restored \d+ rows of \d+ tables from /);

    const app = await startTestApp({ database: target });
    try {
      const after = [];
      for (const leadId of leads) after.push(await leadAsStaffSeeIt(app, coordinator, leadId));
      expect(after).toEqual(before);
      expect(after[0]!.notes[0].body).toContain('prefers evenings');
      expect(after[1]!.intakes.length).toBeGreaterThan(0);
      // The append-only audit trail came back whole and goes on numbering after it.
      const [counts] = (await app.db.query(
        `SELECT count(*)::int AS n, max(id)::int AS last FROM audit_event`,
      )) as { n: number; last: number }[];
      const [original] = (await source.db.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE id <= $1`,
        [counts!.last],
      )) as { n: number }[];
      expect(original!.n).toBeGreaterThan(0);
      const { auth } = await signIn(app, coordinator);
      await app.http.get(`/v1/admin/leads/${leads[0]}`).set(auth).expect(200);
      const [next] = (await app.db.query(`SELECT max(id)::int AS last FROM audit_event`)) as {
        last: number;
      }[];
      expect(next!.last).toBeGreaterThan(counts!.last);
    } finally {
      await app.close({ dropDatabase: false });
    }
  });

  it('refuses a database that is not empty unless --force, which replaces what it holds', async () => {
    const target = await createTestDatabase();
    restored.push(target);
    await insertStray(target);

    const refused = await cli('restore-cli', target.url, [backupFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not empty.*--force/);
    expect(await strayAccounts(target)).toBe(1);

    // Restored with another key configured: done, and told which key the data needs.
    const otherKey = `other1:${Buffer.alloc(32, 9).toString('base64')}`;
    const forced = await cli('restore-cli', target.url, [backupFile, '--force'], {
      DATA_ENCRYPTION_KEY: otherKey,
    });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('sealed values need data key test1 in DATA_ENCRYPTION_KEY');
    expect(forced.stderr).toMatch(/^warning: DATA_ENCRYPTION_KEY lacks key test1: /);
    expect(await strayAccounts(target)).toBe(0);
    const app = await startTestApp({ database: target });
    try {
      const ids = (await app.db.query(`SELECT id FROM lead ORDER BY id`)) as { id: string }[];
      expect(ids.map((row) => row.id)).toEqual([...leads].sort());
    } finally {
      await app.close({ dropDatabase: false });
    }
  });

  it('refuses a backup from a newer release or pg-boss, or a damaged file, even with --force, before touching the target', async () => {
    const lines = gunzipSync(await readFile(backupFile))
      .toString('utf8')
      .split('\n');
    /** The same backup with its manifest changed by `change`. */
    const altered = async (name: string, change: (manifest: Record<string, unknown>) => void) => {
      const manifest = JSON.parse(lines[1]!) as Record<string, unknown>;
      change(manifest);
      const file = path.join(folder, name);
      await writeFile(
        file,
        gzipSync([lines[0], JSON.stringify(manifest), ...lines.slice(2)].join('\n')),
      );
      return file;
    };
    const newer = await altered('newer.backup.gz', (manifest) =>
      (manifest.migrations as string[]).push('SomethingLater1899999999999'),
    );
    const otherQueue = await altered('queue.backup.gz', (manifest) => {
      manifest.queueSchemaVersion = 7;
    });
    const damaged = path.join(folder, 'damaged.backup.gz');
    await writeFile(damaged, await readFile(backupFile));
    await truncate(damaged, (await stat(damaged)).size - 200);

    const target = await createTestDatabase();
    restored.push(target);
    await insertStray(target);
    const tables = await tablesIn(target);
    const fromNewer = await cli('restore-cli', target.url, [newer, '--force']);
    expect(fromNewer.code).toBe(1);
    expect(fromNewer.stderr).toMatch(/newer release: its migration SomethingLater1899999999999/);
    const fromOtherQueue = await cli('restore-cli', target.url, [otherQueue, '--force']);
    expect(fromOtherQueue.code).toBe(1);
    expect(fromOtherQueue.stderr).toMatch(/job queue schema is version 7, this release's is \d+/);
    const fromDamaged = await cli('restore-cli', target.url, [damaged, '--force']);
    expect(fromDamaged.code).toBe(1);
    expect(fromDamaged.stderr).toMatch(/^not a usable backup: .*; nothing was restored$/m);
    expect(await tablesIn(target)).toBe(tables);
    expect(await strayAccounts(target)).toBe(1);
  });
});

/** A staff account only this database has, so a restore that kept it would show. */
async function insertStray(database: TestDatabase): Promise<void> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO staff_user (id, email, name, role, active)
       VALUES (gen_random_uuid(), 'stray@practice.example.com', 'Stray Account', 'coordinator', true)`,
    );
  } finally {
    await client.end();
  }
}

async function strayAccounts(database: TestDatabase): Promise<number> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM staff_user WHERE email = 'stray@practice.example.com'`,
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

describe('the daily backup job', () => {
  let t: TestApp;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'ri-daily-'));
    t = await startTestApp({ env: { RUN_WORKERS: 'true', BACKUP_DIR: folder, BACKUP_KEEP: '2' } });
  });
  afterAll(async () => {
    await t.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('is scheduled once in pg-boss, daily in the practice time zone', async () => {
    const schedules = await t.db.query(
      `SELECT name, cron, timezone FROM pgboss.schedule WHERE name = 'backup.write'`,
    );
    expect(schedules).toEqual([
      { name: 'backup.write', cron: '15 2 * * *', timezone: 'America/Los_Angeles' },
    ]);
  });

  it('writes a backup into BACKUP_DIR and deletes the oldest beyond BACKUP_KEEP, nothing else', async () => {
    const old = [1, 2, 3].map((day) => backupFileName(new Date(Date.UTC(2026, 0, day, 10))));
    for (const name of old) await writeFile(path.join(folder, name), 'an older backup');
    await writeFile(path.join(folder, 'README.txt'), 'not a backup');
    await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);

    const jobId = await t.app.get(JobQueue).boss.send('backup.write', {});
    await eventually(async () => {
      const [job] = (await t.db.query(`SELECT state FROM pgboss.job WHERE id = $1`, [jobId])) as {
        state: string;
      }[];
      return job?.state === 'completed';
    }, 'the backup job to complete');

    const names = (await readdir(folder)).sort();
    const written = names.filter((name) => !old.includes(name) && name !== 'README.txt');
    expect(written).toHaveLength(1);
    expect(backupTimeOf(written[0]!)!.getTime()).toBeGreaterThan(Date.UTC(2026, 0, 3, 10));
    expect(names).toEqual([old[2], 'README.txt', written[0]].sort());
    const manifest = await readBackup(path.join(folder, written[0]!));
    expect(manifest.tables.find((table) => table.name === 'inquiry')?.rows).toBe(1);
  });
});
