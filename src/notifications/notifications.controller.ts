import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemResponses } from '../common/openapi.js';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import { Staff } from '../common/staff-routes.js';
import { NotificationsQueryDto } from './dto/notifications-query.dto.js';
import { NotificationLog } from './notification-log.service.js';
import { NotificationPage, NotificationRetryView } from './notification.view.js';

/** /v1/admin/notifications: outgoing email and its delivery, for admins and coordinators. */
@ApiTags('admin')
@Controller('v1/admin/notifications')
@Staff('admin', 'coordinator')
export class NotificationsController {
  constructor(private readonly log: NotificationLog) {}

  @Get()
  @ApiOperation({ summary: 'Notifications, newest first: kind, status, attempts, errors' })
  @ApiOkResponse({ type: NotificationPage })
  list(@Query() query: NotificationsQueryDto): Promise<NotificationPage> {
    return this.log.list(query);
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a failed notification again (409 unless it failed)' })
  @ApiAcceptedResponse({ type: NotificationRetryView })
  @ProblemResponses(404, [409, 'The notification has not failed.'])
  retry(@Param('id') id: string, @Req() request: FastifyRequest): Promise<NotificationRetryView> {
    return this.log.retry(id, actorOf(request));
  }
}
