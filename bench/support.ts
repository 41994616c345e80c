/**
 * Helpers for the benchmarks: a typed autocannon, a load generator that runs in a child
 * process (so the client does not share an event loop with the server it measures), free
 * ports and a description of the machine.
 *
 * This file is also the child's entry point: run by `runLoad` with LOAD_FLAG, it
 * generates the load it is sent over IPC and sends back the results.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import inspector from 'node:inspector';
import http from 'node:http';
import { createRequire } from 'node:module';
import { type AddressInfo, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';

// ---------------------------------------------------------------------------------------
// autocannon (CommonJS, ships no type declarations: typed here for what we use)

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  setupRequest?: (request: AutocannonRequest, context: object) => AutocannonRequest;
  onResponse?: (status: number, body: string, context: object) => void;
}

interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  /** Seconds before a request counts as a timeout. */
  timeout: number;
  requests: AutocannonRequest[];
}

export interface Histogram {
  average: number;
  stddev: number;
  min: number;
  max: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  p99_9: number;
}

export interface AutocannonResult {
  requests: Histogram & { total: number; sent: number };
  latency: Histogram & { totalCount: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
}

type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;

// ---------------------------------------------------------------------------------------
// Load generation in a child process

export interface LoadSpec {
  /** Label for logs and generated emails, e.g. "app". */
  label: string;
  url: string;
  path: string;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /**
   * What each request is (default `valid`): `invalid` a form the validation refuses
   * (422), `flood` valid forms all from one client address (429 once over its limit).
   */
  variant?: 'valid' | 'invalid' | 'flood';
  /** Send a fresh Idempotency-Key with each request. */
  idempotencyKeys?: boolean;
  /** Send `X-Forwarded-For` (for an app with TRUST_PROXY): a new address per request. */
  forwardedFor?: boolean;
  /**
   * Offer this many requests per second, evenly spaced (open loop), instead of as many
   * as the server answers; see `steadyPhase`.
   */
  overallRate?: number;
}

export interface PhaseResult {
  result: AutocannonResult;
  /** The first non-2xx answer seen, to explain a failure. */
  firstFailure?: { status: number; body: string };
}

/** Where the CPU went during the measured phase, in % of one core. */
export interface CpuUse {
  /** This process: the server under test (the other one idles). */
  server: number;
  /** The autocannon process. */
  loadGenerator: number;
  /** The PostgreSQL cluster's processes; undefined where /proc cannot tell. */
  postgres?: number;
  /** Everything else on the machine (other people's processes, the kernel). */
  other: number;
  /** Every core of the machine: 100 × cores when fully busy. */
  machine: number;
}

export interface LoadResult {
  warmup: PhaseResult;
  measured: PhaseResult;
  cpu: CpuUse;
}

type ChildMessage =
  | { kind: 'measuring' }
  | { kind: 'done'; warmup: PhaseResult; measured: PhaseResult; cpuMicros: number };

const LOAD_FLAG = '--bench-load';

/**
 * A valid reach-out form (docs/api.md#send-an-inquiry). Each call has its own email, so
 * no two requests land on the same lead (the 30-day dedupe would otherwise serialise
 * them on one advisory lock and one row).
 */
export function reachOutForm(email: string, formStartedAt: string): Record<string, unknown> {
  return {
    name: 'Alex Rivera',
    email,
    phone: '+15035550142',
    preferredContact: 'email',
    serviceType: 'couples',
    state: 'OR',
    message: 'We keep having the same fight about chores and would like some help.',
    referralSource: 'blog',
    consent: { contact: true, privacyNoticeVersion: '2026-01' },
    website: '',
    formStartedAt,
  };
}

interface CpuSnapshot {
  at: bigint;
  process: NodeJS.CpuUsage;
  postgresTicks?: number;
  machine: { busy: number; total: number };
}

/** Linux clock ticks per second (`getconf CLK_TCK`), the unit of /proc/<pid>/stat times. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time used so far by a PostgreSQL cluster (its postmaster and every child: backends,
 * WAL writer, checkpointer…, living or ended), in clock ticks, from /proc. Undefined off
 * Linux.
 */
function postgresCpuTicks(postmasterPid: number | undefined): number | undefined {
  if (postmasterPid === undefined) return undefined;
  let ticks = 0;
  let found = false;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(entry);
    const parent = Number(fields[1]);
    if (pid === postmasterPid) {
      found = true;
      // utime + stime, and cutime + cstime: the children it has reaped (ended backends).
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } else if (parent === postmasterPid) {
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  }
  return found ? ticks : undefined;
}

function cpuSnapshot(postmasterPid: number | undefined): CpuSnapshot {
  const machine = { busy: 0, total: 0 };
  for (const { times } of os.cpus()) {
    const total = times.user + times.nice + times.sys + times.idle + times.irq;
    machine.total += total;
    machine.busy += total - times.idle;
  }
  return {
    at: process.hrtime.bigint(),
    process: process.cpuUsage(),
    postgresTicks: postgresCpuTicks(postmasterPid),
    machine,
  };
}

function cpuSince(
  start: CpuSnapshot,
  loadGeneratorMicros: number,
  postmasterPid: number | undefined,
): CpuUse {
  const end = cpuSnapshot(postmasterPid);
  const elapsedMicros = Number(end.at - start.at) / 1000;
  const usage = process.cpuUsage(start.process);
  const server = ((usage.user + usage.system) / elapsedMicros) * 100;
  const loadGenerator = (loadGeneratorMicros / elapsedMicros) * 100;
  const postgres =
    start.postgresTicks !== undefined && end.postgresTicks !== undefined
      ? (((end.postgresTicks - start.postgresTicks) / CLOCK_TICKS_PER_SECOND) * 1e8) / elapsedMicros
      : undefined;
  const machine =
    ((end.machine.busy - start.machine.busy) / (end.machine.total - start.machine.total)) *
    100 *
    os.cpus().length;
  const other = Math.max(0, machine - server - loadGenerator - (postgres ?? 0));
  return { server, loadGenerator, postgres, other, machine };
}

/**
 * Starts measuring where the CPU goes; call the function returned to stop and read it.
 * For a load generated in this very process: its CPU counts as the server's, and
 * `loadGenerator` is 0.
 */
export function cpuMeter(postgresPid?: number): () => CpuUse {
  const start = cpuSnapshot(postgresPid);
  return () => cpuSince(start, 0, postgresPid);
}

/** The PID in a cluster's postmaster.pid, if it can be read. */
export function postmasterPid(clusterDir: string): number | undefined {
  try {
    const pid = Number(
      readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** How busy the machine is over `ms`, in % of one core, before any load of ours. */
export async function machineBusy(ms: number): Promise<number> {
  const start = cpuSnapshot(undefined);
  await new Promise((resolve) => setTimeout(resolve, ms));
  const end = cpuSnapshot(undefined);
  return (
    ((end.machine.busy - start.machine.busy) / (end.machine.total - start.machine.total)) *
    100 *
    os.cpus().length
  );
}

/**
 * Runs warm-up then measurement against `spec.url` from a child process, and measures
 * where the CPU goes meanwhile. autocannon runs on the child's main thread: in a worker
 * thread it returns unaggregated results.
 */
export function runLoad(spec: LoadSpec, postgresPid?: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [LOAD_FLAG], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let measuring: CpuSnapshot | undefined;
    let answered = false;
    child.on('message', (message: ChildMessage) => {
      if (message.kind === 'measuring') {
        measuring = cpuSnapshot(postgresPid);
        return;
      }
      answered = true;
      const cpu = cpuSince(measuring ?? cpuSnapshot(postgresPid), message.cpuMicros, postgresPid);
      resolve({ warmup: message.warmup, measured: message.measured, cpu });
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (!answered) {
        reject(new Error(`load generator for ${spec.label} exited (${signal ?? code})`));
      }
    });
    child.send(spec);
  });
}

async function generateLoad(
  spec: LoadSpec,
  send: (message: ChildMessage) => Promise<void>,
): Promise<void> {
  const requireCjs = createRequire(import.meta.url);
  const autocannon = requireCjs('autocannon') as Autocannon;
  const run = randomBytes(4).toString('hex');
  const formStartedAt = new Date(Date.now() - 60_000).toISOString();
  // The label as the local part of an address: letters, digits and dashes.
  const local = spec.label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  let sequence = 0;

  /** The next request's headers and body: a form with its own email, key and address. */
  const nextRequest = (name: string): { headers: Record<string, string>; body: string } => {
    const n = ++sequence;
    const form = reachOutForm(`bench.${local}.${name}.${run}.${n}@example.com`, formStartedAt);
    if (spec.variant === 'invalid') delete form.email;
    const headers: Record<string, string> = {};
    if (spec.idempotencyKeys) headers['idempotency-key'] = `${run}-${name}-${n}`;
    if (spec.forwardedFor) {
      // One address per request, or one for all when flooding (10.x.y.z, 192.0.2.1).
      headers['x-forwarded-for'] =
        spec.variant === 'flood'
          ? '192.0.2.1'
          : `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    }
    return { headers, body: JSON.stringify(form) };
  };

  const phase = async (name: string, seconds: number): Promise<PhaseResult> => {
    if (spec.overallRate !== undefined) {
      return steadyPhase(spec, seconds, spec.overallRate, () => nextRequest(name));
    }
    let firstFailure: PhaseResult['firstFailure'];
    const result = await autocannon({
      url: spec.url,
      connections: spec.connections,
      duration: seconds,
      timeout: 10,
      requests: [
        {
          method: 'POST',
          path: spec.path,
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => {
            const { headers, body } = nextRequest(name);
            return { ...request, headers: { ...request.headers, ...headers }, body };
          },
          onResponse: (status, body) => {
            if ((status < 200 || status > 299) && firstFailure === undefined) {
              firstFailure = { status, body: body.slice(0, 2000) };
            }
          },
        },
      ],
    });
    return { result, firstFailure };
  };

  const warmup = await phase('warmup', spec.warmupSeconds);
  await send({ kind: 'measuring' });
  const cpuBefore = process.cpuUsage();
  const measured = await phase('measured', spec.durationSeconds);
  const cpu = process.cpuUsage(cpuBefore);
  await send({ kind: 'done', warmup, measured, cpuMicros: cpu.user + cpu.system });
}

/**
 * `rate` requests per second for `seconds`, each sent when it is due (every 1/rate s) on
 * one of `spec.connections` kept-alive sockets, whether earlier answers came or not (open
 * loop). autocannon's own rate limit sends each second's share in a burst at the start
 * of the second, which measures a saturated server again. A request's latency counts
 * from when it was due, so time spent waiting for a free socket counts too (no
 * coordinated omission). Answers the same shape as autocannon's result.
 */
async function steadyPhase(
  spec: LoadSpec,
  seconds: number,
  rate: number,
  next: () => { headers: Record<string, string>; body: string },
): Promise<PhaseResult> {
  const url = new URL(spec.path, spec.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
  const latencies: number[] = [];
  const statusCodeStats: Record<string, { count: number }> = {};
  let errors = 0;
  let timeouts = 0;
  let firstFailure: PhaseResult['firstFailure'];
  const send = (due: number): Promise<void> =>
    new Promise((resolve) => {
      const { headers, body } = next();
      const request = http.request(
        url,
        {
          method: 'POST',
          agent,
          timeout: 10_000,
          headers: { ...headers, 'content-type': 'application/json' },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            latencies.push(performance.now() - due);
            (statusCodeStats[status] ??= { count: 0 }).count++;
            if ((status < 200 || status > 299) && firstFailure === undefined) {
              firstFailure = { status, body: Buffer.concat(chunks).toString().slice(0, 2000) };
            }
            resolve();
          });
        },
      );
      let timedOut = false;
      request.on('timeout', () => {
        timedOut = true;
        timeouts++;
        request.destroy();
      });
      request.on('error', () => {
        if (!timedOut) errors++;
        resolve();
      });
      request.end(body);
    });
  const started = performance.now();
  const total = Math.round(seconds * rate);
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(due));
  }
  await Promise.all(inFlight);
  agent.destroy();
  const elapsedSeconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => percentile(latencies, p);
  const average = latencies.reduce((sum, value) => sum + value, 0) / Math.max(1, latencies.length);
  const stddev = Math.sqrt(
    latencies.reduce((sum, value) => sum + (value - average) ** 2, 0) /
      Math.max(1, latencies.length),
  );
  const answered = latencies.length;
  const ok = Object.entries(statusCodeStats)
    .filter(([status]) => Number(status) >= 200 && Number(status) <= 299)
    .reduce((sum, [, { count }]) => sum + count, 0);
  const perSecond = answered / elapsedSeconds;
  const flat = (value: number) => ({
    average: value,
    stddev: 0,
    min: value,
    max: value,
    p50: value,
    p90: value,
    p97_5: value,
    p99: value,
    p99_9: value,
  });
  return {
    result: {
      requests: { ...flat(perSecond), total: answered, sent: total },
      latency: {
        average,
        stddev,
        min: latencies[0] ?? 0,
        max: latencies[answered - 1] ?? 0,
        p50: at(50),
        p90: at(90),
        p97_5: at(97.5),
        p99: at(99),
        p99_9: at(99.9),
        totalCount: answered,
      },
      duration: elapsedSeconds,
      errors,
      timeouts,
      non2xx: answered - ok,
      '2xx': ok,
      statusCodeStats,
    },
    firstFailure,
  };
}

if (process.argv.includes(LOAD_FLAG) && process.send) {
  // The parent going away ends the load too.
  process.once('disconnect', () => process.exit(1));
  const send = (message: ChildMessage) =>
    new Promise<void>((resolve, reject) =>
      process.send?.(message, (error: Error | null) => (error ? reject(error) : resolve())),
    );
  process.once('message', (spec: LoadSpec) => {
    generateLoad(spec, send).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

// ---------------------------------------------------------------------------------------
// Small things

/** Nearest-rank percentile of ascending values (NaN for none). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/** A positive whole number (seconds, connections) from the environment, or the default. */
export function positiveIntFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || !Number.isInteger(value)) {
    throw new Error(`${name} must be a positive whole number, got ${raw}`);
  }
  return value;
}

/** A whole number ≥ 0 (e.g. a warm-up that may be skipped) from the environment, or the default. */
export function wholeNumberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || !Number.isInteger(value)) {
    throw new Error(`${name} must be a whole number ≥ 0, got ${raw}`);
  }
  return value;
}

/** A GitHub-flavoured Markdown table, columns padded so it reads well in a terminal too. */
export function markdownTable(header: string[], rows: string[][], alignRight: boolean[]): string {
  const widths = header.map((cell, i) =>
    Math.max(3, cell.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const pad = (cell: string, i: number) =>
    alignRight[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0);
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `| ${widths
    .map((width, i) => (alignRight[i] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width)))
    .join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** A step that undoes part of a benchmark's set-up. */
export interface Cleanup {
  name: string;
  run: () => Promise<void> | void;
}

/** Undoes what was set up, newest first; every step runs even when one fails; runs once. */
export class CleanupStack {
  private readonly steps: Cleanup[] = [];
  private running: Promise<void> | undefined;

  push(step: Cleanup): void {
    this.steps.push(step);
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const { name, run } of this.steps.splice(0).reverse()) {
        try {
          await run();
        } catch (error) {
          console.error(`cleanup: ${name} failed: ${describeError(error)}`);
        }
      }
    })();
    return this.running;
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function portOf(address: AddressInfo | string | null): number {
  if (address && typeof address === 'object') return address.port;
  throw new Error(`unexpected server address ${String(address)}`);
}

/**
 * A fresh embedded PostgreSQL in a temporary folder, both undone by `cleanups` (folder
 * removed after the cluster stops). Returns the cluster and its postmaster's pid.
 */
export async function startBenchDatabase(cleanups: CleanupStack, folderPrefix: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), folderPrefix));
  cleanups.push({
    name: 'remove data folder',
    run: () => rmSync(dir, { recursive: true, force: true }),
  });
  // As root the cluster runs as the `postgres` user, which must traverse this folder.
  chmodSync(dir, 0o755);

  console.log('starting embedded PostgreSQL…');
  const database = await startEmbeddedPostgres({
    dataDir: dir,
    port: await freePort(),
    database: 'relational_intake_bench',
    log: (level, message) => {
      if (level === 'warn') console.error(message);
    },
  });
  cleanups.push({ name: 'stop PostgreSQL', run: () => database.stop() });
  return { database, postgresPid: postmasterPid(path.join(dir, 'postgres')) };
}

/** A CPU profile of this process from now until `stop`, written as a .cpuprofile file. */
export async function startProfile(): Promise<{ stop(file: string): Promise<void> }> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = (await post('Profiler.stop')) as { profile: object };
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`CPU profile written to ${file}`);
    },
  };
}
