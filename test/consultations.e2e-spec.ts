import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { ConsultationBookings } from '../src/consultations/consultation-bookings.service.js';
import { anInquiry } from './support/builders.js';
import { aCouplesIntake, coupleAnswers } from './support/couples.js';
import { type CaughtMessage, type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { aSignedInStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

type SignedIn = Awaited<ReturnType<typeof aSignedInStaffMember>>;

const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({
  day,
  start: '08:00',
  end: '20:00',
}));

/** Hours that always offer slots soon: every day 08:00–20:00 in New York. */
function someHours(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    timeZone: 'America/New_York',
    slotMinutes: 30,
    bufferMinutes: 0,
    // Past the 24 hours of the reminder: every first slot gets one.
    minNoticeHours: 26,
    maxDaysAhead: 14,
    weekly: EVERY_DAY,
    exceptions: [],
    ...overrides,
  };
}

/** The iCalendar part of an email (`text/calendar`), parsed with ical.js. */
async function inviteOf(message: CaughtMessage) {
  const parsed = await simpleParser(message.raw);
  const part = parsed.attachments.find((attachment) => attachment.contentType === 'text/calendar');
  if (!part) throw new Error('the email has no text/calendar part');
  const contentType = part.headers.get('content-type') as { params?: Record<string, string> };
  const text = part.content.toString('utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  const organizer = event.component.getFirstProperty('organizer')!;
  return {
    contentTypeMethod: contentType.params?.method,
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    utc: event.startDate.zone?.tzid === 'UTC' && event.endDate.zone?.tzid === 'UTC',
    organizer: String(organizer.getFirstValue()),
    organizerName: organizer.getParameter('cn'),
    text,
  };
}

describe('consultations', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: SignedIn;
  let coordinator: SignedIn;
  let clinician: SignedIn;
  let otherClinician: SignedIn;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ smtpUrl: sink.url, env: { PRACTICE_NAME: 'Riverside Therapy' } });
    await t.db.query(`UPDATE practice_setting SET booking_enabled = true`);
    [admin, coordinator, clinician, otherClinician] = await Promise.all([
      aSignedInStaffMember(t, 'admin'),
      aSignedInStaffMember(t, 'coordinator'),
      aSignedInStaffMember(t, 'clinician'),
      aSignedInStaffMember(t, 'clinician'),
    ]);
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  const hoursOf = (clinicianId: string, as: SignedIn) =>
    t.http.get(`/v1/admin/clinicians/${clinicianId}/availability`).set(as.auth);
  const setHours = (clinicianId: string, body: Record<string, unknown>, as: SignedIn) =>
    t.http.put(`/v1/admin/clinicians/${clinicianId}/availability`).set(as.auth).send(body);

  describe('availability', () => {
    it('has no hours until someone sets them', async () => {
      const { body } = await hoursOf(otherClinician.clinicianId!, admin).expect(200);
      expect(body).toMatchObject({ weekly: [], exceptions: [], updatedAt: null });
    });

    it('admins and coordinators set anyone’s hours; a clinician only their own', async () => {
      await setHours(clinician.clinicianId!, someHours(), admin).expect(200);
      await setHours(clinician.clinicianId!, someHours({ slotMinutes: 20 }), coordinator).expect(
        200,
      );
      const own = await setHours(clinician.clinicianId!, someHours(), clinician).expect(200);
      expect(own.body).toMatchObject({
        clinicianId: clinician.clinicianId,
        timeZone: 'America/New_York',
        slotMinutes: 30,
        weekly: EVERY_DAY,
      });
      expect((await hoursOf(clinician.clinicianId!, clinician).expect(200)).body).toEqual(own.body);

      const refused = await setHours(otherClinician.clinicianId!, someHours(), clinician);
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      await hoursOf(otherClinician.clinicianId!, clinician).expect(403);
      await hoursOf(randomUUID(), admin).expect(404);

      const [audited] = (await t.db.query(
        `SELECT count(*)::int AS n FROM audit_event
          WHERE action = 'clinician.availability_changed' AND subject_id = $1`,
        [clinician.clinicianId],
      )) as { n: number }[];
      expect(audited!.n).toBe(3);
    });

    it('names every wrong field with 422', async () => {
      const { body } = await setHours(
        clinician.clinicianId!,
        someHours({
          timeZone: 'Mars/Olympus',
          slotMinutes: 5,
          weekly: [{ day: 'mon', start: '12:00', end: '09:00' }],
          exceptions: [{ date: 'soon', available: false }],
        }),
        admin,
      ).expect(422);
      expect(body.errors.map((error: { field: string }) => error.field).sort()).toEqual(
        ['exceptions.0.date', 'slotMinutes'].sort(),
      );
      const semantic = await setHours(
        clinician.clinicianId!,
        someHours({
          timeZone: 'Mars/Olympus',
          weekly: [{ day: 'mon', start: '12:00', end: '09:00' }],
        }),
        admin,
      ).expect(422);
      expect(semantic.body.errors).toEqual([
        {
          field: 'timeZone',
          code: 'invalid_format',
          message: 'must be an IANA time zone, e.g. America/Chicago',
        },
        { field: 'weekly.0.end', code: 'invalid_format', message: 'must be after start' },
      ]);
    });
  });

  /** The mails to `address` so far. */
  const mailTo = (address: string) => sink.messages.filter((m) => m.to.includes(address));
  const tokenIn = (message: CaughtMessage) =>
    /\/book\?token=([A-Za-z0-9_-]+)/.exec(message.text)?.[1] ?? null;

  /** A reach-out from New York; its booking token from the acknowledgement. */
  const aBookableLead = async (overrides: Record<string, unknown> = {}) => {
    const inquiry = anInquiry({ state: 'NY', serviceType: 'individual', ...overrides });
    const { body } = await t.http.post('/v1/inquiries').send(inquiry).expect(201);
    const [{ lead_id: leadId }] = (await t.db.query(`SELECT lead_id FROM inquiry WHERE id = $1`, [
      body.id,
    ])) as { lead_id: string }[];
    const email = inquiry.email as string;
    const acknowledgement = await eventually(
      async () =>
        mailTo(email).find((m) =>
          /^(We received your message|Hemos recibido su mensaje)/.test(m.subject),
        ),
      'the acknowledgement',
    );
    return { leadId, email, acknowledgement, token: tokenIn(acknowledgement) };
  };
  /** A booking link made for a lead the acknowledgement gave none (staff could too). */
  const linkFor = async (leadId: string) => {
    const href = await t.app.get(ConsultationBookings).linkOf(t.db.manager, leadId);
    return new URL(href).searchParams.get('token')!;
  };
  const setStatus = (leadId: string, status: string) =>
    t.db.query(`UPDATE lead SET status = $2 WHERE id = $1`, [leadId, status]);

  describe('online booking', () => {
    let bookingClinician: SignedIn;
    let oregonOnly: string;
    beforeAll(async () => {
      bookingClinician = await aSignedInStaffMember(t, 'clinician');
      await setHours(bookingClinician.clinicianId!, someHours(), admin).expect(200);
      // Hours, but licensed only in Oregon: never offered to a New York client.
      const { body } = await t.http
        .post('/v1/admin/clinicians')
        .set(admin.auth)
        .send({
          name: 'Oregon Only',
          email: 'oregon.only@practice.example',
          modalities: ['cbt'],
          serviceTypes: ['individual', 'couples'],
          licensedStates: ['OR'],
          acceptingNewClients: true,
          weeklyCapacity: 4,
          active: true,
        })
        .expect(201);
      oregonOnly = body.id;
      await setHours(oregonOnly, someHours(), admin).expect(200);
    });

    it('a client books from the acknowledgement’s link; the lead moves, both get an invite', async () => {
      const { leadId, token, email } = await aBookableLead();
      expect(token).not.toBeNull();
      await setStatus(leadId, 'contacted');

      const offered = await t.http.get(`/v1/bookings/${token}`).expect(200);
      expect(offered.body).toMatchObject({ bookable: true, serviceType: 'individual' });
      const clinicianIds = new Set(
        offered.body.slots.map((slot: { clinician: { id: string } }) => slot.clinician.id),
      );
      expect(clinicianIds.has(bookingClinician.clinicianId!)).toBe(true);
      expect(clinicianIds.has(oregonOnly)).toBe(false);
      const slot = offered.body.slots.find(
        (one: { clinician: { id: string } }) => one.clinician.id === bookingClinician.clinicianId,
      );

      const booked = await t.http
        .post(`/v1/bookings/${token}`)
        .send({ startsAt: slot.startsAt, clinicianId: slot.clinician.id })
        .expect(201);
      expect(booked.body).toEqual({
        consultation: {
          id: expect.any(String),
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          clinicianName: slot.clinician.name,
        },
      });
      const consultationId = booked.body.consultation.id as string;

      const [lead] = await t.db.query(`SELECT status FROM lead WHERE id = $1`, [leadId]);
      expect(lead.status).toBe('consultation_scheduled');
      const events = (await t.db.query(
        `SELECT kind, details FROM lead_event WHERE lead_id = $1 ORDER BY id`,
        [leadId],
      )) as { kind: string; details: Record<string, unknown> }[];
      expect(events).toEqual([
        { kind: 'status_changed', details: { from: 'contacted', to: 'consultation_scheduled' } },
        {
          kind: 'consultation_booked',
          details: {
            consultationId,
            clinicianId: slot.clinician.id,
            startsAt: slot.startsAt,
            via: 'client',
          },
        },
      ]);

      // The reminder waits in the queue until 24 hours before.
      const [reminder] = (await t.db.query(
        `SELECT start_after FROM pgboss.job
          WHERE name = 'consultation.reminder' AND data->>'consultationId' = $1`,
        [consultationId],
      )) as { start_after: Date }[];
      expect(reminder!.start_after.toISOString()).toBe(
        new Date(Date.parse(slot.startsAt) - 24 * 3_600_000).toISOString(),
      );

      // The link now shows the booking.
      const managing = await t.http.get(`/v1/bookings/${token}`).expect(200);
      expect(managing.body).toEqual({
        bookable: true,
        serviceType: 'individual',
        slots: [],
        consultation: booked.body.consultation,
      });

      const confirmation = await eventually(
        async () => mailTo(email).find((m) => m.subject.includes('is booked')),
        'the client’s confirmation',
      );
      const clinicianMail = await eventually(
        async () =>
          mailTo(bookingClinician.email).find((m) => m.subject.startsWith('Consultation booked')),
        'the clinician’s confirmation',
      );
      const invite = await inviteOf(confirmation);
      expect(invite).toMatchObject({
        contentTypeMethod: 'REQUEST',
        method: 'REQUEST',
        sequence: 0,
        start: new Date(slot.startsAt).toISOString(),
        end: new Date(slot.endsAt).toISOString(),
        utc: true,
        organizerName: 'Riverside Therapy',
      });
      expect(invite.organizer).toMatch(/^mailto:/i);
      expect(invite.uid).toContain(consultationId);
      // Nothing of what the client wrote, nothing clinical.
      expect(invite.text).not.toContain('chores');
      expect(confirmation.text).not.toContain('chores');
      const clinicianInvite = await inviteOf(clinicianMail);
      expect(clinicianInvite.uid).toBe(invite.uid);

      // Cancelled by the client: a CANCEL for the same UID with a higher SEQUENCE.
      await t.http.delete(`/v1/bookings/${token}`).expect(204);
      const cancellation = await eventually(
        async () => mailTo(email).find((m) => m.subject.includes('is cancelled')),
        'the client’s cancellation',
      );
      const cancel = await inviteOf(cancellation);
      expect(cancel).toMatchObject({
        contentTypeMethod: 'CANCEL',
        method: 'CANCEL',
        uid: invite.uid,
        sequence: 1,
      });
      await eventually(
        async () =>
          mailTo(bookingClinician.email).find((m) =>
            m.subject.startsWith('Consultation cancelled'),
          ),
        'the clinician’s cancellation',
      );
      // The link books again.
      const again = await t.http.get(`/v1/bookings/${token}`).expect(200);
      expect(again.body.bookable).toBe(true);
      expect(again.body.consultation).toBeUndefined();
      expect(again.body.slots.length).toBeGreaterThan(0);
      await t.http.delete(`/v1/bookings/${token}`).expect(409);
    });

    it('many clients booking one slot at once: exactly one gets it', async () => {
      const racer = await aSignedInStaffMember(t, 'clinician');
      await setHours(racer.clinicianId!, someHours(), admin).expect(200);
      const leads = await Promise.all(
        Array.from({ length: 8 }, async () => {
          const { leadId } = await aBookableLead();
          return linkFor(leadId);
        }),
      );
      const { body } = await t.http.get(`/v1/bookings/${leads[0]}`).expect(200);
      const slot = body.slots.find(
        (one: { clinician: { id: string } }) => one.clinician.id === racer.clinicianId,
      );
      const answers = await Promise.all(
        leads.map((token) =>
          t.http
            .post(`/v1/bookings/${token}`)
            .send({ startsAt: slot.startsAt, clinicianId: racer.clinicianId }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([
        201, 409, 409, 409, 409, 409, 409, 409,
      ]);
      for (const refused of answers.filter((answer) => answer.status === 409)) {
        expect(refused.body.type).toBe('/problems/slot-taken');
      }
      const [{ n }] = (await t.db.query(
        `SELECT count(*)::int AS n FROM consultation WHERE clinician_id = $1 AND cancelled_at IS NULL`,
        [racer.clinicianId],
      )) as { n: number }[];
      expect(n).toBe(1);
    });

    it('staff book and cancel by hand; an overlap is refused by the database', async () => {
      const { leadId } = await aBookableLead();
      const other = await aBookableLead();
      const startsAt = new Date(Date.now() + 3 * 86_400_000);
      startsAt.setUTCHours(15, 0, 0, 0);
      const booked = await t.http
        .post(`/v1/admin/leads/${leadId}/consultations`)
        .set(coordinator.auth)
        .send({ clinicianId: bookingClinician.clinicianId, startsAt: startsAt.toISOString() })
        .expect(201);
      expect(booked.body).toMatchObject({
        leadId,
        clinician: { id: bookingClinician.clinicianId },
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 30 * 60_000).toISOString(),
        bookedVia: 'staff',
        cancelledAt: null,
      });
      // A consultation on the calendar: even a lead nobody has called yet is scheduled.
      const [lead] = await t.db.query(`SELECT status FROM lead WHERE id = $1`, [leadId]);
      expect(lead.status).toBe('consultation_scheduled');

      const overlapping = await t.http
        .post(`/v1/admin/leads/${other.leadId}/consultations`)
        .set(coordinator.auth)
        .send({
          clinicianId: bookingClinician.clinicianId,
          startsAt: new Date(startsAt.getTime() + 10 * 60_000).toISOString(),
        })
        .expect(409);
      expect(overlapping.body.type).toBe('/problems/slot-taken');

      const { body: week } = await t.http
        .get('/v1/admin/consultations')
        .query({ clinicianId: bookingClinician.clinicianId })
        .set(coordinator.auth)
        .expect(200);
      expect(week.items.map((item: { id: string }) => item.id)).toContain(booked.body.id);
      // A clinician sees only their own.
      const { body: theirs } = await t.http
        .get('/v1/admin/consultations')
        .set(otherClinician.auth)
        .expect(200);
      expect(theirs.items).toEqual([]);

      const cancelled = await t.http
        .delete(`/v1/admin/consultations/${booked.body.id}`)
        .set(coordinator.auth)
        .expect(200);
      expect(cancelled.body.cancelledAt).not.toBeNull();
      await t.http
        .delete(`/v1/admin/consultations/${booked.body.id}`)
        .set(coordinator.auth)
        .expect(409);
      const audit = (await t.db.query(
        `SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY id`,
        [booked.body.id],
      )) as { action: string }[];
      expect(audit.map((row) => row.action)).toEqual([
        'consultation.booked',
        'consultation.cancelled',
      ]);
    });

    it('couples wait for the partner; a safety concern or a crisis reads like "no slots"', async () => {
      // Nobody is licensed in Texas: "no slots", the answer every other refusal copies.
      const texas = await aBookableLead({ state: 'TX' });
      const noSlots = await t.http.get(`/v1/bookings/${texas.token}`).expect(200);
      expect(noSlots.body).toEqual({ bookable: false, reason: 'practice_will_contact' });

      const intake = aCouplesIntake();
      (intake.client as Record<string, unknown>).state = 'NY';
      const clientEmail = (intake.client as { email: string }).email;
      const partnerEmail = (intake.partner as { email: string }).email;
      const { body: receipt } = await t.http.post('/v1/intakes').send(intake).expect(201);
      const [{ lead_id: coupleLead }] = await t.db.query(
        `SELECT lead_id FROM intake WHERE id = $1`,
        [receipt.id],
      );
      const acknowledgement = await eventually(
        async () => mailTo(clientEmail).find((m) => m.subject.startsWith('We received')),
        'partner A’s acknowledgement',
      );
      const token = tokenIn(acknowledgement)!;
      const waiting = await t.http.get(`/v1/bookings/${token}`).expect(200);
      expect(waiting.body).toEqual({ bookable: false, reason: 'waiting_for_partner' });

      const invitation = await eventually(
        async () => mailTo(partnerEmail).find((m) => /partner\?token=/.test(m.text)),
        'the partner invitation',
      );
      const partnerToken = /partner\?token=([A-Za-z0-9_-]+)/.exec(invitation.text)![1]!;
      await t.http
        .post(`/v1/partner-invitations/${partnerToken}/responses`)
        .send({
          client: { name: 'Sam Rivera', email: partnerEmail },
          answers: coupleAnswers({ saf_afraid: true }),
          consent: { contact: true, privacyNoticeVersion: '2026-01' },
        })
        .expect(201);
      const concern = await t.http.get(`/v1/bookings/${token}`).expect(200);
      expect(concern.text).toBe(noSlots.text);
      expect(concern.headers['content-length']).toBe(noSlots.headers['content-length']);
      // Booking anyway is refused like a taken slot.
      const slotLike = await t.http
        .post(`/v1/bookings/${token}`)
        .send({
          startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
          clinicianId: bookingClinician.clinicianId,
        })
        .expect(409);
      expect(slotLike.body.type).toBe('/problems/slot-taken');

      // Staff see why, and what to do.
      const { body: staffView } = await t.http
        .get(`/v1/admin/leads/${coupleLead}/booking`)
        .set(coordinator.auth)
        .expect(200);
      expect(staffView).toMatchObject({
        onlineBookable: false,
        reason: 'safety_concern',
        advice: 'Screen each partner individually before booking a joint consultation.',
      });

      // A crisis gets no link in its acknowledgement, and a link made for it says the same.
      const crisis = await aBookableLead({ message: 'I want to end my life.' });
      expect(crisis.token).toBeNull();
      const crisisAnswer = await t.http
        .get(`/v1/bookings/${await linkFor(crisis.leadId)}`)
        .expect(200);
      expect(crisisAnswer.text).toBe(noSlots.text);
    });

    it('stats count the leads with a live consultation and how long booking took', async () => {
      // Booked so far: two cancelled (client, staff) and the one that won the race.
      const { body } = await t.http
        .get('/v1/admin/stats')
        .query({ from: new Date(Date.now() - 3_600_000).toISOString() })
        .set(admin.auth)
        .expect(200);
      expect(body.consultationsBooked).toBe(1);
      expect(body.medianHoursToBookedConsultation).toBeGreaterThanOrEqual(0);
      expect(body.medianHoursToBookedConsultation).toBeLessThan(1);
    });

    it('the reminder job reminds both of a live consultation, nobody of a cancelled one', async () => {
      const rows = (await t.db.query(
        `SELECT id, cancelled_at FROM consultation ORDER BY created_at`,
      )) as { id: string; cancelled_at: Date | null }[];
      const live = rows.find((row) => row.cancelled_at === null)!;
      const cancelled = rows.find((row) => row.cancelled_at !== null)!;
      const bookings = t.app.get(ConsultationBookings);
      await bookings.remind(live.id);
      await bookings.remind(cancelled.id);
      const reminders = (await t.db.query(
        `SELECT context->>'consultationId' AS consultation, context->>'to' AS recipient
           FROM notification WHERE kind = 'consultation_reminder' ORDER BY 2`,
      )) as { consultation: string; recipient: string }[];
      expect(reminders).toEqual([
        { consultation: live.id, recipient: 'client' },
        { consultation: live.id, recipient: 'clinician' },
      ]);
      // A job delivered twice plans nothing more.
      await bookings.remind(live.id);
      const [{ n }] = (await t.db.query(
        `SELECT count(*)::int AS n FROM notification WHERE kind = 'consultation_reminder'`,
      )) as { n: number }[];
      expect(n).toBe(2);
    });

    it('an unknown token is 404', async () => {
      await t.http.get(`/v1/bookings/${'x'.repeat(43)}`).expect(404);
    });

    it('a Spanish client’s confirmation, invitation and reminder are Spanish; the clinician’s stay English', async () => {
      const { leadId, token, email, acknowledgement } = await aBookableLead({ lang: 'es' });
      expect(acknowledgement.text).toContain(`/book?token=${token}&lang=es`);
      await setStatus(leadId, 'contacted');
      const { body: offered } = await t.http.get(`/v1/bookings/${token}`).expect(200);
      const slot = offered.slots.find(
        (one: { clinician: { id: string } }) => one.clinician.id === bookingClinician.clinicianId,
      );
      const booked = await t.http
        .post(`/v1/bookings/${token}`)
        .send({ startsAt: slot.startsAt, clinicianId: slot.clinician.id })
        .expect(201);
      const consultationId = booked.body.consultation.id as string;
      const [{ reference }] = (await t.db.query(
        `SELECT reference FROM submission_reference WHERE lead_id = $1`,
        [leadId],
      )) as { reference: string }[];

      const confirmation = await eventually(
        async () =>
          mailTo(email).find((m) => m.subject === 'Riverside Therapy: su consulta está reservada'),
        'the Spanish confirmation',
      );
      expect(confirmation.text).toContain(
        `Hola:\n\nSu primera conversación con ${slot.clinician.name}, de Riverside Therapy, quedó reservada para el `,
      );
      expect(confirmation.text).toMatch(
        /reservada para el (lunes|martes|miércoles|jueves|viernes|sábado|domingo) \d{1,2} de [a-z]+ de \d{4} a las? \d{1,2}:\d\d [ap]\. m\. \(hora (estándar|de verano) oriental; \d\d:\d\d UTC\)\./,
      );
      expect(confirmation.text).toContain(`Ver o cambiar su cita: `);
      expect(confirmation.text).toContain(`/book?token=${token}&lang=es`);
      expect(confirmation.text).not.toMatch(/\b(Hello|your|booked|AM|PM)\b/);
      const invite = await inviteOf(confirmation);
      expect(invite.text).toMatch(/^PRODID:.*\/\/ES\r?$/m);
      expect(invite.text).toContain('SUMMARY:Consulta con Riverside Therapy');
      expect(invite.text).toContain('DESCRIPTION:Primera conversación con');

      const clinicianMail = await eventually(
        async () =>
          mailTo(bookingClinician.email).find(
            (m) => m.subject.startsWith('Consultation booked') && m.subject.includes(reference),
          ),
        'the clinician’s English confirmation',
      );
      expect(clinicianMail.text).toContain('A consultation with you is booked for');
      const clinicianInvite = await inviteOf(clinicianMail);
      expect(clinicianInvite.text).toMatch(/^PRODID:.*\/\/EN\r?$/m);
      expect(clinicianInvite.text).toContain('SUMMARY:Consultation with a new client');

      await t.app.get(ConsultationBookings).remind(consultationId);
      const reminder = await eventually(
        async () =>
          mailTo(email).find((m) => m.subject === 'Riverside Therapy: su consulta es mañana'),
        'the Spanish reminder',
      );
      expect(reminder.text).toContain('Le recordamos que su primera conversación con');
    });
  });
});
