import { ApiProperty } from '@nestjs/swagger';
import { UserView } from '../../users/user.view.js';

/** POST /v1/auth/login: the bearer token (also set as the session cookie) and who signed in. */
export class LoginView {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`; the cookie holds it too.' })
  token!: string;
  @ApiProperty({ format: 'date-time', description: 'When the session ends at the latest.' })
  expiresAt!: string;
  @ApiProperty({ type: UserView }) user!: UserView;
  @ApiProperty({
    description:
      'True when the account must enrol two-factor sign-in before anything else ' +
      '(POST /v1/auth/mfa/setup, then /v1/auth/mfa/verify).',
  })
  mfaSetupRequired!: boolean;
}

export class CurrentSessionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty() mfaSetupRequired!: boolean;
}

export class MfaStatusView {
  @ApiProperty({ minimum: 0, maximum: 10 }) recoveryCodesRemaining!: number;
}

/** GET /v1/auth/me. */
export class MeView {
  @ApiProperty({ type: UserView }) user!: UserView;
  @ApiProperty({ type: CurrentSessionView }) session!: CurrentSessionView;
  @ApiProperty({ type: MfaStatusView }) mfa!: MfaStatusView;
}

/** GET /v1/auth/csrf. */
export class CsrfTokenView {
  @ApiProperty({ description: 'Send it as `X-CSRF-Token` with cookie-authenticated changes.' })
  token!: string;
}

/** POST /v1/auth/mfa/setup: the secret to put in an authenticator app. */
export class MfaSetupView {
  @ApiProperty({ description: 'Base32 TOTP secret.' }) secret!: string;
  @ApiProperty({ example: 'otpauth://totp/…', description: 'The same secret as a QR-code URI.' })
  otpauthUri!: string;
}

/** POST /v1/auth/mfa/verify: enrolled; a new session replaces the old one. */
export class MfaEnrolledView {
  @ApiProperty({ enum: [true] }) mfaEnabled!: true;
  @ApiProperty() token!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: [String], description: 'Ten one-time recovery codes, shown this once.' })
  recoveryCodes!: string[];
}

/** POST /v1/auth/mfa/recovery-codes. */
export class RecoveryCodesView {
  @ApiProperty({ type: [String], description: 'Ten one-time recovery codes, shown this once.' })
  recoveryCodes!: string[];
}

/** POST /v1/auth/reauthenticate. */
export class FreshCredentialsView {
  @ApiProperty({ format: 'date-time', description: 'When the proof stops counting.' })
  freshUntil!: string;
}
