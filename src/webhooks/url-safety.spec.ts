import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { checkWebhookUrl, classifyAddress, isInternalHostName } from './url-safety.js';

const STRICT = { allowPrivate: false, requireHttps: false };
const PRODUCTION = { allowPrivate: false, requireHttps: true };
const PRIVATE_ALLOWED = { allowPrivate: true, requireHttps: false };

const reasonFor = (url: string, policy = STRICT) => {
  const verdict = checkWebhookUrl(url, policy);
  return verdict.ok ? 'allowed' : verdict.reason;
};

describe('classifyAddress', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.254', 'shared'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
  ])('IPv4 %s is %s', (address, range) => {
    expect(classifyAddress(address)).toBe(range);
  });

  it.each([
    ['8.8.8.8'],
    ['1.1.1.1'],
    ['93.184.216.34'],
    ['100.63.255.255'],
    ['100.128.0.0'],
    ['172.15.255.255'],
    ['172.32.0.0'],
    ['169.253.255.255'],
    ['192.169.0.1'],
    ['223.255.255.255'],
  ])('IPv4 %s is public', (address) => {
    expect(classifyAddress(address)).toBe('public');
  });

  it.each([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2001:0:4136:e378::1', 'reserved'],
    ['100::1', 'reserved'],
    ['3fff::1', 'reserved'],
    ['::127.0.0.1', 'loopback'],
    ['::8.8.8.8', 'reserved'],
  ])('IPv6 %s is %s', (address, range) => {
    expect(classifyAddress(address)).toBe(range);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['[::ffff:7f00:1]', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['0:0:0:0:0:ffff:c0a8:0101', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::808:808', 'public'],
    ['2002:7f00:1::1', 'loopback'],
    ['2002:0a00:0001::', 'private'],
  ])('IPv6 %s that embeds IPv4 is judged by the IPv4 address: %s', (address, range) => {
    expect(classifyAddress(address)).toBe(range);
  });

  it.each([['2606:4700:4700::1111'], ['2a00:1450:4001:82a::200e'], ['2001:4860:4860::8888']])(
    'IPv6 %s is public',
    (address) => {
      expect(classifyAddress(address)).toBe('public');
    },
  );

  it('is null for host names and for text that is no address', () => {
    for (const text of ['example.com', 'localhost', '127.0.0.1.nip.io', '', '1.2.3', '::g']) {
      expect(classifyAddress(text)).toBeNull();
    }
  });

  it('judges every IPv4-mapped IPv6 address exactly as its IPv4 address', () => {
    fc.assert(
      fc.property(fc.ipV4(), (address) => {
        expect(classifyAddress(`::ffff:${address}`)).toBe(classifyAddress(address));
      }),
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV6(), fc.ipV4Extended(), fc.string()), (text) => {
        expect(() => classifyAddress(text)).not.toThrow();
      }),
    );
  });
});

describe('isInternalHostName', () => {
  it.each([
    'localhost',
    'LOCALHOST',
    'localhost.',
    'api.localhost',
    'printer.local',
    'metadata.google.internal',
    'nas.home.arpa',
    'db.corp',
    'intranet',
    'metadata',
  ])('%s is internal', (name) => {
    expect(isInternalHostName(name)).toBe(true);
  });

  it.each(['hooks.example.com', 'example.org.', 'localhost.example.com', 'local.example.net'])(
    '%s is not',
    (name) => {
      expect(isInternalHostName(name)).toBe(false);
    },
  );
});

