import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module.js';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { CaptchaModule } from '../captcha/captcha.module.js';
import { IdempotencyService } from '../common/idempotency/idempotency.service.js';
import { LeadsModule } from '../leads/leads.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { IntakeFormsController } from './intake-forms.controller.js';
import { IntakeFormsService } from './intake-forms.service.js';
import { IntakesController } from './intakes.controller.js';
import { IntakesService } from './intakes.service.js';
import { PartnerResponsesService } from './partner-responses.service.js';

@Module({
  imports: [
    LeadsModule,
    WebhooksModule,
    CaptchaModule,
    MetricsModule,
    RateLimitModule,
    SettingsModule,
    NotificationsModule,
  ],
  controllers: [IntakeFormsController, IntakesController],
  providers: [IntakeFormsService, IntakesService, PartnerResponsesService, IdempotencyService],
  exports: [IntakeFormsService],
})
export class IntakeModule {}
