import { PassThrough, type Readable } from 'node:stream';
import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { isDatabaseUnreachable } from '../database/unreachable.js';
import { LeadListener } from './lead-listener.js';
import { retryFrame } from './live-signal.js';
import { type OpenStream, StreamFanOut } from './stream-fan-out.js';
import { readClinicianIdOf, readLiveViewers } from './stream-viewers.query.js';

/** docs/api.md#live-arrivals: a comment this often keeps proxies from closing a quiet stream. */
export const HEARTBEAT_MS = 25_000;
/** How long a browser waits before reopening a stream that closed. */
export const RETRY_MS = 5_000;

/**
 * The live desk of this process: opens the staff's event streams, hands each signal of
 * the lead table to the streams that may hear it, beats, and closes the streams of
 * sessions that ended. Streams end on shutdown, so they never hold a deploy up.
 */
@Injectable()
export class LiveDesk implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveDesk.name);
  private readonly fanOut = new StreamFanOut();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly listener: LeadListener,
  ) {
    listener.listen({
      signal: (signal) => void this.fanOut.publish(signal),
      // Signals committed while the connection was away were not heard: browsers reopen
      // their streams and read again what they show.
      resumed: () => void this.fanOut.closeAll(),
    });
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.fanOut.closeAll();
  }

  /** Opens a stream for the signed-in staff member (audited once, not per event). */
  async open(staff: StaffContext, actor: AuditActor): Promise<Readable> {
    const clinicianId =
      staff.user.role === 'clinician'
        ? await readClinicianIdOf(this.dataSource.manager, staff.user.id)
        : null;
    const body = new PassThrough();
    body.write(retryFrame(RETRY_MS));
    const stream: OpenStream = {
      sessionId: staff.session.id,
      viewer: { role: staff.user.role, clinicianId },
      send: (frame) => {
        if (!body.writableEnded) body.write(frame);
      },
      close: () => body.end(),
    };
    const remove = this.fanOut.add(stream);
    body.once('close', remove);
    // Audited once it hears signals (a recorded opening is a listening stream); a stream
    // whose opening cannot be audited is not opened.
    try {
      await this.audit.record(actor, {
        action: 'lead.stream_opened',
        subjectType: 'staff_session',
        subjectId: staff.session.id,
      });
    } catch (error) {
      body.destroy();
      throw error;
    }
    return body;
  }

  /**
   * Every 25 s: beats every stream, checks the listener, then closes the streams of
   * sessions that ended (signed out, idle, past their lifetime, account deactivated).
   */
  async beat(): Promise<void> {
    this.fanOut.heartbeat();
    void this.listener.verify();
    const asked = this.fanOut.sessionIds();
    if (asked.length === 0) return;
    try {
      this.fanOut.keepOnly(
        asked,
        await readLiveViewers(this.dataSource.manager, asked, new Date()),
      );
    } catch (error) {
      // While the database is away nobody can be checked: streams stay until it answers.
      if (!isDatabaseUnreachable(error)) {
        this.logger.error({ err: { type: (error as Error).name } }, 'live desk check failed');
      }
    }
  }
}
