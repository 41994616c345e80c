import { Module } from '@nestjs/common';
import { CaptchaController } from './captcha.controller.js';
import { CaptchaCheck } from './captcha.service.js';

@Module({
  controllers: [CaptchaController],
  providers: [CaptchaCheck],
  exports: [CaptchaCheck],
})
export class CaptchaModule {}
