import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';

/** The connection URL in use: DATABASE_URL, or the embedded cluster's. */
export const DATABASE_URL = Symbol('DATABASE_URL');

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig, url: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(
            url,
            undefined,
            undefined,
            config.database.connectTimeoutSeconds * 1000,
          ),
          migrationsRun: config.database.runMigrations,
          // A failed connection at boot is reported once; retrying forever hides it.
          retryAttempts: 0,
        }),
      ],
      providers: [{ provide: DATABASE_URL, useValue: url }],
      exports: [DATABASE_URL],
    };
  }
}
