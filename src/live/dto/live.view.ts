import { ApiProperty } from '@nestjs/swagger';
import { URGENCIES, type Urgency } from '../../vocabulary/urgency.js';
import { LIVE_EVENT_TYPES, type LiveEventType } from '../live-signal.js';

/** One event of the staff stream: ids and labels only, never personal data. */
export class LiveEventView {
  @ApiProperty({
    enum: LIVE_EVENT_TYPES,
    description: '`lead.created`: a new lead arrived; `lead.changed`: a lead you may see changed.',
  })
  type!: LiveEventType;
  @ApiProperty({ format: 'uuid' }) leadId!: string;
  @ApiProperty({ enum: URGENCIES }) urgency!: Urgency;
}

/** When the caller's session ends, as of this request. */
export class SessionKeepaliveView {
  @ApiProperty({
    format: 'date-time',
    description: 'The end of the session however active it is (12 h after sign-in).',
  })
  expiresAt!: string;
  @ApiProperty({
    format: 'date-time',
    description: 'When the session ends unless another request comes first (30 min idle).',
  })
  idleExpiresAt!: string;
}
