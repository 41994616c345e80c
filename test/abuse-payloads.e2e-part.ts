import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { simpleParser } from 'mailparser';
import { anInquiry } from './support/builders.js';
import { aCouplesIntake, coupleAnswers } from './support/couples.js';
import { type CaughtMessage, type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { aSignedInStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SQL = "Robert'); DROP TABLE lead; --";
const HTML = '<script>alert(1)</script>';
const CRLF = '\r\nBcc: x@evil.example';

/** What must never appear in a message as raw text: it would mean user text reached it unescaped. */
const RAW_MARKERS = ['<script>', 'DROP TABLE', 'evil.example', 'onerror'];

describe('SQL, HTML and header-injection payloads', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let coordinator: Awaited<ReturnType<typeof aSignedInStaffMember>>;

  const leadIdOf = async (table: 'inquiry' | 'intake', id: string) =>
    (
      (await t.db.query(`SELECT lead_id FROM ${table} WHERE id = $1`, [id])) as {
        lead_id: string;
      }[]
    )[0]!.lead_id;
  const detail = async (leadId: string) =>
    (await t.http.get(`/v1/admin/leads/${leadId}`).set(coordinator.auth).expect(200)).body;
  const messagesTo = (address: string) =>
    sink.messages.filter((message) => message.to.includes(address));
  /** Parses the raw message again: one Subject of one line, no Bcc, no Cc, one To. */
  const expectNoInjectedHeaders = async (message: CaughtMessage) => {
    const parsed = await simpleParser(message.raw);
    const keys = parsed.headerLines.map((line) => line.key);
    expect(keys).not.toContain('bcc');
    expect(keys).not.toContain('cc');
    expect(keys.filter((key) => key === 'subject')).toHaveLength(1);
    expect(keys.filter((key) => key === 'to')).toHaveLength(1);
    expect(parsed.subject).not.toMatch(/[\r\n]/);
    const rawSubject = parsed.headerLines.find((line) => line.key === 'subject')!.line;
    expect(rawSubject.split(/\r?\n/)).toHaveLength(1);
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ smtpUrl: sink.url });
    coordinator = await aSignedInStaffMember(t, 'coordinator');
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('a reach-out full of payloads is stored literally, and the lead table is still there', async () => {
    const email = 'payload.person@example.com';
    const body = anInquiry({
      name: SQL,
      email,
      message: `${HTML}${CRLF}\n${SQL}`,
      referralSource: '"><img src=x onerror=alert(1)>',
    });
    const { body: receipt } = await t.http.post('/v1/inquiries').send(body).expect(201);

    const lead = await detail(await leadIdOf('inquiry', receipt.id));
    expect(lead.name).toBe(SQL);
    expect(lead.inquiries[0]).toMatchObject({
      name: SQL,
      email,
      message: `${HTML}${CRLF}\n${SQL}`,
      referralSource: '"><img src=x onerror=alert(1)>',
    });
    const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM lead`)) as { n: number }[];
    expect(n).toBeGreaterThan(0);
  });

  it('the acknowledgement and the staff notice echo none of it, and gain no header', async () => {
    const email = 'payload.mail@example.com';
    await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ name: `${HTML} ${SQL}`, email, message: `${HTML}${CRLF}` }))
      .expect(201);
    const acknowledgement = await waitFor(() => messagesTo(email)[0]);
    const notice = await waitFor(() => messagesTo(coordinator.email)[0]);

    for (const message of [acknowledgement, notice]) {
      await expectNoInjectedHeaders(message);
      for (const marker of RAW_MARKERS) expect(message.raw).not.toContain(marker);
      expect(message.text.length).toBeGreaterThan(0);
    }
    expect(acknowledgement.subject).toMatch(/^We received your message \(RI-[A-Z0-9]{8}\)$/);
    expect(notice.subject).toMatch(/^New lead RI-[A-Z0-9]{8}$/);
  });

  it('a name that is not a plain first name never reaches the partner invitation: it says "someone"', async () => {
    const partnerEmail = 'payload.partner@example.com';
    const intake = aCouplesIntake({
      client: { name: `<b>Al&ex</b> ${SQL}`, email: 'payload.alex@example.com' },
      partner: { name: `${HTML} Sam`, email: partnerEmail },
      answers: coupleAnswers({ rel_story: `${HTML}\n${SQL}` }),
    });
    const { body: receipt } = await t.http.post('/v1/intakes').send(intake).expect(201);

    const invitation = await waitFor(() => messagesTo(partnerEmail)[0]);
    await expectNoInjectedHeaders(invitation);
    // Only a first name of letters, spaces, hyphens and apostrophes is ever mailed.
    expect(invitation.html).toContain('someone has asked');
    expect(invitation.text).toContain('someone has asked');
    for (const part of [invitation.html, invitation.text]) {
      expect(part).not.toContain('Al&ex');
      expect(part).not.toContain('&lt;b&gt;');
    }
    expect(invitation.html).not.toContain('<b>');
    expect(invitation.raw).not.toContain('<script>');
    expect(invitation.raw).not.toContain('DROP TABLE');

    const lead = await detail(await leadIdOf('intake', receipt.id));
    expect(lead.intakes[0].respondents[0]).toMatchObject({ name: `<b>Al&ex</b> ${SQL}` });
    expect(lead.intakes[0].respondents[0].answers.rel_story).toBe(`${HTML}\n${SQL}`);
    expect(lead.intakes[0].partnerInvitation.name).toBe(`${HTML} Sam`);
  });

  it('a line break in anything that could reach a header is refused, so no email goes to it', async () => {
    for (const overrides of [
      { email: `payload.crlf@example.com${CRLF}` },
      { name: `Alex${CRLF}` + 'x' },
    ]) {
      const response = await t.http.post('/v1/inquiries').send(anInquiry(overrides)).expect(422);
      expect(JSON.stringify(response.body)).not.toContain('evil.example');
    }
    const partner = await t.http
      .post('/v1/intakes')
      .send(aCouplesIntake({ partner: { name: 'Sam', email: `sam@example.com${CRLF}` } }))
      .expect(422);
    expect(partner.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'partner.email',
    ]);
    const stored = (await t.db.query(
      `SELECT count(*)::int AS n FROM inquiry WHERE email LIKE 'payload.crlf%' OR name LIKE 'Alex%x'`,
    )) as { n: number }[];
    expect(stored).toEqual([{ n: 0 }]);
  });
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for an email');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
