/**
 * POST /v1/inquiries under load: the real application against a bare Fastify + pg
 * baseline doing one INSERT, both on one throw-away embedded PostgreSQL, in one process.
 * The load comes from autocannon in a child process. See BENCHMARKS.md.
 *
 *   npm run bench:inquiries                             # 2 s warm-up + 10 s per target
 *   BENCH_DURATION_SECONDS=30 npm run bench:inquiries   # longer runs
 *   BENCH_CONNECTIONS=10 npm run bench:inquiries        # other concurrency (targets: 50)
 *
 * Exits 0 when it measured (targets met or not), 1 when it could not measure honestly
 * (a non-2xx answer, a connection error, a timeout, a crash).
 */
import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { BODY_LIMIT_BYTES, createApp } from '../src/app.factory.js';
import { newKeyRingEntry, parseKeyRing } from '../src/common/encryption/data-cipher.js';
import { loadConfig } from '../src/config/app-config.js';
import {
  type AutocannonResult,
  type LoadResult,
  machineBusy,
  machineInfo,
  markdownTable,
  runLoad,
  positiveIntFromEnv,
  CleanupStack,
  describeError as describe,
  portOf,
  startBenchDatabase,
} from './support.js';

/** The targets below are defined at 50 connections. */
const TARGET_CONNECTIONS = 50;
/** The app's TypeORM pool (src/database/data-source-options.ts); the baseline gets the same. */
const POOL_SIZE = 10;
const ROUTE = '/v1/inquiries';
const TARGET_RATIO = 0.6;
const TARGET_P99_MS = 50;
/** Discard port: well formed, never connected to (no job workers run, see main). */
const UNUSED_SMTP_URL = 'smtp://127.0.0.1:9';
const BENCH_DATA_KEY = newKeyRingEntry('bench');

const CONNECTIONS = positiveIntFromEnv('BENCH_CONNECTIONS', TARGET_CONNECTIONS);
const durationSeconds = positiveIntFromEnv('BENCH_DURATION_SECONDS', 10);
const warmupSeconds = positiveIntFromEnv('BENCH_WARMUP_SECONDS', 2);
/** Only to compare logging costs; the figures in BENCHMARKS.md use the default. */
const appLogLevel = process.env.BENCH_LOG_LEVEL ?? 'silent';
/** Boot, two targets (warm-up + run + requests still in flight), shutdown. */
const deadlineMs = (120 + 2 * (warmupSeconds + durationSeconds + 15)) * 1000;

const cleanups = new CleanupStack();
const cleanUp = () => cleanups.run();

/** What any HTTP + PostgreSQL service needs at least: parse JSON, one INSERT, answer. */
async function startBaseline(
  databaseUrl: string,
): Promise<{ server: FastifyInstance; pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE });
  await pool.query(
    `CREATE TABLE IF NOT EXISTS bench_baseline (
       id uuid PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
  );
  const server = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES });
  server.post(ROUTE, async (request, reply) => {
    const id = randomUUID();
    await pool.query('INSERT INTO bench_baseline (id, body) VALUES ($1, $2)', [
      id,
      JSON.stringify(request.body),
    ]);
    return reply.code(201).send({ id });
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  return { server, pool };
}

async function load(label: string, port: number, postgresPid?: number): Promise<LoadResult> {
  console.log(
    `\n${label}: ${warmupSeconds} s warm-up, then ${durationSeconds} s at ${CONNECTIONS} connections…`,
  );
  const outcome = await runLoad(
    {
      label,
      url: `http://127.0.0.1:${port}`,
      path: ROUTE,
      connections: CONNECTIONS,
      warmupSeconds,
      durationSeconds,
    },
    postgresPid,
  );
  for (const [phase, { result, firstFailure }] of [
    ['warm-up', outcome.warmup],
    ['measured', outcome.measured],
  ] as const) {
    const problems = [
      result.non2xx > 0 && `${result.non2xx} non-2xx responses`,
      result.errors > 0 && `${result.errors} connection errors`,
      result.timeouts > 0 && `${result.timeouts} timeouts`,
      result['2xx'] === 0 && 'no 2xx response at all',
    ].filter(Boolean);
    if (problems.length > 0) {
      throw new Error(
        `${label} ${phase}: ${problems.join(', ')}; status codes ${JSON.stringify(
          result.statusCodeStats,
        )}` + (firstFailure ? `; first failure ${firstFailure.status}: ${firstFailure.body}` : ''),
      );
    }
  }
  const { measured } = outcome;
  console.log(
    `${label}: ${measured.result['2xx']} × 2xx in ${measured.result.duration.toFixed(1)} s, ` +
      `${Math.round(measured.result.requests.average)} req/s, p99 ${measured.result.latency.p99} ms`,
  );
  return outcome;
}

