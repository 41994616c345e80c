import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/test-app.js';

// The built pages (npm run build → dist/web) as the API serves them; the browser tests
// in test/browser/ use them.
describe('the public pages', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const scriptOf = (html: string) => /<script type="module"[^>]* src="([^"]+)"/.exec(html)?.[1];

  describe.each([
    ['/reach-out', 'Reach out'],
    ['/intake/couples', 'Intake form'],
    ['/partner?token=abc', "Your partner&#39;s invitation|Your partner's invitation"],
  ])('%s', (url, title) => {
    it('is an HTML page in English that no browser or proxy keeps', async () => {
      const response = await t.http.get(url).expect(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers.etag).toMatch(/^"[\w-]+"$/);
      expect(response.text).toMatch(/^<!doctype html>\s*<html lang="en">/);
      expect(response.text).toMatch(new RegExp(`<title>(${title})</title>`));
      expect(response.text).toContain('In crisis? Call or text <a href="tel:988">988</a>');
    });

    it('lets the page load and call nothing but this origin', async () => {
      const response = await t.http.get(url).expect(200);
      const policy = response.headers['content-security-policy'];
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("connect-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-inline');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(scriptOf(response.text)).toMatch(/^\/assets\/[\w-]+\.js$/);
    });
  });

  it('answers 304 to a browser that has the page already', async () => {
    const { headers } = await t.http.get('/reach-out').expect(200);
    const again = await t.http.get('/reach-out').set('if-none-match', headers.etag!).expect(304);
    expect(again.text).toBe('');
  });

  it('serves the hashed scripts with a year-long immutable cache', async () => {
    const { text } = await t.http.get('/reach-out').expect(200);
    const response = await t.http.get(scriptOf(text)!).expect(200);
    expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves the embeddable form as one script any site may load, cached for an hour', async () => {
    const response = await t.http
      .get('/embed/reach-out.js')
      .set('origin', 'https://www.practice.example')
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers.etag).toBeDefined();
    expect(response.text).toContain('relational-intake-reach-out');
    expect(response.text).not.toMatch(/\bimport\s*[{(*"']/);
  });

  it('serves the staff app for /admin and every path below it', async () => {
    for (const url of ['/admin', '/admin/leads/5b0c6f1e-4b7a-4f7e-9d43-2f8f0e6c0f11']) {
      const response = await t.http.get(url).expect(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.text).toContain('<title>Staff app</title>');
    }
  });

  it.each(['/nothing-here', '/assets/missing.js', '/embed/missing.js', '/reach-out/extra'])(
    '%s still answers the API’s problem+json 404',
    async (url) => {
      const response = await t.http.get(url).expect(404);
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(response.body).toMatchObject({ type: '/problems/not-found', status: 404 });
    },
  );

  it('leaves the API beside the pages as it was', async () => {
    const response = await t.http.get('/v1/intake-forms/couples').expect(200);
    expect(response.body).toMatchObject({ slug: 'couples', version: 1 });
  });
});
