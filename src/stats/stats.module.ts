import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { StatsController } from './stats.controller.js';
import { StatsService } from './stats.service.js';

@Module({ imports: [AuditModule], controllers: [StatsController], providers: [StatsService] })
export class StatsModule {}
