import { isIPv4, isIPv6 } from 'node:net';

/**
 * Which webhook URLs the service may POST to (no framework code here). A webhook is a
 * request the server makes on an admin's say-so: without these rules an admin account
 * (or whoever holds its session) could aim it at the database, the cloud metadata service
 * or anything else only the server can reach (SSRF). Checked when a subscription is saved
 * and again before every delivery, where the host name is resolved and every address it
 * resolves to must pass too (see webhook-transport.ts).
 */

/** Where an IP address points, as far as SSRF is concerned; only `public` may be reached. */
export type AddressRange =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'multicast'
  | 'reserved';

/** How each refused range is named in an error: safe to show, never the address itself. */
export const RANGE_DESCRIPTIONS: Record<Exclude<AddressRange, 'public'>, string> = {
  unspecified: 'an unspecified address (0.0.0.0/8 or ::)',
  loopback: 'a loopback address',
  private: 'a private network address',
  shared: 'a carrier-grade NAT address (100.64.0.0/10)',
  'link-local': 'a link-local address (this includes cloud metadata services)',
  multicast: 'a multicast or broadcast address',
  reserved: 'a reserved or non-routable address',
};

type Range4 = readonly [base: number, prefix: number, range: AddressRange];

/** IPv4 ranges that are not the public internet (IANA special-purpose registry). */
const IPV4_RANGES: readonly Range4[] = [
  [ipv4('0.0.0.0'), 8, 'unspecified'],
  [ipv4('10.0.0.0'), 8, 'private'],
  [ipv4('100.64.0.0'), 10, 'shared'],
  [ipv4('127.0.0.0'), 8, 'loopback'],
  [ipv4('169.254.0.0'), 16, 'link-local'],
  [ipv4('172.16.0.0'), 12, 'private'],
  [ipv4('192.0.0.0'), 24, 'reserved'],
  [ipv4('192.0.2.0'), 24, 'reserved'],
  [ipv4('192.88.99.0'), 24, 'reserved'],
  [ipv4('192.168.0.0'), 16, 'private'],
  [ipv4('198.18.0.0'), 15, 'reserved'],
  [ipv4('198.51.100.0'), 24, 'reserved'],
  [ipv4('203.0.113.0'), 24, 'reserved'],
  [ipv4('224.0.0.0'), 4, 'multicast'],
  [ipv4('240.0.0.0'), 4, 'reserved'],
];

/** Dotted-quad text to its 32-bit value (the caller has checked the form). */
function ipv4(text: string): number {
  return text.split('.').reduce((value, part) => value * 256 + Number(part), 0);
}

function inRange4(address: number, base: number, prefix: number): boolean {
  const size = 2 ** (32 - prefix);
  return Math.floor(address / size) === Math.floor(base / size);
}

function classify4(address: number): AddressRange {
  for (const [base, prefix, range] of IPV4_RANGES) {
    if (inRange4(address, base, prefix)) return range;
  }
  return 'public';
}

/** The eight 16-bit groups of an IPv6 address (the caller has checked it with isIPv6). */
function groups6(text: string): number[] {
  let rest = text.split('%')[0]!;
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(rest);
  if (dotted) {
    const value = ipv4(dotted[1]!);
    tail.push(Math.floor(value / 65536), value % 65536);
    rest = rest.slice(0, -dotted[1]!.length);
    if (rest.endsWith(':') && !rest.endsWith('::')) rest = rest.slice(0, -1);
  }
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const [head, after] = rest.split('::') as [string, string | undefined];
  const left = parse(head);
  const right = after === undefined ? [] : parse(after);
  const missing = 8 - left.length - right.length - tail.length;
  return [...left, ...Array<number>(after === undefined ? 0 : missing).fill(0), ...right, ...tail];
}

const embedded4 = (g: number[], at: number) => g[at]! * 65536 + g[at + 1]!;

