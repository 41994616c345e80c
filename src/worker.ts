import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { dropBufferedBootLogs, nestBootOptions } from './app.factory.js';
import { AppModule } from './app.module.js';
import { QuietNestLogger } from './common/logging.js';
import { exitOnStartupFailure, runProcess } from './process.js';

// Job workers without HTTP (`npm run worker`): run as many as the mail volume needs,
// beside API processes started with RUN_WORKERS=false or not.
runProcess(async ({ config, databaseUrl, smtpUrl, dataKeys, boot }) => {
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({
      config: { ...config, jobs: { ...config.jobs, runWorkers: true } },
      databaseUrl,
      smtpUrl,
      dataKeys,
    }),
    nestBootOptions,
  ).catch(dropBufferedBootLogs);
  app.useLogger(new QuietNestLogger(app.get(Logger)));
  app.flushLogs();
  await app.init();
  boot.info('Relational Intake worker running');
  return app;
}).catch(exitOnStartupFailure);
