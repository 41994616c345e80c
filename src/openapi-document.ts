import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { loadConfig } from './config/app-config.js';
import { parseKeyRing } from './common/encryption/data-cipher.js';
import { buildOpenApiDocument } from './common/openapi.js';

/**
 * The OpenAPI document without a database: Nest's preview mode reads every module,
 * controller and decorator but creates no provider, so nothing connects anywhere.
 * `npm run openapi` writes it to docs/openapi.json; test/contract proves it equals what
 * the running service serves at /docs-json.
 */
export async function openApiDocumentWithoutDatabase(): Promise<OpenAPIObject> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      config,
      databaseUrl: 'postgres://unused@127.0.0.1:1/unused',
      smtpUrl: 'smtp://127.0.0.1:9',
      dataKeys: parseKeyRing(`openapi:${Buffer.alloc(32).toString('base64')}`),
    }),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
