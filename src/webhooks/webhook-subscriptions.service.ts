import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { SEALED_COLUMNS } from '../vocabulary/sealed-columns.js';
import { newestFirstAfter, newestFirstPage } from '../common/newest-first.js';
import { ProblemException } from '../common/problem-details.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { JobQueue } from '../queue/job-queue.js';
import type {
  CreateWebhookDto,
  UpdateWebhookDto,
  WebhookDeliveriesQueryDto,
} from './dto/webhook-subscription.dto.js';
import { checkWebhookUrl } from './url-safety.js';
import type { WebhookDeliveryStatus } from './webhook-delivery.entity.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-event.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';
import { WebhookRepository } from './webhook-subscription.repository.js';
import {
  type CreatedWebhookView,
  type WebhookDeliveryPage,
  type WebhookDeliveryView,
  type WebhookView,
  toWebhookView,
} from './webhook.view.js';
import { isUuid } from '../common/uuid.js';

const UPDATABLE = ['url', 'events', 'active', 'secret'] as const;

/** A generated secret: 256 random bits, prefixed so it is recognisable in a vault. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** Events in the order of WEBHOOK_EVENT_TYPES, so equal sets are stored alike. */
const inCanonicalOrder = (events: readonly WebhookEventType[]) =>
  WEBHOOK_EVENT_TYPES.filter((type) => events.includes(type));

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: WebhookEventType;
  lead_id: string | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  cursor_created_at: string;
  last_attempt_at: Date | null;
  delivered_at: Date | null;
}

/**
 * The webhook subscriptions of the practice (docs/api.md#webhooks; admin only): who hears
 * which lead events, and what happened to each delivery. Secrets are sealed at rest and
 * shown once, at creation. Every change is audited in its own transaction.
 */
