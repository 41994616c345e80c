import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RateLimited } from '../rate-limit/rate-limited.decorator.js';
import { CaptchaCheck } from './captcha.service.js';
import { CaptchaSettingsView } from './dto/captcha-settings.view.js';

/**
 * Our addition to the public API (docs/api.md#captcha): lets the practice's pages find out
 * which widget to render.
 */
@ApiTags('public')
@Controller('v1/captcha')
export class CaptchaController {
  constructor(private readonly captcha: CaptchaCheck) {}

  @Get()
  @RateLimited('read')
  @Header('cache-control', 'public, max-age=300')
  @ApiOperation({
    summary: 'The CAPTCHA a public form must show, if any',
    description:
      'With a provider, POST /v1/inquiries and /v1/intakes need `captchaToken` from its widget (422 `captchaToken` when missing or refused).',
  })
  @ApiOkResponse({ type: CaptchaSettingsView })
  settings(): CaptchaSettingsView {
    return this.captcha.publicSettings();
  }
}
