import { isDatabaseUnreachable } from '../database/unreachable.js';

/**
 * Deliveries (an email, a webhook) that left this process while the database could not
 * record it, e.g. because it went away during the SMTP conversation. Until the record
 * lands, the outcome is kept here and written again every `retryEveryMs`: a retry of the
 * same job in this process records it instead of sending a second time.
 *
 * The guarantee ends with the process: one that stops (or crashes) with a delivery still
 * unrecorded leaves its row pending, and the next attempt sends again (at least once).
 */
export class UnrecordedDeliveries {
  private readonly waiting = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(private readonly retryEveryMs = 1_000) {}

  /** Whether the delivery `id` went out and its outcome is still to be recorded. */
  has(id: string): boolean {
    return this.waiting.has(id);
  }

  get size(): number {
    return this.waiting.size;
  }

  /**
   * Records the outcome of delivery `id` with `write` (idempotent: it must change only a
   * row still pending), retrying while the database is unreachable. True once recorded;
   * false when it is still waiting after `patienceMs`, in which case it goes on trying.
   * Rejects when `write` fails for another reason, or once `stop` was called.
   */
  async record(id: string, write: () => Promise<void>, patienceMs: number): Promise<boolean> {
    let recording = this.waiting.get(id);
    if (!recording) {
      recording = this.writeUntilRecorded(write);
      this.waiting.set(id, recording);
      // Settled either way: a failure is reported to the awaiting job, not left unhandled.
      recording.then(
        () => this.waiting.delete(id),
        () => this.waiting.delete(id),
      );
    }
    let timer: NodeJS.Timeout | undefined;
    const patience = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), patienceMs);
    });
    try {
      return await Promise.race([recording.then(() => true as const), patience]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends the retries (the process is stopping); the awaiting jobs fail and are retried. */
  stop(): void {
    this.stopped = true;
  }

  private async writeUntilRecorded(write: () => Promise<void>): Promise<void> {
    for (;;) {
      try {
        await write();
        return;
      } catch (error) {
        if (this.stopped || !isDatabaseUnreachable(error)) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, this.retryEveryMs).unref());
      if (this.stopped) throw new Error('stopped before the delivery could be recorded');
    }
  }
}
