import { randomUUID } from 'node:crypto';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { Metrics, type WebhookOutcome } from '../metrics/metrics.service.js';

import { SEALED_COLUMNS } from '../vocabulary/sealed-columns.js';
import { JobQueue, type RunningJob, isLastAttempt } from '../queue/job-queue.js';
import { OUTAGE_PATIENCE_MS } from '../queue/jobs.js';
import { UnrecordedDeliveries } from '../queue/unrecorded-deliveries.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookDeliveryRepository } from './webhook-delivery.repository.js';
import {
  type WebhookEvent,
  type WebhookEventData,
  type WebhookEventType,
  signWebhook,
} from './webhook-event.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';
import { type WebhookPostOutcome, postWebhook } from './webhook-transport.js';

@Injectable()
export class WebhooksService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhooksService.name);
  /** Deliveries the receiver accepted while the database could not record them. */
  private readonly unrecorded = new UnrecordedDeliveries();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly cipher: DataCipher,
    private readonly metrics: Metrics,
    private readonly deliveries: WebhookDeliveryRepository,
  ) {}

  /**
   * Records an event for every active subscription that wants it, with the jobs that
   * will POST it, in the caller's transaction. The body is fixed now and signed as is
   * on every attempt, so a receiver sees the same event id and payload each time.
   */
  async emitIn(
    manager: EntityManager,
    type: WebhookEventType,
    data: WebhookEventData,
    eventId: string = randomUUID(),
  ): Promise<void> {
    const subscriptions = await manager
      .getRepository(WebhookSubscription)
      .createQueryBuilder('subscription')
      .where('subscription.active')
      .andWhere(':type = ANY(subscription.events)', { type })
      .getMany();
    if (subscriptions.length === 0) return;
    const event: WebhookEvent = { id: eventId, type, createdAt: new Date().toISOString(), data };
    const body = JSON.stringify(event);
    for (const subscription of subscriptions) {
      const id = randomUUID();
      const inserted = await this.deliveries.add(manager, {
        id,
        subscriptionId: subscription.id,
        eventId,
        eventType: type,
        body,
      });
      if (inserted) {
        await this.queue.enqueueIn(manager, 'webhook.deliver', { deliveryId: id });
      }
    }
  }

  /**
   * POSTs one delivery; a non-2xx answer or no answer is retried with backoff. A
   * destination the URL rules refuse (checked again now, with the host name resolved) is
   * failed at once: sending again would only be refused again.
   */
  async deliver(job: RunningJob<'webhook.deliver'>): Promise<void> {
    const { deliveryId } = job.data;
    if (this.unrecorded.has(deliveryId)) {
      // Delivered by an earlier run whose record has not landed yet: do not POST again.
      return this.recordDelivered(deliveryId);
    }
    const accepted: { at?: Date; status?: number | null } = {};
    let outcome: WebhookOutcome | null;
    try {
      outcome = await this.deliverLocked(job, (at, status) =>
        Object.assign(accepted, { at, status }),
      );
    } catch (error) {
      if (!accepted.at) throw error;
      // The receiver took it, then the row could not be written (the database went away):
      // record it when the database is back rather than POST it again.
      this.logger.warn({ deliveryId }, 'webhook delivered but not recorded; recording it later');
      this.metrics.webhookDeliverySettled('delivered');
      return this.recordDelivered(deliveryId, accepted.at, accepted.status ?? null);
    }
    // Counted once the outcome is committed.
    if (outcome) this.metrics.webhookDeliverySettled(outcome);
    if (outcome === 'retried') {
      this.logger.warn({ deliveryId }, 'webhook not accepted; will retry');
      throw new Error(`webhook delivery ${deliveryId}: not accepted, will retry`);
    }
  }

  beforeApplicationShutdown(): void {
    if (this.unrecorded.size > 0) {
      this.logger.warn(
        { count: this.unrecorded.size },
        'stopping with delivered webhooks not yet recorded: they may be posted again',
      );
    }
    this.unrecorded.stop();
  }

  /** Marks a delivery delivered once the database takes it; throws to retry the job later. */
  private async recordDelivered(
    deliveryId: string,
    at = new Date(),
    statusCode: number | null = null,
  ): Promise<void> {
    const recorded = await this.unrecorded.record(
      deliveryId,
      async () => {
        await this.deliveries.markDeliveredIfPending(
          this.dataSource.manager,
          deliveryId,
          at,
          statusCode,
        );
      },
      OUTAGE_PATIENCE_MS,
    );
    if (!recorded) {
      throw new Error(`webhook delivery ${deliveryId}: delivered, not yet recorded; will retry`);
    }
  }

  private async deliverLocked(
    job: RunningJob<'webhook.deliver'>,
    onAccepted: (at: Date, status: number | null) => void,
  ): Promise<WebhookOutcome | null> {
    const { deliveryId } = job.data;
    return this.dataSource.transaction(async (manager) => {
      const delivery = await manager.getRepository(WebhookDelivery).findOne({
        where: { id: deliveryId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!delivery || delivery.status !== 'pending') return null;
      const subscription = await manager
        .getRepository(WebhookSubscription)
        .findOneBy({ id: delivery.subscriptionId });
      delivery.attempts += 1;
      delivery.lastAttemptAt = new Date();
      let retry = false;
      if (!subscription?.active) {
        delivery.status = 'failed';
        delivery.lastError = 'the subscription was removed or deactivated';
      } else {
        const result = await this.post(subscription, delivery);
        delivery.lastStatusCode = result.status ?? null;
        if (result.ok) {
          delivery.status = 'delivered';
          delivery.deliveredAt = new Date();
          onAccepted(delivery.deliveredAt, delivery.lastStatusCode);
          delivery.lastError = null;
        } else {
          delivery.lastError = result.error;
          retry = !result.permanent && !isLastAttempt(job);
          if (!retry) delivery.status = 'failed';
        }
      }
      await this.deliveries.saveAttempt(manager, delivery);
      const settled: WebhookOutcome = retry
        ? 'retried'
        : delivery.status === 'delivered'
          ? 'delivered'
          : 'failed';
      return settled;
    });
  }

  private post(
    subscription: WebhookSubscription,
    delivery: WebhookDelivery,
  ): Promise<WebhookPostOutcome> {
    const secret = this.cipher.decrypt(
      subscription.secretEncrypted,
      SEALED_COLUMNS.webhookSecret,
      subscription.id,
    );
    return postWebhook(subscription.url, {
      body: delivery.body,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'RelationalIntake-Webhooks/1',
        'webhook-id': delivery.eventId,
        'webhook-signature': signWebhook(secret, delivery.body, Math.floor(Date.now() / 1000)),
      },
      timeoutMs: this.config.jobs.webhookTimeoutMs,
      policy: this.config.jobs.webhookUrls,
    });
  }
}
