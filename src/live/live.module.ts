import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { LeadListener } from './lead-listener.js';
import { LiveDesk } from './live-desk.service.js';
import { LiveStreamController } from './live.controller.js';
import { SessionKeepaliveController } from './session-keepalive.controller.js';

/** Live arrivals on the staff desk, from any replica (PostgreSQL LISTEN/NOTIFY). */
@Module({
  imports: [AuditModule],
  controllers: [LiveStreamController, SessionKeepaliveController],
  providers: [LeadListener, LiveDesk],
})
export class LiveModule {}
