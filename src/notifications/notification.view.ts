import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  RECIPIENT_KINDS,
  type NotificationKind,
  type NotificationStatus,
  type RecipientKind,
} from './notification.entity.js';

/** Whom an email went to, without the address: a staff user's id at most. */
export class NotificationRecipientView {
  @ApiProperty({
    enum: RECIPIENT_KINDS,
    description:
      'user: a staff member; submitter: the client who wrote; partner: the invited partner; ' +
      'address: the practice’s configured inbox',
  })
  kind!: RecipientKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'The staff user, when kind is user.' })
  userId?: string;
}

/** One email and its delivery history; never its content or an address. */
export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ enum: NOTIFICATION_STATUSES }) status!: NotificationStatus;
  @ApiProperty({ description: 'Sending attempts so far.' }) attempts!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'What went wrong last, in words that hold no address or content.',
  })
  lastError!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) leadId!: string | null;
  @ApiProperty({ type: NotificationRecipientView }) recipient!: NotificationRecipientView;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastAttemptAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt!: string | null;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the next attempt is due; only on a pending notification waiting for it.',
  })
  nextAttemptAt?: string;
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationView] }) items!: NotificationView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page.' })
  nextCursor!: string | null;
}

export class NotificationRetryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['pending'] }) status!: 'pending';
}
