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

  describe.each([
    ['/reach-out?lang=es', 'Comuníquese con nosotros', 'Esta página necesita JavaScript'],
    ['/intake/couples?lang=es', 'Cuestionario de admisión', 'Esta página necesita JavaScript'],
    ['/partner?token=abc&lang=es', 'La invitación de su pareja', 'Esta página necesita'],
    ['/paperwork?token=abc&lang=es', 'Documentos para firmar', 'para firmar sus documentos'],
    ['/book?token=abc&lang=es', 'Reserve una primera conversación', 'los horarios disponibles'],
    ['/embed/reach-out.html?lang=es', 'Comuníquese con nosotros', 'Este formulario necesita'],
  ])('%s', (url, title, noscript) => {
    it('reads in Spanish before its script runs', async () => {
      const response = await t.http.get(url).expect(200);
      expect(response.text).toMatch(/^<!doctype html>\s*<html lang="es">/);
      expect(response.text).toContain(`<title>${title}</title>`);
      expect(/<noscript>([\s\S]*)<\/noscript>/.exec(response.text)?.[1]).toContain(noscript);
      expect(response.headers.vary).toMatch(/\bAccept-Language\b/i);
      expect(response.text).not.toMatch(/In crisis|needs JavaScript|Please turn it on|__RI_/);
    });
  });

  it('says the crisis line and the description in Spanish, 988’s Spanish option included', async () => {
    const { text } = await t.http.get('/reach-out?lang=es').expect(200);
    expect(text).toContain('<aside class="crisis-line" aria-label="Ayuda en caso de crisis">');
    expect(text).toContain(
      'Llame o envíe un mensaje de texto al <a href="tel:988">988</a> (marque 2 para español)',
    );
    expect(text).toContain(
      '<meta name="description" content="Cuéntele al consultorio cómo comunicarse con usted y qué busca." />',
    );
  });

  it('follows Accept-Language without ?lang=, and ?lang= over it, by the pages’ own rule', async () => {
    const spanish = await t.http
      .get('/reach-out')
      .set('accept-language', 'es-MX,es;q=0.9,en;q=0.8')
      .expect(200);
    expect(spanish.text).toMatch(/<html lang="es">/);
    expect(spanish.text).toContain('<title>Comuníquese con nosotros</title>');
    const asked = await t.http.get('/reach-out?lang=en').set('accept-language', 'es').expect(200);
    expect(asked.text).toMatch(/<html lang="en">/);
    expect(asked.text).toContain('<title>Reach out</title>');
    const neither = await t.http.get('/reach-out').set('accept-language', 'fr-FR, de').expect(200);
    expect(neither.text).toMatch(/<html lang="en">/);
    expect(neither.headers.vary).toMatch(/\bAccept-Language\b/i);
  });

  it('gives each language its own ETag, so a 304 never serves the other language', async () => {
    const spanish = await t.http.get('/reach-out?lang=es').expect(200);
    const english = await t.http.get('/reach-out?lang=en').expect(200);
    expect(spanish.headers.etag).not.toBe(english.headers.etag);
    await t.http.get('/reach-out?lang=es').set('if-none-match', spanish.headers.etag!).expect(304);
    const switched = await t.http
      .get('/reach-out?lang=en')
      .set('if-none-match', spanish.headers.etag!)
      .expect(200);
    expect(switched.text).toContain('<title>Reach out</title>');
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
