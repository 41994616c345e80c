import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How the stand-in answers the next verifications. */
export type ProviderBehaviour =
  'accept' | 'reject' | 'never-answer' | 'server-error' | 'malformed-json' | 'refuse-secret';

export interface ReceivedVerification {
  secret: string | null;
  response: string | null;
  remoteip: string | null;
  contentType: string | undefined;
}

export interface CaptchaProviderStandIn {
  /** Pass as CAPTCHA_VERIFY_URL. */
  readonly url: string;
  readonly received: ReceivedVerification[];
  behave(behaviour: ProviderBehaviour): void;
  stop(): Promise<void>;
}

/**
 * A local HTTP server standing in for a CAPTCHA provider's siteverify endpoint (the
 * only thing the CAPTCHA tests mock): it answers as Turnstile and hCaptcha do, or fails
 * in the ways a real provider can.
 */
export async function startCaptchaProvider(): Promise<CaptchaProviderStandIn> {
  let behaviour: ProviderBehaviour = 'accept';
  const received: ReceivedVerification[] = [];
  const sockets = new Set<Socket>();
  const answer = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      received.push({
        secret: form.get('secret'),
        response: form.get('response'),
        remoteip: form.get('remoteip'),
        contentType: req.headers['content-type'],
      });
      switch (behaviour) {
        case 'accept':
          return answer(res, 200, JSON.stringify({ success: true, 'error-codes': [] }));
        case 'reject':
          return answer(
            res,
            200,
            JSON.stringify({ success: false, 'error-codes': ['invalid-input-response'] }),
          );
        case 'refuse-secret':
          return answer(
            res,
            200,
            JSON.stringify({ success: false, 'error-codes': ['invalid-input-secret'] }),
          );
        case 'server-error':
          return answer(res, 502, '<html>Bad gateway</html>');
        case 'malformed-json':
          return answer(res, 200, '{"success": tru');
        case 'never-answer':
          return; // the socket stays open until the client gives up or the server stops
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/siteverify`,
    received,
    behave(next) {
      behaviour = next;
    },
    stop() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
