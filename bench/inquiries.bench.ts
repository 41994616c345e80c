/**
 * POST /v1/inquiries under load, in one run and on one throw-away embedded PostgreSQL:
 *   (a) bare:      Fastify + pg, one INSERT of the body (what any HTTP + SQL service pays);
 *   (b) same work: Fastify + pg, one transaction claiming the Idempotency-Key and inserting
 *                  the lead, the inquiry and the pg-boss job (pg-boss's own INSERT);
 *   (c) the app:   the real application, each request with its own Idempotency-Key and
 *                  client address, rate limits at their defaults; once flat out, once
 *                  offered half that rate at a steady pace (its latency unsaturated);
 *                  then the same build as its own process, started with `npm start`'s node
 *                  flags and once more with V8's defaults: its memory (exact peak RSS, heap,
 *                  young and old generation, GC) and its own CPU per request;
 *   (d) old main:  the application as of another commit (default 7fbfee5), built in a
 *                  temporary folder and run as its own process on its own database;
 * then what refusing costs the app: a flood of invalid forms (422) and a flood from one
 * address over its limit (429). The load comes from autocannon in a child process. See
 * BENCHMARKS.md.
 *
 *   npm run bench:inquiries                              # 2 s warm-up + 10 s per target
 *   npm run bench:inquiries -- --compare-with 7fbfee5    # old main: another commit
 *   BENCH_COMPARE_WITH=none npm run bench:inquiries      # skip the old main
 *   BENCH_DURATION_SECONDS=30 npm run bench:inquiries    # longer runs
 *   BENCH_CONNECTIONS=10 npm run bench:inquiries         # other concurrency (targets: 50)
 *
 * Exits 0 when it measured (targets met or not), 1 when it could not measure honestly
 * (an unexpected status, a connection error, a timeout, a crash).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { insertJobs } from 'pg-boss/dist/plans.js';
import { BODY_LIMIT_BYTES, createApp } from '../src/app.factory.js';
import { newKeyRingEntry, parseKeyRing } from '../src/common/encryption/data-cipher.js';
import { loadConfig } from '../src/config/app-config.js';
import { QUEUE_SCHEMA } from '../src/queue/job-queue.js';
import type { MemorySample } from './memory-probe.js';
import {
  type AutocannonResult,
  type LoadResult,
  type LoadSpec,
  machineBusy,
  machineInfo,
  markdownTable,
  runLoad,
  positiveIntFromEnv,
  CleanupStack,
  describeError as describe,
  freePort,
  portOf,
  startBenchDatabase,
  startProfile,
} from './support.js';

/** The targets below are defined at 50 connections. */
const TARGET_CONNECTIONS = 50;
/** The app's TypeORM pool (src/database/data-source-options.ts); the baselines get the same. */
const POOL_SIZE = 10;
const ROUTE = '/v1/inquiries';
const TARGET_SAME_WORK_RATIO = 0.5;
const TARGET_OLD_MAIN_RATIO = 2;
const TARGET_P99_MS = 50;
const TARGET_RSS_MB = 200;
/** Discard port: well formed, never connected to (no job workers run, see main). */
const UNUSED_SMTP_URL = 'smtp://127.0.0.1:9';
const BENCH_DATA_KEY = newKeyRingEntry('bench');
const JOB = 'lead.submission-received';

const CONNECTIONS = positiveIntFromEnv('BENCH_CONNECTIONS', TARGET_CONNECTIONS);
const durationSeconds = positiveIntFromEnv('BENCH_DURATION_SECONDS', 10);
const warmupSeconds = positiveIntFromEnv('BENCH_WARMUP_SECONDS', 2);
/** Only to compare logging costs; the figures in BENCHMARKS.md use the default. */
const appLogLevel = process.env.BENCH_LOG_LEVEL ?? 'silent';
const compareFlag = process.argv.indexOf('--compare-with');
/** The commit run side by side as "old main"; `none` skips it. */
const compareWith =
  (compareFlag >= 0 ? process.argv[compareFlag + 1] : undefined) ??
  process.env.BENCH_COMPARE_WITH ??
  '7fbfee5';
