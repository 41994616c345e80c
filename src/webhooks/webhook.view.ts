import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-event.js';
import type { WebhookDeliveryStatus } from './webhook-delivery.entity.js';
import type { WebhookSubscription } from './webhook-subscription.entity.js';

/** A subscription as the admin API shows it: never its secret. */
export class WebhookView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'https://hooks.practice.example/relational-intake' }) url!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) events!: WebhookEventType[];
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** The answer to creating a subscription: the only time its secret is shown. */
export class CreatedWebhookView extends WebhookView {
  @ApiProperty({
    description: 'The HMAC key for Webhook-Signature. Shown only now: store it with the receiver.',
  })
  secret!: string;
}

export class WebhookListView {
  @ApiProperty({ type: [WebhookView] }) items!: WebhookView[];
}

export function toWebhookView(subscription: WebhookSubscription): WebhookView {
  return {
    id: subscription.id,
    url: subscription.url,
    events: subscription.events,
    active: subscription.active,
    createdAt: subscription.createdAt.toISOString(),
    updatedAt: subscription.updatedAt.toISOString(),
  };
}

/** One event sent (or being sent) to one subscription, with its attempts. */
export class WebhookDeliveryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The event id (the Webhook-Id header).' })
  eventId!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) eventType!: WebhookEventType;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) leadId!: string | null;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status!: WebhookDeliveryStatus;
  @ApiProperty({ description: 'POSTs made so far.' }) attempts!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'HTTP status of the last answer.' })
  lastStatusCode!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'What went wrong last, if anything.' })
  lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastAttemptAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  deliveredAt!: string | null;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the next attempt is due; only on a pending delivery waiting for it.',
  })
  nextAttemptAt?: string;
}

export class WebhookDeliveryPage {
  @ApiProperty({ type: [WebhookDeliveryView] }) items!: WebhookDeliveryView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page.' })
  nextCursor!: string | null;
}
