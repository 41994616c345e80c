import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aCouplesIntake, coupleAnswers } from './support/couples.js';
import { anIndividualIntake, anInquiry } from './support/builders.js';
import { leadIdOf } from './support/leads.js';
import { partnerLinkOf } from './support/lead-rows.js';
import { jobsFinished } from './support/queue-rows.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { aSignedInStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Auth = { Authorization: string };

/** Spanish on every public surface: forms, submissions, client emails and 422 messages. */
describe('languages (en, es)', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let coordinator: { auth: Auth };

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ smtpUrl: sink.url, env: { PRACTICE_NAME: 'Sauce Counseling' } });
    coordinator = await aSignedInStaffMember(t, 'coordinator');
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  const languageOf = async (submissionId: string) => {
    const [lead] = (await t.db.query(`SELECT language FROM lead WHERE id = $1`, [
      await leadIdOf(t, submissionId),
    ])) as { language: string }[];
    return lead!.language;
  };
  const mailTo = (address: string) => sink.messages.find((message) => message.to.includes(address));

  it('a form in Spanish has the same ids, options and rules, and says its language', async () => {
    const english = (await t.http.get('/v1/intake-forms/couples').expect(200)).body;
    const spanish = (await t.http.get('/v1/intake-forms/couples?lang=es').expect(200)).body;
    const byAccept = (
      await t.http
        .get('/v1/intake-forms/couples')
        .set('Accept-Language', 'es-MX,es;q=0.9')
        .expect(200)
    ).body;
    const shape = (form: typeof english) =>
      form.sections.map((section: { id: string; questions: Record<string, unknown>[] }) => ({
        id: section.id,
        questions: section.questions.map((question) => ({
          id: question.id,
          type: question.type,
          required: question.required,
          min: question.min,
          max: question.max,
          private: question.private,
          options: (question.options as { value: string }[] | undefined)?.map((o) => o.value),
        })),
      }));
    expect(shape(spanish)).toEqual(shape(english));
    expect(english).toMatchObject({ lang: 'en', languages: ['en', 'es'], title: 'Couples intake' });
    expect(spanish).toMatchObject({ lang: 'es', languages: ['en', 'es'] });
    expect(spanish.sections[0].questions[0].label).toBe('¿Cuánto tiempo llevan juntos?');
    expect(byAccept.lang).toBe('es');
    const versioned = await t.http
      .get('/v1/intake-forms/individual/versions/1?lang=es')
      .expect(200);
    expect(versioned.body.title).toBe('Cuestionario de admisión individual');
    const unknown = await t.http.get('/v1/intake-forms/couples?lang=fr').expect(422);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ field: 'lang', code: 'not_an_option' }),
    ]);
  });

  it('a reach-out in Spanish is kept on the lead and acknowledged in Spanish, with 988 in Spanish', async () => {
    const inquiry = anInquiry({ lang: 'es', message: 'A veces pienso en overdose' });
    const { body } = await t.http.post('/v1/inquiries').send(inquiry).expect(201);
    expect(body.resources).toEqual([
      {
        name: '988 Línea de Prevención del Suicidio y Crisis',
        contact: 'Llame o envíe un mensaje de texto al 988 (marque 2 para español)',
      },
      { name: 'Servicios de emergencia', contact: 'Llame al 911' },
    ]);
    expect(await languageOf(body.id)).toBe('es');
    await jobsFinished(t.db);
    const acknowledgement = mailTo(inquiry.email as string)!;
    expect(acknowledgement.subject).toBe(`Hemos recibido su mensaje (${body.reference})`);
    expect(acknowledgement.text).toContain('Gracias por comunicarse con nosotros.');
    expect(acknowledgement.text).toContain('marque 2 para español');
  });

  it('without lang, the language comes from Accept-Language, else English', async () => {
    const spanish = await t.http
      .post('/v1/intakes')
      .set('Accept-Language', 'es-US, en;q=0.5')
      .send(anIndividualIntake())
      .expect(201);
    expect(await languageOf(spanish.body.id)).toBe('es');
    const english = await t.http.post('/v1/intakes').send(anIndividualIntake()).expect(201);
    expect(await languageOf(english.body.id)).toBe('en');
    const french = await t.http
      .post('/v1/inquiries')
      .set('Accept-Language', 'fr-FR')
      .send(anInquiry())
      .expect(201);
    expect(await languageOf(french.body.id)).toBe('en');
  });

  it('the partner is invited in the inviter’s language; the link opens in it and may switch', async () => {
    const intake = aCouplesIntake({ lang: 'es' });
    const { body } = await t.http.post('/v1/intakes').send(intake).expect(201);
    await jobsFinished(t.db);
    const partnerEmail = (intake.partner as { email: string }).email;
    const invitation = mailTo(partnerEmail)!;
    expect(invitation.subject).toBe(
      'Sauce Counseling: le invitamos a completar un cuestionario de admisión',
    );
    expect(invitation.text).toContain('Alex se ha comunicado con Sauce Counseling');
    expect(invitation.text).toMatch(/\/partner\?token=[^\s&]+&lang=es/);
    const link = await partnerLinkOf(t, body.id);
    expect((await t.http.get(link).expect(200)).body.form.lang).toBe('es');
    expect((await t.http.get(`${link}?lang=en`).expect(200)).body.form.lang).toBe('en');
    const answered = await t.http
      .post(`${link}/responses`)
      .send({
        client: { name: 'Sam Rivera', email: 'sam.rivera.es@example.com' },
        answers: coupleAnswers({ crisis_now: true }),
        consent: { contact: true, privacyNoticeVersion: '2026-01' },
        lang: 'es',
      })
      .expect(201);
    expect(answered.body.resources[1]).toEqual({
      name: 'Servicios de emergencia',
      contact: 'Llame al 911',
    });
  });

  it('every 422 item has a stable code; with Accept-Language: es the message is Spanish', async () => {
    const bad = {
      ...anInquiry({ email: 'not-an-email', phone: '555', serviceType: 'astrology' }),
      consent: { contact: false, privacyNoticeVersion: '2026-01' },
      name: '',
      surprise: 1,
    };
    const english = await t.http.post('/v1/inquiries').send(bad).expect(422);
    const codes = Object.fromEntries(
      (english.body.errors as { field: string; code: string }[]).map((e) => [e.field, e.code]),
    );
    expect(codes).toEqual({
      surprise: 'unknown_field',
      name: 'too_short',
      email: 'invalid_email',
      phone: 'invalid_phone',
      serviceType: 'not_an_option',
      'consent.contact': 'must_be_true',
    });
    expect(english.body.errors.find((e: { field: string }) => e.field === 'email').message).toBe(
      'must be an email address',
    );
    const spanish = await t.http
      .post('/v1/inquiries')
      .set('Accept-Language', 'es')
      .send(bad)
      .expect(422);
    expect(spanish.body.detail).toBe('Hay 6 campos que revisar');
    expect(spanish.body.errors).toContainEqual({
      field: 'consent.contact',
      code: 'must_be_true',
      message: 'Por favor, marque esta casilla para continuar.',
    });

    const answers = await t.http
      .post('/v1/intakes')
      .set('Accept-Language', 'es')
      .send(
        anIndividualIntake({ answers: { ind_concerns: ['astrology'], ind_prior_therapy: 'yes' } }),
      )
      .expect(422);
    expect(answers.body.errors).toEqual(
      expect.arrayContaining([
        {
          field: 'answers.ind_concerns',
          code: 'not_an_option',
          message: 'Por favor, elija una de las opciones.',
        },
        expect.objectContaining({ field: 'answers.ind_prior_therapy', code: 'invalid_type' }),
        {
          field: 'answers.crisis_now',
          code: 'required',
          message: 'Por favor, complete este campo.',
        },
      ]),
    );
  });

  it('staff see the language on the lead, filter language=es and export it', async () => {
    const { body } = await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ lang: 'es', name: 'Lucía Ortega' }))
      .expect(201);
    const leadId = await leadIdOf(t, body.id);
    const list = await t.http
      .get('/v1/admin/leads')
      .query({ language: 'es', limit: 100 })
      .set(coordinator.auth)
      .expect(200);
    const items = list.body.items as { id: string; language: string }[];
    expect(items.map((item) => item.id)).toContain(leadId);
    expect(items.every((item) => item.language === 'es')).toBe(true);
    const detail = await t.http.get(`/v1/admin/leads/${leadId}`).set(coordinator.auth).expect(200);
    expect(detail.body.language).toBe('es');
    const csv = await t.http
      .get('/v1/admin/leads.csv')
      .query({ language: 'es' })
      .set(coordinator.auth)
      .expect(200);
    const [header, ...rows] = csv.text.trim().split(/\r?\n/);
    const column = header!.split(',').indexOf('language');
    expect(column).toBeGreaterThan(-1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.split(',')[column] === 'es')).toBe(true);
  });
});