@Injectable()
export class WebhookSubscriptions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: DataCipher,
    private readonly audit: AuditTrail,
    private readonly queue: JobQueue,
    private readonly subscriptions: WebhookRepository,
  ) {}

  async list(): Promise<WebhookView[]> {
    const subscriptions = await this.dataSource
      .getRepository(WebhookSubscription)
      .find({ order: { createdAt: 'ASC', id: 'ASC' } });
    return subscriptions.map(toWebhookView);
  }

  async get(id: string): Promise<WebhookView> {
    return toWebhookView(await this.find(this.dataSource.manager, id));
  }

  async create(input: CreateWebhookDto, actor: AuditActor): Promise<CreatedWebhookView> {
    const url = this.acceptableUrl(input.url);
    const secret = input.secret ?? newSecret();
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(WebhookSubscription);
      const id = randomUUID();
      await this.subscriptions.add(manager, {
        id,
        url: url.href,
        events: inCanonicalOrder(input.events),
        secretEncrypted: this.cipher.encrypt(secret, SEALED_COLUMNS.webhookSecret, id),
        active: true,
      });
      const subscription = await repository.findOneByOrFail({ id });
      await this.audit.record(
        actor,
        {
          action: 'webhook.created',
          subjectType: 'webhook',
          subjectId: id,
          // The host only: a receiver's path or query often carries a token of its own.
          details: {
            host: url.host,
            events: subscription.events,
            secretGenerated: input.secret === undefined,
          },
        },
        manager,
      );
      return { ...toWebhookView(subscription), secret };
    });
  }

  async update(id: string, input: UpdateWebhookDto, actor: AuditActor): Promise<WebhookView> {
    if (UPDATABLE.every((field) => input[field] === undefined)) {
      throw ProblemException.validation([
        { field: 'body', message: `must change at least one of ${UPDATABLE.join(', ')}` },
      ]);
    }
    const url = input.url === undefined ? undefined : this.acceptableUrl(input.url);
    return this.dataSource.transaction(async (manager) => {
      const subscription = await this.find(manager, id, { lock: true });
      const changed: string[] = [];
      if (url && url.href !== subscription.url) {
        subscription.url = url.href;
        changed.push('url');
      }
      if (input.events) {
        const events = inCanonicalOrder(input.events);
        if (events.join() !== subscription.events.join()) {
          subscription.events = events;
          changed.push('events');
        }
      }
      if (input.active !== undefined && input.active !== subscription.active) {
        subscription.active = input.active;
        changed.push('active');
      }
      if (input.secret !== undefined) {
        subscription.secretEncrypted = this.cipher.encrypt(
          input.secret,
          SEALED_COLUMNS.webhookSecret,
          subscription.id,
        );
        changed.push('secret');
      }
      if (changed.length === 0) return toWebhookView(subscription);
      await this.subscriptions.saveChanges(manager, subscription);
      await this.audit.record(
        actor,
        {
          action: 'webhook.updated',
          subjectType: 'webhook',
          subjectId: id,
          details: {
            changed,
            ...(changed.includes('url') ? { host: url!.host } : {}),
            ...(changed.includes('events') ? { events: subscription.events } : {}),
            ...(changed.includes('active') ? { active: subscription.active } : {}),
          },
        },
        manager,
      );
      return toWebhookView(await this.find(manager, id));
    });
  }

  /** Deletes the subscription and its delivery history; deliveries still queued are dropped. */
  async remove(id: string, actor: AuditActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const subscription = await this.find(manager, id, { lock: true });
      const [{ count }] = (await manager.query(
        `SELECT count(*)::int AS count FROM webhook_delivery WHERE subscription_id = $1`,
        [id],
      )) as [{ count: number }];
      await this.subscriptions.deleteById(manager, id);
      await this.audit.record(
        actor,
        {
          action: 'webhook.deleted',
          subjectType: 'webhook',
          subjectId: id,
          details: { events: subscription.events, deliveries: count },
        },
        manager,
      );
    });
  }

  /** The subscription's deliveries, newest first, with their attempts and next attempt. */
  async deliveries(id: string, query: WebhookDeliveriesQueryDto): Promise<WebhookDeliveryPage> {
    const limit = query.limit ?? 25;
    const after = newestFirstAfter(query.cursor);
    const manager = this.dataSource.manager;
    await this.find(manager, id);
    const conditions = ['subscription_id = $1'];
    const parameters: unknown[] = [id];
    if (query.status) {
      parameters.push(query.status);
      conditions.push(`status = $${parameters.length}`);
    }
    if (after) {
      parameters.push(after.createdAt, after.id);
      conditions.push(
        `(created_at, id) < ($${parameters.length - 1}::timestamptz, $${parameters.length}::uuid)`,
      );
    }
    parameters.push(limit + 1);
    const rows = (await manager.query(
      `SELECT id, event_id, event_type, body::jsonb #>> '{data,leadId}' AS lead_id, status,
              attempts, last_status_code, last_error, created_at, last_attempt_at, delivered_at,
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_created_at
         FROM webhook_delivery
        WHERE ${conditions.join(' AND ')}
        ORDER BY created_at DESC, id DESC
        LIMIT $${parameters.length}`,
      parameters,
    )) as DeliveryRow[];
    const { page, nextCursor } = newestFirstPage(rows, limit);
    const nextRuns = await this.queue.nextRunsIn(
      manager,
      'webhook.deliver',
      'deliveryId',
      page.filter((row) => row.status === 'pending').map((row) => row.id),
    );
    return { items: page.map((row) => toDeliveryView(row, nextRuns.get(row.id))), nextCursor };
  }

  /** The URL as it will be requested, or 422 naming `url` with the rule it breaks. */
  private acceptableUrl(text: string): URL {
    const verdict = checkWebhookUrl(text, this.config.jobs.webhookUrls);
    if (!verdict.ok) throw ProblemException.validation([{ field: 'url', message: verdict.reason }]);
    return verdict.url;
  }

  private async find(
    manager: EntityManager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<WebhookSubscription> {
    if (!isUuid(id)) throw new ProblemException('not-found');
    const subscription = await manager.getRepository(WebhookSubscription).findOne({
      where: { id },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!subscription) throw new ProblemException('not-found');
    return subscription;
  }
}

function toDeliveryView(row: DeliveryRow, nextRun: Date | undefined): WebhookDeliveryView {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    leadId: row.lead_id,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    ...(nextRun ? { nextAttemptAt: nextRun.toISOString() } : {}),
  };
}
