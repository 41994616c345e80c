import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataCipher, parseKeyRing } from '../src/common/encryption/data-cipher.js';
import { hashToken } from '../src/common/tokens.js';
import { partnerToken } from '../src/intake/partner-tokens.js';
import { CRISIS_RESOURCES } from '../src/vocabulary/urgency.js';
import { anInquiry } from './support/builders.js';
import { aCouplesIntake, coupleAnswers } from './support/couples.js';
import { freePort } from './support/free-port.js';
import { TEST_DATA_KEY } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { eventually } from './support/wait.js';

const cipher = new DataCipher(parseKeyRing(TEST_DATA_KEY));

interface Replica {
  readonly name: string;
  readonly base: string;
  readonly process: ChildProcess;
  output: string;
}

/** Two API processes (`node dist/src/main.js`, as `npm start` runs) on one database. */
describe('two replicas on one database', () => {
  let database: TestDatabase;
  let db: pg.Client;
  let replicas: [Replica, Replica];
  let lastOctet = 0;
  /** Each test is its own client, behind the proxy both replicas trust. */
  const aClient = () => `203.0.113.${++lastOctet}`;

  const send = async (
    replica: Replica,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${replica.base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.query<{ n: string }>(sql, params)).rows[0]!.n);

  const start = async (name: string): Promise<Replica> => {
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        // Intakes here sign nothing: no example consent document to sign.
        CONSENT_EXAMPLE_SEED: 'false',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: database.url,
        DATA_ENCRYPTION_KEY: TEST_DATA_KEY,
        // Workers off: these are the API replicas; nothing is sent anywhere.
        RUN_WORKERS: 'false',
        SMTP_URL: 'smtp://127.0.0.1:9',
        LOG_LEVEL: 'info',
        TRUST_PROXY: 'loopback',
        RATE_LIMIT_SUBMISSIONS_PER_IP_PER_HOUR: '4',
        SHUTDOWN_GRACE_SECONDS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const replica: Replica = { name, base: `http://127.0.0.1:${port}`, process: child, output: '' };
    child.stdout?.on('data', (chunk: Buffer) => (replica.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (replica.output += chunk.toString()));
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`${name} exited: ${replica.output}`);
        return replica.output.includes('listening on');
      },
      `replica ${name} to listen`,
      30_000,
    );
    return replica;
  };

  /** Partner A's couples intake through `replica`; the link token partner B was sent. */
  const aCouple = async (replica: Replica) => {
    const intake = await send(replica, '/v1/intakes', aCouplesIntake(), {
      'x-forwarded-for': aClient(),
    });
    expect(intake.status).toBe(201);
    const { rows } = await db.query<{ id: string }>(
      `SELECT p.id FROM partner_invitation p WHERE p.intake_id = $1`,
      [intake.body.id],
    );
    return partnerToken(cipher, rows[0]!.id).token;
  };
  const partnerB = () => ({
    client: { name: 'Sam Rivera', email: `sam.${Math.random().toString(36).slice(2)}@example.com` },
    answers: coupleAnswers(),
    consent: { contact: true, privacyNoticeVersion: '2026-01' },
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    replicas = await Promise.all([start('A'), start('B')]);
  }, 60_000);

  afterAll(async () => {
    for (const replica of replicas ?? []) {
      if (replica.process.exitCode === null) {
        const exited = new Promise((resolve) => replica.process.once('exit', resolve));
        replica.process.kill('SIGTERM');
        await exited;
      }
    }
    await db?.end();
    await database?.drop();
  }, 30_000);

  it('a rate limit counts the requests of both: the client is refused on either once over', async () => {
    const client = { 'x-forwarded-for': aClient() };
    const [a, b] = replicas;
    for (const replica of [a, b, a, b]) {
      expect((await send(replica, '/v1/inquiries', anInquiry(), client)).status).toBe(201);
    }
    for (const replica of [a, b]) {
      const refused = await send(replica, '/v1/inquiries', anInquiry(), client);
      expect(refused.status).toBe(429);
      expect(refused.body.resources).toEqual(CRISIS_RESOURCES);
    }
  });

  it('an Idempotency-Key used on one replica answers the same on the other, and creates nothing', async () => {
    const client = { 'x-forwarded-for': aClient() };
    const body = anInquiry();
    const key = { 'idempotency-key': `replicas-${Date.now()}` };
    const first = await send(replicas[0], '/v1/inquiries', body, { ...client, ...key });
    const again = await send(replicas[1], '/v1/inquiries', body, { ...client, ...key });
    expect(first.status).toBe(201);
    expect(again).toEqual(first);
    expect(await count(`SELECT count(*) AS n FROM inquiry WHERE email = $1`, [body.email])).toBe(1);
    const other = await send(replicas[1], '/v1/inquiries', anInquiry(), { ...client, ...key });
    expect(other.status).toBe(409);
  });

  it('the same request sent to both at once creates one submission, and both answer it', async () => {
    for (let round = 0; round < 3; round++) {
      const client = { 'x-forwarded-for': aClient() };
      const body = anInquiry();
      const key = { 'idempotency-key': `replicas-race-${round}-${Date.now()}` };
      const [a, b] = await Promise.all(
        replicas.map((replica) => send(replica, '/v1/inquiries', body, { ...client, ...key })),
      );
      expect(a!.status).toBe(201);
      expect(b).toEqual(a);
      expect(await count(`SELECT count(*) AS n FROM inquiry WHERE email = $1`, [body.email])).toBe(
        1,
      );
    }
  });

  it('a partner link used on one replica answers 410 on the other', async () => {
    const token = await aCouple(replicas[0]);
    const path = `/v1/partner-invitations/${token}/responses`;
    const client = { 'x-forwarded-for': aClient() };
    expect((await send(replicas[0], path, partnerB(), client)).status).toBe(201);
    expect((await send(replicas[1], path, partnerB(), client)).status).toBe(410);
    const shown = await fetch(`${replicas[1].base}/v1/partner-invitations/${token}`);
    expect(shown.status).toBe(410);
  });

  it('two replicas racing with one partner link: exactly one answer is stored', async () => {
    for (let round = 0; round < 3; round++) {
      const token = await aCouple(replicas[round % 2]!);
      const path = `/v1/partner-invitations/${token}/responses`;
      const answers = await Promise.all(
        replicas.map((replica) =>
          send(replica, path, partnerB(), { 'x-forwarded-for': aClient() }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 410]);
      const stored = await count(
        `SELECT count(*) AS n FROM partner_response r
           JOIN partner_invitation p ON p.id = r.invitation_id WHERE p.token_hash = $1`,
        [hashToken(token)],
      );
      expect(stored).toBe(1);
    }
  });

  it('both replicas run as in production (HSTS) and log JSON lines only', async () => {
    for (const replica of replicas) {
      const response = await fetch(`${replica.base}/health/live`);
      expect(response.headers.get('strict-transport-security')).toBe(
        'max-age=31536000; includeSubDomains',
      );
      const lines = replica.output.trim().split('\n');
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    }
  });
});
