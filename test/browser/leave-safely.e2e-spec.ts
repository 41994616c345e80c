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
import { answerForm, consentToContact, fillClient } from '../support/form-filling.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { eventually } from '../support/wait.js';

/** A practice's site that frames the reach-out page and keeps the heights it is told. */
const framingPage = (api: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Riverside Counseling</title></head>
<body>
  <main>
    <h1>Contact us</h1>
    <iframe id="reach-out" title="Reach out to the practice" style="width: 100%; border: 0"
      src="${api}/embed/reach-out.html?heading=Write%20to%20our%20team&lang=en"></iframe>
  </main>
  <script>
    window.heights = [];
    window.addEventListener('message', (event) => {
      if (event.data && event.data.type === 'relational-intake:height') {
        window.heights.push(event.data.height);
        document.getElementById('reach-out').style.height = event.data.height + 'px';
      }
    });
  </script>
</body>
</html>`;

/**
 * Leaving safely: "Leave this site" and Escape twice land on SAFE_EXIT_URL (a stand-in
 * served here) and Back does not bring the form again; the framed reach-out page on a
 * practice's site; a draft saved in one browser and resumed in another.
 */
describe('leaving safely, the framed form and resuming a draft', () => {
  const browser = browserForThisFile();
  let sink: SmtpSink;
  let t: TestApp;
  let site: string;
  let safe: Awaited<ReturnType<typeof startHostSite>>;
  let framer: Awaited<ReturnType<typeof startHostSite>>;
  let stranger: Awaited<ReturnType<typeof startHostSite>>;
  let individual: FormDefinition;

  beforeAll(async () => {
    safe = await startHostSite();
    safe.setPage('<!doctype html><html lang="en"><title>Weather</title><h1>Sunny, 18°</h1></html>');
    framer = await startHostSite();
    stranger = await startHostSite();
    sink = await startSmtpSink();
    t = await startTestApp({
      smtpUrl: sink.url,
      env: {
        SAFE_EXIT_URL: `${safe.origin}/`,
        CORS_ORIGINS: framer.origin,
        SPAM_MIN_SECONDS: '0',
      },
    });
    site = await listenOnLoopback(t);
    framer.setPage(framingPage(site));
    stranger.setPage(framingPage(site));
    individual = (await t.http.get('/v1/intake-forms/individual').expect(200)).body;
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
    await Promise.all([safe, framer, stranger].map((host) => host?.stop()));
  });

  const open = async (path: string, page?: Page) => {
    const tab = page ?? (await browser.newPage());
    await tab.goto(`${site}${path}`);
    await tab.locator('main#main').waitFor();
    await tab.getByText('Loading the questions…').waitFor({ state: 'detached' });
    return tab;
  };

  /** On the stand-in weather page; Back shows no form (the form's entry was replaced). */
  const expectLeft = async (page: Page) => {
    await page.waitForURL(`${safe.origin}/`);
    await expect(page.getByRole('heading', { name: 'Sunny, 18°' }).isVisible()).resolves.toBe(true);
    await page.goBack();
    expect(page.url()).not.toContain(site);
    await expect(page.getByRole('button', { name: 'Send my answers' }).count()).resolves.toBe(0);
  };

  it('"Leave this site" replaces the intake page with the safe site', async () => {
    const page = await open('/intake/individual', await browser.newPage({ viewport: PHONE }));
    await fillClient(page, { name: 'Robin Park', email: 'robin@example.com' });
    await page.getByLabel('What would you like to be different after therapy?').fill('Leaving him');
    const leave = page.getByRole('button', { name: 'Leave this site' });
    await expect(leave.isVisible()).resolves.toBe(true);
    await saveScreenshots(page, 'leave-this-site');
    await leave.click();
    await expectLeft(page);
  });

  it('Escape pressed twice leaves from the reach-out page; once does not', async () => {
    const page = await open('/reach-out');
    await page.getByLabel('Your name').fill('Robin Park');
    await page.keyboard.press('Escape');
    expect(page.url()).toBe(`${site}/reach-out`);
    await page.keyboard.press('Escape');
    await expectLeft(page);
  });

  it('the framed reach-out page tells its parent its height; another site cannot frame it', async () => {
    const page = await browser.newPage();
    await page.goto(framer.origin);
    const frame = page.frameLocator('#reach-out');
    await frame.getByRole('heading', { name: 'Write to our team' }).waitFor();
    await frame.getByRole('button', { name: 'Leave this site' }).waitFor();
    const height = await page.waitForFunction(
      `(() => { const h = window.heights; return h.length > 0 && h[h.length - 1] > 400 && h[h.length - 1]; })()`,
    );
    expect(await height.jsonValue()).toBeGreaterThan(400);
    await saveScreenshots(page, 'embed-framed-on-host-page');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Not through browserForThisFile: the refusal is a console error, which is the point.
    const context = await page.context().browser()!.newContext();
    try {
      const refused = await context.newPage();
      await refused.goto(stranger.origin);
      const child = await (await refused.waitForSelector('#reach-out')).contentFrame();
      // The frame holds the browser's refusal page, not the form, and told its parent nothing.
      await eventually(
        async () => child!.url().startsWith('chrome-error://'),
        'the browser to refuse the frame',
      );
      await expect(
        child!.evaluate(`document.querySelector('relational-intake-reach-out') !== null`),
      ).resolves.toBe(false);
      await expect(refused.evaluate('window.heights')).resolves.toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('answers saved in one browser open in another from the emailed link, then send and delete the draft', async () => {
    const page = await open('/intake/individual');
    await fillClient(page, { name: 'Robin Park', email: 'robin.park@example.com' });
    await answerForm(page, individual, { ind_concerns: ['anxiety'], ind_prior_therapy: true });
    const save = page.getByRole('region', { name: 'Need a break?' }).first();
    await save.getByRole('button', { name: 'Save and finish later' }).click();
    await expect(save.getByLabel('Email the link to').inputValue()).resolves.toBe(
      'robin.park@example.com',
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await save.getByRole('button', { name: 'Email me the link' }).click();
    await save.getByText(/We emailed a link to robin\.park@example\.com/).waitFor();
    await saveScreenshots(page, 'intake-saved-for-later', { from: save });
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Nothing typed in the browser's storage: only the visit's first touch (where the
    // visitor came from, docs/api.md#where-a-lead-came-from) in sessionStorage.
    const stored = (await page.evaluate(
      '[...Object.keys(localStorage), ...Object.keys(sessionStorage)]',
    )) as string[];
    expect(stored.filter((key) => key !== 'intake.first-touch')).toEqual([]);

    const mail = await eventually(
      async () => sink.messages.find((message) => message.to.includes('robin.park@example.com')),
      'the resume email',
    );
    const token = /\?resume=([\w-]+)/.exec(mail.text)![1]!;

    const fresh = await open(`/intake/individual?resume=${token}`);
    await fresh.getByText('Your saved answers are filled in.').waitFor();
    expect(fresh.url()).toBe(`${site}/intake/individual`);
    await expect(fresh.getByLabel('Your name', { exact: true }).inputValue()).resolves.toBe(
      'Robin Park',
    );
    await expect(
      fresh.getByRole('checkbox', { name: 'Anxiety or worry' }).isChecked(),
    ).resolves.toBe(true);
    expect(await seriousAxeViolations(fresh)).toEqual([]);

    await answerForm(fresh, individual, {
      ind_availability: ['weekday_evening'],
      ind_session_format: 'telehealth',
      ind_payment: 'self_pay',
      crisis_now: false,
    });
    await consentToContact(fresh);
    await fresh.getByRole('button', { name: 'Send my answers' }).click();
    await fresh.getByRole('heading', { name: 'Thank you, your answers are in' }).waitFor();
    await expect(t.db.query(`SELECT id FROM intake_draft`)).resolves.toEqual([]);
  });
});
