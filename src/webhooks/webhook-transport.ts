import { type LookupAddress, type LookupOptions, promises as dns } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  RANGE_DESCRIPTIONS,
  type UrlPolicy,
  checkWebhookUrl,
  classifyAddress,
} from './url-safety.js';

/** Resolves a host name to every address it has (node:dns lookup with `all`). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  dns.lookup(hostname, { all: true, verbatim: true });

/** The host resolved to an address webhooks may not reach; retrying would not help. */
export class RefusedDestinationError extends Error {
  override name = 'RefusedDestinationError';
  readonly code = 'EREFUSEDDESTINATION';
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for Node's HTTP client that resolves the name itself and refuses the
 * connection when any address is not public (unless the policy allows private ones).
 * The socket then connects to exactly the addresses judged here: a name that resolves
 * to a public address for a check and to 127.0.0.1 a moment later (DNS rebinding)
 * cannot slip between a check and the connection.
 */
export function screenedLookup(policy: Pick<UrlPolicy, 'allowPrivate'>, resolve: Resolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname)
      .then((found) => {
        if (!policy.allowPrivate) {
          for (const { address } of found) {
            const range = classifyAddress(address) ?? 'reserved';
            if (range !== 'public') {
              throw new RefusedDestinationError(
                `the host name resolves to ${RANGE_DESCRIPTIONS[range]}`,
              );
            }
          }
        }
        const family =
          options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
        const usable = found.filter((entry) => !family || entry.family === family);
        if (usable.length === 0) {
          throw Object.assign(new Error('no address for the host name'), { code: 'ENOTFOUND' });
        }
        if (options.all) callback(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, []));
  };
}

export type WebhookPostOutcome =
  | { ok: true; status: number }
  | {
      ok: false;
      status?: number;
      /** Safe to store and show: no address, no body, no server text. */
      error: string;
      /** Sending again cannot succeed (the destination is refused): fail it now. */
      permanent: boolean;
    };

export interface WebhookPostOptions {
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  policy: UrlPolicy;
  resolve?: Resolver;
}

const SAFE_CODE = /^[A-Z0-9_]{2,40}$/;

/**
 * POSTs a webhook body to `url`, checking the URL against the policy first and every
 * address its host resolves to while connecting. Redirects are not followed (a 3xx is
 * an answer like any other non-2xx). Never throws.
 */
export function postWebhook(url: string, options: WebhookPostOptions): Promise<WebhookPostOutcome> {
  const verdict = checkWebhookUrl(url, options.policy);
  if (!verdict.ok) {
    return Promise.resolve({
      ok: false,
      error: `refused, not sent: the URL ${verdict.reason}`,
      permanent: true,
    });
  }
  const send = verdict.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: WebhookPostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const request = send(
      verdict.url,
      {
        method: 'POST',
        headers: { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) },
        // A connection of its own each time: a pooled socket would skip the screened lookup.
        agent: false,
        lookup: screenedLookup(options.policy, options.resolve ?? systemResolver),
      },
      (response: IncomingMessage) => {
        const status = response.statusCode ?? 0;
        // Only the status counts; the answer's body is not read, nor kept.
        response.destroy();
        settle(
          status >= 200 && status < 300
            ? { ok: true, status }
            : { ok: false, status, error: `HTTP ${status}`, permanent: false },
        );
      },
    );
    const timer = setTimeout(() => {
      settle({ ok: false, error: 'no answer in time', permanent: false });
      request.destroy();
    }, options.timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof RefusedDestinationError) {
        settle({ ok: false, error: `refused, not sent: ${error.message}`, permanent: true });
        return;
      }
      const code =
        typeof error.code === 'string' && SAFE_CODE.test(error.code) ? error.code : error.name;
      settle({ ok: false, error: `could not connect (${code})`, permanent: false });
    });
    request.end(options.body);
  });
}
