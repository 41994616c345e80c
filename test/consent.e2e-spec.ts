import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { type ParsedMail, simpleParser } from 'mailparser';
import { EXAMPLE_CONSENT } from '../src/consents/example-consent.js';
import { anIndividualIntake, anInquiry } from './support/builders.js';
import { aCouplesIntake, coupleAnswers } from './support/couples.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { leadIdOf } from './support/leads.js';
import { aSignedInStaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface Served {
  slug: string;
  version: number;
  title: string;
  body: string;
}

/** The text drawn in one of our PDFs (uncompressed, standard fonts): each TJ, decoded. */
const drawnText = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/\[([^\]]*)\]\s*TJ/g)].map((match) =>
    [...match[1]!.matchAll(/<([0-9a-fA-F]*)>/g)]
      .map((hex) => Buffer.from(hex[1]!, 'hex').toString('latin1'))
      .join(''),
  );

describe('consent documents and e-signature', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof aSignedInStaffMember>>;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ smtpUrl: sink.url, env: { CONSENT_EXAMPLE_SEED: 'true' } });
    admin = await aSignedInStaffMember(t, 'admin');
  });
  afterEach(() => {
    sink.messages.length = 0;
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  const consentsOf = async (slug: string): Promise<Served[]> =>
    (await t.http.get(`/v1/intake-forms/${slug}`).expect(200)).body.consents as Served[];
  const sign = (documents: Served[], signedName: string) =>
    documents.map(({ slug, version }) => ({ slug, version, signedName, agreed: true }));
  const mailTo = async (address: string): Promise<ParsedMail> =>
    simpleParser(
      (
        await eventually(
          async () => sink.messages.find((message) => message.to.includes(address)),
          `the email to ${address}`,
        )
      ).raw,
    );

  describe('staff publish versions that never change', () => {
    it('an admin adds a document, publishes a second version and sees both', async () => {
      const created = await t.http
        .post('/v1/admin/consent-documents')
        .set(admin.auth)
        .send({
          slug: 'family-agreement',
          title: 'Family therapy agreement',
          body: '# Agreement\n\nEveryone takes part.',
          requiredFor: ['family'],
          lang: 'en',
        })
        .expect(201);
      expect(created.body).toMatchObject({
        slug: 'family-agreement',
        lang: 'en',
        requiredFor: ['family'],
        version: 1,
      });
      const published = await t.http
        .post('/v1/admin/consent-documents/family-agreement/versions')
        .set(admin.auth)
        .send({ title: 'Family therapy agreement', body: '# Agreement\n\nEveryone is welcome.' })
        .expect(201);
      expect(published.body.version).toBe(2);
      expect(published.body.body).toBe('# Agreement\n\nEveryone is welcome.');
      expect(published.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      expect(published.body.versions[1].textSha256).toBe(
        sha256('Family therapy agreement\n\n# Agreement\n\nEveryone takes part.'),
      );
      const list = await t.http.get('/v1/admin/consent-documents').set(admin.auth).expect(200);
      expect(list.body.items.map((d: { slug: string }) => d.slug)).toEqual(
        expect.arrayContaining(['family-agreement', EXAMPLE_CONSENT.slug]),
      );
    });

    it('a taken slug answers 409, an unknown one 404, a bad body 422 naming the field', async () => {
      const body = { slug: 'dup', title: 'T', body: 'B', requiredFor: ['other'] };
      await t.http.post('/v1/admin/consent-documents').set(admin.auth).send(body).expect(201);
      await t.http.post('/v1/admin/consent-documents').set(admin.auth).send(body).expect(409);
      await t.http
        .post('/v1/admin/consent-documents/nope/versions')
        .set(admin.auth)
        .send({ title: 'T', body: 'B' })
        .expect(404);
      const bad = await t.http
        .post('/v1/admin/consent-documents')
        .set(admin.auth)
        .send({ ...body, slug: 'Bad Slug', requiredFor: ['pets'], body: 'x'.repeat(100_001) })
        .expect(422);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'body',
        'requiredFor',
        'slug',
      ]);
      // A body of 100 000 characters is more than the 64 KiB other routes take.
      const long = await t.http
        .post('/v1/admin/consent-documents/dup/versions')
        .set(admin.auth)
        .send({ title: 'T', body: 'é'.repeat(100_000) })
        .expect(201);
      expect(long.body.version).toBe(2);
    });

    it('only an admin may read or publish them', async () => {
      const coordinator = await aSignedInStaffMember(t, 'coordinator');
      await t.http.get('/v1/admin/consent-documents').set(coordinator.auth).expect(403);
      await t.http
        .post('/v1/admin/consent-documents/dup/versions')
        .set(coordinator.auth)
        .send({ title: 'T', body: 'B' })
        .expect(403);
    });

    it('the database refuses to change or delete a published version', async () => {
      await expect(
        t.db.query(`UPDATE consent_document_version SET body = 'changed' WHERE slug = 'dup'`),
      ).rejects.toThrow(/append-only/);
      await expect(
        t.db.query(`DELETE FROM consent_document_version WHERE slug = 'dup'`),
      ).rejects.toThrow(/append-only/);
    });
  });

  describe('forms list what must be signed', () => {
    it('the individual and couples forms list the example, marked as one, in its current version', async () => {
      const individual = await consentsOf('individual');
      expect(individual).toEqual([
        {
          slug: EXAMPLE_CONSENT.slug,
          version: 1,
          title: EXAMPLE_CONSENT.title,
          body: EXAMPLE_CONSENT.body,
        },
      ]);
      expect(individual[0]!.title).toMatch(/^EXAMPLE/);
      expect(individual[0]!.body.split('\n')[0]).toMatch(/example document/i);
      expect(await consentsOf('couples')).toEqual(individual);
    });
  });

  describe('an intake is signed with the submission', () => {
    it('answers 422 naming signatures.<slug> when a document is unsigned, stale, unagreed or misnamed', async () => {
      const [example] = await consentsOf('individual');
      const slugField = `signatures.${example!.slug}`;
      const cases = [
        undefined,
        [],
        [{ ...sign([example!], 'Jo Park')[0], version: 99 }],
        [{ ...sign([example!], 'Jo Park')[0], agreed: false }],
        sign([example!], 'Someone Else'),
        sign([example!], ''),
      ];
      for (const signatures of cases) {
        const response = await t.http
          .post('/v1/intakes')
          .send(anIndividualIntake(signatures ? { signatures } : {}))
          .expect(422);
        expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([slugField]);
        expect(JSON.stringify(response.body)).not.toContain('Someone Else');
      }
      expect((await t.db.query(`SELECT count(*)::int AS n FROM consent_signature`))[0].n).toBe(0);
    });

    it('stores each signature with the hash of the text served, the name, time, address and browser', async () => {
      const served = await consentsOf('individual');
      const body = anIndividualIntake({ signatures: sign(served, '  jo   PARK ') });
      const response = await t.http
        .post('/v1/intakes')
        .set('User-Agent', 'ConsentTest/1.0')
        .send(body)
        .expect(201);
      const rows = await t.db.query(
        `SELECT s.*, i.lead_id AS intake_lead FROM consent_signature s
           JOIN intake i ON i.id = s.submission_id WHERE s.submission_id = $1`,
        [response.body.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        signer: 'client',
        document_slug: served[0]!.slug,
        document_version: served[0]!.version,
        text_sha256: sha256(`${served[0]!.title}\n\n${served[0]!.body}`),
        signed_name: 'jo   PARK',
        user_agent: 'ConsentTest/1.0',
        lead_id: rows[0].intake_lead,
      });
      expect(rows[0].ip).toEqual(expect.any(String));
      expect(rows[0].signed_at.toISOString()).toBe(response.body.receivedAt);
    });

    it('a new version makes the one a page still shows stale (422)', async () => {
      const before = await consentsOf('individual');
      const other = await t.http
        .post('/v1/admin/consent-documents')
        .set(admin.auth)
        .send({
          slug: 'telehealth',
          title: 'Telehealth',
          body: 'Video.',
          requiredFor: ['individual'],
        })
        .expect(201);
      expect(other.body.version).toBe(1);
      await t.http
        .post('/v1/admin/consent-documents/telehealth/versions')
        .set(admin.auth)
        .send({ title: 'Telehealth', body: 'Secure video.' })
        .expect(201);
      const now = await consentsOf('individual');
      expect(now.map((d) => [d.slug, d.version])).toEqual([
        [EXAMPLE_CONSENT.slug, 1],
        ['telehealth', 2],
      ]);
      const stale = [...sign(before, 'Jo Park'), { ...sign(now, 'Jo Park')[1]!, version: 1 }];
      const response = await t.http
        .post('/v1/intakes')
        .send(anIndividualIntake({ signatures: stale }))
        .expect(422);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'signatures.telehealth' }),
      ]);
      await t.http
        .post('/v1/intakes')
        .send(anIndividualIntake({ signatures: sign(now, 'Jo Park') }))
        .expect(201);
    });

    it('the database refuses to change or delete a signature', async () => {
      const [{ id }] = await t.db.query(`SELECT id FROM consent_signature LIMIT 1`);
      await expect(
        t.db.query(`UPDATE consent_signature SET signed_name = 'Other' WHERE id = $1`, [id]),
      ).rejects.toThrow(/append-only/);
      await expect(
        t.db.query(`UPDATE consent_signature SET text_sha256 = $2 WHERE id = $1`, [
          id,
          'f'.repeat(64),
        ]),
      ).rejects.toThrow(/append-only/);
      await expect(t.db.query(`DELETE FROM consent_signature WHERE id = $1`, [id])).rejects.toThrow(
        /append-only/,
      );
    });

    it('each partner signs their own, in their own name; each acknowledgement carries only their PDF', async () => {
      const served = await consentsOf('couples');
      const body = aCouplesIntake({ signatures: sign(served, 'Alex Rivera') });
      const partnerEmail = (body.partner as { email: string }).email;
      const clientEmail = (body.client as { email: string }).email;
      const intake = await t.http.post('/v1/intakes').send(body).expect(201);
      const invitation = await eventually(
        async () => sink.messages.find((message) => message.to.includes(partnerEmail)),
        'the partner invitation',
      );
      const token = /partner\?token=([A-Za-z0-9_-]+)/.exec(invitation.text)![1]!;
      const shown = await t.http.get(`/v1/partner-invitations/${token}`).expect(200);
      expect(shown.body.form.consents).toEqual(served);

      const partnerB = (signedName: string) => ({
        client: { name: 'Sam Rivera', email: 'sam.b@example.com' },
        answers: coupleAnswers(),
        consent: { contact: true, privacyNoticeVersion: '2026-01' },
        signatures: sign(served, signedName),
      });
      const refused = await t.http
        .post(`/v1/partner-invitations/${token}/responses`)
        .send(partnerB('Alex Rivera'))
        .expect(422);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([
        `signatures.${served[0]!.slug}`,
      ]);
      const answered = await t.http
        .post(`/v1/partner-invitations/${token}/responses`)
        .send(partnerB('sam rivera'))
        .expect(201);

      const rows = await t.db.query(
        `SELECT signer, signed_name, submission_id FROM consent_signature
          WHERE lead_id = (SELECT lead_id FROM intake WHERE id = $1) ORDER BY signer`,
        [intake.body.id],
      );
      const [{ id: responseId }] = await t.db.query(
        `SELECT id FROM partner_response WHERE intake_id = $1`,
        [intake.body.id],
      );
      expect(rows).toEqual([
        { signer: 'client', signed_name: 'Alex Rivera', submission_id: intake.body.id },
        { signer: 'partner', signed_name: 'sam rivera', submission_id: responseId },
      ]);
      expect(answered.body.reference).toMatch(/^RI-/);

      const clientMail = await mailTo(clientEmail);
      expect(clientMail.attachments).toHaveLength(1);
      const pdf = clientMail.attachments[0]!;
      expect(pdf.contentType).toBe('application/pdf');
      expect(pdf.filename).toBe(`${served[0]!.slug}-v${served[0]!.version}-signed.pdf`);
      const text = drawnText(pdf.content);
      expect(text).toContain('Signed by: Alex Rivera');
      expect(text).toContain(
        `SHA-256 of the signed text: ${sha256(`${served[0]!.title}\n\n${served[0]!.body}`)}`,
      );
      expect(text.join('\n')).not.toContain('sam rivera');

      const partnerMail = await mailTo('sam.b@example.com');
      expect(partnerMail.attachments).toHaveLength(1);
      expect(drawnText(partnerMail.attachments[0]!.content)).toContain('Signed by: sam rivera');
    });
  });

  describe('staff see and download what was signed', () => {
    it('lists signatures on the lead and serves each PDF, audited and scoped like the lead', async () => {
      const served = await consentsOf('individual');
      const intake = await t.http
        .post('/v1/intakes')
        .send(anIndividualIntake({ signatures: sign(served, 'Jo Park') }))
        .expect(201);
      const leadId = await leadIdOf(t, intake.body.id);
      const lead = await t.http.get(`/v1/admin/leads/${leadId}`).set(admin.auth).expect(200);
      expect(lead.body.signatures).toEqual(
        served.map((document) =>
          expect.objectContaining({
            signer: 'client',
            slug: document.slug,
            version: document.version,
            title: document.title,
            textSha256: sha256(`${document.title}\n\n${document.body}`),
            signedName: 'Jo Park',
            signedAt: intake.body.receivedAt,
            via: 'intake',
          }),
        ),
      );
      const first = lead.body.signatures[0];
      expect(first.pdfUrl).toBe(`/v1/admin/leads/${leadId}/signatures/${first.id}.pdf`);
      const pdf = await t.http
        .get(first.pdfUrl)
        .set(admin.auth)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toBe(
        `attachment; filename="${first.slug}-v${first.version}-signed.pdf"`,
      );
      const text = drawnText(pdf.body as Buffer);
      expect(text).toContain('Signed by: Jo Park');
      expect(text).toContain(`SHA-256 of the signed text: ${first.textSha256}`);
      const [audit] = await t.db.query(
        `SELECT actor_user_id, subject_id FROM audit_event
          WHERE action = 'lead.signature_downloaded' AND lead_id = $1`,
        [leadId],
      );
      expect(audit).toEqual({ actor_user_id: admin.id, subject_id: first.id });

      // A clinician not assigned to the lead sees nothing; another lead's id finds nothing.
      const clinician = await aSignedInStaffMember(t, 'clinician');
      await t.http.get(first.pdfUrl).set(clinician.auth).expect(404);
      const other = await t.http
        .post('/v1/intakes')
        .send(anIndividualIntake({ signatures: sign(served, 'Jo Park') }))
        .expect(201);
      const otherLead = await leadIdOf(t, other.body.id);
      await t.http
        .get(`/v1/admin/leads/${otherLead}/signatures/${first.id}.pdf`)
        .set(admin.auth)
        .expect(404);
      await t.http
        .get(`/v1/admin/leads/${leadId}/signatures/not-a-uuid.pdf`)
        .set(admin.auth)
        .expect(404);
    });

    it('erasing the lead empties who signed, from where and with what; the signature stays', async () => {
      const served = await consentsOf('individual');
      const intake = await t.http
        .post('/v1/intakes')
        .send(anIndividualIntake({ signatures: sign(served, 'Jo Park') }))
        .expect(201);
      const leadId = await leadIdOf(t, intake.body.id);
      await t.http
        .delete(`/v1/admin/leads/${leadId}`)
        .set(admin.auth)
        .send({ reason: 'asked to be forgotten' })
        .expect(200);
      const rows = await t.db.query(
        `SELECT signed_name, ip, user_agent, text_sha256 FROM consent_signature WHERE lead_id = $1`,
        [leadId],
      );
      expect(rows).toEqual(
        served.map(() => ({
          signed_name: null,
          ip: null,
          user_agent: null,
          text_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        })),
      );
    });
  });

  describe('signatures follow their lead', () => {
    it('a merge moves the duplicate’s signatures to the lead it is folded into', async () => {
      const served = await consentsOf('individual');
      const submit = async () =>
        leadIdOf(
          t,
          (
            await t.http
              .post('/v1/intakes')
              .send(anIndividualIntake({ signatures: sign(served, 'Jo Park') }))
              .expect(201)
          ).body.id,
        );
      const duplicate = await submit();
      const survivor = await submit();
      await t.http
        .post(`/v1/admin/leads/${duplicate}/merge`)
        .set(admin.auth)
        .send({ intoLeadId: survivor })
        .expect(200);
      const rows = await t.db.query(
        `SELECT lead_id, count(*)::int AS n FROM consent_signature
          WHERE lead_id = ANY($1::uuid[]) GROUP BY lead_id`,
        [[duplicate, survivor]],
      );
      expect(rows).toEqual([{ lead_id: survivor, n: served.length * 2 }]);
    });
  });

  describe('paperwork requests', () => {
    it('a client of the short form signs what is missing through a one-time link', async () => {
      const inquiry = await t.http
        .post('/v1/inquiries')
        .send(anInquiry({ name: 'Robin Short', serviceType: 'individual' }))
        .expect(201);
      const email = (
        await t.db.query(`SELECT email FROM inquiry WHERE id = $1`, [inquiry.body.id])
      )[0].email as string;
      const leadId = await leadIdOf(t, inquiry.body.id);
      const requested = await t.http
        .post(`/v1/admin/leads/${leadId}/paperwork-requests`)
        .set(admin.auth)
        .send({})
        .expect(201);
      const now = await consentsOf('individual');
      expect(requested.body).toMatchObject({
        signer: 'client',
        documents: now.map(({ slug, version, title }) => ({ slug, version, title })),
      });
      const days = (Date.parse(requested.body.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(13.9);

      const mail = await eventually(
        async () =>
          sink.messages.find(
            (message) => message.to.includes(email) && message.text.includes('/paperwork?token='),
          ),
        'the paperwork email',
      );
      expect(mail.text).not.toContain('Robin');
      const token = /paperwork\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
      const [stored] = await t.db.query(`SELECT token_hash FROM paperwork_request WHERE id = $1`, [
        requested.body.id,
      ]);
      expect(stored.token_hash).toBe(sha256(token));
      expect(mail.raw).not.toContain(stored.token_hash);

      const shown = await t.http.get(`/v1/paperwork/${token}`).expect(200);
      expect(shown.body.documents).toEqual(now);
      const misnamed = await t.http
        .post(`/v1/paperwork/${token}`)
        .send({ signatures: sign(now, 'Alex Rivera') })
        .expect(422);
      expect(misnamed.body.errors.map((e: { field: string }) => e.field)).toEqual(
        now.map((d) => `signatures.${d.slug}`),
      );
      await t.http
        .post(`/v1/paperwork/${token}`)
        .send({ signatures: sign(now, 'robin short') })
        .expect(201);
      await t.http.get(`/v1/paperwork/${token}`).expect(410);
      await t.http
        .post(`/v1/paperwork/${token}`)
        .send({ signatures: sign(now, 'robin short') })
        .expect(410);
      await t.http.get(`/v1/paperwork/${'x'.repeat(43)}`).expect(404);

      const lead = await t.http.get(`/v1/admin/leads/${leadId}`).set(admin.auth).expect(200);
      expect(
        lead.body.signatures.map((s: { slug: string; via: string }) => [s.slug, s.via]),
      ).toEqual(now.map((d) => [d.slug, 'paperwork']));
      // Nothing is missing now.
      await t.http
        .post(`/v1/admin/leads/${leadId}/paperwork-requests`)
        .set(admin.auth)
        .send({})
        .expect(409);
    });

    it('a partner who has not answered yet is asked on their own, signs in their own name', async () => {
      const served = await consentsOf('couples');
      const body = aCouplesIntake({ signatures: sign(served, 'Alex Rivera') });
      const partnerEmail = (body.partner as { email: string }).email;
      const intake = await t.http.post('/v1/intakes').send(body).expect(201);
      const leadId = await leadIdOf(t, intake.body.id);
      // The client signed everything with the intake; the partner has signed nothing.
      await t.http
        .post(`/v1/admin/leads/${leadId}/paperwork-requests`)
        .set(admin.auth)
        .send({ signer: 'client' })
        .expect(409);
      const requested = await t.http
        .post(`/v1/admin/leads/${leadId}/paperwork-requests`)
        .set(admin.auth)
        .send({ signer: 'partner' })
        .expect(201);
      expect(requested.body.signer).toBe('partner');
      const mail = await eventually(
        async () =>
          sink.messages.find(
            (message) => message.to.includes(partnerEmail) && message.text.includes('/paperwork?'),
          ),
        'the partner’s paperwork email',
      );
      const token = /paperwork\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
      await t.http
        .post(`/v1/paperwork/${token}`)
        .send({ signatures: sign(served, 'Alex Rivera') })
        .expect(422);
      await t.http
        .post(`/v1/paperwork/${token}`)
        .send({ signatures: sign(served, 'Sam Rivera') })
        .expect(201);
      const rows = await t.db.query(
        `SELECT signer, signed_name, paperwork_request_id FROM consent_signature
          WHERE lead_id = $1 ORDER BY signer`,
        [leadId],
      );
      expect(rows).toEqual([
        { signer: 'client', signed_name: 'Alex Rivera', paperwork_request_id: null },
        { signer: 'partner', signed_name: 'Sam Rivera', paperwork_request_id: requested.body.id },
      ]);

      const single = await t.http
        .post('/v1/intakes')
        .send(anIndividualIntake({ signatures: sign(await consentsOf('individual'), 'Jo Park') }))
        .expect(201);
      const refused = await t.http
        .post(`/v1/admin/leads/${await leadIdOf(t, single.body.id)}/paperwork-requests`)
        .set(admin.auth)
        .send({ signer: 'partner' })
        .expect(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'signer' })]);
    });

    it('a Spanish client is asked in Spanish to sign the Spanish texts; the PDF says so in Spanish', async () => {
      await t.http
        .post('/v1/admin/consent-documents')
        .set(admin.auth)
        .send({
          slug: 'consentimiento',
          title: 'Consentimiento informado',
          body: '# Las sesiones\n\nCada sesión dura cincuenta minutos.',
          requiredFor: ['individual'],
          lang: 'es',
        })
        .expect(201);
      const inquiry = await t.http
        .post('/v1/inquiries')
        .send(anInquiry({ name: 'Lucía Ramos', serviceType: 'individual', lang: 'es' }))
        .expect(201);
      const email = (
        await t.db.query(`SELECT email FROM inquiry WHERE id = $1`, [inquiry.body.id])
      )[0].email as string;
      const leadId = await leadIdOf(t, inquiry.body.id);
      const requested = await t.http
        .post(`/v1/admin/leads/${leadId}/paperwork-requests`)
        .set(admin.auth)
        .send({})
        .expect(201);
      expect(requested.body.documents).toEqual([
        { slug: 'consentimiento', version: 1, title: 'Consentimiento informado' },
      ]);

      const mail = await eventually(
        async () =>
          sink.messages.find(
            (message) => message.to.includes(email) && message.text.includes('/paperwork?token='),
          ),
        'the Spanish paperwork email',
      );
      expect(mail.subject).toMatch(/: documentos para firmar antes de comenzar$/);
      expect(mail.text).toMatch(/^Hola:\n\n.+ le pide que lea y firme algunos documentos/);
      expect(mail.text).toMatch(/hasta el \d{1,2} de [a-z]+ de \d{4} a las? \d\d:\d\d \(UTC\)\./);
      expect(mail.text).toMatch(/Leer y firmar: \S+\/paperwork\?token=[A-Za-z0-9_-]+&lang=es/);
      expect(mail.text).not.toMatch(/\b(Hello|documents|sign|link)\b/);
      expect(mail.text).not.toContain('Lucía');

      const token = /paperwork\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
      const served = (await t.http.get(`/v1/paperwork/${token}`).expect(200)).body
        .documents as Served[];
      expect(served.map((document) => document.title)).toEqual(['Consentimiento informado']);
      await t.http
        .post(`/v1/paperwork/${token}`)
        .send({ signatures: sign(served, 'Lucía Ramos') })
        .expect(201);
      const [signature] = (
        await t.http.get(`/v1/admin/leads/${leadId}`).set(admin.auth).expect(200)
      ).body.signatures as { pdfUrl: string }[];
      const pdf = await t.http
        .get(signature!.pdfUrl)
        .set(admin.auth)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(pdf.headers['content-disposition']).toBe(
        'attachment; filename="consentimiento-v1-firmado.pdf"',
      );
      const drawn = drawnText(pdf.body as Buffer);
      expect(drawn).toEqual(
        expect.arrayContaining(['Consentimiento informado', 'Firma', 'Firmado por: Lucía Ramos']),
      );
      expect(drawn.some((line) => /^(Signature|Signed by)/.test(line))).toBe(false);
    });
  });
});
