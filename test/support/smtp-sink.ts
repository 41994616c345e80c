import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMessage {
  readonly to: string[];
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly messageId: string;
  /** Every header line as received, for header-injection checks. */
  readonly headerLines: string[];
  readonly raw: string;
}

export interface SmtpSink {
  readonly port: number;
  readonly url: string;
  readonly messages: CaughtMessage[];
  /** Refuse every message with this SMTP reply code from now on; null accepts again. */
  refuseWith(code: number | null): void;
  /**
   * From now on, keep each message waiting for the server's final reply (the sender's
   * "accepted") until `release`: a sender caught mid-conversation.
   */
  hold(): void;
  /** Accepts every held message and stops holding. */
  release(): void;
  /** Messages received in full and waiting for their reply while held. */
  readonly held: number;
  /** Resolves once `count` messages were accepted; fails after `timeoutMs`. */
  waitForCount(count: number, timeoutMs?: number): Promise<CaughtMessage[]>;
  stop(): Promise<void>;
}

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) =>
    group.value.map((entry) => entry.address ?? ''),
  );

/** A real SMTP server in the test process that keeps what it accepts. */
export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const messages: CaughtMessage[] = [];
  let refusal: number | null = null;
  let holding = false;
  const held: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    // Stopping must not wait for the app's pooled connections to go idle.
    closeTimeout: 100,
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refusal === null) return callback();
      const error = Object.assign(new Error('refused by the test'), { responseCode: refusal });
      return callback(error);
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            const caught: CaughtMessage = {
              to: addresses(parsed.to),
              from: addresses(parsed.from)[0] ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              messageId: parsed.messageId ?? '',
              headerLines: parsed.headerLines.map((line) => line.line),
              raw,
            };
            const accept = () => {
              messages.push(caught);
              callback();
            };
            if (holding) held.push(accept);
            else accept();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.server.address() as { port: number }).port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    messages,
    refuseWith(code) {
      refusal = code;
    },
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      for (const accept of held.splice(0)) accept();
    },
    get held() {
      return held.length;
    },
    async waitForCount(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} messages, the sink has ${messages.length}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return messages;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
