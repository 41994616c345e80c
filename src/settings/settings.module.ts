import { Module } from '@nestjs/common';
import { SettingsRepository } from './practice-setting.repository.js';
import { PracticeSettings } from './practice-settings.js';

/** The settings in force: submissions, leads and reminders read them through PracticeSettings. */
@Module({
  providers: [PracticeSettings, SettingsRepository],
  exports: [PracticeSettings, SettingsRepository],
})
export class SettingsModule {}
