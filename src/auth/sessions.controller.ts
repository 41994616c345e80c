import { Controller, Delete, Get, HttpCode, Param, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import { ProblemResponses } from '../common/openapi.js';
import { AuthService } from './auth.service.js';
import { SessionListView, toSessionView } from './dto/session.view.js';
import { StaffSessions } from './sessions.service.js';
import type { StaffContext } from './staff-context.js';
import { CurrentStaff, Staff } from './staff.decorator.js';

/** One's own sessions: where one is signed in, and ending any of them. */
@ApiTags('auth')
@Controller('v1/auth/sessions')
@Staff()
export class SessionsController {
  constructor(
    private readonly sessions: StaffSessions,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your live sessions: where you are signed in' })
  @ApiOkResponse({ type: SessionListView, description: 'Live sessions, newest first.' })
  async list(@CurrentStaff() staff: StaffContext): Promise<SessionListView> {
    const live = await this.sessions.liveOf(staff.user.id);
    return { items: live.map((session) => toSessionView(session, staff.session.id)) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'End one of your sessions' })
  @ApiNoContentResponse({ description: 'Ended; ending the current one signs this device out.' })
  @ProblemResponses([404, 'No live session of yours has this id.'])
  async end(
    @CurrentStaff() staff: StaffContext,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.auth.endOwnSession(staff, id, actorOf(request));
  }
}
