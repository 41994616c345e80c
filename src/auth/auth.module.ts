import { Module } from '@nestjs/common';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { CredentialsController } from './credentials.controller.js';
import { CredentialsService } from './credentials.service.js';
import { LoginThrottleRepository } from './login-throttle.repository.js';
import { RecoveryCodeRepository } from './recovery-code.repository.js';
import { RecoveryCodes } from './recovery-codes.service.js';
import { SessionsController } from './sessions.controller.js';
import { PasswordResetWorker } from './password-reset-worker.js';
import { StaffSessions } from './sessions.service.js';
import { SignInThrottle } from './sign-in-throttle.service.js';
import { StaffUserRepository } from '../users/staff-user.repository.js';
import { StaffAuthGuard } from './staff-auth.guard.js';
import { StaffSessionRepository } from './staff-session.repository.js';
import { StaffTokenRepository } from '../users/staff-token.repository.js';
import { StaffTokens } from './staff-tokens.service.js';

@Module({
  imports: [AuditModule, RateLimitModule, NotificationsModule],
  controllers: [AuthController, CredentialsController, SessionsController],
  providers: [
    AuthService,
    StaffSessions,
    StaffTokens,
    CredentialsService,
    RecoveryCodes,
    SignInThrottle,
    PasswordResetWorker,
    StaffSessionRepository,
    StaffTokenRepository,
    RecoveryCodeRepository,
    LoginThrottleRepository,
    StaffUserRepository,
    { provide: APP_GUARD, useClass: StaffAuthGuard },
  ],
  exports: [
    AuthService,
    StaffSessions,
    StaffTokens,
    RecoveryCodes,
    StaffSessionRepository,
    LoginThrottleRepository,
    StaffUserRepository,
  ],
})
export class AuthModule {}
