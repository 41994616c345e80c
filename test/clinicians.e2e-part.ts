import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anInquiry } from './support/builders.js';
import {
  ANXIOUS_PURSUER,
  AVOIDANT_WITHDRAWER,
  aCouplesIntake,
  coupleAnswers,
} from './support/couples.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { aSignedInStaffMember, aStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

type SignedIn = Awaited<ReturnType<typeof aSignedInStaffMember>>;

/** A valid profile; override what the test is about. */
function aClinician(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Dana Whitfield ${randomUUID().slice(0, 6)}`,
    email: `dana.${randomUUID().slice(0, 6)}@practice.example`,
    modalities: ['eft'],
    serviceTypes: ['couples', 'individual'],
    licensedStates: ['OR', 'WA'],
    acceptingNewClients: true,
    weeklyCapacity: 4,
    active: true,
    ...overrides,
  };
}

const ROUTINE_WEIGHTS =
  'Routine urgency: spare capacity counts for 40 of 100 points, modality for 60';

describe('clinician profiles', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: SignedIn;
  let coordinator: SignedIn;

  const create = (body: Record<string, unknown>, as: SignedIn = admin) =>
    t.http.post('/v1/admin/clinicians').set(as.auth).send(body);
  const created = async (overrides: Record<string, unknown> = {}) =>
    (await create(aClinician(overrides)).expect(201)).body as { id: string; name: string };
  const patch = (id: string, body: Record<string, unknown>, as: SignedIn = admin) =>
    t.http.patch(`/v1/admin/clinicians/${id}`).set(as.auth).send(body);
  const aLead = async (overrides: Record<string, unknown> = {}) => {
    const { body } = await t.http.post('/v1/inquiries').send(anInquiry(overrides)).expect(201);
    const [lead] = (await t.db.query(`SELECT lead_id AS id FROM inquiry WHERE id = $1`, [
      body.id,
    ])) as { id: string }[];
    return lead!.id;
  };
  const assign = (leadId: string, clinicianId: string, status = 'new') =>
    t.db.query(`UPDATE lead SET assigned_clinician_id = $2, status = $3 WHERE id = $1`, [
      leadId,
      clinicianId,
      status,
    ]);

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ smtpUrl: sink.url });
    admin = await aSignedInStaffMember(t, 'admin');
    coordinator = await aSignedInStaffMember(t, 'coordinator');
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  describe('profiles', () => {
    it('an admin adds a profile and reads it back, with no open leads yet', async () => {
      const body = aClinician({ modalities: ['gottman', 'eft'] });
      const response = await create(body).expect(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        userId: null,
        ...body,
        openLeads: 0,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const read = await t.http
        .get(`/v1/admin/clinicians/${response.body.id}`)
        .set(coordinator.auth)
        .expect(200);
      expect(read.body).toEqual(response.body);
    });

    it('a coordinator adds and changes profiles; a clinician may add none', async () => {
      const { id } = await created();
      await create(aClinician(), coordinator).expect(201);
      await patch(id, { weeklyCapacity: 6 }, coordinator).expect(200);
      const clinician = await aSignedInStaffMember(t, 'clinician');
      await create(aClinician(), clinician).expect(403);
      await t.http.post('/v1/admin/clinicians').send(aClinician()).expect(401);
    });

    it('a new profile needs every field but userId and active: 422 names each one missing', async () => {
      const response = await create({ name: 'Dana Whitfield' }).expect(422);
      expect(response.body.errors).toEqual([
        { field: 'email', code: 'required', message: 'is required' },
        { field: 'modalities', code: 'required', message: 'is required' },
        { field: 'serviceTypes', code: 'required', message: 'is required' },
        { field: 'licensedStates', code: 'required', message: 'is required' },
        { field: 'acceptingNewClients', code: 'required', message: 'is required' },
        { field: 'weeklyCapacity', code: 'required', message: 'is required' },
      ]);
    });

    it('a new profile without `active` is active', async () => {
      const withoutActive = aClinician();
      delete withoutActive.active;
      const response = await create(withoutActive).expect(201);
      expect(response.body.active).toBe(true);
    });

    it('bad values answer 422 naming each field, without echoing them', async () => {
      const response = await create(
        aClinician({
          email: 'not-an-address',
          modalities: ['Gottman', 'eft'],
          serviceTypes: ['massage'],
          licensedStates: ['OR', 'XX'],
          acceptingNewClients: 'yes',
          weeklyCapacity: 101,
          active: null,
          phone: '+15035550100',
        }),
      ).expect(422);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'email', code: 'invalid_email', message: 'must be an email address' },
          {
            field: 'modalities',
            code: 'invalid_format',
            message: 'must be lower-case words, e.g. gottman, eft, ifs, cbt',
          },
          {
            field: 'serviceTypes',
            code: 'not_an_option',
            message: 'must each be one of individual, couples, family, other',
          },
          {
            field: 'licensedStates',
            code: 'not_an_option',
            message: 'must each be a US state or territory code',
          },
          { field: 'acceptingNewClients', code: 'invalid_type', message: 'must be true or false' },
          { field: 'weeklyCapacity', code: 'out_of_range', message: 'must be at most 100' },
          { field: 'active', code: 'required', message: 'must be true or false' },
          { field: 'phone', code: 'unknown_field', message: 'is not allowed' },
        ]),
      );
      expect(response.body.errors).toHaveLength(8);
      expect(JSON.stringify(response.body)).not.toContain('Gottman');
    });

    it('lists at most 20 modalities, none twice', async () => {
      const many = Array.from({ length: 21 }, (_, i) => `method-${i}`);
      const tooMany = await create(aClinician({ modalities: many })).expect(422);
      expect(tooMany.body.errors).toEqual([
        { field: 'modalities', code: 'too_long', message: 'must list at most 20 modalities' },
      ]);
      const twice = await create(aClinician({ modalities: ['eft', 'eft'] })).expect(422);
      expect(twice.body.errors).toEqual([
        { field: 'modalities', code: 'invalid_format', message: 'must not list a modality twice' },
      ]);
      await create(aClinician({ modalities: many.slice(0, 20) })).expect(201);
    });

    it('userId links a clinician account, only one that is a clinician and not linked yet', async () => {
      const account = await aStaffMember(t.db, 'coordinator');
      const wrongRole = await create(aClinician({ userId: account.id })).expect(422);
      expect(wrongRole.body.errors).toEqual([
        {
          field: 'userId',
          code: 'invalid_format',
          message: 'must be the id of a staff account with role clinician',
        },
      ]);
      const nobody = await create(aClinician({ userId: randomUUID() })).expect(422);
      expect(nobody.body.errors[0].field).toBe('userId');

      // aStaffMember gives a clinician account a profile already: unlink it, then link anew.
      const clinician = await aStaffMember(t.db, 'clinician');
      const taken = await create(aClinician({ userId: clinician.id })).expect(422);
      expect(taken.body.errors).toEqual([
        {
          field: 'userId',
          code: 'invalid_format',
          message: 'is already linked to another clinician profile',
        },
      ]);
      await patch(clinician.clinicianId!, { userId: null }).expect(200);
      const linked = await create(aClinician({ userId: clinician.id })).expect(201);
      expect(linked.body.userId).toBe(clinician.id);
    });

    it('only an admin links a profile to an account: a coordinator naming userId gets 403, on create and change', async () => {
      const account = await aStaffMember(t.db, 'clinician');
      await patch(account.clinicianId!, { userId: null }).expect(200);
      const refused = await create(aClinician({ userId: account.id }), coordinator).expect(403);
      expect(refused.body.type).toBe('/problems/forbidden');
      const profile = (await create(aClinician(), coordinator).expect(201)).body as { id: string };
      await patch(profile.id, { userId: account.id }, coordinator).expect(403);
      await patch(profile.id, { userId: null }, coordinator).expect(403);
      // Every other field stays the coordinator's to change.
      await patch(profile.id, { weeklyCapacity: 3 }, coordinator).expect(200);
      const linked = await patch(profile.id, { userId: account.id }).expect(200);
      expect(linked.body.userId).toBe(account.id);
    });

    it('the list filters by active, accepting new clients, service type and licensed state', async () => {
      const tag = randomUUID().slice(0, 8);
      const family = await created({ name: `${tag} family`, serviceTypes: ['family'] });
      const paused = await created({ name: `${tag} paused`, acceptingNewClients: false });
      const gone = await created({ name: `${tag} gone`, active: false });
      const texan = await created({ name: `${tag} texan`, licensedStates: ['TX'] });
      const mine = [family.id, paused.id, gone.id, texan.id];
      const listed = async (query: string) => {
        const { body } = await t.http
          .get(`/v1/admin/clinicians${query}`)
          .set(coordinator.auth)
          .expect(200);
        return (body.items as { id: string }[])
          .map((item) => item.id)
          .filter((id) => mine.includes(id));
      };
      expect(await listed('')).toEqual([family.id, gone.id, paused.id, texan.id]);
      expect(await listed('?active=false')).toEqual([gone.id]);
      expect(await listed('?active=true&acceptingNewClients=false')).toEqual([paused.id]);
      expect(await listed('?serviceType=family')).toEqual([family.id]);
      expect(await listed('?state=TX')).toEqual([texan.id]);
      expect(await listed('?state=TX&serviceType=family')).toEqual([]);
    });

    it('bad filters answer 422 naming each one', async () => {
      const response = await t.http
        .get('/v1/admin/clinicians?active=yes&serviceType=massage&state=XX&page=2')
        .set(admin.auth)
        .expect(422);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'active', code: 'invalid_type', message: 'must be true or false' },
          {
            field: 'serviceType',
            code: 'not_an_option',
            message: 'must be one of individual, couples, family, other',
          },
          {
            field: 'state',
            code: 'not_an_option',
            message: 'must be a US state or territory code, e.g. OR',
          },
          { field: 'page', code: 'unknown_field', message: 'is not allowed' },
        ]),
      );
    });

    it('openLeads counts the assigned leads in open statuses, not closed or merged ones', async () => {
      const profile = await created();
      const open = await aLead();
      await assign(open, profile.id);
      await assign(await aLead(), profile.id, 'contacted');
      await assign(await aLead(), profile.id, 'converted');
      await assign(await aLead(), profile.id, 'spam');
      const merged = await aLead();
      await assign(merged, profile.id);
      await t.db.query(`UPDATE lead SET merged_into_lead_id = $2 WHERE id = $1`, [merged, open]);
      const { body } = await t.http
        .get(`/v1/admin/clinicians/${profile.id}`)
        .set(admin.auth)
        .expect(200);
      expect(body.openLeads).toBe(2);
      const list = await t.http.get('/v1/admin/clinicians').set(admin.auth).expect(200);
      expect(list.body.items.find((item: { id: string }) => item.id === profile.id).openLeads).toBe(
        2,
      );
    });

    it('a clinician changes their own availability, capacity and modalities', async () => {
      const clinician = await aSignedInStaffMember(t, 'clinician');
      const response = await patch(
        clinician.clinicianId!,
        { acceptingNewClients: false, weeklyCapacity: 2, modalities: ['ifs', 'eft'] },
        clinician,
      ).expect(200);
      expect(response.body).toMatchObject({
        id: clinician.clinicianId,
        userId: clinician.id,
        acceptingNewClients: false,
        weeklyCapacity: 2,
        modalities: ['ifs', 'eft'],
      });
    });

    it('a clinician may change nothing else of their profile, and no other profile: 403', async () => {
      const clinician = await aSignedInStaffMember(t, 'clinician');
      await patch(clinician.clinicianId!, { licensedStates: ['CA'] }, clinician).expect(403);
      await patch(clinician.clinicianId!, { weeklyCapacity: 3, name: 'Me' }, clinician).expect(403);
      const other = await created();
      await patch(other.id, { acceptingNewClients: false }, clinician).expect(403);
      const { body } = await t.http
        .get(`/v1/admin/clinicians/${clinician.clinicianId}`)
        .set(clinician.auth)
        .expect(200);
      expect(body).toMatchObject({ licensedStates: ['CA', 'NY'], weeklyCapacity: 5 });
      const untouched = await t.http
        .get(`/v1/admin/clinicians/${other.id}`)
        .set(clinician.auth)
        .expect(200);
      expect(untouched.body.acceptingNewClients).toBe(true);
    });

    it('a change refuses null for a field that must have a value', async () => {
      const { id } = await created();
      const response = await patch(id, { name: null, weeklyCapacity: -1 }).expect(422);
      expect(response.body.errors).toEqual([
        { field: 'name', code: 'required', message: 'must be a string' },
        { field: 'weeklyCapacity', code: 'out_of_range', message: 'must be at least 0' },
      ]);
    });

    it('adding and changing are audited with the names of the fields, never their values', async () => {
      const profile = await created({ name: 'Harriet Quimby-Lowe' });
      await patch(profile.id, { weeklyCapacity: 9, name: 'Harriet Quimby', active: true }).expect(
        200,
      );
      const events = (await t.db.query(
        `SELECT action, actor_user_id, subject_type, details FROM audit_event
          WHERE subject_id = $1 ORDER BY id`,
        [profile.id],
      )) as { action: string; actor_user_id: string; subject_type: string; details: object }[];
      expect(events).toEqual([
        {
          action: 'clinician.created',
          actor_user_id: admin.id,
          subject_type: 'clinician',
          details: {
            fields: [
              'name',
              'email',
              'modalities',
              'serviceTypes',
              'licensedStates',
              'acceptingNewClients',
              'weeklyCapacity',
              'active',
            ],
          },
        },
        {
          action: 'clinician.updated',
          actor_user_id: admin.id,
          subject_type: 'clinician',
          details: { fields: ['name', 'weeklyCapacity'] },
        },
      ]);
      expect(JSON.stringify(events)).not.toContain('Harriet');
    });

    it('an unknown or malformed id answers 404', async () => {
      for (const id of [randomUUID(), 'not-a-uuid']) {
        await t.http.get(`/v1/admin/clinicians/${id}`).set(admin.auth).expect(404);
        await patch(id, { weeklyCapacity: 1 }).expect(404);
      }
    });
  });

  describe('GET /v1/admin/leads/:id/matches', () => {
    const matchesFor = async (leadId: string, ids: string[], as: SignedIn = coordinator) => {
      const { body } = await t.http
        .get(`/v1/admin/leads/${leadId}/matches`)
        .set(as.auth)
        .expect(200);
      return (body.items as { clinicianId: string }[]).filter((item) =>
        ids.includes(item.clinicianId),
      );
    };

    it('ranks eligible clinicians by fit with reasons; one not licensed in the client’s state is not eligible', async () => {
      const leadId = await aLead({ serviceType: 'couples', state: 'OR' });
      const eft = await created({ modalities: ['eft'], licensedStates: ['OR'] });
      const cbt = await created({ modalities: ['cbt'], licensedStates: ['OR'] });
      const washington = await created({ modalities: ['gottman'], licensedStates: ['WA'] });
      const inactive = await created({ modalities: ['eft'], active: false });
      await assign(await aLead(), cbt.id);

      const items = await matchesFor(leadId, [eft.id, cbt.id, washington.id, inactive.id]);
      expect(items).toEqual([
        {
          clinicianId: eft.id,
          name: eft.name,
          eligible: true,
          score: 88,
          reasons: [
            'Trained in EFT, suited to couples therapy',
            '0 open leads of a weekly capacity of 4',
            ROUTINE_WEIGHTS,
          ],
        },
        {
          clinicianId: cbt.id,
          name: cbt.name,
          eligible: true,
          score: 48,
          reasons: [
            'Trained in CBT, not specific to couples therapy',
            '1 open lead of a weekly capacity of 4',
            ROUTINE_WEIGHTS,
          ],
        },
        {
          clinicianId: washington.id,
          name: washington.name,
          eligible: false,
          score: 0,
          reasons: ['Not licensed in OR'],
        },
      ]);
    });

    it('a couple whose survey shows a pursue–withdraw cycle is matched towards EFT and Gottman', async () => {
      const intake = aCouplesIntake({ answers: coupleAnswers(ANXIOUS_PURSUER) });
      const { body: receipt } = await t.http.post('/v1/intakes').send(intake).expect(201);
      const partnerEmail = (intake.partner as { email: string }).email;
      const invitation = await eventually(
        async () => sink.messages.find((message) => message.to.includes(partnerEmail)),
        'the partner invitation',
      );
      const token = /partner\?token=([A-Za-z0-9_-]+)/.exec(invitation.text)![1]!;
      await t.http
        .post(`/v1/partner-invitations/${token}/responses`)
        .send({
          client: { name: 'Sam Rivera', email: 'sam.b@example.com' },
          answers: coupleAnswers(AVOIDANT_WITHDRAWER),
          consent: { contact: true, privacyNoticeVersion: '2026-01' },
        })
        .expect(201);
      const [{ lead_id: leadId }] = (await t.db.query(`SELECT lead_id FROM intake WHERE id = $1`, [
        receipt.id,
      ])) as { lead_id: string }[];

      const cbt = await created({ modalities: ['cbt', 'ifs'], licensedStates: ['OR'] });
      const gottman = await created({ modalities: ['gottman'], licensedStates: ['OR'] });
      const items = await matchesFor(leadId!, [cbt.id, gottman.id], admin);
      expect(items.map((item) => item.clinicianId)).toEqual([gottman.id, cbt.id]);
      expect(items[0]).toMatchObject({
        eligible: true,
        score: 100,
        reasons: [
          'Trained in Gottman, suited to a pursue–withdraw cycle',
          '0 open leads of a weekly capacity of 4',
          ROUTINE_WEIGHTS,
        ],
      });
      expect(items[1]).toMatchObject({ eligible: true, score: 58 });
      for (const item of items) {
        expect(Object.keys(item)).toEqual(['clinicianId', 'name', 'eligible', 'score', 'reasons']);
      }
    });

    it('a clinician sees matches for a lead assigned to them; any other lead answers 404', async () => {
      const clinician = await aSignedInStaffMember(t, 'clinician');
      const theirs = await aLead();
      await assign(theirs, clinician.clinicianId!);
      const foreign = await aLead();
      await t.http.get(`/v1/admin/leads/${theirs}/matches`).set(clinician.auth).expect(200);
      const refused = await t.http
        .get(`/v1/admin/leads/${foreign}/matches`)
        .set(clinician.auth)
        .expect(404);
      const unknown = await t.http
        .get(`/v1/admin/leads/${randomUUID()}/matches`)
        .set(clinician.auth)
        .expect(404);
      expect(refused.body).toEqual(unknown.body);
      await t.http.get('/v1/admin/leads/not-a-uuid/matches').set(admin.auth).expect(404);
      await t.http.get(`/v1/admin/leads/${foreign}/matches`).expect(401);
    });

    it('every look at a lead’s matches is audited, with counts only', async () => {
      const leadId = await aLead();
      await matchesFor(leadId, []);
      const events = (await t.db.query(
        `SELECT action, actor_user_id, details FROM audit_event WHERE lead_id = $1`,
        [leadId],
      )) as { action: string; actor_user_id: string; details: Record<string, unknown> }[];
      expect(events).toEqual([
        {
          action: 'lead.matches_viewed',
          actor_user_id: coordinator.id,
          details: { clinicians: expect.any(Number), eligible: expect.any(Number) },
        },
      ]);
    });
  });
});
