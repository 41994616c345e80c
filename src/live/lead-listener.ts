import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import pg from 'pg';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DATABASE_WAITS } from '../database/data-source-options.js';
import { DATABASE_URL } from '../database/database.module.js';
import { isDatabaseUnreachable } from '../database/unreachable.js';
import {
  LEAD_LIVE_CHANNEL,
  type LeadSignal,
  parseLeadSignal,
  reconnectDelayMs,
} from './live-signal.js';

/** What the listener tells the desk: a signal, or that signals may have been missed. */
export interface LeadSignalHandlers {
  signal(signal: LeadSignal): void;
  /** The connection came back after a loss: anything committed meanwhile was not heard. */
  resumed(): void;
}

const OUTAGE_REPORT_EVERY_MS = 30_000;

/**
 * One dedicated connection per process LISTENing on the lead table's signal (the pool's
 * connections come and go; a LISTEN must stay). When the database goes away it reconnects
 * with backoff, by itself, like the job queue; nothing needs a restart.
 */
@Injectable()
export class LeadListener implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LeadListener.name);
  private client: pg.Client | null = null;
  private handlers: LeadSignalHandlers | null = null;
  private stopping = false;
  private attempt = 0;
  private everConnected = false;
  private retry: NodeJS.Timeout | null = null;
  /** A connection being opened: shutdown waits for it, so none outlives the process's. */
  private connecting: Promise<void> | null = null;
  /** Gives up the current connection and schedules the next (set per connection). */
  private lose: ((error: Error) => void) | null = null;
  private lastOutageReport = 0;

  constructor(
    @Inject(DATABASE_URL) private readonly url: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** Set once by the desk before the application starts. */
  listen(handlers: LeadSignalHandlers): void {
    this.handlers = handlers;
  }

  /**
   * Listening before the app serves; a failure does not stop the boot, it retries. A
   * process without HTTP (`npm run worker`) serves no stream: it does not listen.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.adapterHost.httpAdapter) return;
    await this.connectOnce();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.retry) clearTimeout(this.retry);
    await this.connecting;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /**
   * Asks the connection a trivial question: one gone silent (no reset, e.g. a network
   * partition) would otherwise be noticed only by TCP keepalive, many minutes later.
   */
  async verify(): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      await client.query('SELECT 1');
    } catch (error) {
      if (this.client === client) this.lose?.(error as Error);
    }
  }

  private connectOnce(): Promise<void> {
    this.connecting = this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    if (this.stopping) return;
    const client = new pg.Client({
      connectionString: this.url,
      application_name: 'relational-intake-live',
      connectionTimeoutMillis: this.config.database.connectTimeoutSeconds * 1000,
      keepAlive: true,
      keepAliveInitialDelayMillis: DATABASE_WAITS.keepAliveInitialDelayMs,
      query_timeout: DATABASE_WAITS.queryMs,
    });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (error) this.report(error);
      this.scheduleReconnect();
    };
    this.lose = onLost;
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message) => {
      if (message.channel !== LEAD_LIVE_CHANNEL) return;
      const signal = parseLeadSignal(message.payload);
      if (signal) this.handlers?.signal(signal);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LEAD_LIVE_CHANNEL}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (this.stopping || lost) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    const recovering = this.everConnected || this.attempt > 0;
    this.attempt = 0;
    this.everConnected = true;
    if (recovering) {
      this.logger.log('live desk listening again');
      this.handlers?.resumed();
    }
  }

  private scheduleReconnect(): void {
    if (this.stopping) return;
    const delay = reconnectDelayMs(this.attempt);
    this.attempt += 1;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connectOnce();
    }, delay);
    this.retry.unref();
  }

  /** While the database is away each attempt fails: one line per 30 s says so. */
  private report(error: Error & { code?: string }): void {
    const err = { type: error.name, code: error.code };
    if (!isDatabaseUnreachable(error)) {
      this.logger.error({ err }, 'live desk listener error; reconnecting');
      return;
    }
    const now = Date.now();
    if (now - this.lastOutageReport < OUTAGE_REPORT_EVERY_MS) return;
    this.lastOutageReport = now;
    this.logger.warn({ err }, 'live desk paused: the database is unreachable; retrying');
  }
}
