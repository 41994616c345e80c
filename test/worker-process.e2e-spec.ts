import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anInquiry } from './support/builders.js';
import { jobsFinished } from './support/queue-rows.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';
import { aStaffMember } from './support/staff.js';
import { startTestApp, TEST_DATA_KEY, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

/**
 * `npm run worker` as its own OS process beside an API process started with RUN_WORKERS=false.
 * Each has its own SMTP server, so a message shows which process sent it.
 */
describe('a separate worker process', () => {
  let apiSink: SmtpSink;
  let workerSink: SmtpSink;
  let api: TestApp;
  let worker: ChildProcess | undefined;
  let workerOutput = '';

  beforeAll(async () => {
    apiSink = await startSmtpSink();
    workerSink = await startSmtpSink();
    api = await startTestApp({ smtpUrl: apiSink.url, env: { RUN_WORKERS: 'false' } });
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker!.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    await api.close();
    await apiSink.stop();
    await workerSink.stop();
  });

  const startWorker = async () => {
    const child = spawn(process.execPath, ['dist/src/worker.js'], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: api.database.url,
        SMTP_URL: workerSink.url,
        DATA_ENCRYPTION_KEY: TEST_DATA_KEY,
        DATABASE_CONNECT_TIMEOUT_SECONDS: '20',
        LOG_LEVEL: 'info',
        NODE_ENV: 'test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker = child;
    child.stdout?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
    // Its readiness line, however long a loaded machine takes to boot it; an early exit fails
    // at once, with what it printed.
    await eventually(
      async () => {
        if (child.exitCode !== null) {
          throw new Error(`the worker exited (${child.exitCode}) before running:\n${workerOutput}`);
        }
        return workerOutput.includes('worker running');
      },
      'the worker to start',
      90_000,
    );
  };

  const jobStates = async () =>
    (await api.db.query(
      `SELECT name, state, count(*)::int AS jobs FROM pgboss.job
        WHERE name IN ('lead.submission-received', 'notification.deliver')
        GROUP BY name, state ORDER BY name, state`,
    )) as { name: string; state: string; jobs: number }[];

  it('works the jobs the API only queues: every email goes out once, through the worker', async () => {
    const coordinator = await aStaffMember(api.db, 'coordinator');
    const leads = 16;
    for (let lead = 0; lead < leads; lead++) {
      await api.http.post('/v1/inquiries').send(anInquiry()).expect(201);
    }
    // The API works no jobs: what it queued waits, and no email was even planned.
    expect(await jobStates()).toEqual([
      { name: 'lead.submission-received', state: 'created', jobs: leads },
    ]);

    await startWorker();
    await jobsFinished(api.db, undefined, 60_000);
    expect(await jobStates()).toEqual([
      { name: 'lead.submission-received', state: 'completed', jobs: leads },
      { name: 'notification.deliver', state: 'completed', jobs: leads * 2 },
    ]);
    const [{ sent }] = await api.db.query(
      `SELECT count(*)::int AS sent FROM notification WHERE status = 'sent' AND attempts = 1`,
    );
    expect(sent).toBe(leads * 2);
    expect(apiSink.messages).toHaveLength(0);
    expect(workerSink.messages).toHaveLength(leads * 2);
    expect(new Set(workerSink.messages.map((message) => message.messageId)).size).toBe(leads * 2);
    expect(
      workerSink.messages.filter((message) => message.to.includes(coordinator.email)),
    ).toHaveLength(leads);
    // Starting a second Node process takes a while on a busy machine.
  }, 180_000);

  it('logs JSON lines and stops cleanly on SIGTERM', async () => {
    if (!worker) await startWorker();
    const running = worker!;
    const exited = new Promise<number | null>((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    expect(await exited).toBe(0);
    const lines = workerOutput.trim().split('\n');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(workerOutput).toContain('SIGTERM: shutting down');
  });
});
