import { applyDecorators } from '@nestjs/common';
import { IsEmail, IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';
import { NormalizedText } from '../../common/text.js';
import { USER_ROLES } from '../../vocabulary/user-role.js';

// As in leads/dto/contact-fields.ts: each list is written bottom-up with the type check
// last, so a wrong type is reported before a wrong length.

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

export const StaffEmailField = () =>
  applyDecorators(
    IsEmail({}, { message: 'must be an email address' }),
    MaxLength(254, { message: 'must be at most 254 characters' }),
    IsString({ message: 'must be a string' }),
    NormalizedText(),
  );

export const StaffNameField = () =>
  applyDecorators(
    Matches(NO_CONTROL_CHARACTERS, { message: 'must not contain control characters' }),
    Length(1, 200, { message: 'must be 1 to 200 characters' }),
    IsString({ message: 'must be a string' }),
    NormalizedText(),
  );

export const StaffRoleField = () =>
  applyDecorators(IsIn(USER_ROLES, { message: `must be one of ${USER_ROLES.join(', ')}` }));

export const ROLE_PROPERTY = { enum: USER_ROLES, example: 'coordinator' } as const;
export const NAME_PROPERTY = { minLength: 1, maxLength: 200, example: 'Jordan Lee' } as const;
export const EMAIL_PROPERTY = {
  format: 'email',
  maxLength: 254,
  example: 'jordan@practice.example',
} as const;
