import { Module } from '@nestjs/common';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { CaptchaController } from './captcha.controller.js';
import { CaptchaCheck } from './captcha.service.js';

@Module({
  imports: [MetricsModule, RateLimitModule],
  controllers: [CaptchaController],
  providers: [CaptchaCheck],
  exports: [CaptchaCheck],
})
export class CaptchaModule {}
