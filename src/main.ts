import { createApp } from './app.factory.js';
import { exitOnStartupFailure, runProcess } from './process.js';

// The API: HTTP on PORT, plus the job workers unless RUN_WORKERS=false.
runProcess(async ({ config, databaseUrl, smtpUrl, dataKeys, boot }) => {
  const app = await createApp({ config, databaseUrl, smtpUrl, dataKeys });
  await app.listen({ port: config.http.port, host: config.http.host });
  boot.info(`Relational Intake listening on http://localhost:${config.http.port}`);
  return app;
}).catch(exitOnStartupFailure);
