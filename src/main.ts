import { pino } from 'pino';
import { createApp } from './app.factory.js';
import { ConfigurationError, loadConfig } from './config/app-config.js';
import { connectDatabase } from './database/database-url.js';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Until Nest's logger exists: same JSON lines, same level.
  const boot = pino({ level: config.logLevel }).child({ context: 'Boot' });

  const database = await connectDatabase(config, (level, message) => boot[level](message));
  let app;
  try {
    app = await createApp({ config, databaseUrl: database.url });
  } catch (error) {
    await database.stop();
    throw error;
  }

  // Close the app (queue, pool) first, then the embedded database it talks to.
  let closing: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    closing ??= (async () => {
      boot.info(`${signal}: shutting down`);
      await app.close();
      await database.stop();
    })();
    return closing;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void shutdown(signal).then(() => process.exit(0)));
  }

  await app.listen({ port: config.http.port, host: config.http.host });
  boot.info(`Relational Intake listening on http://localhost:${config.http.port}`);
}

bootstrap().catch((error: unknown) => {
  // Boot failures are about configuration and infrastructure, never client data.
  process.stderr.write(
    `startup failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