/** Boot and build, seven targets (warm-up + run + requests still in flight), shutdown. */
const deadlineMs = (420 + 7 * (warmupSeconds + durationSeconds + 15)) * 1000;
const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The compiled probe a measured server process loads (see memory-probe.ts). */
/** Linux's USER_HZ, which /proc/<pid>/stat counts CPU time in. */
const CLOCK_TICKS_PER_SECOND = 100;
const MEMORY_PROBE = fileURLToPath(new URL('./memory-probe.js', import.meta.url));

const cleanups = new CleanupStack();
const cleanUp = () => cleanups.run();

/** (a) What any HTTP + PostgreSQL service needs at least: parse JSON, one INSERT, answer. */
async function startBareBaseline(
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

/**
 * (b) The same rows the app writes, by hand: one transaction claiming the key and
 * inserting the lead, the inquiry (its message as sent, not sealed) and the job with
 * pg-boss's own INSERT. No validation, no dedupe, no reference, no settings, no limits.
 */
async function startSameWorkBaseline(
  databaseUrl: string,
): Promise<{ server: FastifyInstance; pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE });
  const { rows } = await pool.query<{ table_name: string }>(
    `SELECT table_name FROM ${QUEUE_SCHEMA}.queue WHERE name = $1`,
    [JOB],
  );
  const jobSql = insertJobs(QUEUE_SCHEMA, {
    table: rows[0]!.table_name,
    name: JOB,
    returnId: true,
    notify: true,
  });
  const server = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES });
  server.post(ROUTE, async (request, reply) => {
    const form = request.body as Record<string, string>;
    const key = request.headers['idempotency-key'];
    const leadId = randomUUID();
    const id = randomUUID();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO idempotency_record (scope, key, request_hash, created_at)
         VALUES ('bench same-work', $1, repeat('0', 64), now())`,
        [key],
      );
      await client.query(
        `INSERT INTO lead (id, status, urgency, service_type, name, email, email_normalized,
                           phone, state, preferred_contact, source, last_submission_at, version)
         VALUES ($1, 'new', 'routine', $2, $3, $4::varchar, lower($4::varchar), $5, $6, $7, $8, now(), 1)`,
        [
          leadId,
          form.serviceType,
          form.name,
          form.email,
          form.phone,
          form.state,
          form.preferredContact,
          form.referralSource,
        ],
      );
      await client.query(
        `INSERT INTO inquiry (id, lead_id, reference, name, email, phone, preferred_contact,
                              service_type, state, message, referral_source, consent_contact,
                              privacy_notice_version, received_at, crisis_indicated)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, true, '2026-01', now(), false)`,
        [
          id,
          leadId,
          `RI-${id.slice(0, 8).toUpperCase()}`,
          form.name,
          form.email,
          form.phone,
          form.preferredContact,
          form.serviceType,
          form.state,
          form.message,
          form.referralSource,
        ],
      );
      await client.query(jobSql, [
        JSON.stringify([
          { data: { leadId, submissionId: id, submissionKind: 'inquiry', leadCreated: true } },
        ]),
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    return reply.code(201).send({ id });
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  return { server, pool };
}

/**
 * (d) The application as of `commit`, built in a temporary folder (this repository's
 * node_modules linked in) and started as its own process on its own database. Nothing of
 * it is kept. Undefined (with the reason printed) when it cannot be built or started.
 */
async function startOldMain(
  commit: string,
  clusterUrl: string,
  env: Record<string, string>,
): Promise<StartedProcess> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ri-old-main-'));
  cleanups.push({
    name: 'remove the old main',
    run: () => rmSync(dir, { recursive: true, force: true }),
  });
  try {
    console.log(`building ${commit} in ${dir}…`);
    execFileSync('sh', [
      '-c',
      `git -C "$1" archive "$2" | tar -x -C "$3"`,
      'sh',
      repository,
      commit,
      dir,
    ]);
    symlinkSync(path.join(repository, 'node_modules'), path.join(dir, 'node_modules'));
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });
  } catch (error) {
    return { reason: `could not build ${commit}: ${describe(error)}` };
  }
  return startServerProcess(dir, 'ri_old_main', commit, clusterUrl, env, {
    memoryFile: path.join(dir, 'memory.jsonl'),
  });
}

/** How a server process is started: node's flags, and where its memory probe writes. */
interface ProcessOptions {
  nodeFlags?: readonly string[];
  /** With it, the process loads dist/bench/memory-probe.js, which appends samples here. */
  memoryFile?: string;
}

type StartedProcess =
  { port: number; pid: number; memoryFile?: string; reason?: undefined } | { reason: string };

/**
 * A built checkout (`dir`) started as its own process (`node [flags] dist/src/main.js`, node
 * itself, no wrapper) on its own database `name` in the bench cluster, stopped at clean-up.
 * Its resident memory is then its own, measured apart from this process's baselines and
 * load bookkeeping.
 */
async function startServerProcess(
  dir: string,
  name: string,
  label: string,
  clusterUrl: string,
  env: Record<string, string>,
  options: ProcessOptions = {},
): Promise<StartedProcess> {
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  const port = await freePort();
  const { nodeFlags = [], memoryFile } = options;
  const probe = memoryFile ? ['--import', MEMORY_PROBE] : [];
  if (memoryFile) writeFileSync(memoryFile, '');
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeFlags, ...probe, 'dist/src/main.js'],
    {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        ...env,
        DATABASE_URL: url.toString(),
        PORT: String(port),
        HOST: '127.0.0.1',
        ...(memoryFile ? { BENCH_MEMORY_FILE: memoryFile } : {}),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  cleanups.push({
    name: `stop ${label}`,
    run: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  });
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) return { reason: `${label} exited (${child.exitCode}) at start` };
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/live`);
      if (response.ok) return { port, pid: child.pid!, memoryFile };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { reason: `${label} did not answer /health/live within 60 s` };
}

