import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WidgetSources } from '../captcha/captcha-verification.js';
import { type Language, LANGUAGES } from '../vocabulary/languages.js';
import {
  PAGES_WITH_HEADS,
  type PageWithHead,
  escapeHtml,
  servedLanguage,
  withPageHead,
} from './page-heads.js';

/**
 * The built public pages (web/, built by `npm run build` into dist/web) served by the
 * API's own Fastify instance. These are plain Fastify routes, not Nest controllers: no
 * guard, no DTO, nothing under /v1. Paths that are not pages fall through to the API's
 * problem+json 404.
 */

/**
 * Every HTML page allows nothing but this origin: scripts, styles, and fetch() alike; with
 * a CAPTCHA provider configured, also that provider's widget (its script, frame, styles
 * and calls, as the provider documents them), and nothing else.
 */
export function pageContentSecurityPolicy(widget?: WidgetSources): string {
  const plus = (sources: string[] | undefined) =>
    sources && sources.length > 0 ? ` ${sources.join(' ')}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${plus(widget?.script)}`,
    `style-src 'self'${plus(widget?.style)}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${plus(widget?.connect)}`,
    ...(widget && widget.frame.length > 0 ? [`frame-src ${widget.frame.join(' ')}`] : []),
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy without a CAPTCHA provider. */
export const PAGE_CONTENT_SECURITY_POLICY = pageContentSecurityPolicy();

/**
 * The framed reach-out page's policy: the public pages' own, except that the practice's
 * websites (CORS_ORIGINS) may frame it; with none configured, nobody may.
 */
export function framedPagePolicy(widget: WidgetSources | undefined, origins: readonly string[]) {
  const ancestors = origins.length > 0 ? origins.join(' ') : "'none'";
  return pageContentSecurityPolicy(widget).replace(
    "frame-ancestors 'none'",
    `frame-ancestors ${ancestors}`,
  );
}

/** Where the embed script reads SAFE_EXIT_URL (web/src/lib/leave-safely.ts). */
export const SAFE_EXIT_PLACEHOLDER = '__RI_SAFE_EXIT_URL__';

/** SAFE_EXIT_URL for a page: a <meta> its script reads (web/src/lib/leave-safely.ts). */
export function withSafeExitMeta(html: Buffer, safeExitUrl: string | undefined): Buffer {
  if (!safeExitUrl) return html;
  const meta = `<meta name="safe-exit-url" content="${escapeHtml(safeExitUrl)}" />`;
  return Buffer.from(html.toString('utf8').replace('</head>', `${meta}</head>`), 'utf8');
}

/** SAFE_EXIT_URL written into the embed script's string literal, whatever its quotes. */
export function withSafeExitLiteral(script: string, safeExitUrl: string): string {
  const literal = JSON.stringify(safeExitUrl)
    .slice(1, -1)
    .replace(/'/g, '\\u0027')
    .replace(/</g, '\\u003c');
  return script.replaceAll(SAFE_EXIT_PLACEHOLDER, literal);
}

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  // Never kept: Back after "Leave this site", or the next person at a shared computer,
  // must not find the form in the cache (and a deploy's new asset names load at once).
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  // The partner page's address holds a one-time token: never send it anywhere.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;

/** `dist/web` of this checkout, found from this file in `src/` (tests) or `dist/src/`. */
export function defaultWebRoot(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(folder, 'package.json'))) {
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return path.join(folder, 'dist', 'web');
}

interface Page {
  readonly body: Buffer;
  readonly etag: string;
}

/** A page as served: one, or one per language chosen by `?lang=` or `Accept-Language`. */
type ServedPage = Page | Record<Language, Page>;

function pageOf(body: Buffer): Page {
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

function readPage(root: string, name: string, safeExitUrl?: string): ServedPage | undefined {
  const file = path.join(root, name, 'index.html');
  if (!existsSync(file)) return undefined;
  const html = readFileSync(file);
  if (!(PAGES_WITH_HEADS as readonly string[]).includes(name)) {
    return pageOf(withSafeExitMeta(html, safeExitUrl));
  }
  // Written once per language at start: before its script runs, the page already reads
  // in the language the script will choose.
  const template = html.toString('utf8');
  const inLanguage = (language: Language) =>
    pageOf(
      withSafeExitMeta(
        Buffer.from(withPageHead(template, name as PageWithHead, language), 'utf8'),
        safeExitUrl,
      ),
    );
  return Object.fromEntries(
    LANGUAGES.map((language) => [language, inLanguage(language)]),
  ) as Record<Language, Page>;
}

function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  served: ServedPage,
  policy: string,
  framed = false,
): FastifyReply {
  const perLanguage = !('body' in served);
  const page = perLanguage
    ? served[servedLanguage(request.url, request.headers['accept-language'])]
    : served;
  reply.headers({ ...PAGE_HEADERS, 'content-security-policy': policy, etag: page.etag });
  if (perLanguage) {
    const vary = reply.getHeader('vary');
    reply.header('vary', vary ? `${String(vary)}, Accept-Language` : 'Accept-Language');
  }
  // The framed page's frame-ancestors names who may frame it; X-Frame-Options cannot.
  if (framed) reply.removeHeader('x-frame-options');
  if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
  return reply.send(page.body);
}

/**
 * Registers the pages on `fastify` (before Nest initialises):
 * - `/reach-out`, `/intake/:slug`, `/partner`, `/paperwork` and `/book` (?token=…), `/admin` and `/admin/*` (the
 *   staff app's single-page fallback): HTML read once at start, `no-store`, with a CSP;
 *   the public ones written once per language and served in the one `?lang=` or
 *   `Accept-Language` asks for (page-heads.ts), with `Vary: Accept-Language`;
 * - `/assets/*`: content-hashed files, cached for a year;
 * - `/embed/reach-out.js`: the embeddable form, cacheable for an hour, loadable anywhere;
 * - `/embed/reach-out.html`: the same form as a page the practice's websites
 *   (CORS_ORIGINS) may frame; every other page refuses to be framed.
 * Every page carries SAFE_EXIT_URL for its "Leave this site" control.
 * Nothing is registered when the web build is missing; those paths then answer 404.
 */
export function registerPublicPages(
  fastify: FastifyInstance,
  {
    root = defaultWebRoot(),
    widget,
    safeExitUrl,
    frameAncestors = [],
  }: {
    root?: string;
    widget?: WidgetSources;
    safeExitUrl?: string;
    frameAncestors?: readonly string[];
  } = {},
): void {
  if (!existsSync(root)) return;
  const publicPolicy = pageContentSecurityPolicy(widget);
  const pages: [string[], string][] = [
    [['/reach-out'], 'reach-out'],
    [['/intake/:slug'], 'intake'],
    [['/partner'], 'partner'],
    [['/paperwork'], 'paperwork'],
    [['/book'], 'book'],
    [['/admin', '/admin/*'], 'admin'],
  ];
  for (const [urls, name] of pages) {
    const page = readPage(root, name, safeExitUrl);
    if (!page) continue;
    // The staff app shows no widget: its policy stays the strictest.
    const policy = name === 'admin' ? PAGE_CONTENT_SECURITY_POLICY : publicPolicy;
    for (const url of urls) {
      fastify.get(url, (request, reply) => sendPage(request, reply, page, policy));
    }
  }

  const framed = readPage(root, 'embed-frame', safeExitUrl);
  if (framed) {
    const policy = framedPagePolicy(widget, frameAncestors);
    fastify.get('/embed/reach-out.html', (request, reply) =>
      sendPage(request, reply, framed, policy, true),
    );
  }

  const assets = path.join(root, 'assets');
  if (existsSync(assets)) {
    void fastify.register(fastifyStatic, {
      root: assets,
      prefix: '/assets/',
      decorateReply: false,
      index: false,
      list: false,
      dotfiles: 'deny',
      // Names carry a content hash: a changed file is a new address.
      maxAge: '365d',
      immutable: true,
      setHeaders: (reply) => {
        reply.header('x-content-type-options', 'nosniff');
      },
    });
  }

  const embed = path.join(root, 'embed');
  const script = path.join(embed, 'reach-out.js');
  if (existsSync(script) && safeExitUrl) {
    // Read once: the built script with SAFE_EXIT_URL written in.
    const body = withSafeExitLiteral(readFileSync(script, 'utf8'), safeExitUrl);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    fastify.get('/embed/reach-out.js', (request, reply) => {
      reply.headers({
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
        'access-control-allow-origin': '*',
        'cross-origin-resource-policy': 'cross-origin',
        etag,
      });
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.send(body);
    });
  }
  if (existsSync(embed)) {
    void fastify.register(fastifyStatic, {
      root: embed,
      prefix: '/embed/',
      decorateReply: false,
      index: false,
      list: false,
      dotfiles: 'deny',
      // A stable address practice websites link to: cached briefly, revalidated by ETag.
      maxAge: '1h',
      setHeaders: (reply) => {
        reply.header('x-content-type-options', 'nosniff');
        // A static script with no personal data: any site may load it.
        reply.header('access-control-allow-origin', '*');
        reply.header('cross-origin-resource-policy', 'cross-origin');
      },
    });
  }
}
