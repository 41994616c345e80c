import { createApp } from './app.factory.js';
import { exitOnStartupFailure, runProcess } from './process.js';
import { startBanner } from './start-banner.js';
import { UsersService } from './users-admin/users.service.js';

// The API: HTTP on PORT, plus the job workers unless RUN_WORKERS=false.
runProcess(async ({ config, databaseUrl, smtpUrl, mailInboxUrl, dataKeys, boot }) => {
  const app = await createApp({ config, databaseUrl, smtpUrl, dataKeys });
  await app.listen({ port: config.http.port, host: config.http.host });
  const lines = startBanner({
    baseUrl: config.publicBaseUrl,
    docsServed: config.docsPublic,
    mailInboxUrl,
    needsAdmin: !(await app.get(UsersService).hasActiveAdmin()),
  });
  if (config.logFormat === 'pretty') {
    boot.info(['Relational Intake is ready', ...lines.map((line) => `  ${line}`)].join('\n'));
  } else {
    boot.info({ banner: lines }, `Relational Intake listening on port ${config.http.port}`);
  }
  return app;
}).catch(exitOnStartupFailure);
