import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataCipher, newKeyRingEntry, parseKeyRing } from '../src/common/encryption/data-cipher.js';
import { rotateEncryptedValues } from '../src/common/encryption/key-rotation.js';
import { anInquiry } from './support/builders.js';
import { startTestApp, TEST_DATA_KEY, type TestApp } from './support/test-app.js';

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

  it('is stored only encrypted: no table holds the words of a message', async () => {
    const message = 'Our counselor retired and we are drifting apart again';
    const { body } = await t.http.post('/v1/inquiries').send(anInquiry({ message })).expect(201);
    expect(await everyRowAsText()).not.toContain('drifting apart');
    const [row] = await t.db.query(`SELECT message, message_encrypted FROM inquiry WHERE id = $1`, [
      body.id,
    ]);
    expect(row.message).toBeNull();
    expect(
      new DataCipher(parseKeyRing(TEST_DATA_KEY)).decrypt(row.message_encrypted, 'inquiry.message'),
    ).toBe(message);
  });

  it('moves to a new key with rotate-key, old plaintext included, and a second run finds nothing', async () => {
    const { body } = await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ message: 'sealed with the old key' }))
      .expect(201);
    const legacy = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    await t.db.query(
      `UPDATE inquiry SET message = 'written before encryption', message_encrypted = NULL WHERE id = $1`,
      [legacy.body.id],
    );

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

    const rotated = new DataCipher(parseKeyRing(`${newKeyRingEntry('next')},${TEST_DATA_KEY}`));
    const [report, ...others] = await rotateEncryptedValues(t.db, rotated, 2);
    expect(report!.sealedFromPlaintext).toBe(1);
    expect(report!.resealed).toBeGreaterThanOrEqual(2);
    expect(others.map((other) => `${other.table}.${other.column}`)).toContain(
      'intake.answers_encrypted',
    );

    const rows = (await t.db.query(`SELECT id, message, message_encrypted FROM inquiry`)) as {
      id: string;
      message: string | null;
      message_encrypted: string;
    }[];
    for (const row of rows) {
      expect(row.message).toBeNull();
      expect(row.message_encrypted.startsWith('v1.next.')).toBe(true);
    }
    const open = (id: string) =>
      rotated.decrypt(rows.find((row) => row.id === id)!.message_encrypted, 'inquiry.message');
    expect(open(body.id)).toBe('sealed with the old key');
    expect(open(legacy.body.id)).toBe('written before encryption');

    const [sealedIntake] = await t.db.query(
      `SELECT answers_encrypted, date_of_birth_encrypted FROM intake WHERE id = $1`,
      [intake.body.id],
    );
    expect(sealedIntake.answers_encrypted.startsWith('v1.next.')).toBe(true);
    expect(rotated.decrypt(sealedIntake.date_of_birth_encrypted, 'intake.date-of-birth')).toBe(
      '1991-03-04',
    );

    for (const again of await rotateEncryptedValues(t.db, rotated)) {
      expect(again).toMatchObject({ resealed: 0, sealedFromPlaintext: 0 });
    }
  });
});
