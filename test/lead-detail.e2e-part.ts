import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataCipher, parseKeyRing } from '../src/common/encryption/data-cipher.js';
import { partnerToken } from '../src/intake/partner-tokens.js';
import { anInquiry } from './support/builders.js';
import {
  ANXIOUS_PURSUER,
  AVOIDANT_WITHDRAWER,
  aCouplesIntake,
  coupleAnswers,
} from './support/couples.js';
import { aLead, auditEvents, leadIdOf } from './support/leads.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { aSignedInStaffMember, aStaffMember } from './support/staff.js';
import { startTestApp, TEST_DATA_KEY, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

const cipher = new DataCipher(parseKeyRing(TEST_DATA_KEY));

type Auth = { Authorization: string };
interface TimelineEntry {
  at: string;
  kind: string;
  actor: { id: string; name: string } | null;
  details: Record<string, unknown>;
}

describe('one lead (GET /v1/admin/leads/:id)', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let coordinator: Awaited<ReturnType<typeof aSignedInStaffMember>>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ smtpUrl: sink.url });
    coordinator = await aSignedInStaffMember(t, 'coordinator');
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  const read = async (leadId: string, auth: Auth = coordinator.auth) => {
    const response = await t.http.get(`/v1/admin/leads/${leadId}`).set(auth);
    expect(response.status).toBe(200);
    return response;
  };
  const summaryOf = async (leadId: string) => {
    const { reference } = (await read(leadId)).body as { reference: string };
    const list = await t.http.get('/v1/admin/leads').query({ q: reference }).set(coordinator.auth);
    return list.body.items[0] as Record<string, unknown>;
  };
  const kinds = (timeline: TimelineEntry[]) => timeline.map((entry) => entry.kind);
  /** The timeline without emails to staff, which the workers send at their own pace. */
  const storyOf = (timeline: TimelineEntry[]) =>
    kinds(timeline).filter((kind) => kind !== 'staff_email');

  /** Partner A's couples intake; partner B's link token, derived as the service does. */
  const startCouple = async (overrides: Record<string, unknown> = {}) => {
    const body = aCouplesIntake(overrides);
    const response = await t.http.post('/v1/intakes').send(body).expect(201);
    const [invitation] = (await t.db.query(
      `SELECT id FROM partner_invitation WHERE intake_id = $1`,
      [response.body.id],
    )) as { id: string }[];
    const { token } = partnerToken(cipher, invitation!.id);
    return { body, response, token, leadId: await leadIdOf(t, response.body.id) };
  };
  const partnerB = (answers: Record<string, unknown>) => ({
    client: { name: 'Sam Rivera', email: `sam.${randomBytes(3).toString('hex')}@example.com` },
    answers,
    consent: { contact: true, privacyNoticeVersion: '2026-01' },
  });

  it('shows the contact fields, the inquiry with its message, an ETag and no-store', async () => {
    const submitted = await t.http
      .post('/v1/inquiries')
      .send(
        anInquiry({
          name: 'Jordan Detail',
          email: 'jordan.detail@example.com',
          message: 'We argue about money every week.',
          preferredContact: 'phone',
          phone: '+15415550123',
        }),
      )
      .expect(201);
    const leadId = await leadIdOf(t, submitted.body.id);
    const response = await read(leadId);
    const [{ version }] = await t.db.query(`SELECT version FROM lead WHERE id = $1`, [leadId]);
    expect(response.headers.etag).toBe(`"${version}"`);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toMatchObject({
      id: leadId,
      reference: submitted.body.reference,
      status: 'new',
      urgency: 'routine',
      serviceType: 'couples',
      name: 'Jordan Detail',
      email: 'jordan.detail@example.com',
      phone: '+15415550123',
      state: 'OR',
      preferredContact: 'phone',
      source: 'blog',
      tags: [],
      assignedClinician: null,
      respondBy: expect.any(String),
      overdue: false,
      firstContactedAt: null,
      mergedIntoLeadId: null,
      erasedAt: null,
      intakeStatus: null,
      flags: { safetyConcern: false, crisis: false },
      labels: [],
      intakes: [],
      notes: [],
      duplicates: [],
    });
    expect(response.body.inquiries).toEqual([
      {
        id: submitted.body.id,
        reference: submitted.body.reference,
        receivedAt: submitted.body.receivedAt,
        name: 'Jordan Detail',
        email: 'jordan.detail@example.com',
        phone: '+15415550123',
        preferredContact: 'phone',
        serviceType: 'couples',
        state: 'OR',
        message: 'We argue about money every week.',
        referralSource: 'blog',
        consent: { contact: true, privacyNoticeVersion: '2026-01' },
        spamReason: null,
        crisisIndicated: false,
      },
    ]);
    expect(kinds(response.body.timeline)[0]).toBe('inquiry_received');
  });

  it('answers 404 for an unknown id and for one that is not an id', async () => {
    for (const id of ['3f2a9c1e-7b4d-4e8a-9c0f-1a2b3c4d5e6f', 'not-an-id', 'RI-7KQ2M9XD']) {
      const response = await t.http.get(`/v1/admin/leads/${id}`).set(coordinator.auth);
      expect(response.status).toBe(404);
      expect(response.body.type).toBe('/problems/not-found');
    }
  });

  it('a couples intake shows as awaiting the partner, then complete with both partners and the couple result', async () => {
    const { leadId, token } = await startCouple({
      answers: coupleAnswers({ ...ANXIOUS_PURSUER, rel_story: 'We drift apart after the baby.' }),
    });
    expect((await summaryOf(leadId)).intakeStatus).toBe('awaiting_partner');
    const waiting = (await read(leadId)).body;
    expect(waiting.intakeStatus).toBe('awaiting_partner');
    expect(waiting.intakes).toHaveLength(1);
    expect(waiting.intakes[0]).toMatchObject({
      formSlug: 'couples',
      formVersion: 1,
      status: 'awaiting_partner',
      completedAt: null,
      coupleResult: null,
      partnerInvitation: { name: 'Sam Rivera', usedAt: null },
      flags: { safetyConcern: false, crisis: false },
    });
    expect(waiting.intakes[0].respondents).toHaveLength(1);
    expect(waiting.intakes[0].respondents[0]).toMatchObject({
      partner: 'A',
      name: 'Alex Rivera',
      dateOfBirth: '1988-05-01',
      answers: { rel_story: 'We drift apart after the baby.', anx1: 7, saf_afraid: false },
      result: { anxietySum: 40, style: 'anxious', pursues: true },
    });
    expect(storyOf(waiting.timeline)).toEqual([
      'intake_received',
      'awaiting_partner',
      'partner_invited',
    ]);

    await t.http
      .post(`/v1/partner-invitations/${token}/responses`)
      .send(partnerB(coupleAnswers(AVOIDANT_WITHDRAWER)))
      .expect(201);
    expect((await summaryOf(leadId)).intakeStatus).toBe('intake_complete');
    const complete = (await read(leadId)).body;
    expect(complete.intakeStatus).toBe('intake_complete');
    expect(complete.intakes[0]).toMatchObject({
      status: 'complete',
      completedAt: expect.any(String),
      coupleResult: {
        anxiousAvoidantPairing: true,
        pursueWithdraw: true,
        pursuer: 'A',
        safetyConcern: false,
        crisis: false,
      },
    });
    expect(complete.intakes[0].respondents.map((r: { partner: string }) => r.partner)).toEqual([
      'A',
      'B',
    ]);
    expect(complete.intakes[0].respondents[1]).toMatchObject({
      name: 'Sam Rivera',
      result: { anxietySum: 9, avoidanceSum: 40, style: 'avoidant', withdraws: true },
    });
    expect(storyOf(complete.timeline)).toEqual([
      'intake_received',
      'awaiting_partner',
      'partner_invited',
      'partner_answered',
      'intake_complete',
    ]);
    const times = complete.timeline.map((entry: TimelineEntry) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('a safety concern labels the lead "screen each partner individually", in the list without any detail', async () => {
    const { leadId, token } = await startCouple();
    await t.http
      .post(`/v1/partner-invitations/${token}/responses`)
      .send(partnerB(coupleAnswers({ saf_afraid: true })))
      .expect(201);
    const summary = await summaryOf(leadId);
    expect(summary.labels).toEqual(['screen_partners_individually']);
    // Which partner, never what was answered: "safety: B".
    expect(summary.signals).toEqual([{ kind: 'safety', partner: 'B' }]);
    expect(JSON.stringify(summary)).not.toMatch(/saf_|afraid/i);
    const detail = (await read(leadId)).body;
    expect(detail.labels).toEqual(['screen_partners_individually']);
    expect(detail.flags).toMatchObject({ safetyConcern: true, crisis: false });
    expect(detail.intakes[0].flags).toEqual({ safetyConcern: true, crisis: false });
    expect(detail.intakes[0].respondents.map((r: { flags: unknown }) => r.flags)).toEqual([
      { safetyConcern: false, crisis: false },
      { safetyConcern: true, crisis: false },
    ]);
  });

  it("partner A's safety concern labels the lead while partner B has not answered yet", async () => {
    const { leadId } = await startCouple({ answers: coupleAnswers({ saf_speak: false }) });
    expect((await summaryOf(leadId)).labels).toEqual(['screen_partners_individually']);
  });

  it('flags crisis from an individual intake answered "yes" to crisis_now', async () => {
    const response = await t.http
      .post('/v1/intakes')
      .send({
        formSlug: 'individual',
        formVersion: 1,
        client: { name: 'Jo Park', email: `jo.${randomBytes(3).toString('hex')}@example.com` },
        answers: {
          ind_concerns: ['grief'],
          ind_prior_therapy: true,
          ind_availability: ['weekend'],
          ind_session_format: 'either',
          ind_payment: 'unsure',
          crisis_now: true,
        },
        consent: { contact: true, privacyNoticeVersion: '2026-01' },
      })
      .expect(201);
    const detail = (await read(await leadIdOf(t, response.body.id))).body;
    expect(detail.flags).toMatchObject({ safetyConcern: false, crisis: true });
    expect(detail.labels).toEqual([]);
    expect(detail.intakeStatus).toBe('intake_complete');
    expect(storyOf(detail.timeline)).toEqual(['intake_received', 'intake_complete']);
  });

  it('the timeline shows staff changes with who made them, notes without their text, and emails to staff by kind and status', async () => {
    const submitted = await t.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    const leadId = await leadIdOf(t, submitted.body.id);
    await eventually(
      async () =>
        (
          await t.db.query(
            `SELECT 1 FROM notification WHERE lead_id = $1 AND kind = 'staff_new_lead' AND status = 'sent'`,
            [leadId],
          )
        ).length > 0,
      'the staff notification',
    );
    const { headers } = await read(leadId);
    await t.http
      .patch(`/v1/admin/leads/${leadId}`)
      .set(coordinator.auth)
      .set('If-Match', headers.etag!)
      .send({ status: 'in_review', tags: ['call back'] })
      .expect(200);
    await t.http
      .post(`/v1/admin/leads/${leadId}/notes`)
      .set(coordinator.auth)
      .send({ body: 'Secret note words about the couple.' })
      .expect(201);

    const { timeline } = (await read(leadId)).body as { timeline: TimelineEntry[] };
    const actor = { id: coordinator.id, name: 'Staff coordinator' };
    expect(timeline.find((entry) => entry.kind === 'status_changed')).toMatchObject({
      actor,
      details: { from: 'new', to: 'in_review' },
    });
    expect(timeline.find((entry) => entry.kind === 'tags_changed')).toMatchObject({
      actor,
      details: { added: ['call back'], removed: [] },
    });
    expect(timeline.find((entry) => entry.kind === 'note_added')).toEqual({
      at: expect.any(String),
      kind: 'note_added',
      actor,
      details: { noteId: expect.any(String) },
    });
    const emails = timeline.filter((entry) => entry.kind === 'staff_email');
    expect(emails.length).toBeGreaterThan(0);
    expect(emails[0]!.details).toEqual({
      notificationId: expect.any(String),
      kind: 'staff_new_lead',
      status: 'sent',
      attempts: 1,
    });
    const text = JSON.stringify(timeline);
    expect(text).not.toContain('Secret note words');
    expect(text).not.toContain('@');
    expect(kinds(timeline).filter((kind) => kind === 'staff_email')).not.toContain(
      'client_acknowledgement',
    );
  });

  describe('likely duplicates', () => {
    it('are other leads with the same email, phone, or name and state, each saying what matched', async () => {
      const email = `dup.${randomBytes(4).toString('hex')}@example.com`;
      const lead = await aLead(t.db, {
        name: 'Casey Duplicate',
        email,
        phone: '+15415550100',
        state: 'WA',
      });
      const sameEmail = await aLead(t.db, { email: email.toUpperCase() });
      const samePhone = await aLead(t.db, { phone: '+15415550100' });
      const sameNameState = await aLead(t.db, { name: 'casey duplicate', state: 'WA' });
      const everything = await aLead(t.db, {
        name: 'Casey Duplicate',
        email,
        phone: '+15415550100',
        state: 'WA',
      });
      await aLead(t.db, { name: 'Casey Duplicate', state: 'OR' });
      await aLead(t.db, { email, mergedIntoLeadId: lead.id });
      await aLead(t.db, { email, erasedAt: new Date() });

      const { duplicates } = (await read(lead.id)).body as {
        duplicates: { id: string; matchedOn: string[]; reference: string; status: string }[];
      };
      const byId = new Map(duplicates.map((duplicate) => [duplicate.id, duplicate]));
      expect(new Set(byId.keys())).toEqual(
        new Set([sameEmail.id, samePhone.id, sameNameState.id, everything.id]),
      );
      expect(byId.get(sameEmail.id)).toEqual({
        id: sameEmail.id,
        reference: sameEmail.reference,
        status: 'new',
        createdAt: expect.any(String),
        matchedOn: ['email'],
      });
      expect(byId.get(samePhone.id)!.matchedOn).toEqual(['phone']);
      expect(byId.get(sameNameState.id)!.matchedOn).toEqual(['name_state']);
      expect(byId.get(everything.id)!.matchedOn).toEqual(['email', 'phone', 'name_state']);
    });

    it('a clinician sees only the duplicates assigned to them', async () => {
      const clinician = await aSignedInStaffMember(t, 'clinician');
      const email = `dup.${randomBytes(4).toString('hex')}@example.com`;
      const name = `Dup ${randomBytes(4).toString('hex')}`;
      const assigned = { email, name, assignedClinicianId: clinician.clinicianId! };
      const lead = await aLead(t.db, assigned);
      const visible = await aLead(t.db, assigned);
      await aLead(t.db, { email, name });
      const { duplicates } = (await read(lead.id, clinician.auth)).body as {
        duplicates: { id: string }[];
      };
      expect(duplicates.map((duplicate) => duplicate.id)).toEqual([visible.id]);
      const coordinatorView = (await read(lead.id)).body as { duplicates: unknown[] };
      expect(coordinatorView.duplicates).toHaveLength(2);
    });
  });

  describe('who sees what', () => {
    it('a clinician reads a lead assigned to them, and gets 404 for any other', async () => {
      const clinician = await aSignedInStaffMember(t, 'clinician');
      const other = await aStaffMember(t.db, 'clinician');
      const mine = await aLead(t.db, { assignedClinicianId: clinician.clinicianId! });
      const theirs = await aLead(t.db, { assignedClinicianId: other.clinicianId! });
      const nobodys = await aLead(t.db);
      const own = await read(mine.id, clinician.auth);
      expect(own.body.assignedClinician).toEqual({
        id: clinician.clinicianId,
        name: 'Staff clinician',
      });
      for (const lead of [theirs, nobodys]) {
        const response = await t.http.get(`/v1/admin/leads/${lead.id}`).set(clinician.auth);
        expect(response.status).toBe(404);
        expect(response.body).toEqual({
          type: '/problems/not-found',
          title: 'Not found',
          status: 404,
        });
      }
    });

    it('answers 401 without credentials', async () => {
      const lead = await aLead(t.db);
      expect((await t.http.get(`/v1/admin/leads/${lead.id}`)).status).toBe(401);
    });
  });

  it('an erased lead answers its tombstone: status and dates, nothing personal', async () => {
    const lead = await aLead(t.db, {
      name: 'Erased Person',
      email: 'erased.person@example.com',
      phone: '+15035550199',
      status: 'declined',
      tags: ['private-tag'],
      erasedAt: new Date('2026-01-02T03:04:05Z'),
    });
    const response = await read(lead.id);
    expect(response.body).toEqual({
      id: lead.id,
      reference: lead.reference,
      status: 'declined',
      urgency: 'routine',
      serviceType: 'individual',
      assignedClinician: null,
      createdAt: expect.any(String),
      statusChangedAt: expect.any(String),
      firstContactedAt: null,
      mergedIntoLeadId: null,
      erasedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(response.headers.etag).toBe('"1"');
  });

  it('records every read as lead.read, with no personal data in the audit trail', async () => {
    const admin = await aSignedInStaffMember(t, 'admin');
    const submitted = await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ name: 'Audit Subject', email: 'audit.subject@example.com' }))
      .expect(201);
    const leadId = await leadIdOf(t, submitted.body.id);
    await read(leadId, admin.auth);
    await read(leadId, admin.auth);
    const events = (await auditEvents(t, 'lead.read')).filter(
      (event) => event.actor_user_id === admin.id,
    );
    expect(events).toEqual([
      { actor_user_id: admin.id, lead_id: leadId, details: { erased: false } },
      { actor_user_id: admin.id, lead_id: leadId, details: { erased: false } },
    ]);
    const stored = JSON.stringify(await t.db.query(`SELECT * FROM audit_event`));
    expect(stored).not.toContain('Audit Subject');
    expect(stored).not.toContain('audit.subject@example.com');
  });
});
