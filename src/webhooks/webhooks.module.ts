import { Module } from '@nestjs/common';
import { WebhookSubscriptions } from './webhook-subscriptions.service.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

@Module({
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookSubscriptions],
  exports: [WebhooksService],
})
export class WebhooksModule {}
