import { createCipheriv, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  DataCipher,
  newKeyRingEntry,
  parseKeyRing,
  type SealedColumn,
} from '../src/common/encryption/data-cipher.js';
import { ENCRYPTED_COLUMNS, SEALED_COLUMNS } from '../src/vocabulary/sealed-columns.js';
import { rotateEncryptedValues } from '../src/key-rotation/key-rotation.js';
import { ResealOnStart } from '../src/key-rotation/reseal-on-start.js';
import { anInquiry } from './support/builders.js';
import { type CliRun, runCli } from './support/cli.js';
import { leadOfSubmission } from './support/lead-rows.js';
import { aSignedInStaffMember } from './support/staff.js';
import { startTestApp, TEST_DATA_KEY, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

const MESSAGE = SEALED_COLUMNS.inquiryMessage;
const MFA = SEALED_COLUMNS.staffMfaSecret;
const testKeys = parseKeyRing(TEST_DATA_KEY);
const testCipher = new DataCipher(testKeys);
const newKeys = (...ids: string[]) => ids.flatMap((id) => parseKeyRing(newKeyRingEntry(id)));

/** A value as the service sealed it before v2: bound to its column's purpose only. */
function sealedAsV1(plaintext: string, column: SealedColumn): string {
  const key = testKeys[0]!;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(column.purpose, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    'v1',
    key.id,
    ...[iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url')),
  ].join('.');
}

/** `npm run rotate-key` as its own process (the built CLI), on the test database. */
function rotateKeyCli(databaseUrl: string, keyRing: string): Promise<CliRun> {
  return runCli('dist/src/key-rotation/rotate-key-cli.js', [], {
    databaseUrl,
    env: { DATA_ENCRYPTION_KEY: keyRing },
  });
}

describe('client text at rest', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const everyRowAsText = async () => {
    const tables = (await t.db.query(
      `SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_schema IN ('public', 'pgboss') AND table_type = 'BASE TABLE'`,
    )) as { table_schema: string; table_name: string }[];
    let text = '';
    for (const { table_schema, table_name } of tables) {
      const rows = (await t.db.query(
        `SELECT row_to_json(x)::text AS row FROM "${table_schema}"."${table_name}" x`,
      )) as { row: string }[];
      text += rows.map((row) => row.row).join('\n');
    }
    return text;
  };
  const sealedValues = async () => {
    const values: { place: string; value: string }[] = [];
    for (const { table, column } of ENCRYPTED_COLUMNS) {
      const rows = (await t.db.query(
        `SELECT id::text AS id, "${column}" AS value FROM "${table}" WHERE "${column}" IS NOT NULL`,
      )) as { id: string; value: string }[];
      for (const row of rows)
        values.push({ place: `${table}.${column}:${row.id}`, value: row.value });
    }
    return values;
  };
  const messageSealOf = async (id: string) =>
    (
      (await t.db.query(`SELECT message_encrypted AS v FROM inquiry WHERE id = $1`, [id])) as {
        v: string;
      }[]
    )[0]!.v;
  const messageOf = async (id: string) => testCipher.decrypt(await messageSealOf(id), MESSAGE, id);
  /** Everything back under the app's own key (`keys`: those a test rotated to). */
  const rotateBack = async (keys: ReturnType<typeof newKeys>) => {
    for (const report of await rotateEncryptedValues(
      t.db,
      new DataCipher([...testKeys, ...keys]),
    )) {
      expect(report.remaining).toBe(0);
    }
  };
  const aStaffMemberWithMfa = async () => {
    const member = await aSignedInStaffMember(t, 'coordinator');
    await t.db.query(`UPDATE staff_user SET mfa_secret_encrypted = $2 WHERE id = $1`, [
      member.id,
      testCipher.encrypt('JBSWY3DPEHPK3PXP', MFA, member.id),
    ]);
    return member;
  };
  const mfaSecretOf = async (id: string) =>
    (
      (await t.db.query(`SELECT mfa_secret_encrypted AS v FROM staff_user WHERE id = $1`, [
        id,
      ])) as { v: string }[]
    )[0]!.v;

  it('is stored only encrypted: no table holds the words of a message', async () => {
    const message = 'Our counselor retired and we are drifting apart again';
    const { body } = await t.http.post('/v1/inquiries').send(anInquiry({ message })).expect(201);
    expect(await everyRowAsText()).not.toContain('drifting apart');
    const [row] = await t.db.query(`SELECT message, message_encrypted FROM inquiry WHERE id = $1`, [
      body.id,
    ]);
    expect(row.message).toBeNull();
    expect(row.message_encrypted.startsWith('v2.test1.')).toBe(true);
    expect(testCipher.decrypt(row.message_encrypted, MESSAGE, body.id)).toBe(message);
  });

  it('moves to a new key with rotate-key, old plaintext and v1 values included, and a second run finds nothing', async () => {
    const { body } = await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ message: 'sealed with the old key' }))
      .expect(201);
    const legacy = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    await t.db.query(
      `UPDATE inquiry SET message = 'written before encryption', message_encrypted = NULL WHERE id = $1`,
      [legacy.body.id],
    );
    const older = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    await t.db.query(`UPDATE inquiry SET message_encrypted = $2 WHERE id = $1`, [
      older.body.id,
      sealedAsV1('sealed before v2', MESSAGE),
    ]);
    const intake = await t.http
      .post('/v1/intakes')
      .send({
        formSlug: 'individual',
        formVersion: 1,
        client: { name: 'Jo Park', email: 'jo.rotation@example.com', dateOfBirth: '1991-03-04' },
        answers: {
          ind_concerns: ['grief'],
          ind_prior_therapy: true,
          ind_availability: ['weekend'],
          ind_session_format: 'either',
          ind_payment: 'unsure',
          crisis_now: false,
        },
        consent: { contact: true, privacyNoticeVersion: '2026-01' },
      })
      .expect(201);

    const next = newKeys('next');
    const rotated = new DataCipher([...next, ...testKeys]);
    const [report, ...others] = await rotateEncryptedValues(t.db, rotated, { batchSize: 2 });
    expect(report).toMatchObject({ sealedFromPlaintext: 1, remaining: 0, unreadable: 0 });
    expect(report!.resealed).toBeGreaterThanOrEqual(3);
    expect(others.map((other) => `${other.table}.${other.column}`)).toContain(
      'intake.answers_encrypted',
    );
    for (const other of others) expect(other.remaining).toBe(0);
    for (const { place, value } of await sealedValues()) {
      expect([place, value.startsWith('v2.next.')]).toEqual([place, true]);
    }

    const open = async (id: string) => {
      const [row] = await t.db.query(
        `SELECT message, message_encrypted FROM inquiry WHERE id = $1`,
        [id],
      );
      expect(row.message).toBeNull();
      return rotated.decrypt(row.message_encrypted, MESSAGE, id);
    };
    expect(await open(body.id)).toBe('sealed with the old key');
    expect(await open(legacy.body.id)).toBe('written before encryption');
    expect(await open(older.body.id)).toBe('sealed before v2');
    const [sealedIntake] = await t.db.query(
      `SELECT date_of_birth_encrypted FROM intake WHERE id = $1`,
      [intake.body.id],
    );
    expect(
      rotated.decrypt(
        sealedIntake.date_of_birth_encrypted,
        SEALED_COLUMNS.intakeDateOfBirth,
        intake.body.id,
      ),
    ).toBe('1991-03-04');

    for (const again of await rotateEncryptedValues(t.db, rotated)) {
      expect(again).toMatchObject({ resealed: 0, sealedFromPlaintext: 0, remaining: 0 });
    }
    await rotateBack(next);
  });

  it('compares key ids exactly: under k_1, values of kx1 are re-sealed too (no LIKE wildcard)', async () => {
    const { body } = await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ message: 'under kx1' }))
      .expect(201);
    const [kx1, k_1] = newKeys('kx1', 'k_1');
    await rotateEncryptedValues(t.db, new DataCipher([kx1!, ...testKeys]));
    expect(await messageSealOf(body.id)).toMatch(/^v2\.kx1\./);

    const reports = await rotateEncryptedValues(t.db, new DataCipher([k_1!, kx1!, ...testKeys]));

    expect(reports[0]!.resealed).toBeGreaterThanOrEqual(1);
    for (const { place, value } of await sealedValues()) {
      expect([place, value.startsWith('v2.k_1.')]).toEqual([place, true]);
    }
    await rotateBack([k_1!, kx1!]);
  });

  it('waits for a row another transaction holds (a sign-in locks its staff_user row) and re-seals it too', async () => {
    const member = await aStaffMemberWithMfa();
    const next = newKeys('next');
    const holder = t.db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    let rotation: ReturnType<typeof rotateEncryptedValues> | undefined;
    try {
      await holder.query(`SELECT id FROM staff_user WHERE id = $1 FOR UPDATE`, [member.id]);
      rotation = rotateEncryptedValues(t.db, new DataCipher([...next, ...testKeys]));
      // Rotation has taken every other row and now waits for the one held here.
      await eventually(async () => {
        const waiting = (await t.db.query(
          `SELECT 1 FROM pg_stat_activity
            WHERE wait_event_type = 'Lock' AND query LIKE '%FROM "staff_user"%FOR UPDATE'`,
        )) as unknown[];
        return waiting.length > 0;
      }, 'rotation to wait for the locked staff_user row');
    } finally {
      await holder.commitTransaction();
      await holder.release();
    }
    const reports = await rotation!;

    expect(reports.find((report) => report.table === 'staff_user')).toMatchObject({
      remaining: 0,
      unreadable: 0,
    });
    expect(await mfaSecretOf(member.id)).toMatch(/^v2\.next\./);
    await rotateBack(next);
  });

  it('reports what is left when a held row stays held past the bounded waits', async () => {
    const member = await aStaffMemberWithMfa();
    const next = newKeys('next');
    const holder = t.db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT id FROM staff_user WHERE id = $1 FOR UPDATE`, [member.id]);
      const reports = await rotateEncryptedValues(t.db, new DataCipher([...next, ...testKeys]), {
        rounds: 2,
        lockWaitMs: 50,
      });
      expect(reports.find((report) => report.table === 'staff_user')).toMatchObject({
        remaining: 1,
        unreadable: 0,
      });
      expect(reports.filter((report) => report.remaining > 0)).toHaveLength(1);
    } finally {
      await holder.commitTransaction();
      await holder.release();
    }
    expect(await mfaSecretOf(member.id)).toMatch(/^v2\.test1\./);
    await rotateBack(next);
  });

  it('npm run rotate-key exits 1 naming what is left per column, and 0 once all is under the new key', async () => {
    const { body } = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    // A value of a key nobody has any more: it cannot be re-sealed.
    const [lost] = newKeys('lost');
    await t.db.query(`UPDATE inquiry SET message_encrypted = $2 WHERE id = $1`, [
      body.id,
      new DataCipher([lost!]).encrypt('gone', MESSAGE, body.id),
    ]);
    const nextEntry = newKeyRingEntry('next');
    const ring = `${nextEntry},${TEST_DATA_KEY}`;

    const failed = await rotateKeyCli(t.database.url, ring);

    expect(failed.code).toBe(1);
    const lines = failed.stdout.trim().split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^inquiry\.message_encrypted: \d+ re-encrypted, 0 encrypted from plaintext, 1 NOT under key next \(1 do not open\)$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^intake\.answers_encrypted: .*, all now under key next$/),
    );
    expect(lines.at(-1)).toBe(
      'incomplete: 1 values are not under key next; keep every key in DATA_ENCRYPTION_KEY and run rotate-key again',
    );
    expect(failed.stdout).not.toContain('every value is under key next');

    await t.db.query(`UPDATE inquiry SET message_encrypted = NULL WHERE id = $1`, [body.id]);
    const done = await rotateKeyCli(t.database.url, ring);
    expect(done.code).toBe(0);
    expect(done.stdout.trim().split('\n').at(-1)).toBe(
      'done: every value is under key next; the other keys may now leave DATA_ENCRYPTION_KEY',
    );
    await rotateBack(parseKeyRing(nextEntry));
  });

  it('a sealed value copied into another row does not open: staff get a clear 409, nothing of it', async () => {
    const admin = await aSignedInStaffMember(t, 'admin');
    const secretWords = 'Copied confidences about the affair';
    const source = await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ message: secretWords }))
      .expect(201);
    const target = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    await t.db.query(
      `UPDATE inquiry SET message_encrypted = (SELECT message_encrypted FROM inquiry WHERE id = $2)
        WHERE id = $1`,
      [target.body.id, source.body.id],
    );
    const leadId = await leadOfSubmission(t.db, target.body.id);

    const response = await t.http.get(`/v1/admin/leads/${leadId}`).set(admin.auth);

    expect(response.status).toBe(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ title: 'Stored data cannot be opened', status: 409 });
    expect(response.body.type).toContain('sealed-data-unreadable');
    expect(JSON.stringify(response.body)).not.toContain('affair');
    // The source row still opens where it belongs.
    expect(await messageOf(source.body.id)).toBe(secretWords);
  });

  it('a v1 value still reads through the staff API, and rotate-key re-seals it as v2', async () => {
    const admin = await aSignedInStaffMember(t, 'admin');
    const { body } = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    await t.db.query(`UPDATE inquiry SET message_encrypted = $2 WHERE id = $1`, [
      body.id,
      sealedAsV1('Written when values were v1', MESSAGE),
    ]);
    const leadId = await leadOfSubmission(t.db, body.id);
    const before = await t.http.get(`/v1/admin/leads/${leadId}`).set(admin.auth).expect(200);
    expect(JSON.stringify(before.body)).toContain('Written when values were v1');

    const reports = await rotateEncryptedValues(t.db, testCipher);

    expect(reports[0]).toMatchObject({ table: 'inquiry', remaining: 0 });
    expect(reports[0]!.resealed).toBeGreaterThanOrEqual(1);
    expect(await messageSealOf(body.id)).toMatch(/^v2\.test1\./);
    const after = await t.http.get(`/v1/admin/leads/${leadId}`).set(admin.auth).expect(200);
    expect(JSON.stringify(after.body)).toContain('Written when values were v1');
  });

  it('an upgraded install needs no step: the job sent at start re-seals v1 values as v2', async () => {
    const { body } = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    await t.db.query(`UPDATE inquiry SET message_encrypted = $2 WHERE id = $1`, [
      body.id,
      sealedAsV1('From the old format', MESSAGE),
    ]);
    const jobs = (await t.db.query(
      `SELECT data FROM pgboss.job WHERE name = 'encryption.reseal'`,
    )) as { data: unknown }[];
    expect(jobs).toEqual([{ data: { keyId: 'test1' } }]);

    // What a worker does with that job (the test app runs no workers).
    const reports = await t.app.get(ResealOnStart, { strict: false }).reseal();

    expect(reports.every((report) => report.remaining === 0)).toBe(true);
    expect(await messageSealOf(body.id)).toMatch(/^v2\.test1\./);
    expect(await messageOf(body.id)).toBe('From the old format');
  });
});
