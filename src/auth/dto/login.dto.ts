import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { NormalizedText, SingleLine } from '../../common/text.js';

export class LoginDto {
  @ApiProperty({ example: 'coordinator@practice.example' })
  @NormalizedText()
  @IsString({ message: 'must be a string' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  @SingleLine()
  email!: string;

  @ApiProperty({ minLength: 1, maxLength: 256 })
  @IsString({ message: 'must be a string' })
  @Length(1, 256, { message: 'must be 1 to 256 characters' })
  password!: string;

  @ApiPropertyOptional({
    description: 'The six digits of the authenticator app, once enrolled.',
    example: '123456',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Matches(/^\d{6}$/, { message: 'must be six digits' })
  totp?: string;

  @ApiPropertyOptional({
    description:
      'Instead of `totp`: one of the recovery codes shown at enrolment. Each works once.',
    example: 'abcd-efgh-jkmn-pqrs',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  recoveryCode?: string;
}

export class MfaVerifyDto {
  @ApiProperty({ example: '123456' })
  @IsString({ message: 'must be a string' })
  @Matches(/^\d{6}$/, { message: 'must be six digits' })
  code!: string;
}

/** POST /v1/auth/reauthenticate: the password, or a code of the authenticator app. */
export class ReauthenticateDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 256 })
  @ValidateIf((body: ReauthenticateDto) => body.totp === undefined || body.password !== undefined)
  @IsString({ message: 'must be a string (send password or totp)' })
  @Length(1, 256, { message: 'must be 1 to 256 characters' })
  password?: string;

  @ApiPropertyOptional({
    description: 'The six digits of the authenticator app.',
    example: '123456',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Matches(/^\d{6}$/, { message: 'must be six digits' })
  totp?: string;
}
