import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module.js';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { IntakeMail } from './intake-mail.js';

import { ConsentsModule } from '../consents/consents.module.js';
import { IntakeFormsController } from './intake-forms.controller.js';
import { IntakeFormsService } from './intake-forms.service.js';
import { IntakesController } from './intakes.controller.js';
import { IntakeRepository } from './intake.repository.js';
import { IntakesService } from './intakes.service.js';
import { PartnerResponseRepository } from './partner-response.repository.js';
import { PartnerResponsesService } from './partner-responses.service.js';

@Module({
  imports: [
    SubmissionsModule,
    RateLimitModule,
    MetricsModule,
    WebhooksModule,
    NotificationsModule,
    ConsentsModule,
  ],
  controllers: [IntakeFormsController, IntakesController],
  providers: [
    IntakeFormsService,
    IntakesService,
    PartnerResponsesService,
    IntakeRepository,
    PartnerResponseRepository,
    IntakeMail,
  ],
  exports: [IntakeFormsService],
})
export class IntakeModule {}