/**
 * The node flags of `npm start` (package.json), so the benchmark runs the application as
 * production starts it: `node --a --b dist/src/main.js` gives ['--a', '--b'].
 */
function startScriptNodeFlags(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(repository, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = manifest.scripts.start?.trim().split(/\s+/) ?? [];
  if (words[0] !== 'node' || words.at(-1) !== 'dist/src/main.js') {
    throw new Error(
      `npm start is no longer "node [flags] dist/src/main.js": ${manifest.scripts.start}`,
    );
  }
  return words.slice(1, -1);
}

/** What a server process's memory did while it was loaded. Sizes in MB. */
interface MemoryUnderLoad {
  /** Resident set just before the load (after boot). */
  idleMb: number;
  /** Peak resident set during the load. */
  peakMb: number;
  /** True when the peak is the kernel's own high-water mark (exact), not the samples'. */
  exact: boolean;
  /** From the process's own probe, when it ran one. */
  probe?: ProbeSummary;
  /** CPU the process used during the load, in ms (from /proc; undefined elsewhere). */
  cpuMs?: number;
}

interface MeasuredProcess {
  label: string;
  nodeFlags: readonly string[];
  run: LoadResult;
  memory: MemoryUnderLoad;
}

interface ProbeSummary {
  idle: MemorySample;
  /** The largest value of each field during the load. */
  peak: MemorySample;
  seconds: number;
  scavenges: number;
  markCompacts: number;
  gcPauseMs: number;
}

/** CPU time a process has used (user + system), in ms, from /proc/<pid>/stat. */
function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

function residentBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined; // not Linux, or the process is gone
  }
}

