import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anIndividualIntake, anInquiry } from './support/builders.js';
import { type LeadFields, type SeededLead, aLead, auditEvents, leadIdOf } from './support/leads.js';
import { aSignedInStaffMember, aStaffMember } from './support/staff.js';
import { SEARCH_WINDOW } from '../src/lead-desk/lead-list.query.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Auth = { Authorization: string };
interface Summary {
  id: string;
  reference: string | null;
  urgency: string;
  createdAt: string;
  [field: string]: unknown;
}
interface Page {
  items: Summary[];
  nextCursor: string | null;
}

describe('the lead list (GET /v1/admin/leads)', () => {
  let t: TestApp;
  let coordinator: Awaited<ReturnType<typeof aSignedInStaffMember>>;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await aSignedInStaffMember(t, 'coordinator');
  });
  afterAll(async () => {
    await t.close();
  });

  /** A tag no other test uses: each test lists only its own leads. */
  const aTag = () => `t-${randomBytes(4).toString('hex')}`;
  const seed = (tag: string, overrides: Partial<LeadFields> = {}) =>
    aLead(t.db, { tags: [tag], ...overrides });
  const list = async (query: Record<string, string | number>, auth: Auth = coordinator.auth) => {
    const response = await t.http.get('/v1/admin/leads').query(query).set(auth);
    expect(response.status).toBe(200);
    return response.body as Page;
  };
  const idsOf = (page: Page) => page.items.map((item) => item.id);
  const sameIds = (page: Page, leads: SeededLead[]) =>
    expect(new Set(idsOf(page))).toEqual(new Set(leads.map((lead) => lead.id)));
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

  it('shows each lead as a summary, newest first', async () => {
    const submitted = await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ name: 'Summary Person', referralSource: 'podcast' }))
      .expect(201);
    const leadId = await leadIdOf(t, submitted.body.id);
    const page = await list({ q: 'Summary Person' });
    expect(page).toEqual({
      items: [
        {
          id: leadId,
          reference: submitted.body.reference,
          status: 'new',
          urgency: 'routine',
          serviceType: 'couples',
          name: 'Summary Person',
          phone: expect.stringMatching(/^\+1503\d{7}$/),
          preferredContact: 'email',
          messagePreview: 'We keep having the same fight about chores.',
          previewCrisis: false,
          state: 'OR',
          source: 'podcast',
          language: 'en',
          assignedClinician: null,
          tags: [],
          createdAt: expect.any(String),
          respondBy: expect.any(String),
          overdue: false,
          firstContactedAt: null,
          firstAttemptAt: null,
          lastAttemptAt: null,
          firstConnectedAt: null,
          attempts: 0,
          intakeStatus: null,
          labels: [],
          signals: [],
          needsReview: false,
          reviewReason: null,
        },
      ],
      nextCursor: null,
    });
    const newest = await list({ limit: 1 });
    expect(idsOf(newest)).toEqual([leadId]);
  });

  it('answers 401 without credentials', async () => {
    const response = await t.http.get('/v1/admin/leads');
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('is never cached', async () => {
    const response = await t.http.get('/v1/admin/leads').set(coordinator.auth).expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  describe('filters', () => {
    it('status takes one status, or several comma-separated or repeated', async () => {
      const tag = aTag();
      const fresh = await seed(tag, { status: 'new' });
      const reviewing = await seed(tag, { status: 'in_review' });
      await seed(tag, { status: 'declined' });
      sameIds(await list({ tag, status: 'new' }), [fresh]);
      sameIds(await list({ tag, status: 'new,in_review' }), [fresh, reviewing]);
      const repeated = await t.http
        .get(`/v1/admin/leads?tag=${tag}&status=new&status=in_review`)
        .set(coordinator.auth)
        .expect(200);
      sameIds(repeated.body, [fresh, reviewing]);
    });

    it('urgency and serviceType narrow to the values named', async () => {
      const tag = aTag();
      const crisis = await seed(tag, { urgency: 'crisis', serviceType: 'couples' });
      const high = await seed(tag, { urgency: 'high', serviceType: 'family' });
      const routine = await seed(tag, { urgency: 'routine', serviceType: 'couples' });
      sameIds(await list({ tag, urgency: 'crisis,high' }), [crisis, high]);
      sameIds(await list({ tag, serviceType: 'couples' }), [crisis, routine]);
      sameIds(await list({ tag, urgency: 'routine', serviceType: 'couples' }), [routine]);
    });

    it('assignedTo takes a clinician id, me, or none', async () => {
      const tag = aTag();
      const clinician = await aSignedInStaffMember(t, 'clinician');
      const other = await aStaffMember(t.db, 'clinician');
      const mine = await seed(tag, { assignedClinicianId: clinician.clinicianId! });
      const theirs = await seed(tag, { assignedClinicianId: other.clinicianId! });
      const nobodys = await seed(tag);
      sameIds(await list({ tag, assignedTo: other.clinicianId! }), [theirs]);
      sameIds(await list({ tag, assignedTo: 'none' }), [nobodys]);
      sameIds(await list({ tag, assignedTo: 'me' }, clinician.auth), [mine]);
      const page = await list({ tag, assignedTo: clinician.clinicianId! });
      expect(page.items[0]!.assignedClinician).toEqual({
        id: clinician.clinicianId,
        name: 'Staff clinician',
      });
    });

    it('assignedTo=me lists nothing for staff without a clinician profile', async () => {
      const tag = aTag();
      await seed(tag);
      expect(await list({ tag, assignedTo: 'me' })).toEqual({ items: [], nextCursor: null });
    });

    it('tag lists leads carrying every tag named, in any case', async () => {
      const tag = aTag();
      const both = await seed(tag, { tags: [tag, 'sliding-scale'] });
      await seed(tag, { tags: [tag] });
      sameIds(await list({ tag: `${tag.toUpperCase()},Sliding-Scale` }), [both]);
    });

    it('q finds part of a name, in any case', async () => {
      const tag = aTag();
      const lead = await seed(tag, { name: 'Marisol Okonkwo-Baptiste' });
      await seed(tag, { name: 'Someone Else' });
      sameIds(await list({ tag, q: 'okonkwo-b' }), [lead]);
      sameIds(await list({ q: 'OKONKWO' }), [lead]);
    });

    it('q of several words finds names with each word as a word start, in any order', async () => {
      const tag = aTag();
      const lead = await seed(tag, { name: 'Kenneth Okafor-Johnson' });
      await seed(tag, { name: 'Kenneth Smith' });
      await seed(tag, { name: 'Ben Johnson' });
      sameIds(await list({ tag, q: 'ken john' }), [lead]);
      sameIds(await list({ tag, q: 'Johnson  KENNETH' }), [lead]);
      sameIds(await list({ tag, q: 'enneth johnson' }), []);
    });

    it('q finds part of an email address, in any case', async () => {
      const tag = aTag();
      const lead = await seed(tag, { email: `Dana.Whitfield.${tag}@Example.org` });
      await seed(tag);
      sameIds(await list({ q: `whitfield.${tag}@EXAMPLE` }), [lead]);
    });

    it('q finds the digits of a phone number however they are written', async () => {
      const tag = aTag();
      const lead = await seed(tag, { phone: '+15417770199' });
      await seed(tag, { phone: '+15035550142' });
      sameIds(await list({ tag, q: '(541) 777-0199' }), [lead]);
      sameIds(await list({ tag, q: '7770199' }), [lead]);
    });

    it('q finds a lead by the reference of any of its submissions, exactly', async () => {
      const email = `repeat.${randomBytes(4).toString('hex')}@example.com`;
      const first = await t.http.post('/v1/inquiries').send(anInquiry({ email })).expect(201);
      const second = await t.http.post('/v1/inquiries').send(anInquiry({ email })).expect(201);
      const leadId = await leadIdOf(t, first.body.id);
      for (const reference of [first.body.reference, second.body.reference]) {
        const page = await list({ q: reference.toLowerCase() });
        expect(idsOf(page)).toEqual([leadId]);
        expect(page.items[0]!.reference).toBe(first.body.reference);
      }
      expect((await list({ q: 'RI-22222222' })).items).toEqual([]);
    });

    it('q takes % and _ as the characters they are', async () => {
      const tag = aTag();
      const lead = await seed(tag, { name: 'Percent 100%_sure' });
      await seed(tag, { name: 'Percent 100 sure' });
      sameIds(await list({ tag, q: '100%_' }), [lead]);
    });

    it('createdFrom is inclusive and createdTo exclusive', async () => {
      const tag = aTag();
      const at = (iso: string) => seed(tag, { createdAt: iso });
      const before = await at('2025-03-01T09:59:59.999Z');
      const start = await at('2025-03-01T10:00:00.000Z');
      const inside = await at('2025-03-01T11:00:00.000Z');
      const end = await at('2025-03-01T12:00:00.000Z');
      sameIds(
        await list({ tag, createdFrom: '2025-03-01T10:00:00Z', createdTo: '2025-03-01T12:00:00Z' }),
        [start, inside],
      );
      sameIds(await list({ tag, createdTo: '2025-03-01T10:00:00Z' }), [before]);
      sameIds(await list({ tag, createdFrom: '2025-03-01T12:00:00+00:00' }), [end]);
    });

    it('overdue=true lists open leads nobody tried past their response target, and marks them', async () => {
      const tag = aTag();
      const late = await seed(tag, { status: 'new', respondBy: minutesAgo(5) });
      const onTime = await seed(tag, { status: 'new', respondBy: minutesAgo(-60) });
      const handled = await seed(tag, {
        status: 'in_review',
        respondBy: minutesAgo(5),
        firstAttemptAt: minutesAgo(1),
      });
      const overdue = await list({ tag, overdue: 'true' });
      sameIds(overdue, [late]);
      expect(overdue.items[0]!.overdue).toBe(true);
      const others = await list({ tag, overdue: 'false' });
      sameIds(others, [onTime, handled]);
      expect(others.items.map((item) => item.overdue)).toEqual([false, false]);
    });

    it('never lists merged or erased leads', async () => {
      const tag = aTag();
      const kept = await seed(tag);
      await seed(tag, { mergedIntoLeadId: kept.id });
      await seed(tag, { erasedAt: new Date() });
      sameIds(await list({ tag }), [kept]);
    });
  });

  describe('sorting and pages', () => {
    /** 13 leads, four of them created at the very same instant, of every urgency. */
    const seedForPaging = async (tag: string) => {
      const tie = minutesAgo(30);
      const leads: (SeededLead & { createdAt: Date; urgency: string })[] = [];
      const urgencies = ['routine', 'high', 'crisis'];
      for (let i = 0; i < 13; i++) {
        const createdAt = i < 4 ? tie : minutesAgo(60 + i);
        const urgency = urgencies[i % 3]!;
        leads.push({ ...(await seed(tag, { createdAt, urgency })), createdAt, urgency });
      }
      return leads;
    };
    const rank = (urgency: string) => ['routine', 'high', 'crisis'].indexOf(urgency);
    const byCreated = (a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }) =>
      a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1);

    /** Every page of a listing, following nextCursor. */
    const walk = async (query: Record<string, string | number>) => {
      const pages: Page[] = [];
      let cursor: string | null = null;
      do {
        const page = await list({ ...query, ...(cursor ? { cursor } : {}) });
        pages.push(page);
        cursor = page.nextCursor;
      } while (cursor && pages.length < 50);
      return pages;
    };

    it('sorts newest first by default, oldest first with sort=createdAt', async () => {
      const tag = aTag();
      const leads = await seedForPaging(tag);
      const oldestFirst = [...leads].sort(byCreated).map((lead) => lead.id);
      expect(idsOf(await list({ tag, limit: 100 }))).toEqual([...oldestFirst].reverse());
      expect(idsOf(await list({ tag, limit: 100, sort: '-createdAt' }))).toEqual(
        [...oldestFirst].reverse(),
      );
      expect(idsOf(await list({ tag, limit: 100, sort: 'createdAt' }))).toEqual(oldestFirst);
    });

    it('sort=urgency puts crisis before high before routine, newest first within each', async () => {
      const tag = aTag();
      const leads = await seedForPaging(tag);
      const expected = [...leads]
        .sort((a, b) => rank(b.urgency) - rank(a.urgency) || byCreated(b, a))
        .map((lead) => lead.id);
      const page = await list({ tag, limit: 100, sort: 'urgency' });
      expect(idsOf(page)).toEqual(expected);
      expect(page.items.slice(0, 4).map((item) => item.urgency)).toEqual([
        'crisis',
        'crisis',
        'crisis',
        'crisis',
      ]);
    });

    it.each(['-createdAt', 'createdAt', 'urgency'])(
      'pages of sort=%s follow one another with no lead missed or repeated',
      async (sort) => {
        const tag = aTag();
        await seedForPaging(tag);
        const all = idsOf(await list({ tag, sort, limit: 100 }));
        const pages = await walk({ tag, sort, limit: 3 });
        expect(pages.map((page) => page.items.length)).toEqual([3, 3, 3, 3, 1]);
        expect(pages.flatMap(idsOf)).toEqual(all);
        expect(pages.at(-1)!.nextCursor).toBeNull();
      },
    );

    it.each(['-createdAt', 'createdAt', 'urgency'])(
      'with sort=%s, leads arriving between pages neither repeat nor hide the leads already there',
      async (sort) => {
        const tag = aTag();
        const existing = await seedForPaging(tag);
        const seen: string[] = [];
        let page = await list({ tag, sort, limit: 4 });
        seen.push(...idsOf(page));
        let arrivals = 0;
        while (page.nextCursor) {
          // New leads at the top, at the bottom and in the middle of every order.
          await seed(tag, { urgency: 'crisis' });
          await seed(tag, { urgency: 'routine', createdAt: minutesAgo(10_000 + arrivals) });
          await seed(tag, { urgency: 'high', createdAt: existing[5]!.createdAt });
          arrivals += 1;
          page = await list({ tag, sort, limit: 4, cursor: page.nextCursor });
          seen.push(...idsOf(page));
        }
        expect(arrivals).toBeGreaterThan(2);
        expect(new Set(seen).size).toBe(seen.length);
        for (const lead of existing) expect(seen).toContain(lead.id);
      },
    );

    it.each(['-createdAt', 'createdAt', 'urgency'])(
      'with sort=%s, pages tell apart leads created a microsecond apart',
      async (sort) => {
        const tag = aTag();
        const leads = [];
        for (const micros of ['123456', '123457', '123458', '123459']) {
          leads.push(await seed(tag, { createdAt: `2025-05-05T10:00:00.${micros}Z` }));
        }
        const pages = await walk({ tag, sort, limit: 1 });
        expect(pages.flatMap(idsOf).sort()).toEqual(leads.map((lead) => lead.id).sort());
      },
    );

    it('a name search pages exactly in every order, whether its matches lie among the newest leads or far behind them', async () => {
      // More than SEARCH_WINDOW newer leads stand between the oldest matches and the rest.
      // A one-word search looks among the newest leads first; a full name does not.
      const word = `Windowmatch${randomBytes(3).toString('hex')}`;
      const name = `Jo ${word}`;
      const newest = [];
      for (let i = 0; i < 7; i++)
        newest.push(await seed(aTag(), { name, createdAt: minutesAgo(i) }));
      await t.db.query(
        `INSERT INTO lead (id, status, urgency, service_type, name, email, email_normalized,
           preferred_contact, created_at, updated_at, last_submission_at, status_changed_at, version)
         SELECT gen_random_uuid(), 'new', 'routine', 'individual', 'Someone Else',
                'else' || n || '@example.com', 'else' || n || '@example.com', 'email',
                now() - interval '1 day' - n * interval '1 second', now(), now(), now(), 1
           FROM generate_series(1, ${SEARCH_WINDOW + 100}) AS n`,
      );
      const oldest = [];
      for (let i = 0; i < 3; i++) {
        oldest.push(await seed(aTag(), { name, createdAt: minutesAgo(3 * 24 * 60 + i) }));
      }
      const newestFirst = [...newest, ...oldest].map((lead) => lead.id);
      const orders: [sort: string, ids: string[]][] = [
        ['-createdAt', newestFirst],
        ['createdAt', [...newestFirst].reverse()],
        // All routine: the urgency sort is newest first among equals.
        ['urgency', newestFirst],
      ];
      for (const q of [name, word, word.toLowerCase(), word.toUpperCase().slice(2)]) {
        for (const [sort, ids] of orders) {
          for (const limit of [2, 3, 100]) {
            const seen: string[] = [];
            let cursor: string | null = null;
            do {
              const page = await list({ q, sort, limit, ...(cursor ? { cursor } : {}) });
              seen.push(...idsOf(page));
              cursor = page.nextCursor;
            } while (cursor);
            expect({ q, sort, limit, seen }).toEqual({ q, sort, limit, seen: ids });
          }
        }
      }
    });

    it('a one-word search matches the name after a rename and the address, in any case', async () => {
      const word = `Renamed${randomBytes(3).toString('hex')}`;
      const lead = await seed(aTag(), { name: 'Before Rename' });
      expect(idsOf(await list({ q: word }))).toEqual([]);
      await t.db.query(`UPDATE lead SET name = $1 WHERE id = $2`, [`Ana ${word}`, lead.id]);
      expect(idsOf(await list({ q: word.toLowerCase() }))).toEqual([lead.id]);
      const [{ email_normalized: address }] = (await t.db.query(
        `SELECT email_normalized FROM lead WHERE id = $1`,
        [lead.id],
      )) as [{ email_normalized: string }];
      expect(idsOf(await list({ q: address.split('@')[0]!.toUpperCase() }))).toEqual([lead.id]);
    });

    it('takes limit from 1 to 100, 25 by default', async () => {
      const tag = aTag();
      for (let i = 0; i < 27; i++) await seed(tag, { createdAt: minutesAgo(i) });
      const first = await list({ tag });
      expect(first.items).toHaveLength(25);
      expect(first.nextCursor).toEqual(expect.any(String));
      expect((await list({ tag, limit: 1 })).items).toHaveLength(1);
      expect((await list({ tag, limit: 100 })).items).toHaveLength(27);
    });
  });

  describe('refuses bad values with 422, naming the field', () => {
    const errorsFor = async (query: string) => {
      const response = await t.http.get(`/v1/admin/leads?${query}`).set(coordinator.auth);
      expect(response.status).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      return response.body.errors as { field: string; message: string }[];
    };

    it.each([
      ['status=open', 'status'],
      ['status=new,', 'status'],
      ['urgency=urgent', 'urgency'],
      ['serviceType=group', 'serviceType'],
      ['assignedTo=someone', 'assignedTo'],
      ['tag=No%20Way!', 'tag'],
      ['q=ab', 'q'],
      [`q=${'x'.repeat(201)}`, 'q'],
      ['createdFrom=yesterday', 'createdFrom'],
      ['createdFrom=2025-03-01', 'createdFrom'],
      ['createdTo=2025-03-01T10:00:00', 'createdTo'],
      ['createdTo=2025-13-01T00:00:00Z', 'createdTo'],
      ['overdue=yes', 'overdue'],
      ['sort=name', 'sort'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=ten', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
      ['colour=blue', 'colour'],
    ])('%s', async (query, field) => {
      const errors = await errorsFor(query);
      expect(errors.map((error) => error.field)).toEqual([field]);
    });

    it('a cursor made for another sort, and says to start again', async () => {
      const tag = aTag();
      await seed(tag);
      await seed(tag);
      const { nextCursor } = await list({ tag, limit: 1, sort: 'createdAt' });
      const errors = await errorsFor(`tag=${tag}&sort=urgency&cursor=${nextCursor}`);
      expect(errors).toEqual([
        {
          field: 'cursor',
          code: 'invalid_format',
          message:
            'cursor was made for sort=createdAt, not sort=urgency; start again from the first page',
        },
      ]);
    });

    it('every bad field at once, without echoing the values', async () => {
      const errors = await errorsFor('status=secret-status&limit=0&q=x');
      expect(errors.map((error) => error.field).sort()).toEqual(['limit', 'q', 'status']);
      expect(JSON.stringify(errors)).not.toContain('secret-status');
    });
  });

  describe('who sees what', () => {
    it('a clinician lists only the leads assigned to them, whatever the filters say', async () => {
      const tag = aTag();
      const clinician = await aSignedInStaffMember(t, 'clinician');
      const other = await aStaffMember(t.db, 'clinician');
      const mine = await seed(tag, { assignedClinicianId: clinician.clinicianId! });
      const theirs = await seed(tag, {
        assignedClinicianId: other.clinicianId!,
        name: 'Hidden Name',
      });
      await seed(tag);
      sameIds(await list({ tag }, clinician.auth), [mine]);
      expect((await list({ tag, assignedTo: other.clinicianId! }, clinician.auth)).items).toEqual(
        [],
      );
      expect((await list({ tag, assignedTo: 'none' }, clinician.auth)).items).toEqual([]);
      expect((await list({ q: 'Hidden Name' }, clinician.auth)).items).toEqual([]);
      expect((await list({ q: theirs.reference }, clinician.auth)).items).toEqual([]);
    });

    it('admins see every lead, as coordinators do', async () => {
      const tag = aTag();
      const admin = await aSignedInStaffMember(t, 'admin');
      const other = await aStaffMember(t.db, 'clinician');
      const assigned = await seed(tag, { assignedClinicianId: other.clinicianId! });
      const open = await seed(tag);
      sameIds(await list({ tag }, admin.auth), [assigned, open]);
    });
  });

  describe('rows to act from: phone, preferred contact, the newest message', () => {
    const submit = (fields: Record<string, unknown>) =>
      t.http.post('/v1/inquiries').send(anInquiry(fields)).expect(201);
    const itemOf = async (leadId: string, auth: Auth = coordinator.auth) => {
      const [{ reference }] = (await t.db.query(
        `SELECT reference FROM submission_reference WHERE lead_id = $1 ORDER BY created_at LIMIT 1`,
        [leadId],
      )) as [{ reference: string }];
      const page = await list({ q: reference }, auth);
      return page.items.find((item) => item.id === leadId);
    };

    it("previews the lead's newest inquiry, not an older one", async () => {
      const email = `two.${randomBytes(4).toString('hex')}@example.com`;
      const first = await submit({ email, message: 'I think about suicide.' });
      const leadId = await leadIdOf(t, first.body.id);
      const second = await submit({ email, message: 'A newer message about chores.' });
      expect(await leadIdOf(t, second.body.id)).toBe(leadId);
      expect(await itemOf(leadId)).toMatchObject({
        messagePreview: 'A newer message about chores.',
        previewCrisis: false,
      });
    });

    it('cuts a long newest message at a word with an ellipsis and flags crisis words past the cut', async () => {
      const long = `We   keep\n\narguing about money ${'and everything else besides '.repeat(5)}and I want to kill myself some days.`;
      const submitted = await submit({
        phone: '+15035550177',
        preferredContact: 'text',
        message: long,
      });
      const item = await itemOf(await leadIdOf(t, submitted.body.id));
      const preview = item!.messagePreview as string;
      expect(item).toMatchObject({
        phone: '+15035550177',
        preferredContact: 'text',
        previewCrisis: true,
      });
      expect(preview.startsWith('We keep arguing about money and everything else')).toBe(true);
      expect(preview.endsWith('…')).toBe(true);
      expect([...preview].length).toBeLessThanOrEqual(140);
      expect(preview.slice(0, -1)).toMatch(/\S$/);
      expect(long.replace(/\s+/g, ' ')).toContain(`${preview.slice(0, -1)} `);
      expect(preview).not.toContain('kill myself');
    });

    it('a newest message that does not open answers 409 sealed-data-unreadable, nothing of it', async () => {
      const source = await submit({ message: 'Copied words about the affair.' });
      const target = await submit({ message: 'Target message.' });
      const [{ message_encrypted: own }] = (await t.db.query(
        `SELECT message_encrypted FROM inquiry WHERE id = $1`,
        [target.body.id],
      )) as [{ message_encrypted: string }];
      await t.db.query(
        `UPDATE inquiry SET message_encrypted = (SELECT message_encrypted FROM inquiry WHERE id = $2)
          WHERE id = $1`,
        [target.body.id, source.body.id],
      );
      try {
        const response = await t.http
          .get('/v1/admin/leads')
          .query({ q: target.body.reference })
          .set(coordinator.auth);
        expect(response.status).toBe(409);
        expect(response.body.type).toContain('sealed-data-unreadable');
        expect(JSON.stringify(response.body)).not.toContain('affair');
      } finally {
        await t.db.query(`UPDATE inquiry SET message_encrypted = $2 WHERE id = $1`, [
          target.body.id,
          own,
        ]);
      }
    });

    it('a lead of an intake only has no preview', async () => {
      const submitted = await t.http.post('/v1/intakes').send(anIndividualIntake()).expect(201);
      const item = await itemOf(await leadIdOf(t, submitted.body.id));
      expect(item).toMatchObject({ messagePreview: null, previewCrisis: false });
    });

    it('a clinician sees these only on their own leads', async () => {
      const clinician = await aSignedInStaffMember(t, 'clinician');
      const mine = await submit({ message: 'Mine to call back.' });
      const theirs = await submit({ message: 'Not for this clinician.' });
      const mineId = await leadIdOf(t, mine.body.id);
      await t.db.query(`UPDATE lead SET assigned_clinician_id = $2 WHERE id = $1`, [
        mineId,
        clinician.clinicianId,
      ]);
      expect(await itemOf(mineId, clinician.auth)).toMatchObject({
        messagePreview: 'Mine to call back.',
      });
      expect(await itemOf(await leadIdOf(t, theirs.body.id), clinician.auth)).toBeUndefined();
      const page = await list({ limit: 100 }, clinician.auth);
      expect(JSON.stringify(page)).not.toContain('Not for this clinician.');
    });
  });

  describe('audit', () => {
    it('records each list read as lead.listed with the filter names and the count, never the search text', async () => {
      const admin = await aSignedInStaffMember(t, 'admin');
      const lead = await seed(aTag(), {
        name: 'Audited Searchname',
        email: 'audited.search@example.com',
      });
      await list({ q: 'Audited Searchname', status: 'new', sort: 'urgency' }, admin.auth);
      const events = (await auditEvents(t, 'lead.listed')).filter(
        (event) => event.actor_user_id === admin.id,
      );
      expect(events).toHaveLength(1);
      expect(events[0]!.details).toEqual({ filters: ['status', 'q'], sort: 'urgency', count: 1 });
      const stored = JSON.stringify(await t.db.query(`SELECT * FROM audit_event`));
      expect(stored).not.toContain('Searchname');
      expect(stored).not.toContain('audited.search');
      expect(stored).not.toContain(lead.reference);
    });
  });
});
