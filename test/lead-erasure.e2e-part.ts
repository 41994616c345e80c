import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { ENCRYPTED_COLUMNS } from '../src/vocabulary/sealed-columns.js';
import { RateLimiter } from '../src/rate-limit/rate-limiter.service.js';
import { anInquiry } from './support/builders.js';
import { aCouplesIntake, coupleAnswers } from './support/couples.js';
import {
  announceSubmissions,
  leadOfSubmission,
  partnerAnswers,
  partnerLinkOf,
  rowsOfLead,
  runResponseCheck,
  testCipher,
} from './support/lead-rows.js';
import { aSignedInStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type SignedIn = Awaited<ReturnType<typeof aSignedInStaffMember>>;

/** Every column a client value may be sealed for: each table and column scanned, v1 purposes too. */
const purposes = [...new Set(ENCRYPTED_COLUMNS.map((column) => column.purpose))];

/** What a stored value opens to, wherever it was sealed, or nothing. */
function openedFrom(value: string, table: string, column: string, rowId: string | null): string[] {
  const places = [
    ...(rowId === null ? [] : [{ table, column, purpose: '', rowId }]),
    ...purposes.map((purpose) => ({ table, column, purpose, rowId: rowId ?? '' })),
  ];
  const opened: string[] = [];
  for (const place of places) {
    try {
      opened.push(testCipher.decrypt(value, place, place.rowId));
    } catch {
      // Does not open there.
    }
  }
  return opened;
}

/**
 * Where each needle still is: every text, character, JSON, array and bytea column of every
 * table in every schema of the database (the service's, pg-boss's and any other), in plain
 * text and inside any sealed value that decrypts with a purpose client data is sealed with.
 */
async function whereFound(db: DataSource, needles: string[]): Promise<Record<string, string[]>> {
  const columns = (await db.query(
    `SELECT c.table_schema AS schema, c.table_name AS "table", c.column_name AS "column",
            c.data_type AS type
       FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND t.table_type = 'BASE TABLE'
        AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY',
                            'bytea', 'USER-DEFINED')
      ORDER BY 1, 2, 3`,
  )) as { schema: string; table: string; column: string; type: string }[];
  expect(columns.length).toBeGreaterThan(50);
  expect([...new Set(columns.map((column) => column.schema))]).toEqual(
    expect.arrayContaining(['public', 'pgboss']),
  );
  const found: Record<string, string[]> = {};
  const seen = (needle: string, where: string) => (found[needle] ??= []).push(where);
  for (const { schema, table, column, type } of columns) {
    const name = `"${schema}"."${table}"`;
    const value = type === 'bytea' ? `encode("${column}", 'escape')` : `"${column}"::text`;
    const plain = (await db.query(
      `SELECT needle FROM unnest($1::text[]) AS needle
        WHERE EXISTS (SELECT 1 FROM ${name} WHERE strpos(lower(${value}), lower(needle)) > 0)`,
      [needles],
    )) as { needle: string }[];
    for (const { needle } of plain) seen(needle, `${schema}.${table}.${column}`);
    const sealed = (await db.query(
      `SELECT ${value} AS v, to_jsonb(x) ->> 'id' AS id FROM ${name} x
        WHERE ${value} ~ '^v[0-9]+[.]'`,
    )) as { v: string; id: string | null }[];
    for (const { v, id } of sealed) {
      for (const opened of openedFrom(v, table, column, id)) {
        for (const needle of needles) {
          if (opened.toLowerCase().includes(needle.toLowerCase())) {
            seen(needle, `${schema}.${table}.${column} (sealed)`);
          }
        }
      }
    }
  }
  return found;
}

describe('DELETE /v1/admin/leads/:id', () => {
  let t: TestApp;
  let admin: SignedIn;
  let coordinator: SignedIn;
  let clinician: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await aSignedInStaffMember(t, 'admin');
    coordinator = await aSignedInStaffMember(t, 'coordinator');
    clinician = await aSignedInStaffMember(t, 'clinician');
  });
  afterAll(async () => {
    await t.close();
  });

  const REASON = 'Erasure asked for by phone, ticket 4411.';
  const erase = (leadId: string, as: SignedIn = admin, body: unknown = { reason: REASON }) =>
    t.http
      .delete(`/v1/admin/leads/${leadId}`)
      .set(as.auth)
      .send(body as object);
  const merge = (duplicateId: string, intoLeadId: string) =>
    t.http
      .post(`/v1/admin/leads/${duplicateId}/merge`)
      .set(coordinator.auth)
      .send({ intoLeadId })
      .expect(200);
  const leadRow = async (id: string) =>
    ((await t.db.query(`SELECT * FROM lead WHERE id = $1`, [id])) as Record<string, unknown>[])[0]!;
  const aLead = async (overrides: Record<string, unknown> = {}) => {
    const { body } = await t.http.post('/v1/inquiries').send(anInquiry(overrides)).expect(201);
    return leadOfSubmission(t.db, body.id);
  };

  it('erasure leaves nothing behind', async () => {
    const tag = randomBytes(4).toString('hex');
    const client = {
      name: 'Quillon Vantreppe',
      email: `quillon.vantreppe.${tag}@example.com`,
      workEmail: `q.vantreppe.work.${tag}@example.com`,
      phone: '+15035559876',
      message: `Zephyrine orchard lament ${tag}`,
      referral: 'Bramblewood newsletter',
      dateOfBirth: '1979-02-28',
      pronouns: 'xe/xyr',
      story: `Marmalade lighthouse quarrel ${tag}`,
    };
    const partner = {
      name: 'Ysolde Parmentier',
      domain: `parmentier-${tag}.example`,
      phone: '+15035554321',
      dateOfBirth: '1981-07-19',
      story: `Cinnabar windmill silence ${tag}`,
    };
    const partnerEmail = `ysolde@${partner.domain}`;
    const note = `Tangerine cartographer called back ${tag}`;
    const leadTag = `kestrel-${tag}`;

    const inquiry = await t.http
      .post('/v1/inquiries')
      .set('idempotency-key', `erasure-inquiry-${tag}`)
      .send(
        anInquiry({
          name: client.name,
          email: client.email,
          phone: client.phone,
          message: client.message,
          referralSource: client.referral,
        }),
      )
      .expect(201);
    const leadId = await leadOfSubmission(t.db, inquiry.body.id);
    const intake = await t.http
      .post('/v1/intakes')
      .set('idempotency-key', `erasure-intake-${tag}`)
      .send(
        aCouplesIntake({
          client: {
            name: client.name,
            email: client.email,
            phone: client.phone,
            state: 'OR',
            dateOfBirth: client.dateOfBirth,
            pronouns: client.pronouns,
          },
          answers: coupleAnswers({ rel_story: client.story }),
          partner: { name: partner.name, email: partnerEmail },
        }),
      )
      .expect(201);
    expect(await leadOfSubmission(t.db, intake.body.id)).toBe(leadId);
    await partnerAnswers(
      t,
      intake.body.id,
      {
        name: partner.name,
        email: partnerEmail,
        phone: partner.phone,
        dateOfBirth: partner.dateOfBirth,
      },
      coupleAnswers({ rel_story: partner.story }),
    );
    await t.http
      .post(`/v1/admin/leads/${leadId}/notes`)
      .set(coordinator.auth)
      .send({ body: note })
      .expect(201);
    // Tags as staff set them: the change is also a timeline event naming the tags.
    await t.http
      .patch(`/v1/admin/leads/${leadId}`)
      .set(coordinator.auth)
      .set('If-Match', '*')
      .send({ tags: [leadTag, 'evening'] })
      .expect(200);
    await t.http
      .patch(`/v1/admin/leads/${leadId}`)
      .set(coordinator.auth)
      .set('If-Match', '*')
      .send({ tags: ['evening'] })
      .expect(200);
    await announceSubmissions(t, leadId);
    // The same person wrote once from work too; that lead was merged into this one.
    const workLeadId = await aLead({
      name: client.name,
      email: client.workEmail,
      phone: client.phone,
    });
    await merge(workLeadId, leadId);
    // The submissions were counted by address (the test app counts nothing: planted).
    const limiter = t.app.get(RateLimiter, { strict: false });
    const bucketOf = (email: string) =>
      limiter.bucketKey({ name: 'submission-email', by: 'email' }, email.toLowerCase());
    const someoneElse = `someone.else.${tag}@example.com`;
    for (const email of [client.email, client.workEmail, partnerEmail, someoneElse]) {
      await limiter.hit(bucketOf(email), 3600);
    }
    const auditBefore = (await t.db.query(
      `SELECT id FROM audit_event WHERE lead_id IN ($1, $2) ORDER BY id`,
      [leadId, workLeadId],
    )) as { id: string }[];
    expect(auditBefore.length).toBeGreaterThan(0);

    const needles = [
      client.name,
      client.email,
      client.workEmail,
      client.phone,
      client.message,
      client.referral,
      client.dateOfBirth,
      client.pronouns,
      client.story,
      partner.name,
      partner.domain,
      partner.phone,
      partner.dateOfBirth,
      partner.story,
      note,
      leadTag,
    ];
    // The scan finds every one of them before: it can tell.
    expect(Object.keys(await whereFound(t.db, needles)).sort()).toEqual([...needles].sort());

    const response = await erase(leadId);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      leadId,
      erasedAt: expect.any(String),
      mergedLeadIds: [workLeadId],
      erased: {
        inquiries: 2,
        intakes: 1,
        partnerInvitations: 1,
        partnerResponses: 1,
        notes: 1,
        notificationsCancelled: expect.any(Number),
        idempotencyRecords: 2,
      },
    });
    expect(await whereFound(t.db, needles)).toEqual({});
    const buckets = (await t.db.query(
      `SELECT key FROM rate_limit_bucket WHERE key = ANY($1::text[])`,
      [[client.email, client.workEmail, partnerEmail, someoneElse].map(bucketOf)],
    )) as { key: string }[];
    expect(buckets.map((bucket) => bucket.key)).toEqual([bucketOf(someoneElse)]);
    const sealed = (await t.db.query(
      `SELECT message_encrypted AS v FROM inquiry WHERE lead_id = $1
       UNION ALL SELECT unnest(ARRAY[answers_encrypted, result_encrypted, couple_result_encrypted,
                                     date_of_birth_encrypted]) FROM intake WHERE lead_id = $1
       UNION ALL SELECT unnest(ARRAY[answers_encrypted, result_encrypted, date_of_birth_encrypted])
                   FROM partner_response WHERE lead_id = $1
       UNION ALL SELECT body_encrypted FROM triage_note WHERE lead_id = $1`,
      [leadId],
    )) as { v: string | null }[];
    expect(sealed.length).toBe(2 + 4 + 3 + 1);
    expect(sealed.filter((row) => row.v !== null)).toEqual([]);
    const auditAfter = (await t.db.query(
      `SELECT id FROM audit_event WHERE lead_id IN ($1, $2) ORDER BY id`,
      [leadId, workLeadId],
    )) as { id: string }[];
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
  });

  it('the lead stays as a tombstone: ids, references, status, urgency, service type and times', async () => {
    const { body } = await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ message: 'I want to die some nights.' }))
      .expect(201);
    const leadId = await leadOfSubmission(t.db, body.id);
    await t.db.query(`UPDATE lead SET status = 'contacted', tags = '{evening}' WHERE id = $1`, [
      leadId,
    ]);
    const before = await leadRow(leadId);

    await erase(leadId).expect(200);

    const after = await leadRow(leadId);
    expect(after).toEqual({
      ...before,
      name: '',
      email: '',
      email_normalized: `erased:${leadId}`,
      // The database's search copy of the name and address follows them.
      search_text: ` erased:${leadId}`,
      phone: null,
      state: null,
      source: null,
      // Where they came from goes too (a referral source is the visitor's own words).
      attribution: null,
      attributed_source: null,
      tags: [],
      erased_at: expect.any(Date),
      updated_at: expect.any(Date),
      version: (before.version as number) + 1,
    });
    expect(after).toMatchObject({
      status: 'contacted',
      urgency: 'crisis',
      service_type: 'couples',
    });
    const [inquiry] = await t.db.query(`SELECT * FROM inquiry WHERE id = $1`, [body.id]);
    expect(inquiry).toMatchObject({
      reference: body.reference,
      name: '',
      email: '',
      phone: null,
      message_encrypted: null,
      referral_source: null,
      crisis_indicated: true,
      consent_contact: true,
    });
    const [reference] = await t.db.query(
      `SELECT lead_id FROM submission_reference WHERE reference = $1`,
      [body.reference],
    );
    expect(reference.lead_id).toBe(leadId);
  });

  it('records the erasure in the timeline and the audit trail, with the reason', async () => {
    const leadId = await aLead();
    await erase(leadId).expect(200);
    const [event] = await t.db.query(
      `SELECT actor_user_id, details FROM lead_event WHERE lead_id = $1 AND kind = 'erased'`,
      [leadId],
    );
    expect(event).toEqual({ actor_user_id: admin.id, details: {} });
    const [audit] = await t.db.query(
      `SELECT actor_user_id, actor_role, details FROM audit_event
        WHERE lead_id = $1 AND action = 'lead.erased'`,
      [leadId],
    );
    expect(audit).toEqual({
      actor_user_id: admin.id,
      actor_role: 'admin',
      details: expect.objectContaining({ reason: REASON, mergedLeadIds: [] }),
    });
  });

  it('cancels the emails not yet sent about the lead', async () => {
    const leadId = await aLead();
    await announceSubmissions(t, leadId);
    await t.db.query(
      `UPDATE notification SET status = 'sent', sent_at = now()
        WHERE id = (SELECT id FROM notification WHERE lead_id = $1 LIMIT 1)`,
      [leadId],
    );
    const pending = (await t.db.query(
      `SELECT count(*)::int AS n FROM notification WHERE lead_id = $1 AND status = 'pending'`,
      [leadId],
    )) as [{ n: number }];
    expect(pending[0].n).toBeGreaterThan(0);

    const response = await erase(leadId).expect(200);

    expect(response.body.erased.notificationsCancelled).toBe(pending[0].n);
    const statuses = await t.db.query(
      `SELECT status, last_error FROM notification WHERE lead_id = $1 ORDER BY status`,
      [leadId],
    );
    expect(statuses).toEqual([
      ...Array.from({ length: pending[0].n }, () => ({
        status: 'failed',
        last_error: 'cancelled: the lead was erased',
      })),
      { status: 'sent', last_error: null },
    ]);
  });

  it('no announcement or overdue reminder goes out about an erased lead', async () => {
    const leadId = await aLead();
    await t.db.query(`UPDATE lead SET created_at = now() - interval '10 days' WHERE id = $1`, [
      leadId,
    ]);
    await erase(leadId).expect(200);

    await announceSubmissions(t, leadId);
    await runResponseCheck(t, leadId);

    expect((await rowsOfLead(t.db, leadId)).notification).toBe(0);
  });

  it("closes the partner's link: it answers 410 from then on", async () => {
    const intake = await t.http.post('/v1/intakes').send(aCouplesIntake()).expect(201);
    const link = await partnerLinkOf(t, intake.body.id);
    await t.http.get(link).expect(200);
    await erase(await leadOfSubmission(t.db, intake.body.id)).expect(200);
    await t.http.get(link).expect(410);
  });

  it('a person who writes again after the erasure starts a new lead', async () => {
    const email = `again.${randomBytes(4).toString('hex')}@example.com`;
    const leadId = await aLead({ email });
    await erase(leadId).expect(200);
    const again = await aLead({ email });
    expect(again).not.toBe(leadId);
  });

  it('a second erasure answers 409', async () => {
    const leadId = await aLead();
    await erase(leadId).expect(200);
    const second = await erase(leadId).expect(409);
    expect(second.body.detail).toBe('This lead was already erased.');
  });

  it('two erasures of one lead at once: one erases, the other answers 409', async () => {
    const leadId = await aLead();
    const [first, second] = await Promise.all([erase(leadId), erase(leadId)]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const events = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE lead_id = $1 AND action = 'lead.erased'`,
      [leadId],
    );
    expect(events).toEqual([{ n: 1 }]);
  });

  it('erases the leads merged into it (the same person), and refuses to erase one of them alone', async () => {
    const survivorId = await aLead();
    const duplicateId = await aLead({ name: 'Alex R.' });
    await merge(duplicateId, survivorId);

    const alone = await erase(duplicateId).expect(409);
    expect(alone.body.detail).toContain(survivorId);
    expect((await leadRow(duplicateId)).erased_at).toBeNull();

    await erase(survivorId).expect(200);
    expect(await leadRow(duplicateId)).toMatchObject({
      name: '',
      email: '',
      erased_at: expect.any(Date),
    });
    const [audit] = await t.db.query(
      `SELECT details FROM audit_event WHERE lead_id = $1 AND action = 'lead.erased'`,
      [duplicateId],
    );
    expect(audit.details).toMatchObject({ reason: REASON, with: survivorId });
  });

  it('only admins may erase: coordinators and clinicians get 403', async () => {
    const leadId = await aLead();
    await t.db.query(`UPDATE lead SET assigned_clinician_id = $2 WHERE id = $1`, [
      leadId,
      clinician.clinicianId,
    ]);
    expect((await erase(leadId, coordinator)).status).toBe(403);
    expect((await erase(leadId, clinician)).status).toBe(403);
    expect((await leadRow(leadId)).erased_at).toBeNull();
  });

  it('needs a reason of 1 to 500 characters (422 naming reason)', async () => {
    const leadId = await aLead();
    for (const body of [{}, { reason: '   ' }, { reason: 'x'.repeat(501) }, { reason: 42 }]) {
      const response = await erase(leadId, admin, body).expect(422);
      expect(response.body.errors).toEqual([
        { field: 'reason', code: expect.any(String), message: expect.any(String) },
      ]);
    }
    const noBody = await t.http.delete(`/v1/admin/leads/${leadId}`).set(admin.auth).expect(422);
    expect(noBody.body.errors).toEqual([
      { field: 'body', code: 'invalid_type', message: 'must be a JSON object' },
    ]);
    expect((await leadRow(leadId)).erased_at).toBeNull();
  });

  it('an unknown lead answers 404', async () => {
    expect((await erase(randomUUID())).status).toBe(404);
    expect((await erase('not-a-lead')).status).toBe(404);
  });
});
