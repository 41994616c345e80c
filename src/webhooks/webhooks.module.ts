import { Module } from '@nestjs/common';
import { WebhookDeliveryRepository } from './webhook-delivery.repository.js';
import { WebhookRepository } from './webhook-subscription.repository.js';
import { WebhookSubscriptions } from './webhook-subscriptions.service.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

@Module({
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookSubscriptions, WebhookRepository, WebhookDeliveryRepository],
  exports: [WebhooksService, WebhookDeliveryRepository],
})
export class WebhooksModule {}
