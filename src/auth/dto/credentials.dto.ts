import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { NormalizedText, SingleLine } from '../../common/text.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../users/password-policy.js';

// The topmost validator's message wins (see validation.pipe.ts): the type check goes on top.
// Length and quality are judged by the password policy (password-policy.ts), which
// explains a refusal in words; the DTOs only insist on strings. Passwords are never
// trimmed or normalised: what the person typed is what is hashed.

const newPasswordDescription =
  `At least ${MIN_PASSWORD_LENGTH} characters (at most ${MAX_PASSWORD_LENGTH}); no composition ` +
  'rules. Common and breached passwords, simple patterns and your own name or email are refused.';

export class SetPasswordDto {
  @ApiProperty({ description: newPasswordDescription, example: 'violet kettle under the stairs' })
  @IsString({ message: 'must be a string' })
  password!: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ format: 'email', maxLength: 254, example: 'jordan@practice.example' })
  @NormalizedText()
  @IsString({ message: 'must be a string' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  @IsEmail({}, { message: 'must be an email address' })
  @SingleLine()
  email!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString({ message: 'must be a string' })
  currentPassword!: string;

  @ApiProperty({ description: newPasswordDescription, example: 'violet kettle under the stairs' })
  @IsString({ message: 'must be a string' })
  newPassword!: string;
}

export class PasswordResetRequestedView {
  @ApiProperty({
    example:
      'If an active staff account uses this address, a link to choose a new password is on its way. It works for one hour.',
  })
  message!: string;
}
