import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { IntakeDraftSchedule } from './intake-draft-schedule.js';
import { IntakeDraftRepository } from './intake-draft.repository.js';
import { IntakeDraftsController } from './intake-drafts.controller.js';
import { IntakeDraftsService } from './intake-drafts.service.js';

/** Save and finish later: drafts of an intake, their emailed links, their daily purge. */
@Module({
  imports: [IntakeModule, NotificationsModule, SubmissionsModule],
  controllers: [IntakeDraftsController],
  providers: [IntakeDraftsService, IntakeDraftRepository, IntakeDraftSchedule],
})
export class IntakeDraftsModule {}
