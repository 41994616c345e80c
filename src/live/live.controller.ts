import { Controller, Get, Req, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
  ApiExtraModels,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { CurrentStaff } from '../auth/staff.decorator.js';
import { LeavesSessionIdle, Staff } from '../common/staff-routes.js';
import { LiveEventView } from './dto/live.view.js';
import { LiveDesk } from './live-desk.service.js';

/** The staff's live stream of lead arrivals and changes (docs/api.md#live-arrivals). */
@ApiTags('admin')
@Controller('v1/admin/stream')
@Staff()
export class LiveStreamController {
  constructor(private readonly desk: LiveDesk) {}

  @Get()
  @LeavesSessionIdle()
  @ApiOperation({
    summary: 'Live arrivals: Server-Sent Events of the leads you may see (audited once)',
    description:
      'Each event is one `data:` line holding a LiveEventView, sent from whichever ' +
      'process the change was made on. A comment line every 25 s keeps the stream open; ' +
      '`retry:` says how long to wait before reconnecting. The stream closes when the ' +
      'session ends (sign-out, 30 min idle, 12 h) and on shutdown. Opening it does not ' +
      'count as activity: it keeps no session alive.',
  })
  @ApiProduces('text/event-stream')
  @ApiExtraModels(LiveEventView)
  @ApiOkResponse({
    description: 'An endless stream of `data: <LiveEventView as JSON>` events.',
    schema: { $ref: getSchemaPath(LiveEventView) },
  })
  async stream(
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      // A proxy must pass each event on as it comes (nginx buffers otherwise).
      .header('x-accel-buffering', 'no');
    // HEAD opens nothing: no stream to keep, no opening to audit.
    if (request.method === 'HEAD') return void reply.send();
    const body = await this.desk.open(staff, actorOf(request));
    // The client left (the response closed before the stream ended): drop it at once.
    reply.raw.once('close', () => body.destroy());
    void reply.send(body);
  }
}
