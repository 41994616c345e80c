import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { WebhookEventType } from './webhook-event.js';

/** An endpoint of the practice's own systems that wants to hear about lead events. */
@Entity()
export class WebhookSubscription {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Column({ type: 'text', array: true })
  events!: WebhookEventType[];

  /**
   * Shared secret for the HMAC signature, sealed with DataCipher ("webhook.secret"): it
   * signs events about clients, so a database dump must not be enough to forge them.
   * Shown once, when the subscription is created; never returned after.
   */
  @Column({ type: 'text' })
  secretEncrypted!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
