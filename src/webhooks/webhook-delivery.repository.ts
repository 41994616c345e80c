import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WebhookDelivery } from './webhook-delivery.entity.js';

/** The only writer of `webhook_delivery`. Runs in the caller's transaction (`manager`). */
@Injectable()
export class WebhookDeliveryRepository {
  /** Stores a delivery of an event to a subscription; false when it exists already. */
  async add(
    manager: EntityManager,
    delivery: {
      id: string;
      subscriptionId: string;
      eventId: string;
      eventType: string;
      body: string;
    },
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, body, status)
       VALUES ($1, $2, $3, $4, $5, 'pending')
       ON CONFLICT (subscription_id, event_id) DO NOTHING RETURNING id`,
      [delivery.id, delivery.subscriptionId, delivery.eventId, delivery.eventType, delivery.body],
    );
    return inserted.length > 0;
  }

  /** Only a row still pending: a commit that landed meanwhile is left as it is. */
  async markDeliveredIfPending(
    manager: EntityManager,
    id: string,
    at: Date,
    statusCode: number | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE webhook_delivery SET status = 'delivered', delivered_at = $2,
         last_attempt_at = $2, attempts = attempts + 1, last_status_code = $3,
         last_error = NULL
       WHERE id = $1 AND status = 'pending'`,
      [id, at, statusCode],
    );
  }

  /** Stores an attempt or a retry the caller made on a locked row. */
  async saveAttempt(manager: EntityManager, delivery: WebhookDelivery): Promise<void> {
    await manager.getRepository(WebhookDelivery).save(delivery);
  }

  /** Deliveries whose body names one of these leads (bodies hold ids only). */
  async deleteOfLeads(manager: EntityManager, leadIds: string[]): Promise<void> {
    await manager.query(
      `DELETE FROM webhook_delivery WHERE (body::jsonb #>> '{data,leadId}') = ANY($1::text[])`,
      [leadIds],
    );
  }
}
