import { describe, expect, it } from '@jest/globals';
import { loggableUrl, QuietNestLogger, readableLine } from './logging.js';

describe('loggableUrl', () => {
  it('drops the query string', () => {
    expect(loggableUrl('/v1/admin/leads?q=alex@example.com')).toBe('/v1/admin/leads');
  });

  it('hides long opaque path segments such as one-time tokens', () => {
    expect(loggableUrl('/v1/partner-invitations/Zk3q9xV0c8P2mQ7rT1yW4uB6nL5sD0aE/responses')).toBe(
      '/v1/partner-invitations/:token/responses',
    );
  });

  it('keeps ids, which staff need to follow a request', () => {
    const id = '4ef9c698-7659-459c-a860-d158956356ea';
    expect(loggableUrl(`/v1/admin/leads/${id}`)).toBe(`/v1/admin/leads/${id}`);
  });
});

describe('readableLine', () => {
  it('reads a request as method, path, status and time', () => {
    const line = readableLine(
      {
        req: { method: 'POST', url: '/v1/inquiries' },
        res: { statusCode: 201 },
        responseTime: 12.4,
      },
      'msg',
    );
    expect(line).toBe('POST /v1/inquiries 201 12ms');
  });

  it('reads any other event as its context and message', () => {
    expect(readableLine({ context: 'Boot', msg: 'shutting down' }, 'msg')).toBe(
      '[Boot] shutting down',
    );
    expect(readableLine({ msg: 'plain' }, 'msg')).toBe('plain');
  });
});

describe('QuietNestLogger', () => {
  const calls: [string, unknown[]][] = [];
  const inner = {
    log: (...args: unknown[]) => void calls.push(['log', args]),
    debug: (...args: unknown[]) => void calls.push(['debug', args]),
    error: (...args: unknown[]) => void calls.push(['error', args]),
    warn: (...args: unknown[]) => void calls.push(['warn', args]),
  };

  it("moves Nest's start-up chatter to debug and keeps everything else where it was", () => {
    const logger = new QuietNestLogger(inner);
    logger.log('Mapped {/v1/inquiries, POST} route', 'RouterExplorer');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('queue started', 'JobQueue');
    logger.warn('careful', 'JobQueue');
    expect(calls.map(([level, args]) => [level, args.at(-1)])).toEqual([
      ['debug', 'RouterExplorer'],
      ['debug', 'InstanceLoader'],
      ['log', 'JobQueue'],
      ['warn', 'JobQueue'],
    ]);
  });
});
