import { overdueSql } from '../vocabulary/contact-attempts.js';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import { loggableError } from '../common/problem-details.filter.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { SERVICE_TYPES, type ServiceType } from '../vocabulary/contact.js';
import { URGENCIES, type Urgency } from '../vocabulary/urgency.js';
import { NOTIFICATION_KINDS, type NotificationKind } from '../vocabulary/notification-kinds.js';
import { JobQueue } from '../queue/job-queue.js';
import { type JobName, queuePolicies } from '../queue/jobs.js';
import { methodLabel, routeLabel, statusLabel } from './http-labels.js';

export const METRIC_PREFIX = 'relational_intake_';

export type NotificationOutcome = 'sent' | 'failed' | 'retried';
export type WebhookOutcome = 'delivered' | 'failed' | 'retried';
export type CaptchaOutcome = 'passed' | 'rejected' | 'unavailable';

/** Longest a scrape waits for the database before it answers without those gauges. */
const DATABASE_READ_TIMEOUT_MS = 2000;

/**
 * This process's Prometheus metrics, in a registry of its own (never prom-client's global
 * one: tests run several apps in one process). Counters count what this process did;
 * the queue and overdue gauges are read from PostgreSQL at scrape time, so every replica
 * reports the same shared numbers (aggregate them with max, not sum). Labels hold kinds,
 * outcomes and route templates only: never an address, a name, a token or a reference.
 */
@Injectable()
export class Metrics {
  private readonly logger = new Logger(Metrics.name);
  readonly registry = new Registry();
  private readonly jobNames: JobName[];