function classify6(g: number[]): AddressRange {
  const zeros = (count: number) => g.slice(0, count).every((group) => group === 0);
  if (zeros(8)) return 'unspecified';
  if (zeros(7) && g[7] === 1) return 'loopback';
  // ::ffff:a.b.c.d (IPv4-mapped) reaches a.b.c.d: judge it as that address.
  if (zeros(5) && g[5] === 0xffff) return classify4(embedded4(g, 6));
  // ::a.b.c.d (IPv4-compatible, deprecated): never a real destination.
  if (zeros(6)) {
    const inner = classify4(embedded4(g, 6));
    return inner === 'public' ? 'reserved' : inner;
  }
  // 64:ff9b::/96, the NAT64 well-known prefix, also reaches the IPv4 address it embeds.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((group) => group === 0)) {
    return classify4(embedded4(g, 6));
  }
  if ((g[0]! & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((g[0]! & 0xffc0) === 0xfec0) return 'private'; // fec0::/10 site-local (deprecated)
  if ((g[0]! & 0xff00) === 0xff00) return 'multicast'; // ff00::/8
  // Only 2000::/3 is handed out as global unicast; everything else left is reserved.
  if ((g[0]! & 0xe000) !== 0x2000) return 'reserved';
  if (g[0] === 0x2002) return classify4(embedded4(g, 1)); // 6to4 embeds an IPv4 address
  if (g[0] === 0x2001 && g[1]! < 0x0200) return 'reserved'; // 2001::/23 protocol assignments, Teredo
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'reserved'; // documentation
  if ((g[0]! & 0xfff0) === 0x3ff0) return 'reserved'; // 3fff::/20 documentation
  return 'public';
}

/**
 * The range of an IP address written as a resolver or the URL parser writes it
 * (dotted-quad IPv4, or IPv6 with or without brackets or a zone); null for anything that
 * is not an IP address (a host name).
 */
export function classifyAddress(address: string): AddressRange | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (isIPv4(bare)) return classify4(ipv4(bare));
  if (isIPv6(bare)) return classify6(groups6(bare));
  return null;
}

/**
 * Names that only mean something inside a network: `localhost` and its subdomains
 * (RFC 6761), mDNS `.local`, `.internal` (ICANN's private-use name, e.g. cloud metadata
 * hosts), `.home.arpa` (RFC 8375), common private suffixes, and single-label names, which
 * only resolve through a local search domain.
 */
const INTERNAL_SUFFIXES = [
  'localhost',
  'localdomain',
  'local',
  'internal',
  'intranet',
  'lan',
  'home',
  'corp',
  'home.arpa',
];

export function isInternalHostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.+$/, '');
  if (!name.includes('.')) return true;
  return INTERNAL_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

export interface UrlPolicy {
  /** WEBHOOK_ALLOW_PRIVATE_URLS: any host, and http as well as https. */
  readonly allowPrivate: boolean;
  /** Refuse plain http (production, unless private URLs are allowed). */
  readonly requireHttps: boolean;
}

export type UrlVerdict =
  | {
      readonly ok: true;
      readonly url: URL;
      /** The host without IPv6 brackets; resolve it unless `literal`. */
      readonly host: string;
      /** The host is an IP address: no lookup will happen, it was judged here. */
      readonly literal: boolean;
    }
  | {
      readonly ok: false;
      /** Completes "the URL …"; safe to show (never repeats the URL). */
      readonly reason: string;
    };

const refuse = (reason: string): UrlVerdict => ({ ok: false, reason });

/**
 * Whether a webhook may be sent to `text`. The URL is parsed as WHATWG does (as Node's
 * HTTP client will), so decimal, octal and hexadecimal IPv4 forms such as
 * `http://2130706433/` or `http://0x7f.1/` are judged as the 127.0.0.1 they mean.
 */
export function checkWebhookUrl(text: string, policy: UrlPolicy): UrlVerdict {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('must be an absolute http or https URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse('must be an absolute http or https URL');
  }
  if (url.protocol === 'http:' && policy.requireHttps) return refuse('must use https');
  if (url.username !== '' || url.password !== '') {
    return refuse('must not contain a user name or password');
  }
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (host === '') return refuse('must name a host');
  const range = classifyAddress(host);
  if (!policy.allowPrivate) {
    if (range !== null && range !== 'public') {
      return refuse(`must not point at ${RANGE_DESCRIPTIONS[range]}`);
    }
    if (range === null && isInternalHostName(host)) {
      return refuse('must not point at a local or internal host name');
    }
  }
  return { ok: true, url, host, literal: range !== null };
}
