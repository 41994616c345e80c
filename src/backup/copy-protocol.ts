// COPY … TO STDOUT and COPY … FROM STDIN over a node-postgres client. node-postgres hands
// the COPY messages of the protocol to the active query object (its "submittable"); these
// two are that object for each direction, with back-pressure in both.
import type { Duplex, Writable } from 'node:stream';
import type pg from 'pg';

/** The parts of node-postgres's connection a COPY needs (not in its public types). */
interface Connection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  /** The socket. */
  stream: Duplex;
}

abstract class CopyCommand implements pg.Submittable {
  protected connection?: Connection;
  private copiedRows = 0;
  private settled = false;
  private resolveDone!: (rows: number) => void;
  private rejectDone!: (error: Error) => void;
  /** The number of rows copied, once the server has finished the command. */
  readonly done = new Promise<number>((resolve, reject) => {
    this.resolveDone = resolve;
    this.rejectDone = reject;
  });

  constructor(private readonly text: string) {}

  submit(connection: unknown): void {
    this.connection = connection as Connection;
    this.connection.query(this.text);
  }

  handleCommandComplete(message: { text: string }): void {
    this.copiedRows = Number(/^COPY (\d+)$/.exec(message.text)?.[1] ?? 0);
  }

  handleReadyForQuery(): void {
    this.settle();
  }

  handleError(error: Error): void {
    this.settle(error);
  }

  // Not used by COPY, present so a misrouted message cannot crash the client.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}

  protected settle(error?: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.finished();
    if (error) this.rejectDone(error);
    else this.resolveDone(this.copiedRows);
  }

  protected finished(): void {}
}

/** `COPY … TO STDOUT`: every row, as the server sends it, written to `into`. */
export class CopyOut extends CopyCommand {
  private paused = false;

  constructor(
    text: string,
    private readonly into: Writable,
  ) {
    super(text);
  }

  handleCopyData(message: { chunk: Buffer }): void {
    if (!this.into.write(message.chunk) && !this.paused && this.connection) {
      // Stop reading the socket until the file has caught up.
      this.paused = true;
      this.connection.stream.pause();
      this.into.once('drain', () => {
        this.paused = false;
        this.connection?.stream.resume();
      });
    }
  }

  protected override finished(): void {
    if (this.paused) this.connection?.stream.resume();
  }
}

/** `COPY … FROM STDIN`, fed by `rows` (chunks of COPY text, each ending in a newline). */
export class CopyIn extends CopyCommand {
  private failed = false;

  constructor(
    text: string,
    private readonly rows: AsyncIterable<Buffer>,
  ) {
    super(text);
  }

  handleCopyInResponse(): void {
    void this.send();
  }

  override handleError(error: Error): void {
    this.failed = true;
    super.handleError(error);
  }

  private async send(): Promise<void> {
    const connection = this.connection!;
    try {
      for await (const chunk of this.rows) {
        // After an error the server ignores the rest; stop reading the file.
        if (this.failed) return;
        connection.sendCopyFromChunk(chunk);
        // Let the socket drain before the next chunk.
        if (connection.stream.writableNeedDrain) {
          await new Promise((resolve) => connection.stream.once('drain', resolve));
        }
      }
      connection.endCopyFrom();
    } catch (error) {
      // A broken file: the server is told, rolls the COPY back and answers with an error.
      connection.sendCopyFail(error instanceof Error ? error.message : 'the backup is unreadable');
    }
  }
}
