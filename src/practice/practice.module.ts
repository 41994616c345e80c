import { Module } from '@nestjs/common';
import { CaptchaModule } from '../captcha/captcha.module.js';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { PracticeController } from './practice.controller.js';
import { PracticeService } from './practice.service.js';

/** The practice's public identity: GET /v1/practice and its logo. */
@Module({
  imports: [SettingsModule, CaptchaModule, RateLimitModule],
  controllers: [PracticeController],
  providers: [PracticeService],
})
export class PracticeModule {}
