import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WebhookSubscription } from './webhook-subscription.entity.js';

/** The only writer of `webhook_subscription`. Runs in the caller's transaction (`manager`). */
@Injectable()
export class WebhookRepository {
  async add(
    manager: EntityManager,
    subscription: Pick<WebhookSubscription, 'id' | 'url' | 'events' | 'secretEncrypted' | 'active'>,
  ): Promise<void> {
    await manager.getRepository(WebhookSubscription).insert(subscription);
  }

  /** Stores the changes the caller made on a subscription it read. */
  async saveChanges(manager: EntityManager, subscription: WebhookSubscription): Promise<void> {
    await manager.getRepository(WebhookSubscription).save(subscription);
  }

  async deleteById(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(WebhookSubscription).delete({ id });
  }
}
