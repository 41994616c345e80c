import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { FormDefinition } from '../../src/intake/form-definition.js';
import {
  browserForThisFile,
  listenOnLoopback,
  PHONE,
  saveScreenshots,
  seriousAxeViolations,
  startHostSite,
} from '../support/browser.js';
import { anInquiry } from '../support/builders.js';
import { aCouplesIntake } from '../support/couples.js';
import { leadIdOf } from '../support/leads.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { aSignedInStaffMember } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { eventually } from '../support/wait.js';

/** Fixed English strings of the reach-out page that Spanish replaces; none may be left. */
const ENGLISH_ON_REACH_OUT = [
  'Reach out',
  'Tell us a little',
  'Your name',
  'Your email',
  'Your phone number',
  'For example',
  'How should we contact you?',
  'What are you looking for?',
  'Individual therapy',
  'Couples therapy',
  'Text message',
  'The state you live in',
  'Choose a state',
  'New York',
  'What would you like us to know?',
  'How did you hear about us?',
  'I agree that the practice',
  '(optional)',
  'Leave this site',
  'Need to leave quickly?',
  'In crisis?',
  'in an emergency',
  'encrypted connection',
  'Send',
];

/** English every Spanish page replaced; a page of a client's email link must show none. */
const ENGLISH_ON_EVERY_PAGE = ['Leave this site', 'Need to leave quickly?', 'In crisis?', 'Please'];

/** A practice's website on another origin, the form in Spanish by its `lang` attribute. */
const hostPage = (api: string) => `<!doctype html>
<html lang="es">
<head>
  <meta charset="utf-8">
  <title>Consultorio Riverside</title>
  <script src="${api}/embed/reach-out.js" defer></script>
</head>
<body>
  <main>
    <h1>Contáctenos</h1>
    <relational-intake-reach-out api="${api}" lang="es"></relational-intake-reach-out>
  </main>
</body>
</html>`;