/** autocannon records latency in whole milliseconds; only the mean has decimals. */
const ms = (value: number) => value.toFixed(Number.isInteger(value) ? 0 : 1);
const percent = (value: number | undefined) =>
  value === undefined ? 'n/a' : `${Math.round(value)} %`;

function row(label: string, result: AutocannonResult): string[] {
  return [
    label,
    Math.round(result.requests.average).toString(),
    ms(result.latency.average),
    ms(result.latency.p50),
    ms(result.latency.p97_5),
    ms(result.latency.p99),
    ms(result.latency.max),
    result['2xx'].toString(),
    result.non2xx.toString(),
  ];
}

function cpuRow(label: string, { cpu, measured }: LoadResult): string[] {
  // % of a core / (requests per second) = core-milliseconds per request, × 10.
  const perRequest = (value: number | undefined) =>
    value === undefined ? 'n/a' : ((value * 10) / measured.result.requests.average).toFixed(2);
  return [
    label,
    percent(cpu.server),
    percent(cpu.postgres),
    percent(cpu.loadGenerator),
    percent(cpu.other),
    percent(cpu.machine),
    perRequest(cpu.server),
    perRequest(cpu.postgres),
  ];
}

interface RowCounts {
  leads: number;
  inquiries: number;
  jobs: number;
  baseline: number;
}

