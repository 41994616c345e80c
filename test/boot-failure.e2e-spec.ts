import { describe, expect, it } from '@jest/globals';
import { runCli } from './support/cli.js';
import { freePort } from './support/free-port.js';
import { startTestApp, TEST_DATA_KEY } from './support/test-app.js';

/** A database URL nothing answers on: the app's connection fails at once. */
const unreachableDatabase = async () =>
  `postgres://nobody@127.0.0.1:${await freePort()}/relational_intake`;

describe('a boot that fails', () => {
  it('rejects in the calling process instead of ending it', async () => {
    const url = await unreachableDatabase();
    await expect(
      startTestApp({ database: { name: 'unreachable', url, drop: async () => undefined } }),
    ).rejects.toThrow(/ECONNREFUSED|connect/);
  });

  it.each([
    ['the API', 'dist/src/main.js'],
    ['the worker', 'dist/src/worker.js'],
  ])('ends %s with exit code 1 and one readable line', async (_name, script) => {
    const run = await runCli(script, [], {
      databaseUrl: await unreachableDatabase(),
      env: { DATA_ENCRYPTION_KEY: TEST_DATA_KEY, SMTP_URL: 'smtp://127.0.0.1:9', PORT: '0' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^startup failed: .+\n$/);
  });
});
