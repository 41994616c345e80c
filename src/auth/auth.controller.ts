import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import { ProblemResponses } from '../common/openapi.js';
import { RateLimited } from '../rate-limit/rate-limited.decorator.js';
import { toUserView, type UserView } from '../users/user.view.js';
import { AuthService } from './auth.service.js';
import { clearedSessionCookie, sessionCookie } from './cookies.js';
import {
  CsrfTokenView,
  FreshCredentialsView,
  LoginView,
  MeView,
  MfaEnrolledView,
  MfaSetupView,
  RecoveryCodesView,
} from './dto/auth.view.js';
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
  @ApiOperation({
    summary: 'Sign in: a bearer token and the session cookie',
    description:
      'Sets the `__Host-ri_session` cookie (HttpOnly, Secure, SameSite=Strict) and answers ' +
      'the same token for API clients. An account with two-factor sign-in also sends `totp` ' +
      '(or a `recoveryCode`); without it the answer is 401 `/problems/mfa-required`.',
  })
  @ApiOkResponse({
    type: LoginView,
    headers: { 'Set-Cookie': { description: 'The session cookie.', schema: { type: 'string' } } },
  })
  @ProblemResponses([401, 'Wrong email or password, or the second factor is missing or wrong.'])
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
  @ApiOperation({ summary: 'Sign out: the session ends on the server and the cookie is cleared' })
  @ApiNoContentResponse({ description: 'Signed out.' })
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
  @ApiOperation({ summary: 'Who is signed in, with this session and two-factor status' })
  @ApiOkResponse({ type: MeView })
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
  @ApiOperation({ summary: 'The CSRF token a cookie session sends with every change' })
  @ApiOkResponse({
    type: CsrfTokenView,
    description: 'Send it as X-CSRF-Token with cookie-authenticated writes.',
  })
  csrf(@CurrentStaff() staff: StaffContext): { token: string } {
    return { token: this.sessions.csrfToken(staff.session.id) };
  }

  @Post('mfa/setup')
  @HttpCode(200)
  @Staff()
  @AllowedBeforeMfa()
  @ApiOperation({ summary: 'Start two-factor enrolment: a new TOTP secret' })
  @ApiOkResponse({ type: MfaSetupView })
  @ProblemResponses([409, 'Two-factor sign-in is already set up.'])
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
  @ApiOperation({ summary: 'Finish two-factor enrolment with a code from the app' })
  @ProblemResponses([409, 'Already set up, or no enrolment was started.'])
  @ApiOkResponse({
    type: MfaEnrolledView,
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
  @ApiOperation({ summary: 'Replace the recovery codes (needs a current code)' })
  @ApiOkResponse({
    type: RecoveryCodesView,
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
  @ApiOkResponse({ type: FreshCredentialsView })
  async reauthenticate(
    @CurrentStaff() staff: StaffContext,
    @Body() body: ReauthenticateDto,
    @Req() request: FastifyRequest,
  ): Promise<{ freshUntil: string }> {
    const freshUntil = await this.auth.reauthenticate(staff, body, actorOf(request));
    return { freshUntil: freshUntil.toISOString() };
  }
}