/** Row counts in one snapshot, once requests still in flight at the end have landed. */
async function rowCounts(pool: pg.Pool): Promise<RowCounts> {
  const sql = `SELECT (SELECT count(*) FROM lead)::int AS leads,
                      (SELECT count(*) FROM inquiry)::int AS inquiries,
                      (SELECT count(*) FROM pgboss.job WHERE name = 'lead.submission-received')::int AS jobs,
                      (SELECT count(*) FROM bench_baseline)::int AS baseline`;
  let previous = '';
  for (let attempt = 0; ; attempt++) {
    const { rows } = await pool.query<RowCounts>(sql);
    const counts = rows[0] as RowCounts;
    const now = JSON.stringify(counts);
    if (now === previous || attempt >= 20) return counts;
    previous = now;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const machine = machineInfo();
  const busyBefore = await machineBusy(1000);

  const { database, postgresPid } = await startBenchDatabase(cleanups, 'ri-bench-');

  console.log('starting the application (migrations run at boot)…');
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: appLogLevel,
    DATABASE_URL: database.url,
    PORT: '0',
    SPAM_MIN_SECONDS: '0',
    // The request path only: no job workers in this process (as with separate worker
    // processes), so nothing is ever sent to SMTP_URL; production merely requires one.
    RUN_WORKERS: 'false',
    SMTP_URL: UNUSED_SMTP_URL,
    DATA_ENCRYPTION_KEY: BENCH_DATA_KEY,
  });
  const appOptions = {
    config,
    databaseUrl: database.url,
    smtpUrl: UNUSED_SMTP_URL,
    dataKeys: parseKeyRing(BENCH_DATA_KEY),
  };
  const app: NestFastifyApplication = await createApp(appOptions);
  cleanups.push({ name: 'close the application', run: () => app.close() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const appPort = portOf(app.getHttpServer().address());

  const baseline = await startBaseline(database.url);
  cleanups.push({ name: 'end the baseline pool', run: () => baseline.pool.end() });
  cleanups.push({ name: 'close the baseline server', run: () => baseline.server.close() });
  const baselinePort = portOf(baseline.server.server.address());

  const { rows: versionRows } = await baseline.pool.query<{ server_version: string }>(
    'SHOW server_version',
  );
  const postgresVersion = versionRows[0]?.server_version ?? 'unknown';

  const base = await load('baseline', baselinePort, postgresPid);
  const application = await load('app', appPort, postgresPid);
  const counts = await rowCounts(baseline.pool);

  const ratio =
    application.measured.result.requests.average / base.measured.result.requests.average;
  const appP99 = application.measured.result.latency.p99;
  const ratioHolds = ratio >= TARGET_RATIO;
  const p99Holds = appP99 < TARGET_P99_MS;
  const appAnswers = application.warmup.result['2xx'] + application.measured.result['2xx'];
  const baselineAnswers = base.warmup.result['2xx'] + base.measured.result['2xx'];

  const table = markdownTable(
    [
      'target',
      'req/s (mean)',
      'mean ms',
      'p50 ms',
      'p97.5 ms',
      'p99 ms',
      'max ms',
      '2xx',
      'non-2xx',
    ],
    [
      row('baseline (Fastify + pg, 1 INSERT)', base.measured.result),
      row('app POST /v1/inquiries', application.measured.result),
    ],
    [false, true, true, true, true, true, true, true, true],
  );
  const cpuTable = markdownTable(
    [
      'CPU (measured phase)',
      'server process',
      'PostgreSQL',
      'load generator',
      'other',
      'machine',
      'server ms/req',
      'PostgreSQL ms/req',
    ],
    [cpuRow('baseline', base), cpuRow('app', application)],
    [false, true, true, true, true, true, true, true],
  );

  console.log(`
=== POST /v1/inquiries benchmark ===
date:        ${startedAt.toISOString()}
machine:     ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.os}
runtime:     Node ${machine.node}, PostgreSQL ${postgresVersion} (embedded, same machine)
load:        autocannon (child process), ${CONNECTIONS} connections, ${warmupSeconds} s warm-up + ${durationSeconds} s per target, a distinct email per request
app:         NODE_ENV=production LOG_LEVEL=${appLogLevel} RUN_WORKERS=false, pool ${POOL_SIZE}; baseline pool ${POOL_SIZE}
idle check:  machine ${percent(busyBefore)} busy before the run (of ${machine.cores * 100} %)

${table}

${cpuTable}

CPU in % of one core (the machine: ${machine.cores * 100} % when fully busy); "other" is everything
else on the machine, ms/req are CPU milliseconds per request.

throughput ratio app/baseline: ${ratio.toFixed(2)}  (target ≥ ${TARGET_RATIO.toFixed(2)}: ${ratioHolds ? 'MET' : 'NOT MET'})
app p99 latency:               ${ms(appP99)} ms  (target < ${TARGET_P99_MS} ms: ${p99Holds ? 'MET' : 'NOT MET'})
targets:                       ${ratioHolds && p99Holds ? 'ALL MET' : 'NOT ALL MET'}${
    CONNECTIONS === TARGET_CONNECTIONS
      ? ''
      : ` (but the targets are defined at ${TARGET_CONNECTIONS} connections, not ${CONNECTIONS})`
  }

rows: app ${counts.leads} leads, ${counts.inquiries} inquiries, ${counts.jobs} jobs for ${appAnswers} 2xx answers;
      baseline ${counts.baseline} rows for ${baselineAnswers} 2xx answers
      (warm-up + measured; requests in flight when the load stops are stored but not counted by autocannon)
`);
  if (counts.leads !== counts.inquiries) {
    console.log('note: fewer leads than inquiries: some requests were attached to one lead');
  }
  const busiest = Math.max(base.cpu.other, application.cpu.other);
  if (busiest > 25) {
    console.log(
      `note: other processes used up to ${percent(busiest)} of a core while measuring: the figures are skewed`,
    );
  }
  if (busyBefore > 25) {
    console.log(
      `note: the machine was ${percent(busyBefore)} busy before the run: other work skews these figures`,
    );
  }
}

const watchdog = setTimeout(() => {
  console.error(`\nbench: still running after ${deadlineMs / 1000} s, giving up`);
  void cleanUp().finally(() => process.exit(1));
}, deadlineMs);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\nbench: ${signal}, cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  console.error(`\nBENCHMARK FAILED: ${describe(error)}`);
} finally {
  await cleanUp();
  clearTimeout(watchdog);
}
process.exit(exitCode);
