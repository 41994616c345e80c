import { DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from './app-config.js';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The SMTP server in use: SMTP_URL, or the local mail catcher's (chosen at boot). */
export const SMTP_URL = Symbol('SMTP_URL');

/**
 * Makes the configuration, read once at boot, injectable everywhere as APP_CONFIG, with the
 * mail server the process settled on at boot as SMTP_URL.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, { smtpUrl }: { smtpUrl: string }): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: SMTP_URL, useValue: smtpUrl },
      ],
      exports: [APP_CONFIG, SMTP_URL],
    };
  }
}
