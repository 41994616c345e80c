import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { SEALED_COLUMNS } from '../common/encryption/encrypted-columns.js';
import { JobQueue, type RunningJob, isLastAttempt } from '../queue/job-queue.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import {
  type WebhookEvent,
  type WebhookEventData,
  type WebhookEventType,
  signWebhook,
} from './webhook-event.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';
import { type WebhookPostOutcome, postWebhook } from './webhook-transport.js';

@Injectable()
export class WebhooksService {
  private readonly logger = new Logger(WebhooksService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly cipher: DataCipher,
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
      const inserted: unknown[] = await manager.query(
        `INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, body, status)
         VALUES ($1, $2, $3, $4, $5, 'pending')
         ON CONFLICT (subscription_id, event_id) DO NOTHING RETURNING id`,
        [id, subscription.id, eventId, type, body],
      );
      if (inserted.length > 0) {
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
    const outcome = await this.dataSource.transaction(async (manager) => {
      const delivery = await manager.getRepository(WebhookDelivery).findOne({
        where: { id: deliveryId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!delivery || delivery.status !== 'pending') return 'settled';
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
          delivery.lastError = null;
        } else {
          delivery.lastError = result.error;
          retry = !result.permanent && !isLastAttempt(job);
          if (!retry) delivery.status = 'failed';
        }
      }
      await manager.getRepository(WebhookDelivery).save(delivery);
      return retry ? 'retry' : 'settled';
    });
    if (outcome === 'retry') {
      this.logger.warn({ deliveryId }, 'webhook not accepted; will retry');
      throw new Error(`webhook delivery ${deliveryId}: not accepted, will retry`);
    }
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