  private readonly httpDuration = new Histogram({
    name: `${METRIC_PREFIX}http_request_duration_seconds`,
    help: 'HTTP requests by method, route template (or "unmatched") and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly notifications = new Counter({
    name: `${METRIC_PREFIX}notifications_total`,
    help: 'Email delivery attempts settled by this process: sent, failed for good, or retried later.',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly webhookDeliveries = new Counter({
    name: `${METRIC_PREFIX}webhook_deliveries_total`,
    help: 'Webhook delivery attempts made by this process: delivered, failed for good, or retried later.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly leadsCreated = new Counter({
    name: `${METRIC_PREFIX}leads_created_total`,
    help: 'Leads started by a public submission (spam aside), by service type and urgency.',
    labelNames: ['service_type', 'urgency'] as const,
    registers: [this.registry],
  });
  private readonly rateLimitRefusals = new Counter({
    name: `${METRIC_PREFIX}rate_limit_refusals_total`,
    help: 'Requests refused with 429, by route template and the rule that refused them.',
    labelNames: ['route', 'rule'] as const,
    registers: [this.registry],
  });
  private readonly captchaVerdicts = new Counter({
    name: `${METRIC_PREFIX}captcha_verdicts_total`,
    help: 'CAPTCHA checks of public submissions by verdict (unavailable: kept for review).',
    labelNames: ['verdict'] as const,
    registers: [this.registry],
  });
  private readonly queueJobs = new Gauge({
    name: `${METRIC_PREFIX}queue_jobs`,
    help: 'Jobs per queue, read from the database at scrape time: waiting (due, not picked up), deferred (due later), active.',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });
  private readonly queueOldestAge = new Gauge({
    name: `${METRIC_PREFIX}queue_oldest_waiting_job_age_seconds`,
    help: 'Seconds the longest-waiting due job of each queue has waited (0: none waits).',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });
  private readonly leadsOverdue = new Gauge({
    name: `${METRIC_PREFIX}leads_overdue`,
    help: 'Leads still new past their response target, by urgency, read from the database at scrape time.',
    labelNames: ['urgency'] as const,
    registers: [this.registry],
  });
  private readonly databaseReadable = new Gauge({
    name: `${METRIC_PREFIX}metrics_database_readable`,
    help: '1 when this scrape read the queue and lead gauges from the database, 0 when it could not (they are left out).',
    registers: [this.registry],
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly queue: JobQueue,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
    this.jobNames = Object.keys(queuePolicies(config)) as JobName[];
    // Known series start at 0, so a rate is defined from the first scrape on.
    for (const kind of NOTIFICATION_KINDS) {
      for (const outcome of ['sent', 'failed', 'retried'] as const) {
        this.notifications.inc({ kind, outcome }, 0);
      }
    }
    for (const outcome of ['delivered', 'failed', 'retried'] as const) {
      this.webhookDeliveries.inc({ outcome }, 0);
    }
    for (const service_type of SERVICE_TYPES) {
      for (const urgency of URGENCIES) this.leadsCreated.inc({ service_type, urgency }, 0);
    }
    for (const verdict of ['passed', 'rejected', 'unavailable'] as const) {
      this.captchaVerdicts.inc({ verdict }, 0);
    }
  }

  /** Fastify's onResponse: one observation per answered request. */
  observeRequest(request: FastifyRequest, reply: FastifyReply): void {
    this.httpDuration.observe(
      {
        method: methodLabel(request.method),
        route: routeLabel(request.routeOptions.url),
        status_code: statusLabel(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  }

  notificationSettled(kind: NotificationKind, outcome: NotificationOutcome): void {
    this.notifications.inc({ kind, outcome });
  }

  webhookDeliverySettled(outcome: WebhookOutcome): void {
    this.webhookDeliveries.inc({ outcome });
  }

  leadCreated(lead: { serviceType: ServiceType; urgency: Urgency }): void {
    this.leadsCreated.inc({ service_type: lead.serviceType, urgency: lead.urgency });
  }

  rateLimitRefused(routeTemplate: string | undefined, rule: string): void {
    this.rateLimitRefusals.inc({ route: routeLabel(routeTemplate), rule });
  }

  captchaVerdict(verdict: CaptchaOutcome): void {
    this.captchaVerdicts.inc({ verdict });
  }

  /** The Prometheus text of every metric, the database gauges read fresh when it answers. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    await this.readDatabaseGauges();
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private async readDatabaseGauges(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('database read timed out')),
        DATABASE_READ_TIMEOUT_MS,
      );
    });
    try {
      const read = this.dataSource.transaction(async (manager) => {
        // A scrape must never queue behind a slow database: give up and answer without.
        await manager.query(`SET LOCAL statement_timeout = ${DATABASE_READ_TIMEOUT_MS}`);
        const backlog = await this.queue.backlog(manager, this.jobNames);
        const overdue = (await manager.query(
          `SELECT urgency, count(*)::int AS leads FROM lead
            WHERE ${overdueSql('lead')}
            GROUP BY urgency`,
        )) as { urgency: string; leads: number }[];
        return { backlog, overdue };
      });
      // A read that loses the race still settles later; nobody waits for it.
      read.catch(() => undefined);
      const { backlog, overdue } = await Promise.race([read, timeout]);
      this.queueJobs.reset();
      this.queueOldestAge.reset();
      for (const row of backlog) {
        this.queueJobs.set({ queue: row.queue, state: 'waiting' }, row.waiting);
        this.queueJobs.set({ queue: row.queue, state: 'deferred' }, row.deferred);
        this.queueJobs.set({ queue: row.queue, state: 'active' }, row.active);
        this.queueOldestAge.set({ queue: row.queue }, row.oldestWaitingSeconds);
      }
      this.leadsOverdue.reset();
      for (const urgency of URGENCIES) {
        this.leadsOverdue.set(
          { urgency },
          overdue.find((row) => row.urgency === urgency)?.leads ?? 0,
        );
      }
      this.databaseReadable.set(1);
    } catch (error) {
      // Process and HTTP metrics are still worth serving; stale database numbers are not.
      this.queueJobs.reset();
      this.queueOldestAge.reset();
      this.leadsOverdue.reset();
      this.databaseReadable.set(0);
      const { type, code } = loggableError(error);
      this.logger.warn({ err: { type, code } }, 'metrics: database gauges left out of this scrape');
    } finally {
      clearTimeout(timer);
    }
  }
}
