import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { WebhookDeliveryRepository } from './webhook-delivery.repository.js';
import { WebhookRepository } from './webhook-subscription.repository.js';
import { WebhookSubscriptions } from './webhook-subscriptions.service.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

@Module({
  imports: [AuditModule, MetricsModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookSubscriptions, WebhookRepository, WebhookDeliveryRepository],
  exports: [WebhooksService, WebhookDeliveryRepository],
})
export class WebhooksModule {}
