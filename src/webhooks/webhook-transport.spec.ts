import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { postWebhook, type Resolver, screenedLookup, systemResolver } from './webhook-transport.js';

const STRICT = { allowPrivate: false, requireHttps: false };
const PRIVATE_ALLOWED = { allowPrivate: true, requireHttps: false };

/** A resolver that answers from a fixed table, as a hostile DNS server could. */
const resolverOf =
  (table: Record<string, string[]>): Resolver =>
  async (hostname) =>
    (table[hostname] ?? []).map((address) => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }));

describe('postWebhook', () => {
  let server: Server;
  let port: number;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  let answer = 204;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.writeHead(answer).end('a body nobody reads');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.address() as { port: number }).port;
  });
  beforeEach(() => {
    received.length = 0;
    answer = 204;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (url: string, policy = STRICT, resolve?: Resolver) =>
    postWebhook(url, {
      body: '{"id":"1"}',
      headers: { 'content-type': 'application/json', 'webhook-id': '1' },
      timeoutMs: 2000,
      policy,
      resolve,
    });

  it('connects to exactly the address the lookup screened, with the URL’s host name', async () => {
    const resolve = resolverOf({ 'hooks.example.com': ['127.0.0.1'] });
    const outcome = await post(`http://hooks.example.com:${port}/in`, PRIVATE_ALLOWED, resolve);
    expect(outcome).toEqual({ ok: true, status: 204 });
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.host).toBe(`hooks.example.com:${port}`);
    expect(received[0]!.body).toBe('{"id":"1"}');
  });

  it('refuses, without connecting, a name that resolves to a loopback address', async () => {
    const resolve = resolverOf({ 'rebound.example.com': ['127.0.0.1'] });
    const outcome = await post(`http://rebound.example.com:${port}/in`, STRICT, resolve);
    expect(outcome).toEqual({
      ok: false,
      error: 'refused, not sent: the host name resolves to a loopback address',
      permanent: true,
    });
    expect(received).toHaveLength(0);
  });

  it('refuses a name when any one of its addresses is private', async () => {
    const resolve = resolverOf({ 'mixed.example.com': ['93.184.216.34', '::ffff:10.0.0.7'] });
    const outcome = await post(`http://mixed.example.com:${port}/in`, STRICT, resolve);
    expect(outcome).toMatchObject({
      ok: false,
      error: 'refused, not sent: the host name resolves to a private network address',
      permanent: true,
    });
    expect(received).toHaveLength(0);
  });

  it('refuses a literal private address before any lookup', async () => {
    const resolve = jest.fn(resolverOf({}));
    const outcome = await post(`http://0x7f.1:${port}/in`, STRICT, resolve);
    expect(outcome).toEqual({
      ok: false,
      error: 'refused, not sent: the URL must not point at a loopback address',
      permanent: true,
    });
    expect(resolve).not.toHaveBeenCalled();
    expect(received).toHaveLength(0);
  });

  it('reports a non-2xx answer by its status, to be retried', async () => {
    answer = 503;
    const outcome = await post(`http://127.0.0.1:${port}/in`, PRIVATE_ALLOWED);
    expect(outcome).toEqual({ ok: false, status: 503, error: 'HTTP 503', permanent: false });
  });

  it('does not follow a redirect', async () => {
    answer = 307;
    const outcome = await post(`http://127.0.0.1:${port}/in`, PRIVATE_ALLOWED);
    expect(outcome).toMatchObject({ ok: false, status: 307, permanent: false });
    expect(received).toHaveLength(1);
  });

  it('reports a name that does not resolve as a connection failure, to be retried', async () => {
    const outcome = await post(`http://nowhere.example.com:${port}/`, STRICT, resolverOf({}));
    expect(outcome).toEqual({
      ok: false,
      error: 'could not connect (ENOTFOUND)',
      permanent: false,
    });
  });
});

describe('screenedLookup', () => {
  it('refuses localhost as the system resolver answers it', async () => {
    const lookup = screenedLookup(STRICT, systemResolver);
    const error = await new Promise<Error | null>((resolve) =>
      lookup('localhost', { all: true }, (failure) => resolve(failure)),
    );
    expect(error?.message).toBe('the host name resolves to a loopback address');
  });

  it('answers in the shape the caller asked for', async () => {
    const lookup = screenedLookup(STRICT, resolverOf({ 'a.example.com': ['93.184.216.34'] }));
    const one = await new Promise<unknown[]>((resolve) =>
      lookup('a.example.com', { family: 4 }, (...args) => resolve(args)),
    );
    expect(one).toEqual([null, '93.184.216.34', 4]);
    const all = await new Promise<unknown[]>((resolve) =>
      lookup('a.example.com', { all: true }, (...args) => resolve(args)),
    );
    expect(all).toEqual([null, [{ address: '93.184.216.34', family: 4 }]]);
  });
});
