import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { type AppModuleOptions, AppModule } from './app.module.js';
import { requestId } from './common/logging.js';
import { ProblemDetailsFilter } from './common/problem-details.filter.js';
import { RequestValidationPipe } from './common/validation.pipe.js';
import { registerPublicPages } from './pages/public-pages.js';

/** API.md: bodies over 64 KiB answer 413. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Builds the whole HTTP application, exactly as production runs it; tests use this too.
 * Call `listen` (or `init` for supertest) on the result.
 */
export async function createApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: false,
    requestIdHeader: false,
    genReqId: requestId,
  });
  const fastify = adapter.getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Only JSON is accepted: with no parser for any other type, Fastify answers 415.
  // (Nest's own parsers are off: `bodyParser: false` below.) Errors from parsing reach
  // the ProblemDetailsFilter through Nest's Fastify error handler.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES },
    fastify.getDefaultJsonParser('error', 'error'),
  );
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

  const origins = new Set(options.config.corsOrigins);
  app.enableCors({
    origin: (origin, callback) => callback(null, origin !== undefined && origins.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'idempotency-key', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });

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
