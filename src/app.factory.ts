import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { type AppModuleOptions, AppModule } from './app.module.js';
import {
  clientErrorAnswer,
  frameworkErrorAnswer,
  jsonContentSecurityPolicy,
  jsonOnlyBodies,
  publicCors,
  noStoreOnStaffRoutes,
  withSecurityHeaders,
} from './common/http-hygiene.js';
import { requestId } from './common/logging.js';
import { ProblemDetailsFilter } from './common/problem-details.filter.js';
import { RequestValidationPipe } from './common/validation.pipe.js';
import { registerPublicPages } from './pages/public-pages.js';
import type { TrustProxy } from './config/app-config.js';

/** TRUST_PROXY as Fastify's option; a hop count as the function Fastify makes of one. */
function fastifyTrustProxy(trust: TrustProxy) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

/** API.md: bodies over 64 KiB answer 413. */
export const BODY_LIMIT_BYTES = 64 * 1024;

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
  });
  const fastify = adapter.getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Only JSON is accepted, within shape limits (Nest's own parsers are off: `bodyParser:
  // false` below). Errors from parsing reach the ProblemDetailsFilter through Nest's
  // Fastify error handler.
  jsonOnlyBodies(fastify, BODY_LIMIT_BYTES);
  withSecurityHeaders(fastify, options.config);
  noStoreOnStaffRoutes(fastify);
  jsonContentSecurityPolicy(fastify);
  // The built public pages (/reach-out, /intake/:slug, /partner, /embed/reach-out.js, /admin).
  registerPublicPages(fastify);

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(options),
    adapter,
    {
      bufferLogs: true,
      bodyParser: false,
    },
  );
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(new RequestValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());

  app.enableCors(publicCors(options.config));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Relational Intake')
      .setDescription('Intake and lead management for therapy practices. See API.md.')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
