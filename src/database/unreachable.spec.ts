import { describe, expect, it } from '@jest/globals';
import { isDatabaseUnreachable } from './unreachable.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnreachable', () => {
  it('a refused, reset or timed-out socket is an outage', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE']) {
      expect(isDatabaseUnreachable(withCode(code))).toBe(true);
    }
  });

  it('the server shutting down, starting or refusing connections is an outage', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001', '08P01', '53300']) {
      expect(isDatabaseUnreachable(withCode(code))).toBe(true);
    }
  });

  it('node-postgres and pg-pool messages without a code are an outage', () => {
    for (const message of [
      'Connection terminated unexpectedly',
      'Connection terminated due to connection timeout',
      'timeout exceeded when trying to connect',
      'Query read timeout',
      'Client has encountered a connection error and is not queryable',
    ]) {
      expect(isDatabaseUnreachable(new Error(message))).toBe(true);
    }
  });

  it('looks inside TypeORM’s QueryFailedError, a cause and an AggregateError', () => {
    const queryFailed = Object.assign(new Error('wrapped'), {
      name: 'QueryFailedError',
      driverError: new Error('Connection terminated unexpectedly'),
    });
    expect(isDatabaseUnreachable(queryFailed)).toBe(true);
    expect(isDatabaseUnreachable(new Error('outer', { cause: withCode('ECONNRESET') }))).toBe(true);
    expect(isDatabaseUnreachable(new AggregateError([withCode('ECONNREFUSED')], 'both'))).toBe(
      true,
    );
  });

  it('a query runner released by a dropped connection is an outage', () => {
    const released = Object.assign(new Error('released'), {
      name: 'QueryRunnerAlreadyReleasedError',
    });
    expect(isDatabaseUnreachable(released)).toBe(true);
  });

  it('a bad query, a constraint or an application error is not', () => {
    for (const code of ['23505', '22P02', '42P01', '40001', '25P02']) {
      expect(isDatabaseUnreachable(withCode(code))).toBe(false);
    }
    expect(isDatabaseUnreachable(new Error('duplicate key value violates'))).toBe(false);
    expect(isDatabaseUnreachable(undefined)).toBe(false);
    expect(isDatabaseUnreachable('Connection terminated')).toBe(false);
  });

  it('does not loop on an error that wraps itself', () => {
    const error: Error & { cause?: unknown } = new Error('self');
    error.cause = error;
    expect(isDatabaseUnreachable(error)).toBe(false);
  });
});