describe('the public pages and the embed in Spanish', () => {
  const browser = browserForThisFile();
  let sink: SmtpSink;
  let host: Awaited<ReturnType<typeof startHostSite>>;
  let t: TestApp;
  let site: string;
  let couplesEs: FormDefinition;
  let couplesEn: FormDefinition;

  beforeAll(async () => {
    sink = await startSmtpSink();
    host = await startHostSite();
    t = await startTestApp({
      smtpUrl: sink.url,
      env: { CORS_ORIGINS: host.origin, SPAM_MIN_SECONDS: '0' },
    });
    site = await listenOnLoopback(t);
    host.setPage(hostPage(site));
    couplesEs = (await t.http.get('/v1/intake-forms/couples?lang=es').expect(200)).body;
    couplesEn = (await t.http.get('/v1/intake-forms/couples?lang=en').expect(200)).body;
  });
  afterAll(async () => {
    await t?.close();
    await host?.stop();
    await sink?.stop();
  });

  const openReachOut = async (query: string) => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${site}/reach-out${query}`);
    await page.locator('main#main h1').waitFor();
    return page;
  };

  const fillInSpanish = async (page: Page, email: string) => {
    await page.getByLabel('Su nombre').fill('Lucía Fernández');
    await page.getByLabel('Su correo electrónico').fill(email);
    await page.getByRole('radio', { name: 'Terapia de pareja' }).check();
    await page.getByLabel('El estado donde vive').selectOption('NY');
    await page.getByLabel('¿Qué le gustaría contarnos?').fill('Discutimos mucho por el dinero.');
    await page.getByLabel(/Acepto que el consultorio se comunique conmigo/).check();
  };

  it('/reach-out?lang=es reads in Spanish, with no English fixed string left', async () => {
    const page = await openReachOut('?lang=es');
    await expect(page.locator('main#main h1').textContent()).resolves.toBe(
      'Comuníquese con nosotros',
    );
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.locator('aside.crisis-line').textContent()).resolves.toContain(
      '988 (marque 2 para español)',
    );
    await expect(
      page.getByRole('button', { name: 'Salir de este sitio' }).isVisible(),
    ).resolves.toBe(true);
    const switchLinks = page.getByRole('navigation', { name: 'Idioma' }).getByRole('link');
    await expect(switchLinks.allTextContents()).resolves.toEqual(['English', 'Español']);
    await expect(switchLinks.first().getAttribute('lang')).resolves.toBe('en');
    await expect(switchLinks.last().getAttribute('aria-current')).resolves.toBe('true');

    // Everything a person can read, options of the state list included.
    const text = [
      await page.locator('body').innerText(),
      ...(await page.locator('option').allTextContents()),
    ].join('\n');
    // The switch names English in English, on purpose.
    const readable = text.replace(/^English$/m, '');
    expect(ENGLISH_ON_REACH_OUT.filter((english) => readable.includes(english))).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshots(page, 'reach-out-es');
  });

  it('shows Spanish errors, then sends: Spanish acknowledgement, a Spanish email, a lead in Spanish', async () => {
    const page = await openReachOut('?lang=es');
    await page.getByRole('button', { name: 'Enviar' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByRole('heading', { name: 'Por favor, revise estas respuestas' }).waitFor();
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual(
      expect.arrayContaining([
        'Su nombre: Por favor, complete este campo.',
        '¿Qué tipo de ayuda busca?: Por favor, elija una respuesta.',
        'Consentimiento para comunicarse con usted: Por favor, marque esta casilla para que el consultorio pueda comunicarse con usted.',
      ]),
    );
    expect(await seriousAxeViolations(page)).toEqual([]);

    // An address the server refuses: its code is said in Spanish beside the field.
    await fillInSpanish(page, 'lucia.fernandez@example');
    await page.getByRole('button', { name: 'Enviar' }).click();
    await expect(page.locator('#field-email-error').textContent({ timeout: 10_000 })).resolves.toBe(
      'Error: Por favor, escriba un correo electrónico, por ejemplo nombre@ejemplo.com.',
    );

    await page.getByLabel('Su correo electrónico').fill('lucia.fernandez@example.com');
    await page.getByRole('button', { name: 'Enviar' }).click();
    await page.getByRole('heading', { name: 'Gracias por comunicarse con nosotros' }).waitFor();
    const reference = await page.locator('.reference-code').textContent();
    await expect(page.locator('.reference').textContent()).resolves.toBe(
      `Su número de referencia es ${reference}. Por favor, menciónelo si llama o escribe al consultorio.`,
    );
    const intakeLink = page.getByRole('link', {
      name: 'Responda ahora el cuestionario de admisión para parejas',
    });
    await expect(intakeLink.getAttribute('href')).resolves.toContain('lang=es');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const [lead] = await t.db.query(
      `SELECT l.language FROM lead l JOIN inquiry i ON i.lead_id = l.id WHERE i.reference = $1`,
      [reference],
    );
    expect(lead).toEqual({ language: 'es' });
    const mail = await eventually(
      async () =>
        sink.messages.find((message) => message.to.includes('lucia.fernandez@example.com')),
      'the acknowledgement',
    );
    expect(mail.subject).toBe(`Hemos recibido su mensaje (${reference})`);
    expect(mail.text).toContain('Gracias por comunicarse con nosotros.');
  });

  it('/intake/couples?lang=es shows the Spanish form and Spanish errors; the switch keeps the answers', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}/intake/couples?lang=es`);
    const heading = page.locator('main#main h1');
    await page.getByRole('heading', { level: 1, name: couplesEs.title }).waitFor();
    expect(couplesEs.title).not.toBe(couplesEn.title);
    const firstQuestion = couplesEs.sections[0]!.questions[0]!;
    await expect(page.getByText(firstQuestion.label, { exact: true }).count()).resolves.toBe(1);
    await expect(
      page.getByText('Su pareja nunca ve estas respuestas. Solo las ve el consultorio.').count(),
    ).resolves.toBe(1);

    await page.getByLabel('Su nombre').fill('Lucía Fernández');
    await page.getByRole('button', { name: 'Enviar mis respuestas' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByRole('heading', { name: 'Por favor, revise estas respuestas' }).waitFor();
    await saveScreenshots(page, 'intake-couples-es-errors');
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual(
      expect.arrayContaining([
        'Su correo electrónico: Por favor, complete este campo.',
        'El nombre de su pareja: Por favor, complete este campo.',
      ]),
    );
    await expect(summary.textContent()).resolves.not.toMatch(/Please|Your /);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // English, in place: the questions load again in English, the name typed stays.
    await page
      .getByRole('navigation', { name: 'Idioma' })
      .getByRole('link', { name: 'English' })
      .click();
    await page.getByRole('heading', { level: 1, name: couplesEn.title }).waitFor();
    await expect(heading.textContent()).resolves.toBe(couplesEn.title);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await expect(page.getByLabel('Your name').inputValue()).resolves.toBe('Lucía Fernández');
    await expect(summary.getByRole('heading').textContent()).resolves.toBe(
      'Please check these answers',
    );
    await page
      .getByRole('navigation', { name: 'Language' })
      .getByRole('link', { name: 'Español' })
      .click();
    await page.getByRole('heading', { level: 1, name: couplesEs.title }).waitFor();
    await expect(page.getByLabel('Su nombre').inputValue()).resolves.toBe('Lucía Fernández');
  });

  it('the embed with lang="es" on a practice’s own site speaks Spanish and sends a Spanish lead', async () => {
    const page = await browser.newPage();
    await page.goto(host.origin);
    const form = page.locator('relational-intake-reach-out');
    await form.getByRole('heading', { name: 'Comuníquese con nosotros' }).waitFor();
    await expect(form.locator('.crisis-line').textContent()).resolves.toContain(
      'marque 2 para español',
    );
    await form.getByRole('button', { name: 'Enviar' }).click();
    await form.locator('#ri-summary').waitFor({ state: 'visible' });
    await expect(form.locator('#ri-summary h3').textContent()).resolves.toBe(
      'Por favor, revise estas respuestas',
    );
    await expect(form.locator('#ri-name-error').textContent()).resolves.toBe(
      'Por favor, complete este campo.',
    );
    expect(await seriousAxeViolations(page)).toEqual([]);

    await fillInSpanish(page, 'marta.ruiz@example.com');
    await form.getByRole('button', { name: 'Enviar' }).click();
    await form.locator('#ri-receipt').waitFor();
    await saveScreenshots(page, 'embed-es-receipt');
    await expect(form.locator('.thanks').textContent()).resolves.toMatch(/^Gracias por/);
    const reference = await form.locator('.reference-code').textContent();
    const [lead] = await t.db.query(
      `SELECT l.language FROM lead l JOIN inquiry i ON i.lead_id = l.id WHERE i.reference = $1`,
      [reference],
    );
    expect(lead).toEqual({ language: 'es' });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The framed form takes its language from ?lang=.
    const framed = await browser.newPage();
    await framed.goto(`${site}/embed/reach-out.html?lang=es`);
    await framed.getByRole('heading', { name: 'Comuníquese con nosotros' }).waitFor();
    await expect(framed.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(framed.getByLabel('Su nombre').count()).resolves.toBe(1);
  });
  /** What a person can read on the page that is still one of `english`. */
  const englishLeftOn = async (page: Page, english: readonly string[]) => {
    const text = await page.locator('body').innerText();
    return [...ENGLISH_ON_EVERY_PAGE, ...english].filter((words) => text.includes(words));
  };

  /** The path of a link an email sent to `to` holds, found by `pattern`. */
  const linkMailedTo = async (to: string, pattern: RegExp) => {
    const mail = await eventually(
      async () =>
        sink.messages.find((message) => message.to.includes(to) && pattern.test(message.text)),
      `the email to ${to}`,
    );
    return pattern.exec(mail.text)![0];
  };

  it('a browser set to Spanish opens /reach-out with no ?lang= in Spanish and sends a lead in Spanish', async () => {
    const page = await browser.newPage({ viewport: PHONE, locale: 'es-US' });
    const response = await page.goto(`${site}/reach-out`);
    // The server answers in the browser's language before any script runs.
    await expect(response!.text()).resolves.toContain('<html lang="es">');
    await expect(page.locator('main#main h1').textContent()).resolves.toBe(
      'Comuníquese con nosotros',
    );
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(englishLeftOn(page, ENGLISH_ON_REACH_OUT)).resolves.toEqual([]);

    await fillInSpanish(page, 'rosa.navegador@example.com');
    await page.getByRole('button', { name: 'Enviar' }).click();
    await page.getByRole('heading', { name: 'Gracias por comunicarse con nosotros' }).waitFor();
    // The browser alone chooses Spanish: the link to the intake needs no ?lang=.
    const intakeLink = page.getByRole('link', { name: /cuestionario de admisión para parejas/ });
    await expect(intakeLink.getAttribute('href')).resolves.not.toContain('lang=');
    const reference = await page.locator('.reference-code').textContent();
    const [lead] = await t.db.query(
      `SELECT l.language FROM lead l JOIN inquiry i ON i.lead_id = l.id WHERE i.reference = $1`,
      [reference],
    );
    expect(lead).toEqual({ language: 'es' });
  });

  it('the partner page opened from the Spanish invitation’s own link reads in Spanish', async () => {
    const partnerEmail = 'daniel.pareja@example.com';
    await t.http
      .post('/v1/intakes')
      .set('accept-language', 'es')
      .send(
        aCouplesIntake({
          client: {
            name: 'Lucía Fernández',
            email: 'lucia.invita@example.com',
            state: 'NY',
            dateOfBirth: '1988-05-01',
          },
          partner: { name: 'Daniel Ortiz', email: partnerEmail },
        }),
      )
      .expect(201);
    const link = await linkMailedTo(partnerEmail, /\/partner\?token=[\w-]+&lang=es/);

    // An English browser: the language comes from the link.
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${site}${link}`);
    await page.getByRole('button', { name: 'Enviar mis respuestas' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.locator('p.lead').textContent()).resolves.toBe(
      'Lucía le pidió que responda estas preguntas para su primera conversación con el consultorio. Sus respuestas son privadas: Lucía nunca las ve.',
    );
    await expect(
      page.getByText(/^Este enlace se puede usar una sola vez, hasta el/).count(),
    ).resolves.toBe(1);
    await expect(
      englishLeftOn(page, [
        'asked you to answer',
        'This link works once',
        'Send my answers',
        'Your name',
      ]),
    ).resolves.toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshots(page, 'partner-es');
  });

  it('/paperwork from a Spanish lead’s paperwork request reads in Spanish, the Spanish document with it', async () => {
    const admin = await aSignedInStaffMember(t, 'admin');
    const title = 'Consentimiento informado para la terapia';
    await t.http
      .post('/v1/admin/consent-documents')
      .set(admin.auth)
      .send({
        slug: 'consentimiento-informado',
        lang: 'es',
        requiredFor: ['individual'],
        title,
        body: 'Este documento explica cómo trabaja el consultorio y cómo cuida su privacidad.',
      })
      .expect(201);
    const email = 'carmen.firma@example.com';
    const inquiry = await t.http
      .post('/v1/inquiries')
      .set('accept-language', 'es')
      .send(anInquiry({ name: 'Carmen Díaz', email, state: 'NY', serviceType: 'individual' }))
      .expect(201);
    await t.http
      .post(`/v1/admin/leads/${await leadIdOf(t, inquiry.body.id)}/paperwork-requests`)
      .set(admin.auth)
      .send({})
      .expect(201);
    const link = await linkMailedTo(email, /\/paperwork\?token=[\w-]+&lang=es/);

    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${site}${link}`);
    await page.getByRole('button', { name: 'Firmar' }).waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Documentos para firmar',
    );
    await expect(page.getByRole('region', { name: title }).textContent()).resolves.toContain(
      'cómo cuida su privacidad',
    );
    await expect(page.getByLabel(`Acepto «${title}»`).count()).resolves.toBe(1);
    await expect(page.getByLabel('Su nombre completo, como firma').count()).resolves.toBe(1);
    await expect(
      englishLeftOn(page, [
        'Documents to sign',
        'Your documents',
        'I agree',
        'Your full name',
        'This link works once',
      ]),
    ).resolves.toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshots(page, 'paperwork-es');
  });

  it('/book from a Spanish lead’s acknowledgement link reads in Spanish', async () => {
    await t.db.query(`UPDATE practice_setting SET booking_enabled = true`);
    const admin = await aSignedInStaffMember(t, 'admin');
    const clinician = await aSignedInStaffMember(t, 'clinician');
    await t.http
      .put(`/v1/admin/clinicians/${clinician.clinicianId!}/availability`)
      .set(admin.auth)
      .send({
        timeZone: 'America/New_York',
        slotMinutes: 30,
        bufferMinutes: 0,
        minNoticeHours: 2,
        maxDaysAhead: 3,
        weekly: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({
          day,
          start: '09:00',
          end: '17:00',
        })),
        exceptions: [],
      })
      .expect(200);
    const email = 'jorge.reserva@example.com';
    await t.http
      .post('/v1/inquiries')
      .set('accept-language', 'es')
      .send(anInquiry({ name: 'Jorge Luna', email, state: 'NY', serviceType: 'individual' }))
      .expect(201);
    const link = await linkMailedTo(email, /\/book\?token=[\w-]+&lang=es/);

    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${site}${link}`);
    const times = page.getByRole('group', { name: 'Horarios disponibles' });
    await times.waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Reserve una primera conversación',
    );
    await expect(
      page.getByText('Los horarios se muestran en su zona horaria').count(),
    ).resolves.toBe(1);
    await expect(times.locator('label').first().textContent()).resolves.toMatch(
      / con Staff clinician$/,
    );
    await expect(page.getByRole('button', { name: 'Reservar este horario' }).count()).resolves.toBe(
      1,
    );
    await expect(
      englishLeftOn(page, [
        'Book a first conversation',
        'Open times',
        'Times are shown',
        'Book this time',
        ' with ',
      ]),
    ).resolves.toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshots(page, 'booking-es');
  });
});
