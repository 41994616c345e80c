import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { aCompletedCouple, signInOnPage, type CoupleContact } from '../support/admin-ui.js';
import {
  browserForThisFile,
  listenOnLoopback,
  saveScreenshots,
  seriousAxeViolations,
} from '../support/browser.js';
import { anInquiry } from '../support/builders.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { aSignedInStaffMember, aStaffMember, type StaffMember } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { leadIdOf } from '../support/leads.js';
import { eventually } from '../support/wait.js';

const PHONE_SCREEN = { width: 375, height: 812 };

/**
 * The coordinator's desk on a realistic morning: the inbox opens on the leads waiting for
 * a first contact, overdue and crisis first, with counts; a crisis is shown against the
 * partner who said it; an attempt logged from the row stops the clock; a merge is
 * previewed before it is made; and all of it works on a phone.
 */
describe("the staff app: the coordinator's desk", () => {
  const browser = browserForThisFile();
  let sink: SmtpSink;
  let t: TestApp;
  let site: string;
  let coordinator: StaffMember;
  let admin: { Authorization: string };
  let couple: { leadId: string; a: CoupleContact; b: CoupleContact };
  let overdueId: string;
  let laterId: string;

  /** Sets a lead's response target relative to now (minutes; negative: past). */
  const dueIn = (leadId: string, minutes: number) =>
    t.db.query(`UPDATE lead SET respond_by = now() + make_interval(mins => $2) WHERE id = $1`, [
      leadId,
      minutes,
    ]);

  const anInquiryLead = async (name: string, phone: string): Promise<string> => {
    const { body } = await t.http
      .post('/v1/inquiries')
      .send(anInquiry({ name, phone, serviceType: 'individual' }))
      .expect(201);
    const [row] = (await t.db.query(`SELECT lead_id FROM inquiry WHERE reference = $1`, [
      body.reference,
    ])) as { lead_id: string }[];
    return row!.lead_id;
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ smtpUrl: sink.url, env: { SPAM_MIN_SECONDS: '0' } });
    site = await listenOnLoopback(t);
    admin = (await aSignedInStaffMember(t, 'admin')).auth;
    coordinator = await aStaffMember(t.db, 'coordinator');
    couple = await aCompletedCouple(t, sink, { answersB: { crisis_now: true } });
    overdueId = await anInquiryLead('Morgan Ellis', '+15035550111');
    laterId = await anInquiryLead('Robin Hale', '+15035550122');
    await dueIn(overdueId, -(8 * 60 + 5));
    await dueIn(couple.leadId, 10);
    await dueIn(laterId, 3 * 60 + 10);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const rows = (page: Page) => page.getByRole('list', { name: 'Leads' }).getByRole('listitem');
  const viewCount = (page: Page, view: string) =>
    page.locator(`.view-rail [data-view="${view}"] .view-rail__count`);

  it('opens on the leads needing a first contact, overdue then crisis first, with counts', async () => {
    const page = await browser.newPage();
    await signInOnPage(page, site, coordinator);
    await page.waitForURL(/\/admin\/leads\?view=needsFirstContact&sort=dueAt$/);
    await rows(page).nth(2).waitFor();
    await expect(rows(page).count()).resolves.toBe(3);
    const [first, second, third] = await rows(page).allTextContents();
    expect(first).toContain('Morgan Ellis');
    expect(first).toContain('overdue 8 h');
    expect(second).toContain(couple.a.name);
    expect(second).toMatch(/due in \d+ min/);
    expect(second).toContain('crisis: B');
    expect(third).toContain('Robin Hale');
    expect(third).toContain('due in 3 h');
    // The exact time, in the practice's zone with its label, is on hover.
    await expect(rows(page).first().locator('.due').getAttribute('title')).resolves.toMatch(
      /^Respond by \w{3} \d+, \d{4}, \d+:\d{2}\s[AP]M \S+$/,
    );

    await eventually(
      async () => (await viewCount(page, 'needsFirstContact').textContent()) === '3',
      'the count of leads needing a first contact',
    );
    await expect(viewCount(page, 'crisis').textContent()).resolves.toBe('1');
    await expect(viewCount(page, 'overdue').textContent()).resolves.toBe('1');
    await expect(
      page.getByRole('link', { name: /Needs first contact/ }).getAttribute('aria-current'),
    ).resolves.toBe('page');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshots(page, 'admin-desk');
  });

  it('the filters narrow the list: only overdue, then a service type, then a tag nobody has', async () => {
    const page = await browser.newPage();
    await signInOnPage(page, site, coordinator);
    await rows(page).nth(2).waitFor();
    // The list's filters fold away again once applied.
    const openFilters = () => page.getByText('Filters and sort').click();
    const apply = page.getByRole('button', { name: 'Apply filters' });
    await openFilters();

    await page.getByRole('checkbox', { name: 'Only overdue' }).check();
    await apply.click();
    await page.waitForURL(/overdue=true/);
    await eventually(async () => (await rows(page).count()) === 1, 'only the overdue lead');
    expect(await rows(page).first().textContent()).toContain('Morgan Ellis');

    await openFilters();
    await page.getByRole('checkbox', { name: 'Only overdue' }).uncheck();
    await page.getByRole('group', { name: 'Service type' }).getByLabel('Couples').check();
    await apply.click();
    await page.waitForURL((url) => url.searchParams.get('serviceType') === 'couples');
    expect(page.url()).not.toContain('overdue=');
    await eventually(async () => (await rows(page).count()) === 1, 'only the couple');
    expect(await rows(page).first().textContent()).toContain(couple.a.name);

    await openFilters();
    await page.getByLabel('Tag', { exact: true }).fill('no-such-tag');
    await apply.click();
    await page.getByText('No lead matches these filters.').waitFor();
    expect(new URL(page.url()).searchParams.get('tag')).toBe('no-such-tag');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("a partner-B crisis is shown against B, with B's own contact", async () => {
    const page = await browser.newPage();
    await signInOnPage(page, site, coordinator, { path: '/admin/leads?view=crisis&sort=dueAt' });
    await rows(page).first().getByText('crisis: B', { exact: true }).waitFor();
    await rows(page).first().click();
    await page.getByRole('heading', { level: 1, name: couple.a.name }).waitFor();
    const banner = page
      .getByRole('alert')
      .filter({ hasText: `Crisis indicated from partner B (${couple.b.name})` });
    const text = (await banner.textContent())!;
    expect(text).toContain(couple.b.email);
    expect(text).toContain(couple.b.phone!);
    expect(text).toContain('Do not discuss this with the other partner.');
    expect(text).not.toContain(couple.a.email);
    // The next actions are in reach: call, log an attempt, assign, move, note.
    const actions = page.getByRole('region', { name: 'Next actions' });
    await actions.getByRole('link', { name: `Call ${couple.a.name}` }).waitFor();
    await actions.getByRole('button', { name: 'Log attempt' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshots(page, 'admin-desk-lead');
  });

  it('an attempt logged from the row stops the clock: the overdue mark is gone; bulk spam', async () => {
    const page = await browser.newPage();
    await signInOnPage(page, site, coordinator);
    const row = rows(page).filter({ hasText: 'Morgan Ellis' });
    await row.getByText('overdue 8 h').waitFor();
    await row.getByRole('button', { name: 'Log attempt with Morgan Ellis' }).click();
    const form = page.getByRole('form', { name: 'Log a contact attempt with Morgan Ellis' });
    await expect(form.getByRole('radio', { name: 'Phone' }).isChecked()).resolves.toBe(true);
    await form.getByRole('radio', { name: 'Left voicemail' }).check();
    await form.getByRole('button', { name: 'Save attempt' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Phone attempt logged: Left voicemail.' })
      .waitFor();

    // No longer waiting for a first contact: out of the view, and the counts follow.
    await eventually(async () => (await row.count()) === 0, 'the lead leaving the view');
    await eventually(
      async () => (await viewCount(page, 'overdue').textContent()) === '0',
      'the overdue count going down',
    );
    await page.getByRole('link', { name: 'All leads' }).click();
    const everywhere = rows(page).filter({ hasText: 'Morgan Ellis' });
    await everywhere.getByText(/1 attempt, last/).waitFor();
    await expect(everywhere.locator('.due').count()).resolves.toBe(0);
    const attempts = (await t.db.query(
      `SELECT channel, outcome FROM contact_attempt WHERE lead_id = $1`,
      [overdueId],
    )) as { channel: string; outcome: string }[];
    expect(attempts).toEqual([{ channel: 'phone', outcome: 'voicemail' }]);

    // Several at once: each lead changed with its own If-Match, the outcome said.
    await rows(page).filter({ hasText: 'Robin Hale' }).getByLabel('Select Robin Hale').check();
    await page.getByRole('button', { name: 'Mark spam' }).click();
    await page.getByRole('status').filter({ hasText: '1 of 1 lead marked as spam.' }).waitFor();
    const [robin] = (await t.db.query(`SELECT status FROM lead WHERE id = $1`, [laterId])) as {
      status: string;
    }[];
    expect(robin!.status).toBe('spam');
  });

  it('a merge is previewed first and keeps the lead already contacted', async () => {
    const contactedId = await anInquiryLead('Casey Quinn', '+15035550133');
    const freshId = await anInquiryLead('Casey Quinn', '+15035550144');
    const current = await t.http.get(`/v1/admin/leads/${contactedId}`).set(admin).expect(200);
    await t.http
      .patch(`/v1/admin/leads/${contactedId}`)
      .set(admin)
      .set('If-Match', current.headers.etag!)
      .send({ status: 'contacted' })
      .expect(200);
    const contactedReference = current.body.reference as string;

    const page = await browser.newPage();
    await signInOnPage(page, site, coordinator, { path: `/admin/leads/${freshId}` });
    await page.getByRole('button', { name: 'Compare and merge…' }).click();
    const panel = page.getByRole('group', { name: 'Compare and merge' });
    const keepOther = panel.getByRole('radio', { name: /Keep the other lead/ });
    await keepOther.waitFor();
    await expect(keepOther.isChecked()).resolves.toBe(true);
    await panel.getByRole('button', { name: 'Preview the merge' }).click();
    const preview = panel.locator('.merge-preview');
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain('Contacted');
    const before = (await t.db.query(`SELECT merged_into_lead_id FROM lead WHERE id = $1`, [
      freshId,
    ])) as { merged_into_lead_id: string | null }[];
    expect(before[0]!.merged_into_lead_id).toBeNull();

    await panel.getByRole('button', { name: `Merge, keeping ${contactedReference}` }).click();
    await page.waitForURL(new RegExp(`/admin/leads/${contactedId}$`));
    const after = (await t.db.query(`SELECT merged_into_lead_id FROM lead WHERE id = $1`, [
      freshId,
    ])) as { merged_into_lead_id: string | null }[];
    expect(after[0]!.merged_into_lead_id).toBe(contactedId);
  });

  it('on a phone: no sideways scrolling, and every target at least 44 px, list and lead', async () => {
    const page = await browser.newPage({ viewport: PHONE_SCREEN });
    await signInOnPage(page, site, coordinator);
    await rows(page).first().waitFor();
    await expect(sideways(page)).resolves.toEqual([]);
    await expect(smallTargets(page)).resolves.toEqual([]);

    await rows(page).filter({ hasText: couple.a.name }).click();
    await page.getByRole('heading', { level: 1, name: couple.a.name }).waitFor();
    await page.getByRole('heading', { name: 'Best matches' }).waitFor();
    await expect(sideways(page)).resolves.toEqual([]);
    await expect(smallTargets(page)).resolves.toEqual([]);
    // The next actions sit at the bottom of the first screen; the status near the top.
    const bar = await page.getByRole('region', { name: 'Next actions' }).boundingBox();
    expect(bar!.y + bar!.height).toBeLessThanOrEqual(PHONE_SCREEN.height + 1);
    const status = await page.locator('.lead-header .badge--status').boundingBox();
    expect(status!.y).toBeLessThan(PHONE_SCREEN.height / 2);
    expect(status!.y + status!.height).toBeLessThan(bar!.y);
  });

  it('rows to act from: the message with crisis words marked, tap-to-call logs the attempt, keys, bulk assign', async () => {
    const clinician = await aStaffMember(t.db, 'clinician');
    const anotherLead = async (name: string, fields: Record<string, unknown> = {}) => {
      const { body } = await t.http
        .post('/v1/inquiries')
        .send(anInquiry({ name, serviceType: 'individual', ...fields }))
        .expect(201);
      return leadIdOf(t, body.id);
    };
    const averyId = await anotherLead('Avery Stone');
    const blakeId = await anotherLead('Blake Moss');
    const jamieId = await anotherLead('Jamie Reyes', {
      phone: '+15035550155',
      preferredContact: 'text',
      message: 'Some nights I want to die.\n\nWe cannot talk without shouting.',
    });

    const page = await browser.newPage();
    await signInOnPage(page, site, coordinator);
    await page.getByRole('link', { name: 'All leads' }).click();
    const jamie = rows(page).filter({ hasText: 'Jamie Reyes' });
    await jamie.locator('.lead-row__preview').waitFor();
    await expect(jamie.locator('.lead-row__preview').textContent()).resolves.toBe(
      'Some nights I want to die. We cannot talk without shouting.',
    );
    // Read again until it holds: the list may redraw its rows between two reads (a live
    // refetch), and allTextContents, unlike a locator's wait, reads once.
    await eventually(
      async () =>
        JSON.stringify(await jamie.locator('mark').allTextContents()) ===
        JSON.stringify(['want to die']),
      "the crisis words marked once in Jamie's preview",
    );
    await expect(jamie.textContent()).resolves.toContain('prefers text');

    // Keys: j and k move between leads, Enter opens one, / goes to the search.
    const blur = () => page.evaluate('document.activeElement?.blur()');
    await blur();
    const focusedLead = () =>
      page.evaluate(`document.activeElement?.closest('.lead-row')?.dataset.leadId ?? null`);
    const ids = (await rows(page).evaluateAll((items) =>
      items.map((item) => item.getAttribute('data-lead-id')),
    )) as string[];
    expect(ids.slice(0, 3)).toEqual([jamieId, blakeId, averyId]);
    await page.keyboard.press('j');
    await expect(focusedLead()).resolves.toBe(jamieId);
    await page.keyboard.press('j');
    await expect(focusedLead()).resolves.toBe(blakeId);
    await page.keyboard.press('k');
    await expect(focusedLead()).resolves.toBe(jamieId);
    await page.keyboard.press('/');
    await expect(page.evaluate('document.activeElement?.id')).resolves.toBe('q');
    await blur();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect(focusedLead()).resolves.toBe(blakeId);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/admin/leads/${blakeId}$`));
    await page.getByRole('heading', { level: 1, name: 'Blake Moss' }).waitFor();

    // Two leads assigned at once; the rows say so when read again.
    await page.goBack();
    await rows(page).filter({ hasText: 'Avery Stone' }).getByLabel('Select Avery Stone').check();
    await rows(page).filter({ hasText: 'Blake Moss' }).getByLabel('Select Blake Moss').check();
    await page.getByLabel('Assign the selected leads to').selectOption(clinician.clinicianId!);
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: '2 of 2 leads assigned to Staff clinician.' })
      .waitFor();
    for (const name of ['Avery Stone', 'Blake Moss']) {
      await rows(page)
        .filter({ hasText: name })
        .locator('.lead-row__facts')
        .getByText('Staff clinician', { exact: true })
        .waitFor();
    }
    const assigned = (await t.db.query(
      `SELECT assigned_clinician_id FROM lead WHERE id = ANY($1::uuid[])`,
      [[averyId, blakeId]],
    )) as { assigned_clinician_id: string }[];
    expect(assigned.map((row) => row.assigned_clinician_id)).toEqual([
      clinician.clinicianId,
      clinician.clinicianId,
    ]);

    // Tapping the number starts the call and asks for its outcome at once. The browser's own
    // hand-over of tel: to the system is stopped here (headless Chromium has no dialer, and
    // its attempt at one swallows the next input); the page's own handling still runs.
    await expect(jamie.locator('a[href="sms:+15035550155"]').count()).resolves.toBe(1);
    const call = jamie.locator('a[href="tel:+15035550155"]');
    await call.evaluate((link) =>
      link.addEventListener(
        'click',
        (event: { preventDefault(): void }) => event.preventDefault(),
        {
          once: true,
        },
      ),
    );
    await call.click();
    const form = page.getByRole('form', { name: 'Log a contact attempt with Jamie Reyes' });
    await expect(form.getByRole('radio', { name: 'Phone' }).isChecked()).resolves.toBe(true);
    await form.getByRole('radio', { name: 'Connected' }).check();
    await form.getByRole('button', { name: 'Save attempt' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Phone attempt logged: Connected.' })
      .waitFor();
    const [stopped] = (await t.db.query(
      `SELECT first_attempt_at IS NOT NULL AS stopped, (SELECT array_agg(channel || ':' || outcome)
          FROM contact_attempt WHERE lead_id = $1) AS attempts FROM lead WHERE id = $1`,
      [jamieId],
    )) as { stopped: boolean; attempts: string[] }[];
    expect(stopped).toEqual({ stopped: true, attempts: ['phone:connected'] });
    await jamie.getByText(/1 attempt, last/).waitFor();
    await expect(jamie.locator('.due').count()).resolves.toBe(0);
  });
});

/** What sticks out past the right edge of the screen (nothing: no sideways scrolling). */
function sideways(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    // The outermost elements past the edge: their parent still fits (or scrolls them).
    const past = (element) => element.getBoundingClientRect().right > width + 0.5;
    const scrolls = (element) => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(element).overflowX);
    return [...document.querySelectorAll('body *')]
      .filter((element) => past(element) && element.parentElement &&
        !past(element.parentElement) && !scrolls(element.parentElement))
      .slice(0, 5)
      .map((element) => element.tagName.toLowerCase() + '.' + element.className + ' ' +
        Math.round(element.getBoundingClientRect().right));
  })()`) as Promise<string[]>;
}

/**
 * The visible controls smaller than 44 × 44 px (a checkbox or radio counts by its label;
 * a link inside a sentence is exempt, as WCAG exempts it). Evaluated in the page, as text:
 * the test's own TypeScript has no DOM.
 */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const found = [];
    const controls = document.querySelectorAll(
      'a, button, select, input:not([type="hidden"]), textarea, summary',
    );
    for (const control of controls) {
      if (control.closest('.skip-link, .visually-hidden')) continue;
      if (control.getClientRects().length === 0) continue;
      const text = (control.textContent || '').trim();
      const inSentence =
        control.tagName === 'A' && (control.parentElement.textContent || '').trim().length > text.length;
      if (inSentence) continue;
      const target =
        control.tagName === 'INPUT' && ['checkbox', 'radio'].includes(control.type)
          ? control.closest('label') || control
          : control;
      const box = target.getBoundingClientRect();
      if (box.width < 44 || box.height < 44) {
        const name = (text || control.getAttribute('aria-label') || control.id).slice(0, 40);
        found.push(control.tagName.toLowerCase() + ' "' + name + '" ' + Math.round(box.width) + 'x' + Math.round(box.height));
      }
    }
    return found;
  })()`) as Promise<string[]>;
}
