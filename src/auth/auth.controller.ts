import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import { RateLimited } from '../rate-limit/rate-limited.decorator.js';
import { toUserView, type UserView } from '../users/user.view.js';
import { AuthService } from './auth.service.js';
import { clearedSessionCookie, sessionCookie } from './cookies.js';
import { LoginDto, MfaVerifyDto, ReauthenticateDto } from './dto/login.dto.js';
import { StaffSessions } from './sessions.service.js';
import type { StaffContext } from './staff-context.js';
import { AllowedBeforeMfa, CurrentStaff, Staff } from './staff.decorator.js';

/** The browser's own name for itself, kept with a session for the sessions list. */
function userAgentOf(request: FastifyRequest): string | null {
  const agent = request.headers['user-agent'];
  // Control characters never reach the database (a list shows it as text).
  return typeof agent === 'string' ? agent.replace(/\p{Cc}/gu, '').slice(0, 255) : null;
}

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: StaffSessions,
  ) {}

  @Post('login')
  @HttpCode(200)
  @RateLimited('auth')
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ token: string; expiresAt: string; user: UserView; mfaSetupRequired: boolean }> {
    const signedIn = await this.auth.login(body, actorOf(request), userAgentOf(request));
    reply.header('set-cookie', sessionCookie(signedIn.token));
    return {
      token: signedIn.token,
      expiresAt: signedIn.expiresAt.toISOString(),
      user: toUserView(signedIn.user),
      mfaSetupRequired: !signedIn.mfaSatisfied,
    };
  }

  @Post('logout')
  @HttpCode(204)
  @Staff()
  @AllowedBeforeMfa()
  async logout(
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(staff, actorOf(request));
    reply.header('set-cookie', clearedSessionCookie());
  }

  @Get('me')
  @Staff()
  @AllowedBeforeMfa()
  async me(@CurrentStaff() staff: StaffContext): Promise<{
    user: UserView;
    session: { id: string; expiresAt: string; mfaSetupRequired: boolean };
    mfa: { recoveryCodesRemaining: number };
  }> {
    return {
      user: toUserView(staff.user),
      session: {
        id: staff.session.id,
        expiresAt: staff.session.expiresAt.toISOString(),
        mfaSetupRequired: !staff.session.mfaSatisfied,
      },
      mfa: { recoveryCodesRemaining: await this.auth.recoveryCodesRemaining(staff.user.id) },
    };
  }

  @Get('csrf')
  @Staff()
  @AllowedBeforeMfa()
  @ApiOkResponse({ description: 'Send it as X-CSRF-Token with cookie-authenticated writes.' })
  csrf(@CurrentStaff() staff: StaffContext): { token: string } {
    return { token: this.sessions.csrfToken(staff.session.id) };
  }

  @Post('mfa/setup')
  @HttpCode(200)
  @Staff()
  @AllowedBeforeMfa()
  mfaSetup(
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<{ secret: string; otpauthUri: string }> {
    return this.auth.startMfaSetup(staff, actorOf(request));
  }

  @Post('mfa/verify')
  @HttpCode(200)
  @Staff()
  @AllowedBeforeMfa()
  @ApiOkResponse({
    description:
      'Enrolled. The session is replaced (new token and cookie; the old token is dead), ' +
      'every other session has ended, and the ten recovery codes are shown this once.',
  })
  async mfaVerify(
    @CurrentStaff() staff: StaffContext,
    @Body() body: MfaVerifyDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ mfaEnabled: true; token: string; expiresAt: string; recoveryCodes: string[] }> {
    const enrolled = await this.auth.verifyMfa(staff, body.code, actorOf(request));
    reply.header('set-cookie', sessionCookie(enrolled.token));
    return {
      mfaEnabled: true,
      token: enrolled.token,
      expiresAt: enrolled.expiresAt.toISOString(),
      recoveryCodes: enrolled.recoveryCodes,
    };
  }

  @Post('mfa/recovery-codes')
  @HttpCode(200)
  @Staff()
  @RateLimited('auth')
  @ApiOkResponse({
    description: 'Ten new recovery codes, shown this once; the previous ones no longer work.',
  })
  async regenerateRecoveryCodes(
    @CurrentStaff() staff: StaffContext,
    @Body() body: MfaVerifyDto,
    @Req() request: FastifyRequest,
  ): Promise<{ recoveryCodes: string[] }> {
    return {
      recoveryCodes: await this.auth.regenerateRecoveryCodes(staff, body.code, actorOf(request)),
    };
  }

  @Post('reauthenticate')
  @HttpCode(200)
  @Staff()
  @RateLimited('auth')
  @ApiOperation({
    summary: 'Prove the password or a code again, for actions that need it (10 minutes)',
  })
  @ApiOkResponse({ description: '`{ "freshUntil" }`: when the proof stops counting.' })
  async reauthenticate(
    @CurrentStaff() staff: StaffContext,
    @Body() body: ReauthenticateDto,
    @Req() request: FastifyRequest,
  ): Promise<{ freshUntil: string }> {
    const freshUntil = await this.auth.reauthenticate(staff, body, actorOf(request));
    return { freshUntil: freshUntil.toISOString() };
  }
}
