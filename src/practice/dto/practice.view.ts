import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PRACTICE_LANGUAGES } from '../practice-view.js';

export class PracticeBookingView {
  @ApiProperty({ description: 'Whether clients may book a first conversation themselves.' })
  enabled!: boolean;
}

export class PracticeCaptchaView {
  @ApiProperty({ enum: ['turnstile', 'hcaptcha'] })
  provider!: 'turnstile' | 'hcaptcha';

  @ApiProperty({ description: "The provider's public site key for the widget." })
  siteKey!: string;
}

/** GET /v1/practice: who the client is dealing with, for pages, the embed and emails. */
export class PracticeView {
  @ApiProperty({ example: 'Riverside Couples Therapy' }) name!: string;
  @ApiProperty({ example: 'America/Los_Angeles', description: 'IANA time zone' })
  timeZone!: string;
  @ApiPropertyOptional({ example: '(503) 555-0100' }) phone?: string;
  @ApiPropertyOptional({ example: 'hello@practice.example' }) email?: string;
  @ApiPropertyOptional({ example: 'https://www.practice.example' }) website?: string;
  @ApiPropertyOptional({ example: '100 Main Street, Portland, OR 97201' }) address?: string;
  @ApiPropertyOptional({
    description: 'The logo (GET /v1/practice/logo), versioned; absent without a logo.',
    example: 'https://intake.practice.example/v1/practice/logo?v=3q2-7w',
  })
  logoUrl?: string;
  @ApiProperty({
    enum: PRACTICE_LANGUAGES,
    isArray: true,
    description: 'Languages the forms, pages and client emails exist in.',
  })
  languages!: (typeof PRACTICE_LANGUAGES)[number][];
  @ApiProperty({ example: '1' }) privacyNoticeVersion!: string;
  @ApiPropertyOptional({ example: 'https://www.practice.example/privacy' })
  privacyNoticeUrl?: string;
  @ApiProperty({ type: PracticeBookingView }) booking!: PracticeBookingView;
  @ApiPropertyOptional({
    type: PracticeCaptchaView,
    description: 'The CAPTCHA a public form must show; absent without one.',
  })
  captcha?: PracticeCaptchaView;
}
