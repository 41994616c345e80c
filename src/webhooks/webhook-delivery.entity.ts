import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import type { WebhookEventType } from './webhook-event.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event for one subscription, with its attempts. */
@Entity()
@Check('CHK_webhook_delivery_status', `"status" IN ('pending', 'delivered', 'failed')`)
@Index('UQ_webhook_delivery_event', ['subscriptionId', 'eventId'], { unique: true })
@Index('IDX_webhook_delivery_created', ['createdAt'])
@Index('IDX_webhook_delivery_subscription_created', ['subscriptionId', 'createdAt', 'id'])
export class WebhookDelivery {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  subscriptionId!: string;

  @ManyToOne(() => WebhookSubscription, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id' })
  subscription?: WebhookSubscription;

  /** The event's id, the same in every subscription's delivery of it. */
  @Column('uuid')
  eventId!: string;

  @Column({ type: 'varchar', length: 64 })
  eventType!: WebhookEventType;

  /** The exact body sent, signed as is on every attempt. */
  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: WebhookDeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'int', nullable: true })
  lastStatusCode!: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
