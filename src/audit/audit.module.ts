import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditTrailRoleCheck } from './audit-trail-role-check.js';
import { AuditRepository } from './audit-event.repository.js';
import { AuditTrail } from './audit.service.js';

@Module({
  controllers: [AuditController],
  providers: [AuditTrail, AuditRepository, AuditTrailRoleCheck],
  exports: [AuditTrail],
})
export class AuditModule {}
