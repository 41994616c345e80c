import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'coordinator@practice.example' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  @IsString({ message: 'must be a string' })
  email!: string;

  @ApiProperty({ minLength: 1, maxLength: 256 })
  @Length(1, 256, { message: 'must be 1 to 256 characters' })
  @IsString({ message: 'must be a string' })
  password!: string;

  @ApiPropertyOptional({
    description: 'The six digits of the authenticator app, once enrolled.',
    example: '123456',
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'must be six digits' })
  @IsString({ message: 'must be a string' })
  totp?: string;
}

export class MfaVerifyDto {
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'must be six digits' })
  @IsString({ message: 'must be a string' })
  code!: string;
}
