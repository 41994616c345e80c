import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { SentMessageInfo, Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG, SMTP_URL } from '../config/config.module.js';
import type { RenderedMessage } from './messages.js';
import { senderAddress } from './message-id.js';

/** One pooled SMTP connection set for the process, closed on shutdown. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  /**
   * Made at the first message, nodemailer loaded then (not at boot): an API process whose
   * workers run elsewhere never needs it.
   */
  private transporter?: Promise<Transporter<SentMessageInfo>>;
  /** The address part of MAIL_FROM, for mail sent under the practice's own name. */
  private readonly fromAddress: string;

  constructor(
    @Inject(SMTP_URL) private readonly url: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.fromAddress = senderAddress(config.mail.from);
  }

  private async createTransporter(): Promise<Transporter<SentMessageInfo>> {
    const { url, config } = this;
    const { createTransport } = await import('nodemailer');
    return createTransport(
      {
        url,
        pool: true,
        maxConnections: 5,
        requireTLS: config.mail.requireTls,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
        // nodemailer's own logger would print envelopes, i.e. addresses.
        logger: false,
        debug: false,
      },
      { from: config.mail.from },
    );
  }

  /**
   * Resolves when the server accepted the message; rejects with nodemailer's error.
   * `fromName` (the practice's name, for client mail) replaces MAIL_FROM's display name.
   */
  async send(
    to: string,
    message: RenderedMessage,
    messageId: string,
    fromName?: string,
  ): Promise<void> {
    this.transporter ??= this.createTransporter();
    await (
      await this.transporter
    ).sendMail({
      to,
      ...(fromName ? { from: { name: fromName, address: this.fromAddress } } : {}),
      subject: message.subject,
      text: message.text,
      html: message.html,
      ...(message.attachments?.length
        ? {
            attachments: message.attachments.map(({ filename, contentType, content }) => ({
              filename,
              contentType,
              content,
            })),
          }
        : {}),
      ...(message.calendar
        ? {
            icalEvent: {
              method: message.calendar.method,
              filename: 'invite.ics',
              content: message.calendar.content,
            },
          }
        : {}),
      // Stable per notification: a receiver can drop a copy re-sent after a crash.
      messageId,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    // One that failed to load has nothing to close.
    (await this.transporter?.catch(() => undefined))?.close();
  }
}