/**
 * Watches a server process's resident memory from now until `stop`. The peak is the
 * kernel's high-water mark (VmHWM), reset here (`clear_refs` 5) so the boot does not count:
 * exact, whatever happens between samples. Where that cannot be reset (not Linux, not
 * allowed) it falls back to the largest VmRSS sampled every 100 ms.
 */
function watchMemory(pid: number, memoryFile?: string): { stop: () => MemoryUnderLoad } {
  const startedAt = Date.now();
  const cpuBefore = processCpuMs(pid);
  const idle = residentBytes(pid, 'VmRSS') ?? 0;
  let exact = false;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    exact = true;
  } catch {
    exact = false;
  }
  let sampled = idle;
  const sample = () => {
    sampled = Math.max(sampled, residentBytes(pid, 'VmRSS') ?? 0);
  };
  const timer = setInterval(sample, 100).unref();
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      const hwm = exact ? residentBytes(pid, 'VmHWM') : undefined;
      const cpuAfter = processCpuMs(pid);
      const mb = (bytes: number) => bytes / 1024 / 1024;
      return {
        idleMb: mb(idle),
        peakMb: mb(Math.max(sampled, hwm ?? 0)),
        exact: hwm !== undefined,
        probe: memoryFile ? summariseProbe(memoryFile, startedAt, Date.now()) : undefined,
        cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
      };
    },
  };
}

function summariseProbe(file: string, from: number, to: number): ProbeSummary | undefined {
  const samples = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as MemorySample);
  const before = samples.filter((sample) => sample.at <= from);
  const during = samples.filter((sample) => sample.at > from && sample.at <= to);
  const idle = before.at(-1) ?? during[0];
  const last = during.at(-1);
  if (idle === undefined || last === undefined) return undefined;
  const peak = { ...idle };
  for (const sample of during) {
    for (const key of Object.keys(peak) as (keyof MemorySample)[]) {
      peak[key] = Math.max(peak[key], sample[key]);
    }
  }
  return {
    idle,
    peak,
    seconds: (last.at - idle.at) / 1000,
    scavenges: last.scavenges - idle.scavenges,
    markCompacts: last.markCompacts - idle.markCompacts,
    gcPauseMs: last.gcPauseMs - idle.gcPauseMs,
  };
}

/**
 * Run before each target: a CHECKPOINT, so that every target starts with the WAL of the
 * runs before it flushed, and none pays for another's (a checkpoint that falls inside a
 * target's 12 s makes its first writes to each page log the whole page). Set in main.
 */
let settleDatabase: () => Promise<unknown> = async () => undefined;

