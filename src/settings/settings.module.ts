import { Global, Module } from '@nestjs/common';
import { PracticeSettings } from './practice-settings.js';
import { SettingsController } from './settings.controller.js';
import { SettingsService } from './settings.service.js';

/** Global: submissions, leads and reminders read the settings in force through PracticeSettings. */
@Global()
@Module({
  controllers: [SettingsController],
  providers: [PracticeSettings, SettingsService],
  exports: [PracticeSettings],
})
export class SettingsModule {}
