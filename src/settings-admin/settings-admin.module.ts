import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { LeadsModule } from '../leads/leads.module.js';
import { SettingsController } from './settings.controller.js';
import { SettingsModule } from '../settings/settings.module.js';
import { SettingsService } from './settings.service.js';

/** Staff reading and changing the settings (a change recomputes open leads' deadlines). */
@Module({
  imports: [SettingsModule, LeadsModule, AuditModule],
  controllers: [SettingsController],
  providers: [SettingsService],
})
export class SettingsAdminModule {}
