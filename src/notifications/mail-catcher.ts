import path from 'node:path';
import type { AppConfig } from '../config/app-config.js';

export interface MailServer {
  readonly smtpUrl: string;
  /** Where a person reads the caught mail; unset for a real SMTP server. */
  readonly inboxUrl?: string;
  stop(): Promise<void>;
}

type Log = (level: 'info' | 'warn', message: string) => void;

/**
 * SMTP_URL when set; otherwise a local mail catcher (MailDev) that keeps every message
 * in DATA_DIR/mail and shows it in a web inbox, so a newcomer sees the mail a person
 * would get. A second process finding the catcher's port taken uses the one running.
 */
export async function connectMail(config: AppConfig, log: Log): Promise<MailServer> {
  if (config.mail.smtpUrl) return { smtpUrl: config.mail.smtpUrl, stop: async () => undefined };

  const smtpUrl = `smtp://127.0.0.1:${config.mail.catcherSmtpPort}`;
  const inboxUrl = `http://localhost:${config.mail.catcherWebPort}`;
  // A development tool: loaded only when needed, absent from production installs.
  const { MailDev } = await import('maildev');
  const catcher = new MailDev({
    smtp: config.mail.catcherSmtpPort,
    ip: '127.0.0.1',
    web: config.mail.catcherWebPort,
    webIp: '127.0.0.1',
    mailDirectory: path.resolve(config.dataDir, 'mail'),
    silent: true,
  });
  try {
    await catcher.start();
  } catch (error) {
    if ((error as { code?: string }).code !== 'EADDRINUSE') throw error;
    log(
      'warn',
      `mail catcher port ${config.mail.catcherSmtpPort} is taken; using the catcher already running there`,
    );
    return { smtpUrl, inboxUrl, stop: async () => undefined };
  }
  log('info', `no SMTP_URL: mail goes to the local inbox at ${inboxUrl}`);
  return { smtpUrl, inboxUrl, stop: () => catcher.stop() };
}
