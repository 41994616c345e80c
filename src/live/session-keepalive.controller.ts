import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SESSION_IDLE_MS, type StaffContext } from '../auth/staff-context.js';
import { CurrentStaff } from '../auth/staff.decorator.js';
import { Staff } from '../common/staff-routes.js';
import { SessionKeepaliveView } from './dto/live.view.js';

/** A light, authenticated request the staff app sends while someone is at the desk. */
@ApiTags('auth')
@Controller('v1/auth/session/keepalive')
@Staff()
export class SessionKeepaliveController {
  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Keep your session alive while you work, and learn when it would end',
    description:
      'Counts as activity like any other request, within the same limits: the session ' +
      'still ends 12 h after sign-in.',
  })
  @ApiOkResponse({ type: SessionKeepaliveView })
  keepalive(@CurrentStaff() staff: StaffContext): SessionKeepaliveView {
    return {
      expiresAt: staff.session.expiresAt.toISOString(),
      idleExpiresAt: new Date(
        Math.min(
          staff.session.lastSeenAt.getTime() + SESSION_IDLE_MS,
          staff.session.expiresAt.getTime(),
        ),
      ).toISOString(),
    };
  }
}
