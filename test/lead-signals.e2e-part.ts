import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aCompletedCouple } from './support/admin-ui.js';
import { anIndividualIntake, anInquiry } from './support/builders.js';
import { leadIdOf } from './support/leads.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { aSignedInStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Auth = { Authorization: string };

/** Who said what: every crisis or safety signal on a lead names the person it came from. */
describe('crisis and safety signals by partner (GET /v1/admin/leads, /v1/admin/leads/:id)', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let coordinator: Auth;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ smtpUrl: sink.url, env: { SPAM_MIN_SECONDS: '0' } });
    coordinator = (await aSignedInStaffMember(t, 'coordinator')).auth;
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const detail = async (leadId: string) =>
    (await t.http.get(`/v1/admin/leads/${leadId}`).set(coordinator).expect(200)).body;
  const summary = async (reference: string) => {
    const { body } = await t.http
      .get('/v1/admin/leads')
      .query({ q: reference })
      .set(coordinator)
      .expect(200);
    expect(body.items).toHaveLength(1);
    return body.items[0];
  };

  it("partner B's private crisis answer names B with B's own contact, never A's", async () => {
    const couple = await aCompletedCouple(t, sink, { answersB: { crisis_now: true } });
    const lead = await detail(couple.leadId);
    expect(lead.flags).toMatchObject({ crisis: true, safetyConcern: false });
    expect(lead.flags.signals).toEqual([
      {
        kind: 'crisis',
        partner: 'B',
        source: 'answer',
        contact: couple.b,
        caution: 'Do not discuss this with the other partner.',
      },
    ]);
    expect(JSON.stringify(lead.flags.signals)).not.toContain(couple.a.email);
    expect((await summary(couple.reference)).signals).toEqual([{ kind: 'crisis', partner: 'B' }]);
  });

  it("partner A's crisis answer and partner B's safety answer each name their own partner", async () => {
    const couple = await aCompletedCouple(t, sink, {
      answersA: { crisis_now: true },
      answersB: { saf_afraid: true },
    });
    const lead = await detail(couple.leadId);
    expect(lead.flags).toMatchObject({ crisis: true, safetyConcern: true });
    expect(lead.flags.signals).toEqual([
      {
        kind: 'crisis',
        partner: 'A',
        source: 'answer',
        contact: couple.a,
        caution: 'Do not discuss this with the other partner.',
      },
      {
        kind: 'safety',
        partner: 'B',
        source: 'answer',
        contact: couple.b,
        caution: 'Do not discuss this with the other partner.',
      },
    ]);
    expect(lead.labels).toEqual(['screen_partners_individually']);
    const listed = await summary(couple.reference);
    expect(listed.signals).toEqual([
      { kind: 'crisis', partner: 'A' },
      { kind: 'safety', partner: 'B' },
    ]);
    expect(listed.labels).toEqual(['screen_partners_individually']);
  });

  it("crisis words in partner B's own story are B's message signal", async () => {
    const couple = await aCompletedCouple(t, sink, {
      answersB: { rel_story: 'Some nights I want to die.' },
    });
    const lead = await detail(couple.leadId);
    expect(lead.flags.signals).toEqual([
      {
        kind: 'crisis',
        partner: 'B',
        source: 'message',
        contact: couple.b,
        caution: 'Do not discuss this with the other partner.',
      },
    ]);
    expect((await summary(couple.reference)).signals).toEqual([{ kind: 'crisis', partner: 'B' }]);
  });

  it('a couple with no signal lists none', async () => {
    const couple = await aCompletedCouple(t, sink);
    expect((await detail(couple.leadId)).flags).toEqual({
      crisis: false,
      safetyConcern: false,
      signals: [],
    });
    expect((await summary(couple.reference)).signals).toEqual([]);
  });

  it("an individual lead's signals name no partner, with the client's own contact", async () => {
    const inquiry = anInquiry({
      serviceType: 'individual',
      message: 'I have thought about suicide lately.',
    });
    const { body: receipt } = await t.http.post('/v1/inquiries').send(inquiry).expect(201);
    const leadId = await leadIdOf(t, receipt.id);
    const intake = anIndividualIntake({
      inquiryReference: receipt.reference,
      client: { name: inquiry.name, email: inquiry.email },
    });
    (intake.answers as Record<string, unknown>).crisis_now = true;
    await t.http.post('/v1/intakes').send(intake).expect(201);
    const lead = await detail(leadId);
    const contact = { name: inquiry.name, email: inquiry.email, phone: inquiry.phone };
    expect(lead.flags.signals).toEqual([
      { kind: 'crisis', partner: null, source: 'message', contact, caution: null },
      {
        kind: 'crisis',
        partner: null,
        source: 'answer',
        contact: { ...contact, phone: null },
        caution: null,
      },
    ]);
    expect((await summary(receipt.reference)).signals).toEqual([{ kind: 'crisis', partner: null }]);
  });
});