describe('checkWebhookUrl', () => {
  it('allows a public https URL and says what to resolve', () => {
    const verdict = checkWebhookUrl('https://hooks.example.com/relational-intake?x=1', STRICT);
    expect(verdict).toMatchObject({ ok: true, host: 'hooks.example.com', literal: false });
  });

  it('allows a public IP address, judged without a lookup', () => {
    expect(checkWebhookUrl('https://93.184.216.34/hook', STRICT)).toMatchObject({
      ok: true,
      host: '93.184.216.34',
      literal: true,
    });
    expect(checkWebhookUrl('https://[2606:4700:4700::1111]/hook', STRICT)).toMatchObject({
      ok: true,
      host: '2606:4700:4700::1111',
      literal: true,
    });
  });

  it.each([
    ['ftp://hooks.example.com/'],
    ['file:///etc/passwd'],
    ['gopher://hooks.example.com/'],
    ['javascript:alert(1)'],
    ['hooks.example.com/path'],
    ['/relative'],
    [''],
    ['http://'],
  ])('refuses %s: not an http(s) URL', (url) => {
    expect(reasonFor(url)).toBe('must be an absolute http or https URL');
  });

  it('refuses credentials in the URL', () => {
    expect(reasonFor('https://user:pass@hooks.example.com/')).toBe(
      'must not contain a user name or password',
    );
    expect(reasonFor('https://token@hooks.example.com/')).toBe(
      'must not contain a user name or password',
    );
  });

  it.each([
    ['http://127.0.0.1/', 'a loopback address'],
    ['http://127.0.0.1.:8080/', 'a loopback address'],
    ['http://[::1]/', 'a loopback address'],
    ['http://[::ffff:127.0.0.1]/', 'a loopback address'],
    ['http://0.0.0.0:5432/', 'an unspecified address (0.0.0.0/8 or ::)'],
    ['http://[::]/', 'an unspecified address (0.0.0.0/8 or ::)'],
    ['http://10.0.0.8/', 'a private network address'],
    ['http://192.168.0.1/', 'a private network address'],
    ['http://172.20.1.1/', 'a private network address'],
    ['http://[fd00::5]/', 'a private network address'],
    [
      'http://169.254.169.254/latest/meta-data/',
      'a link-local address (this includes cloud metadata services)',
    ],
    ['http://[fe80::1]/', 'a link-local address (this includes cloud metadata services)'],
    ['http://100.100.100.200/', 'a carrier-grade NAT address (100.64.0.0/10)'],
    ['http://224.0.0.251/', 'a multicast or broadcast address'],
  ])('refuses %s: %s', (url, range) => {
    expect(reasonFor(url)).toBe(`must not point at ${range}`);
  });

  it.each([
    ['http://2130706433/', 'decimal'],
    ['http://017700000001/', 'octal'],
    ['http://0x7f000001/', 'hexadecimal'],
    ['http://0x7f.1/', 'hexadecimal, shortened'],
    ['http://0177.0.0.1/', 'octal part'],
    ['http://127.1/', 'shortened'],
  ])('refuses %s (127.0.0.1 written in %s form)', (url) => {
    const verdict = checkWebhookUrl(url, STRICT);
    expect(verdict).toEqual({ ok: false, reason: 'must not point at a loopback address' });
    expect(checkWebhookUrl(url, PRIVATE_ALLOWED)).toMatchObject({ host: '127.0.0.1' });
  });

  it('refuses the metadata address written as one number', () => {
    expect(reasonFor('http://2852039166/')).toBe(
      'must not point at a link-local address (this includes cloud metadata services)',
    );
  });

  it.each([
    ['http://localhost:3000/'],
    ['http://LOCALHOST./'],
    ['http://app.localhost/'],
    ['http://metadata.google.internal/computeMetadata/v1/'],
    ['http://printer.local/'],
    ['http://intranet/hooks'],
  ])('refuses %s: a local or internal name', (url) => {
    expect(reasonFor(url)).toBe('must not point at a local or internal host name');
  });

  it('requires https when the policy says so, before anything else', () => {
    expect(reasonFor('http://hooks.example.com/', PRODUCTION)).toBe('must use https');
    expect(reasonFor('https://hooks.example.com/', PRODUCTION)).toBe('allowed');
  });

  it('allows private hosts and plain http when private URLs are allowed, never credentials', () => {
    expect(reasonFor('http://127.0.0.1:4000/hooks', PRIVATE_ALLOWED)).toBe('allowed');
    expect(reasonFor('http://localhost:4000/hooks', PRIVATE_ALLOWED)).toBe('allowed');
    expect(reasonFor('http://10.0.0.8/', PRIVATE_ALLOWED)).toBe('allowed');
    expect(reasonFor('http://u:p@127.0.0.1/', PRIVATE_ALLOWED)).toBe(
      'must not contain a user name or password',
    );
    expect(reasonFor('ftp://127.0.0.1/', PRIVATE_ALLOWED)).toBe(
      'must be an absolute http or https URL',
    );
  });

  it('lets no non-public IPv4 address through in any way it can be written', () => {
    const nonPublic = fc
      .ipV4()
      .filter((address) => classifyAddress(address) !== 'public')
      .map((address) => address.split('.').map(Number));
    fc.assert(
      fc.property(
        nonPublic,
        fc.constantFrom('dotted', 'decimal', 'hex', 'octal'),
        (parts, form) => {
          const value = parts.reduce((sum, part) => sum * 256 + part, 0);
          const host =
            form === 'dotted'
              ? parts.join('.')
              : form === 'decimal'
                ? String(value)
                : form === 'hex'
                  ? `0x${value.toString(16)}`
                  : parts.map((part) => `0${part.toString(8)}`).join('.');
          expect(checkWebhookUrl(`http://${host}/`, STRICT).ok).toBe(false);
        },
      ),
    );
  });
});
