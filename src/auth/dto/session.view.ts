import { ApiProperty } from '@nestjs/swagger';
import type { StaffSession } from '../staff-session.entity.js';

/** One of the caller's own live sessions, as the sessions list shows it. */
export class SessionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) lastSeenAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The browser, as it named itself.' })
  userAgent!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The client address at sign-in.' })
  ip!: string | null;
  @ApiProperty({ description: 'True for the session this request came with.' })
  current!: boolean;
}

export class SessionListView {
  @ApiProperty({ type: [SessionView] }) items!: SessionView[];
}

export function toSessionView(session: StaffSession, currentId: string): SessionView {
  return {
    id: session.id,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    userAgent: session.userAgent,
    ip: session.ip,
    current: session.id === currentId,
  };
}