async function load(
  label: string,
  port: number,
  postgresPid: number | undefined,
  options: Pick<LoadSpec, 'variant' | 'idempotencyKeys' | 'forwardedFor' | 'overallRate'> & {
    expect?: number;
  } = {},
): Promise<LoadResult> {
  console.log(
    `\n${label}: ${warmupSeconds} s warm-up, then ${durationSeconds} s at ${CONNECTIONS} connections…`,
  );
  const { expect, ...variant } = options;
  await settleDatabase();
  const outcome = await runLoad(
    {
      label,
      url: `http://127.0.0.1:${port}`,
      path: ROUTE,
      connections: CONNECTIONS,
      warmupSeconds,
      durationSeconds,
      ...variant,
    },
    postgresPid,
  );
  for (const [phase, { result, firstFailure }] of [
    ['warm-up', outcome.warmup],
    ['measured', outcome.measured],
  ] as const) {
    const wanted =
      expect === undefined ? result['2xx'] : (result.statusCodeStats[expect]?.count ?? 0);
    const unexpected =
      expect === undefined ? result.non2xx : result['2xx'] + result.non2xx - wanted;
    const problems = [
      // A flood's first requests pass until the limit is reached (in the warm-up).
      unexpected > 0 &&
        !(phase === 'warm-up' && options.variant === 'flood') &&
        `${unexpected} unexpected answers`,
      result.errors > 0 && `${result.errors} connection errors`,
      result.timeouts > 0 && `${result.timeouts} timeouts`,
      phase === 'measured' && wanted === 0 && `no ${expect ?? '2xx'} answer at all`,
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
    `${label}: ${Math.round(measured.result.requests.average)} req/s, p50 ${measured.result.latency.p50} ms, p99 ${measured.result.latency.p99} ms`,
  );
  return outcome;
}

/** autocannon records latency in whole milliseconds; only the mean has decimals. */
const ms = (value: number) => value.toFixed(Number.isInteger(value) ? 0 : 1);
const percent = (value: number | undefined) =>
  value === undefined ? 'n/a' : `${Math.round(value)} %`;
const rate = (result: AutocannonResult) => result.requests.average;

function row(label: string, result: AutocannonResult): string[] {
  const statuses = Object.entries(result.statusCodeStats)
    .map(([status, { count }]) => `${status}: ${count}`)
    .join(', ');
  return [
    label,
    Math.round(rate(result)).toString(),
    ms(result.latency.average),
    ms(result.latency.p50),
    ms(result.latency.p97_5),
    ms(result.latency.p99),
    ms(result.latency.max),
    statuses,
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

/** One row per server process measured as its own process. */
function memoryTable(processes: (MeasuredProcess | undefined)[]): string {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  return markdownTable(
    [
      'process',
      'node flags',
      'RSS idle',
      'RSS peak',
      'heap used peak',
      'heap committed peak',
      'young gen peak',
      'old space peak',
      'external peak',
      'scavenges',
      'mark-compacts',
      'GC pause',
      'req/s',
      'p99 ms',
      'CPU ms/req',
    ],
    processes.flatMap((measured) => {
      if (measured === undefined) return [];
      const { label, nodeFlags, run, memory } = measured;
      const probe = memory.probe;
      return [
        [
          label,
          nodeFlags.length === 0 ? '(none)' : nodeFlags.join(' '),
          memory.idleMb.toFixed(1),
          memory.peakMb.toFixed(1),
          probe ? mb(probe.peak.heapUsed) : 'n/a',
          probe ? mb(probe.peak.heapTotal) : 'n/a',
          probe ? mb(probe.peak.newSpace) : 'n/a',
          probe ? mb(probe.peak.oldSpace) : 'n/a',
          probe ? mb(probe.peak.external) : 'n/a',
          probe ? String(probe.scavenges) : 'n/a',
          probe ? String(probe.markCompacts) : 'n/a',
          probe
            ? `${Math.round(probe.gcPauseMs)} ms (${(probe.gcPauseMs / 10 / probe.seconds).toFixed(1)} %)`
            : 'n/a',
          Math.round(rate(run.measured.result)).toString(),
          ms(run.measured.result.latency.p99),
          // Over warm-up and measured phase together: the CPU was read around both.
          memory.cpuMs === undefined
            ? 'n/a'
            : (
                memory.cpuMs /
                (run.warmup.result.requests.total + run.measured.result.requests.total)
              ).toFixed(2),
        ],
      ];
    }),
    [false, false, true, true, true, true, true, true, true, true, true, true, true, true, true],
  );
}

interface RowCounts {
  leads: number;
  inquiries: number;
  jobs: number;
  keys: number;
}

/** Row counts in one snapshot, once requests still in flight at the end have landed. */
async function rowCounts(pool: pg.Pool): Promise<RowCounts> {
  const sql = `SELECT (SELECT count(*) FROM lead)::int AS leads,
                      (SELECT count(*) FROM inquiry)::int AS inquiries,
                      (SELECT count(*) FROM pgboss.job WHERE name = '${JOB}')::int AS jobs,
                      (SELECT count(*) FROM idempotency_record)::int AS keys`;
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

  // Production settings, rate limits at their defaults. Each request comes from its own
  // address (X-Forwarded-For behind one trusted proxy), as real visitors do.
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    LOG_LEVEL: appLogLevel,
    SPAM_MIN_SECONDS: '0',
    TRUST_PROXY: '1',
    // The request path only: no job workers in this process (as with separate worker
    // processes), so nothing is ever sent to SMTP_URL; production merely requires one.
    RUN_WORKERS: 'false',
    SMTP_URL: UNUSED_SMTP_URL,
    DATA_ENCRYPTION_KEY: BENCH_DATA_KEY,
  };
  console.log('starting the application (migrations run at boot)…');
  const config = loadConfig({ ...env, DATABASE_URL: database.url, PORT: '0' });
  const app: NestFastifyApplication = await createApp({
    config,
    databaseUrl: database.url,
    smtpUrl: UNUSED_SMTP_URL,
    dataKeys: parseKeyRing(BENCH_DATA_KEY),
  });
  cleanups.push({ name: 'close the application', run: () => app.close() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const appPort = portOf(app.getHttpServer().address());

  const bare = await startBareBaseline(database.url);
  settleDatabase = () => bare.pool.query('CHECKPOINT');
  cleanups.push({ name: 'end the bare pool', run: () => bare.pool.end() });
  cleanups.push({ name: 'close the bare server', run: () => bare.server.close() });
  const sameWork = await startSameWorkBaseline(database.url);
  cleanups.push({ name: 'end the same-work pool', run: () => sameWork.pool.end() });
  cleanups.push({ name: 'close the same-work server', run: () => sameWork.server.close() });

  const oldMain =
    compareWith === 'none'
      ? { reason: 'skipped (BENCH_COMPARE_WITH=none)' }
      : await startOldMain(compareWith, database.url, env);

  const { rows: versionRows } = await bare.pool.query<{ server_version: string }>(
    'SHOW server_version',
  );
  const postgresVersion = versionRows[0]?.server_version ?? 'unknown';
  const real = { idempotencyKeys: true, forwardedFor: true } as const;

  const bareRun = await load('bare', portOf(bare.server.server.address()), postgresPid);
  const sameWorkRun = await load(
    'same-work',
    portOf(sameWork.server.server.address()),
    postgresPid,
    real,
  );
  // BENCH_PROFILE=app: a CPU profile of the in-process application under load (this
  // process also runs the load's bookkeeping, not the load generator).
  const profiler = process.env.BENCH_PROFILE === 'app' ? await startProfile() : undefined;
  const appRun = await load('app', appPort, postgresPid, real);
  await profiler?.stop('inquiries-app.cpuprofile');
  // The same 50 connections offered half of what the app just answered flat out, at a
  // steady rate: its latency when it is not saturated (with 50 requests always in
  // flight, latency is 50 / throughput by Little's law, whatever each request costs).
  const halfRate = Math.max(1, Math.round(rate(appRun.measured.result) / 2));
  const halfRun = await load(`app at ${halfRate} req/s (half)`, appPort, postgresPid, {
    ...real,
    overallRate: halfRate,
  });
  // The same build as its own process, started as `npm start` starts it (its node flags):
  // its memory alone, without this process's baselines, pools and bookkeeping (the RSS
  // target is the application's); then once more with V8's defaults, for what the flags
  // cost and save. Each is stopped once measured.
  const startFlags = startScriptNodeFlags();
  const probeDir = mkdtempSync(path.join(os.tmpdir(), 'ri-bench-memory-'));
  cleanups.push({
    name: 'remove the memory samples',
    run: () => rmSync(probeDir, { recursive: true, force: true }),
  });
  const ownProcess = async (
    name: string,
    label: string,
    nodeFlags: readonly string[],
  ): Promise<MeasuredProcess | undefined> => {
    const started = await startServerProcess(repository, name, label, database.url, env, {
      nodeFlags,
      memoryFile: path.join(probeDir, `${name}.jsonl`),
    });
    if (started.reason !== undefined) {
      console.log(`${label} NOT RUN: ${started.reason}`);
      return undefined;
    }
    const watch = watchMemory(started.pid, started.memoryFile);
    const run = await load(label, started.port, postgresPid, real);
    const memory = watch.stop();
    process.kill(started.pid, 'SIGTERM');
    return { label, nodeFlags, run, memory };
  };
  const asStarted = await ownProcess(
    'ri_app_process',
    'app, own process, npm start flags',
    startFlags,
  );
  const withDefaults =
    startFlags.length === 0
      ? undefined
      : await ownProcess('ri_app_defaults', 'app, own process, V8 defaults', []);
  const counts = await rowCounts(bare.pool);
  let old: MeasuredProcess | undefined;
  if (oldMain.reason === undefined) {
    const watch = watchMemory(oldMain.pid, oldMain.memoryFile);
    const run = await load(`old main ${compareWith}`, oldMain.port, postgresPid, real);
    old = { label: `old main ${compareWith}`, nodeFlags: [], run, memory: watch.stop() };
  }
  const oldRun = old?.run;
  const appRssMb = asStarted?.memory.peakMb;
  const invalidRun = await load('app, invalid forms (422)', appPort, postgresPid, {
    ...real,
    variant: 'invalid',
    expect: 422,
  });
  const floodRun = await load('app, one address over its limit (429)', appPort, postgresPid, {
    ...real,
    variant: 'flood',
    expect: 429,
  });

  const app201 = rate(appRun.measured.result);
  const sameWorkRatio = app201 / rate(sameWorkRun.measured.result);
  const bareRatio = app201 / rate(bareRun.measured.result);
  const oldRatio = oldRun ? app201 / rate(oldRun.measured.result) : undefined;
  const appP99 = appRun.measured.result.latency.p99;
  const verdicts = [
    [
      'app / same-work',
      sameWorkRatio.toFixed(2),
      `≥ ${TARGET_SAME_WORK_RATIO.toFixed(2)}`,
      sameWorkRatio >= TARGET_SAME_WORK_RATIO,
    ],
    [
      'app / old main',
      oldRatio === undefined ? 'n/a' : oldRatio.toFixed(2),
      `≥ ${TARGET_OLD_MAIN_RATIO.toFixed(2)}`,
      oldRatio === undefined ? undefined : oldRatio >= TARGET_OLD_MAIN_RATIO,
    ],
    ['app / bare', bareRatio.toFixed(2), '(for scale)', undefined],
    ['app p99', `${ms(appP99)} ms`, `< ${TARGET_P99_MS} ms`, appP99 < TARGET_P99_MS],
    [
      `app p99 offered half its rate (${halfRate} req/s)`,
      `${ms(halfRun.measured.result.latency.p99)} ms`,
      '(for scale)',
      undefined,
    ],
    [
      'app peak RSS under load (own process, npm start flags)',
      appRssMb === undefined ? 'n/a' : `${appRssMb.toFixed(1)} MB`,
      `< ${TARGET_RSS_MB} MB`,
      appRssMb === undefined ? undefined : appRssMb < TARGET_RSS_MB,
    ],
    [
      'own process req/s: npm start flags / V8 defaults',
      asStarted && withDefaults
        ? (rate(asStarted.run.measured.result) / rate(withDefaults.run.measured.result)).toFixed(2)
        : 'n/a',
      "(the flags' cost)",
      undefined,
    ],
  ] as const;

  const table = markdownTable(
    ['target', 'req/s (mean)', 'mean ms', 'p50 ms', 'p97.5 ms', 'p99 ms', 'max ms', 'answers'],
    [
      row('(a) bare: Fastify + pg, 1 INSERT', bareRun.measured.result),
      row('(b) same work: pg, 1 transaction', sameWorkRun.measured.result),
      row('(c) app POST /v1/inquiries', appRun.measured.result),
      row(`(c) app, offered ${halfRate} req/s (half its rate)`, halfRun.measured.result),
      ...[asStarted, withDefaults].flatMap((measured) =>
        measured ? [row(`(c) ${measured.label}`, measured.run.measured.result)] : [],
      ),
      ...(oldRun ? [row(`(d) old main ${compareWith}`, oldRun.measured.result)] : []),
      row('app, invalid forms (422)', invalidRun.measured.result),
      row('app, over the limit (429)', floodRun.measured.result),
    ],
    [false, true, true, true, true, true, true, false],
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
    [
      cpuRow('bare', bareRun),
      cpuRow('same work', sameWorkRun),
      cpuRow('app', appRun),
      ...[asStarted, withDefaults].flatMap((measured) =>
        measured ? [cpuRow(`${measured.label} (server: this process, idle)`, measured.run)] : [],
      ),
      ...(oldRun ? [cpuRow('old main (server: this process, idle)', oldRun)] : []),
      cpuRow('app 422', invalidRun),
      cpuRow('app 429', floodRun),
    ],
    [false, true, true, true, true, true, true, true],
  );
  const verdictTable = markdownTable(
    ['measure', 'value', 'target', 'verdict'],
    verdicts.map(([name, value, target, met]) => [
      name,
      value,
      target,
      met === undefined ? '' : met ? 'MET' : 'NOT MET',
    ]),
    [false, true, false, false],
  );

  console.log(`
=== POST /v1/inquiries benchmark ===
date:        ${startedAt.toISOString()}
machine:     ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.os}
runtime:     Node ${machine.node}, PostgreSQL ${postgresVersion} (embedded, same machine)
load:        autocannon (child process), ${CONNECTIONS} connections, ${warmupSeconds} s warm-up + ${durationSeconds} s per target, a distinct email, Idempotency-Key and client address per request (not for the bare baseline)
app:         NODE_ENV=production LOG_LEVEL=${appLogLevel} RUN_WORKERS=false TRUST_PROXY=1, rate limits at their defaults, pool ${POOL_SIZE}; baselines pool ${POOL_SIZE}
old main:    ${oldMain.reason === undefined ? `${compareWith}, its own process and database in the same cluster, same settings` : `NOT RUN: ${oldMain.reason}`}
idle check:  machine ${percent(busyBefore)} busy before the run (of ${machine.cores * 100} %)

${table}

${cpuTable}

CPU in % of one core (the machine: ${machine.cores * 100} % when fully busy); "other" is everything
else on the machine (for the old main: its own process), ms/req are CPU milliseconds per request.

${verdictTable}

${memoryTable([asStarted, withDefaults, old])}

Memory of each server process run as its own process: RSS from the kernel (${
    asStarted?.memory.exact === false
      ? 'largest VmRSS sampled every 100 ms'
      : 'VmHWM, reset after boot: the exact peak'
  }); the rest from
process.memoryUsage() and V8's heap spaces, sampled in the process every 250 ms (peaks), and its
garbage collections (perf_hooks) over the load: warm-up and measured phase, ${warmupSeconds + durationSeconds} s. CPU ms/req is
the process's own CPU (/proc) over the same span, per request answered: what the flags cost
even when other work on the machine skews req/s.

refusals: ${Math.round(rate(invalidRun.measured.result))} × 422/s and ${Math.round(rate(floodRun.measured.result))} × 429/s, against ${Math.round(app201)} × 201/s: a refused request costs ${(app201 / rate(invalidRun.measured.result)).toFixed(2)} (422) and ${(app201 / rate(floodRun.measured.result)).toFixed(2)} (429) of a stored one
rows:        ${counts.leads} leads, ${counts.inquiries} inquiries, ${counts.jobs} jobs, ${counts.keys} keys after the same-work baseline and the app (one of each per stored request)
`);
  const busiest = Math.max(bareRun.cpu.other, sameWorkRun.cpu.other, appRun.cpu.other);
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
