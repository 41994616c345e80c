import { ApiProperty } from '@nestjs/swagger';

/** GET /v1/captcha: what a page needs to render the CAPTCHA widget, if any. */
export class CaptchaSettingsView {
  @ApiProperty({
    enum: ['none', 'turnstile', 'hcaptcha'],
    description: '`none`: no widget, and no `captchaToken` is needed',
  })
  provider!: 'none' | 'turnstile' | 'hcaptcha';

  @ApiProperty({
    type: String,
    nullable: true,
    description: "The provider's public site key for the widget; null without a provider",
  })
  siteKey!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "Where a page loads the provider's widget script (explicit rendering); null without a provider",
  })
  scriptUrl!: string | null;
}
