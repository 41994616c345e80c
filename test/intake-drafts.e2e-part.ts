import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IntakeDraftSchedule } from '../src/intake-drafts/intake-draft-schedule.js';
import { anIndividualIntake } from './support/builders.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

/**
 * Save and finish later: a draft is saved and its link mailed, opened by the link,
 * replaced by a later save, deleted by the intake that finishes it or once expired;
 * sealed at rest, under the visitor-mail limit, and never cached.
 */
describe('intake drafts', () => {
  let sink: SmtpSink;
  let t: TestApp;
  const FRAMING_SITE = 'https://www.practice.example';

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({
      smtpUrl: sink.url,
      env: {
        PUBLIC_BASE_URL: 'https://intake.practice.example',
        CORS_ORIGINS: FRAMING_SITE,
        SAFE_EXIT_URL: 'https://weather.example/today',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  const anAddress = () => `sam.${randomBytes(4).toString('hex')}@example.com`;
  const aDraft = (overrides: Record<string, unknown> = {}) => ({
    formSlug: 'individual',
    formVersion: 1,
    email: anAddress(),
    client: { name: 'Sam <b>Lee</b> 555', phone: '+15035550142' },
    answers: { ind_concerns: ['anxiety'], ind_goals: 'Sleep through the night' },
    ...overrides,
  });
  const save = (body: Record<string, unknown>) => t.http.post('/v1/intake-drafts').send(body);

  /** The link of the one email to `address`, and its token. */
  const linkMailedTo = async (address: string, nth = 1) => {
    const messages = await eventually(async () => {
      const to = sink.messages.filter((message) => message.to.includes(address));
      return to.length >= nth ? to : undefined;
    }, `resume email ${nth} to an address`);
    const message = messages[nth - 1]!;
    const link = /https:\/\/intake\.practice\.example\/intake\/[\w-]+\?resume=[\w-]+/.exec(
      message.text,
    )?.[0];
    return { message, link: link!, token: new URL(link!).searchParams.get('resume')! };
  };
  const draftRows = async () =>
    (await t.db.query(`SELECT id, content_encrypted FROM intake_draft`)) as {
      id: string;
      content_encrypted: string;
    }[];

  it('saves with 202 and emails a one-time link that opens the answers as saved', async () => {
    const body = aDraft();
    const saved = await save(body).expect(202);
    expect(Object.keys(saved.body)).toEqual(['expiresAt', 'draftToken']);
    const days = (Date.parse(saved.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const { message, link, token } = await linkMailedTo(body.email as string);
    expect(link).toMatch(/\/intake\/individual\?resume=/);
    expect(token).toBe(saved.body.draftToken);
    // Nothing the visitor typed is repeated, not even the name (the address may be anyone's).
    for (const typed of ['Sam', 'Lee', '555', 'Sleep', 'anxiety']) {
      expect(message.text).not.toContain(typed);
      expect(message.html).not.toContain(typed);
    }

    const opened = await t.http.get(`/v1/intake-drafts/${token}`).expect(200);
    expect(opened.body).toEqual({
      formSlug: 'individual',
      formVersion: 1,
      email: body.email,
      client: { name: 'Sam <b>Lee</b> 555', phone: '+15035550142' },
      answers: { ind_concerns: ['anxiety'], ind_goals: 'Sleep through the night' },
      expiresAt: saved.body.expiresAt,
    });
    expect(opened.headers['cache-control']).toBe('no-store');
  });

  it('keeps the draft sealed at rest: no address, name or answer readable in its row', async () => {
    const body = aDraft({ answers: { ind_goals: 'A sentence only I wrote' } });
    await save(body).expect(202);
    const rows = await draftRows();
    const row = rows.find((candidate) => candidate.content_encrypted.length > 0)!;
    expect(row.content_encrypted).toMatch(/^v2\./);
    for (const row of rows) {
      expect(row.content_encrypted).not.toContain('A sentence only I wrote');
      expect(row.content_encrypted).not.toContain(body.email);
      expect(row.content_encrypted).not.toContain('Sam');
    }
    const [stored] = (await t.db.query(`SELECT * FROM intake_draft LIMIT 1`)) as Record<
      string,
      unknown
    >[];
    expect(Object.keys(stored!).sort()).toEqual([
      'content_encrypted',
      'created_at',
      'expires_at',
      'form_slug',
      'form_version',
      'id',
      'token_hash',
      'token_key_id',
    ]);
  });

  it('a later save with the token replaces the draft: a new link, the old one ends', async () => {
    const first = aDraft();
    await save(first).expect(202);
    const { token: oldToken } = await linkMailedTo(first.email as string);
    const before = (await draftRows()).length;

    await save({ ...first, answers: { ind_goals: 'More now' }, draftToken: oldToken }).expect(202);
    const { token: newToken } = await linkMailedTo(first.email as string, 2);

    expect(newToken).not.toBe(oldToken);
    expect((await draftRows()).length).toBe(before);
    await t.http.get(`/v1/intake-drafts/${oldToken}`).expect(404);
    const opened = await t.http.get(`/v1/intake-drafts/${newToken}`).expect(200);
    expect(opened.body.answers).toEqual({ ind_goals: 'More now' });
  });

  it('the intake sent with the draft token deletes the draft in its transaction', async () => {
    const body = aDraft();
    await save(body).expect(202);
    const { token } = await linkMailedTo(body.email as string);
    const before = (await draftRows()).length;

    const intake = anIndividualIntake({ draftToken: token });
    await t.http.post('/v1/intakes').send(intake).expect(201);

    expect((await draftRows()).length).toBe(before - 1);
    await t.http.get(`/v1/intake-drafts/${token}`).expect(404);
  });

  it('an intake refused (422) keeps the draft', async () => {
    const body = aDraft();
    await save(body).expect(202);
    const { token } = await linkMailedTo(body.email as string);
    await t.http
      .post('/v1/intakes')
      .send(anIndividualIntake({ draftToken: token, answers: {} }))
      .expect(422);
    await t.http.get(`/v1/intake-drafts/${token}`).expect(200);
  });

  it('an expired link answers 410, and the daily job deletes expired drafts', async () => {
    const body = aDraft();
    await save(body).expect(202);
    const { token } = await linkMailedTo(body.email as string);
    const keep = aDraft();
    await save(keep).expect(202);
    const { token: fresh } = await linkMailedTo(keep.email as string);
    const [expired] = (await t.db.query(
      `UPDATE intake_draft SET expires_at = now() - interval '1 minute'
        WHERE token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex') RETURNING id`,
      [token],
    )) as [{ id: string }[], number];

    await t.http.get(`/v1/intake-drafts/${token}`).expect(410);
    await t.app.get(IntakeDraftSchedule).run();

    const left = await draftRows();
    expect(left.map((row) => row.id)).not.toContain(expired[0]!.id);
    await t.http.get(`/v1/intake-drafts/${token}`).expect(404);
    await t.http.get(`/v1/intake-drafts/${fresh}`).expect(200);
  });

  it('sends at most 3 links to one address a day; the fourth save answers the same', async () => {
    const email = anAddress();
    const answers: string[][] = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await save(aDraft({ email })).expect(202);
      answers.push(Object.keys(response.body));
    }
    expect(new Set(answers.map((keys) => JSON.stringify(keys))).size).toBe(1);
    const statuses = (await t.db.query(
      `SELECT n.status FROM notification n
        WHERE n.kind = 'intake_draft_resume' AND n.context->>'draftId' IN (
          SELECT id::text FROM intake_draft ORDER BY created_at DESC LIMIT 4)
        ORDER BY n.created_at`,
    )) as { status: string }[];
    expect(statuses.map((row) => row.status === 'withheld')).toEqual([false, false, false, true]);
  });

  it.each([
    [{ answers: { ind_concerns: ['not-an-option'] } }, 'answers.ind_concerns'],
    [{ answers: { nope: 'x' } }, 'answers.nope'],
    [{ answers: 'x' }, 'answers'],
    [{ email: 'not-an-address' }, 'email'],
    [{ formVersion: 99 }, 'formVersion'],
    [{ client: { dateOfBirth: '2026-02-30' } }, 'client.dateOfBirth'],
    [{ lang: 'fr' }, 'lang'],
    [{ draftToken: 'short' }, 'draftToken'],
    [{ extra: true }, 'extra'],
  ])('refuses %j with a 422 naming %s', async (overrides, field) => {
    const response = await save(aDraft(overrides)).expect(422);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('an unknown link answers 404', async () => {
    await t.http.get(`/v1/intake-drafts/${'x'.repeat(43)}`).expect(404);
  });

  it('the public API and pages answer no-store', async () => {
    for (const url of ['/v1/intake-forms/individual', '/reach-out', '/intake/individual']) {
      const response = await t.http.get(url).expect(200);
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('only the framed reach-out page may be framed, and only by the practice’s sites', async () => {
    const framed = await t.http.get('/embed/reach-out.html?heading=Hello').expect(200);
    expect(framed.headers['content-security-policy']).toContain(`frame-ancestors ${FRAMING_SITE}`);
    expect(framed.headers['x-frame-options']).toBeUndefined();
    expect(framed.headers['cache-control']).toBe('no-store');
    expect(framed.text).toContain(
      '<meta name="safe-exit-url" content="https://weather.example/today" />',
    );
    for (const url of ['/reach-out', '/intake/individual', '/partner?token=abc', '/admin']) {
      const page = await t.http.get(url).expect(200);
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page.headers['x-frame-options']).toBe('DENY');
    }
    const script = await t.http.get('/embed/reach-out.js').expect(200);
    expect(script.text).toContain('https://weather.example/today');
    expect(script.text).not.toContain('__RI_SAFE_EXIT_URL__');
  });
});
