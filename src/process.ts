import { type Logger, pino } from 'pino';
import { type AppConfig, ConfigurationError, loadConfig } from './config/app-config.js';
import type { DataKey } from './common/encryption/data-cipher.js';
import { loadDataKeys } from './common/encryption/data-keys.js';
import { logDestination } from './common/logging.js';
import { connectDatabase } from './database/database-url.js';
import { connectMail } from './notifications/mail-catcher.js';

export interface ProcessResources {
  readonly config: AppConfig;
  readonly databaseUrl: string;
  readonly smtpUrl: string;
  /** The local mail catcher's web inbox, when SMTP_URL is unset. */
  readonly mailInboxUrl?: string;
  readonly dataKeys: DataKey[];
  readonly boot: Logger;
}

/**
 * What every process of the service needs before Nest starts, in the order it must
 * stop: configuration (or exit 1 naming the bad variable), the data keys, the database (embedded when
 * DATABASE_URL is unset) and the mail server (a local catcher when SMTP_URL is unset).
 * `run` builds the Nest part; on SIGINT/SIGTERM its `close` runs first, then the rest.
 */
export async function runProcess(
  run: (resources: ProcessResources) => Promise<{ close(): Promise<void> }>,
): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Until Nest's logger exists: the same lines (JSON or readable) at the same level.
  const boot = pino({ level: config.logLevel }, logDestination(config)).child({ context: 'Boot' });
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };

  try {
    const dataKeys = await loadDataKeys(config, (message) => boot.warn(message));
    const database = await connectDatabase(config, (level, message) => boot[level](message));
    stops.push(() => database.stop());
    const mail = await connectMail(config, (level, message) => boot[level](message));
    stops.push(() => mail.stop());
    const app = await run({
      config,
      databaseUrl: database.url,
      smtpUrl: mail.smtpUrl,
      mailInboxUrl: mail.inboxUrl,
      dataKeys,
      boot,
    });
    stops.push(() => app.close());
  } catch (error) {
    await stopAll();
    throw error;
  }

  let closing: Promise<void> | undefined;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      boot.info(`${signal}: shutting down`);
      closing ??= stopAll();
      void closing.then(() => process.exit(0));
    });
  }
}

export function exitOnStartupFailure(error: unknown): never {
  // Startup failures are about configuration and infrastructure, never client data.
  process.stderr.write(
    `startup failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
