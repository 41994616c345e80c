import { ApiPropertyOptional } from '@nestjs/swagger';
import { NewestFirstPageQuery } from '../../common/query-params.js';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  type NotificationKind,
  type NotificationStatus,
} from '../notification.entity.js';

/** Filters of GET /v1/admin/notifications; the type check of each field comes first. */
export class NotificationsQueryDto extends NewestFirstPageQuery {
  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES })
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES, { message: `must be one of ${NOTIFICATION_STATUSES.join(', ')}` })
  status?: NotificationStatus;

  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS })
  @IsOptional()
  @IsIn(NOTIFICATION_KINDS, { message: `must be one of ${NOTIFICATION_KINDS.join(', ')}` })
  kind?: NotificationKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  leadId?: string;
}
