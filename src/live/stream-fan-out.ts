import {
  eventFrame,
  HEARTBEAT_FRAME,
  type LeadSignal,
  liveEventOf,
  mayHear,
  type Viewer,
} from './live-signal.js';

/** One open stream of one signed-in staff member, as the fan-out sees it. */
export interface OpenStream {
  /** The session the stream was opened with: the stream lives only as long as it does. */
  readonly sessionId: string;
  viewer: Viewer;
  /** Writes one frame; a stream whose client left is removed before this is called again. */
  send(frame: string): void;
  /** Ends the response (the client may reconnect; a dead session then answers 401). */
  close(): void;
}

/**
 * The streams of this process and what each may hear. No framework and no database: the
 * caller says when a signal arrived, when to beat, and who is still signed in.
 */
export class StreamFanOut {
  private readonly streams = new Set<OpenStream>();

  get size(): number {
    return this.streams.size;
  }

  /** Adds a stream; the returned function removes it (on the client's disconnect). */
  add(stream: OpenStream): () => void {
    this.streams.add(stream);
    return () => void this.streams.delete(stream);
  }

  /** Sends the signal's event to every stream whose viewer may see the lead; how many. */
  publish(signal: LeadSignal): number {
    const frame = eventFrame(liveEventOf(signal));
    let sent = 0;
    for (const stream of this.streams) {
      if (!mayHear(stream.viewer, signal)) continue;
      stream.send(frame);
      sent += 1;
    }
    return sent;
  }

  heartbeat(): void {
    for (const stream of this.streams) stream.send(HEARTBEAT_FRAME);
  }

  /** The sessions of the open streams, each once: what to ask the database about. */
  sessionIds(): string[] {
    return [...new Set([...this.streams].map((stream) => stream.sessionId))];
  }

  /**
   * After reading which of the `asked` sessions are still signed in (`live`): a stream
   * whose session ended (signed out, idle, past its lifetime, account deactivated) closes;
   * the others take the viewer as now read (a changed role or clinician profile). Streams
   * opened while the database was asked are left for the next beat. Returns how many closed.
   */
  keepOnly(asked: readonly string[], live: ReadonlyMap<string, Viewer>): number {
    const checked = new Set(asked);
    let closed = 0;
    for (const stream of [...this.streams]) {
      if (!checked.has(stream.sessionId)) continue;
      const viewer = live.get(stream.sessionId);
      if (viewer) {
        stream.viewer = viewer;
        continue;
      }
      this.streams.delete(stream);
      stream.close();
      closed += 1;
    }
    return closed;
  }

  /** Ends every stream: on shutdown, and after the listener missed signals (browsers reconnect and refetch). */
  closeAll(): number {
    const all = [...this.streams];
    this.streams.clear();
    for (const stream of all) stream.close();
    return all.length;
  }
}
