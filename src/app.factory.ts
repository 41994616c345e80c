import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { type AppModuleOptions, AppModule } from './app.module.js';
import {
  clientErrorAnswer,
  frameworkErrorAnswer,
  jsonContentSecurityPolicy,
  imageBodies,
  jsonOnlyBodies,
  publicCors,
  noStoreOnPublicRoutes,
  noStoreOnStaffRoutes,
  withSecurityHeaders,
} from './common/http-hygiene.js';
import { QuietNestLogger, requestId } from './common/logging.js';
import { buildOpenApiDocument } from './common/openapi.js';
import { ProblemDetailsFilter } from './common/problem-details.filter.js';
import { RequestValidationPipe } from './common/validation.pipe.js';
import { widgetSources } from './captcha/captcha-verification.js';
import { Metrics } from './metrics/metrics.service.js';
import {
  CONSENT_DOCUMENT_BODY_LIMIT_BYTES,
  takesConsentDocumentText,
} from './consents/consent-languages.js';
import { registerPublicPages } from './pages/public-pages.js';
import type { TrustProxy } from './config/app-config.js';

/** TRUST_PROXY as Fastify's option; a hop count as the function Fastify makes of one. */
function fastifyTrustProxy(trust: TrustProxy) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

/**
 * How Nest boots every process of the service. A failed boot rejects (`abortOnError:
 * false`) instead of ending the process, so the caller decides: `main.ts`/`worker.ts` print
 * one line and exit 1, a test fails on its own. Nest's boot lines wait in a buffer until
 * our logger exists (`flushLogs` after `useLogger`); a failed boot drops them rather than
 * printing them with Nest's console logger (`autoFlushLogs: false`).
 */
export const nestBootOptions = {
  bufferLogs: true,
  autoFlushLogs: false,
  abortOnError: false,
} as const;

/** Drops what a failed boot buffered (see nestBootOptions), then fails as it did. */
export function dropBufferedBootLogs(error: unknown): never {
  NestLogger.overrideLogger(false);
  NestLogger.flush();
  throw error;
}

/** docs/api.md#conventions: bodies over 64 KiB answer 413. */
export const BODY_LIMIT_BYTES = 64 * 1024;
/** The practice's logo is checked against its own 256 KiB; nothing larger than this is read. */
const IMAGE_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Builds the whole HTTP application, exactly as production runs it; tests use this too.
 * Call `listen` (or `init` for supertest) on the result.
 */
export async function createApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // request.ip (rate limits, the audit trail) names the client only behind a trusted proxy.
    trustProxy: fastifyTrustProxy(options.config.trustProxy),
    requestIdHeader: false,
    clientErrorHandler: clientErrorAnswer,
    frameworkErrors: frameworkErrorAnswer(options.config),
    genReqId: requestId,
    // Slow clients (slowloris) must not hold connections: the headers within
    // HTTP_HEADERS_TIMEOUT_SECONDS, the whole request within HTTP_REQUEST_TIMEOUT_SECONDS,
    // else 408. Node checks both on this interval (30 s by default: too coarse).
    requestTimeout: options.config.http.requestTimeoutSeconds * 1000,
    http: {
      headersTimeout: options.config.http.headersTimeoutSeconds * 1000,
      requestTimeout: options.config.http.requestTimeoutSeconds * 1000,
      connectionsCheckingInterval: 1000,
    },
  });
  const fastify = adapter.getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Only JSON is accepted, within shape limits (Nest's own parsers are off: `bodyParser:
  // false` below). Errors from parsing reach the ProblemDetailsFilter through Nest's
  // Fastify error handler.
  jsonOnlyBodies(fastify, BODY_LIMIT_BYTES);
  imageBodies(fastify, IMAGE_BODY_LIMIT_BYTES);

  fastify.addHook('onRoute', (route) => {
    if (takesConsentDocumentText(route.method, route.url)) {
      route.bodyLimit = CONSENT_DOCUMENT_BODY_LIMIT_BYTES;
    }
  });
  withSecurityHeaders(fastify, options.config);
  noStoreOnStaffRoutes(fastify);
  noStoreOnPublicRoutes(fastify);
  jsonContentSecurityPolicy(fastify);
  // The built public pages (/reach-out, /intake/:slug, /partner, /embed/reach-out.js, /admin).
  const { captcha } = options.config;
  registerPublicPages(fastify, {
    safeExitUrl: options.config.safeExitUrl,
    frameAncestors: options.config.corsOrigins,
    widget:
      captcha.provider === 'none' ? undefined : widgetSources(captcha.provider, captcha.scriptUrl),
  });

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(options),
    adapter,
    // Only JSON, by our own parser (jsonOnlyBodies above).
    { ...nestBootOptions, bodyParser: false },
  ).catch(dropBufferedBootLogs);
  app.useLogger(new QuietNestLogger(app.get(Logger)));
  app.flushLogs();
  // Every answer, matched or not, is timed under its route template (src/metrics).
  const metrics = app.get(Metrics);
  fastify.addHook('onResponse', async (request, reply) => metrics.observeRequest(request, reply));
  app.useGlobalPipes(new RequestValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());

  app.enableCors(publicCors(options.config));

  // The contract is public for a website's developers; in production only when chosen.
  // Built at its first request, not at boot: scanning every route costs a boot 0.2-0.6 s
  // and about 4 MB, and most processes (replicas, test apps) never serve it.
  if (options.config.docsPublic) {
    SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
      jsonDocumentUrl: 'docs-json',
    });
  }
  return app;
}
