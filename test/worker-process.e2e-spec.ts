import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anInquiry } from './support/builders.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { aStaffMember } from './support/staff.js';
import { startTestApp, TEST_DATA_KEY, type TestApp } from './support/test-app.js';
import { eventually, sleep } from './support/wait.js';

/** `npm run worker` as its own OS process, beside an API process that also works jobs. */
describe('a separate worker process', () => {
  let sink: SmtpSink;
  let api: TestApp;
  let worker: ChildProcess;
  let workerOutput = '';

  beforeAll(async () => {
    sink = await startSmtpSink();
    api = await startTestApp({ smtpUrl: sink.url });
    worker = spawn(process.execPath, ['dist/src/worker.js'], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: api.database.url,
        SMTP_URL: sink.url,
        DATA_ENCRYPTION_KEY: TEST_DATA_KEY,
        DATABASE_CONNECT_TIMEOUT_SECONDS: '20',
        LOG_LEVEL: 'info',
        NODE_ENV: 'test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
    worker.stderr?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
    // Its readiness line, however long a loaded machine takes to boot it; an early exit fails
    // at once, with what it printed.
    await eventually(
      async () => {
        if (worker.exitCode !== null) {
          throw new Error(
            `the worker exited (${worker.exitCode}) before running:\n${workerOutput}`,
          );
        }
        return workerOutput.includes('worker running');
      },
      'the worker to start',
      90_000,
    );
  }, 120_000);

  afterAll(async () => {
    if (worker.exitCode === null) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    await api.close();
    await sink.stop();
  });

  it('shares the queue with the API process: every email goes out exactly once', async () => {
    await aStaffMember(api.db, 'coordinator');
    const leads = 16;
    await Promise.all(
      Array.from({ length: leads }, () =>
        api.http.post('/v1/inquiries').send(anInquiry()).expect(201),
      ),
    );
    await sink.waitForCount(leads * 2, 30_000);
    await sleep(1500);
    expect(sink.messages).toHaveLength(leads * 2);
    expect(new Set(sink.messages.map((message) => message.messageId)).size).toBe(leads * 2);
  });

  it('logs JSON lines and stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => worker.once('exit', resolve));
    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
    const lines = workerOutput.trim().split('\n');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(workerOutput).toContain('SIGTERM: shutting down');
  });
});
