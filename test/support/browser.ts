import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from '@jest/globals';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import type { TestApp } from './test-app.js';

/** Debian's Chromium (npm run test:e2e installs it when missing), or CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Where `npm run screenshots` wants pictures of the pages; unset on a normal test run. */
const SCREENSHOT_DIR = process.env.SAVE_SCREENSHOTS;

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export interface BrowserForFile {
  /**
   * A fresh page in its own context (no shared cookies or storage), closed after the test;
   * `locale` is the browser's language (`navigator.languages`, `Accept-Language`).
   */
  newPage(options?: {
    viewport?: { width: number; height: number };
    locale?: string;
  }): Promise<Page>;
}

/** Set by oneBrowserForThisJestFile(): the Chromium every browserForThisFile() shares. */
let sharedBrowser: { launch(): Promise<Browser> } | undefined;

async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` ` +
        '(`npm run test:e2e` does it when run as root) or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

/**
 * For a Jest file that gathers the cases of several browser files (each calling
 * browserForThisFile() in its describe): call it at the file's top level. Every
 * browserForThisFile() of the file then uses one Chromium, started before the first case
 * and closed after the last, instead of one each. Pages still get contexts of their own.
 */
export function oneBrowserForThisJestFile(): void {
  let launched: Promise<Browser> | undefined;
  sharedBrowser = { launch: () => (launched ??= launchChromium()) };
  afterAll(async () => {
    await (await launched)?.close();
    sharedBrowser = undefined;
  });
}

/**
 * One Chromium for the test file, a page per test; registers the Jest hooks that start
 * and close them. Every page fails its test on a console error or an uncaught exception.
 */
export function browserForThisFile(): BrowserForFile {
  let browser: Browser | undefined;
  let owned = false;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    owned = sharedBrowser === undefined;
    browser = await (sharedBrowser?.launch() ?? launchChromium());
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    const errors = pageErrors.splice(0);
    if (errors.length > 0) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
  });
  afterAll(async () => {
    if (owned) await browser?.close();
  });

  return {
    async newPage({ viewport = DESKTOP, locale = 'en-US' } = {}) {
      if (!browser) throw new Error('the browser has not started');
      const context = await browser.newContext({ viewport, locale });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(5_000);
      page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        // A 4xx answer is logged by Chromium as "Failed to load resource"; that is a
        // tested outcome, not a fault. Anything else (CSP refusals included) is one.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          pageErrors.push(`console: ${message.text()}`);
        }
      });
      return page;
    },
  };
}

/**
 * Makes the test app listen on a real port (startTestApp only serves supertest) and
 * returns its origin, e.g. `http://127.0.0.1:41234`.
 */
export async function listenOnLoopback(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

/** A plain web server on its own port, standing in for a practice's website. */
export async function startHostSite(): Promise<{
  origin: string;
  /** Serves `html` at `/` from now on. */
  setPage(html: string): void;
  stop(): Promise<void>;
}> {
  let page = '<!doctype html><title>empty</title>';
  const server: Server = createServer((request, response) => {
    if (request.url !== '/') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    setPage: (html) => {
      page = html;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * Runs axe-core on the page as it is now. axe is evaluated through the DevTools
 * protocol, which the page's Content-Security-Policy does not block (a <script> would be).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(`
    window.axe
      .run(document, { resultTypes: ['violations'] })
      .then((result) => result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => JSON.stringify(node.target)),
      })))
  `) as Promise<AxeViolation[]>;
}

/** The violations that block someone: axe's `serious` and `critical`. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  return (await axeViolations(page)).filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
}

/**
 * With SAVE_SCREENSHOTS=<folder> (npm run screenshots), saves the page at phone and
 * desktop widths as <name>-phone.png and <name>-desktop.png; otherwise does nothing.
 */
export async function saveScreenshots(
  page: Page,
  name: string,
  { from }: { from?: Locator } = {},
): Promise<void> {
  if (!SCREENSHOT_DIR) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  for (const [label, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    // The top of the page, or of the part the picture is about.
    if (from) await from.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    else await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${label}.png`) });
  }
  if (original) await page.setViewportSize(original);
}
