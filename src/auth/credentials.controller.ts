import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import { ProblemResponses } from '../common/openapi.js';
import { RateLimited } from '../rate-limit/rate-limited.decorator.js';
import { CredentialsService } from './credentials.service.js';
import {
  ChangePasswordDto,
  PasswordResetRequestDto,
  PasswordResetRequestedView,
  SetPasswordDto,
} from './dto/credentials.dto.js';
import type { StaffContext } from './staff-context.js';
import { CurrentStaff, Staff } from './staff.decorator.js';

const RESET_REQUESTED: PasswordResetRequestedView = {
  message:
    'If an active staff account uses this address, a link to choose a new password is on its way. It works for one hour.',
};

/** Passwords: accepting an invitation, resetting by email link, changing while signed in. */
@ApiTags('auth')
@Controller('v1/auth')
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Post('invitations/:token/accept')
  @HttpCode(204)
  @RateLimited('auth')
  @ApiOperation({ summary: 'Accept a staff invitation by choosing a password' })
  @ApiNoContentResponse({ description: 'The password is set; sign in with it.' })
  @ProblemResponses(
    [404, 'No such invitation.'],
    [410, 'The invitation expired, was used or was replaced.'],
    [422, 'The password policy refused the password, or a field is invalid.'],
  )
  async acceptInvitation(
    @Param('token') token: string,
    @Body() body: SetPasswordDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.credentials.acceptInvitation(token, body.password, actorOf(request));
  }

  @Post('password-reset')
  @HttpCode(202)
  @RateLimited('password-reset')
  @ApiOperation({ summary: 'Ask for a password reset link by email' })
  @ApiAcceptedResponse({
    type: PasswordResetRequestedView,
    description: 'The same answer whether or not an account uses the address.',
  })
  async requestPasswordReset(
    @Body() body: PasswordResetRequestDto,
    @Req() request: FastifyRequest,
  ): Promise<PasswordResetRequestedView> {
    await this.credentials.requestPasswordReset(body.email, actorOf(request));
    return RESET_REQUESTED;
  }

  @Post('password-reset/:token')
  @HttpCode(204)
  @RateLimited('auth')
  @ApiOperation({ summary: 'Choose a new password with a reset link' })
  @ApiNoContentResponse({ description: 'The password is set and every session has ended.' })
  @ProblemResponses(
    [404, 'No such reset link.'],
    [410, 'The link expired, was used or was replaced.'],
    [422, 'The password policy refused the password, or a field is invalid.'],
  )
  async completePasswordReset(
    @Param('token') token: string,
    @Body() body: SetPasswordDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.credentials.completePasswordReset(token, body.password, actorOf(request));
  }

  @Post('password')
  @HttpCode(204)
  @Staff()
  @RateLimited('auth')
  @ApiOperation({ summary: 'Change your own password' })
  @ApiNoContentResponse({
    description: 'Changed; every other session of the account has ended, this one goes on.',
  })
  @ProblemResponses([422, '`currentPassword` is wrong, or the policy refused `newPassword`.'])
  async changePassword(
    @CurrentStaff() staff: StaffContext,
    @Body() body: ChangePasswordDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.credentials.changePassword(staff, body, actorOf(request));
  }
}
