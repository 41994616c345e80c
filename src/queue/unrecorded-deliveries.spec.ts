import { describe, expect, it } from '@jest/globals';
import { UnrecordedDeliveries } from './unrecorded-deliveries.js';

const refused = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

/** A write that fails `failures` times with a refused connection, then succeeds. */
function flakyWrite(failures: number) {
  const calls = { count: 0 };
  const write = async () => {
    calls.count += 1;
    if (calls.count <= failures) throw refused();
  };
  return { calls, write };
}

describe('UnrecordedDeliveries', () => {
  it('writes again while the database is unreachable, then forgets the delivery', async () => {
    const sut = new UnrecordedDeliveries(5);
    const { calls, write } = flakyWrite(3);
    await expect(sut.record('a', write, 5_000)).resolves.toBe(true);
    expect(calls.count).toBe(4);
    expect(sut.has('a')).toBe(false);
  });

  it('past its patience answers false and keeps the delivery, so a retry does not resend', async () => {
    const sut = new UnrecordedDeliveries(5);
    let reachable = false;
    const write = async () => {
      if (!reachable) throw refused();
    };
    await expect(sut.record('a', write, 30)).resolves.toBe(false);
    expect(sut.has('a')).toBe(true);
    reachable = true;
    // A second run of the job waits on the same recording instead of starting its own.
    await expect(
      sut.record('a', async () => Promise.reject(new Error('unused')), 5_000),
    ).resolves.toBe(true);
    expect(sut.has('a')).toBe(false);
  });

  it('a failure that is not an outage is not retried', async () => {
    const sut = new UnrecordedDeliveries(5);
    const { calls } = flakyWrite(0);
    const write = async () => {
      calls.count += 1;
      throw Object.assign(new Error('syntax'), { code: '42601' });
    };
    await expect(sut.record('a', write, 5_000)).rejects.toThrow('syntax');
    expect(calls.count).toBe(1);
    expect(sut.has('a')).toBe(false);
  });

  it('stops retrying once stopped', async () => {
    const sut = new UnrecordedDeliveries(5);
    const recording = sut.record('a', async () => Promise.reject(refused()), 5_000);
    sut.stop();
    await expect(recording).rejects.toThrow();
    expect(sut.size).toBe(0);
  });
});
