import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { TestApp } from './test-app.js';

export interface ReceivedWebhook {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface WebhookReceiver {
  /** http://127.0.0.1:<port>/hooks: needs WEBHOOK_ALLOW_PRIVATE_URLS=true in the app. */
  readonly url: string;
  readonly received: ReceivedWebhook[];
  /** Answer the next `count` requests with 503, then 204 again. */
  failNext(count: number): void;
  close(): Promise<void>;
}

/** A real HTTP endpoint in the test process that keeps every webhook it is sent. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let failures = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (failures > 0) {
        failures -= 1;
        response.writeHead(503).end();
      } else {
        response.writeHead(204).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hooks`,
    received,
    failNext(count) {
      failures = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Subscribes `url` through the admin API (as an admin); returns the id and the secret. */
export async function subscribeWebhook(
  t: Pick<TestApp, 'http'>,
  auth: { Authorization: string },
  body: { url: string; events: string[]; secret?: string },
): Promise<{ id: string; secret: string }> {
  const response = await t.http.post('/v1/admin/webhooks').set(auth).send(body);
  if (response.status !== 201) {
    throw new Error(`subscribing failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return { id: response.body.id as string, secret: response.body.secret as string };
}
