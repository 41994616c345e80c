/**
 * The staff lead list and detail routes on 1,000,000 leads: p50/p95 per common filter
 * combination, against the floor of an authenticated request (GET /v1/auth/me) measured
 * the same way in the same run, plus the query plans PostgreSQL chose. See BENCHMARKS.md.
 *
 *   npm run bench:admin                          # 1,000,000 leads, 200 requests per scenario
 *   BENCH_LEADS=100000 npm run bench:admin       # a quicker run
 *   BENCH_REQUESTS=500 npm run bench:admin       # more samples per scenario
 *
 * Exits 0 when it measured (targets met or not), 1 when it could not measure honestly
 * (a non-2xx answer, a crash, the watchdog).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { createApp } from '../src/app.factory.js';
import { hashPassword } from '../src/users/passwords.js';
import { DataCipher, newKeyRingEntry, parseKeyRing } from '../src/common/encryption/data-cipher.js';
import { SEALED_COLUMNS } from '../src/vocabulary/sealed-columns.js';
import { hashToken, secretToken } from '../src/common/tokens.js';
import { loadConfig } from '../src/config/app-config.js';
import {
  CleanupStack,
  describeError,
  machineBusy,
  machineInfo,
  markdownTable,
  percentile,
  portOf,
  positiveIntFromEnv,
  reachOutForm,
  startBenchDatabase,
  startProfile,
} from './support.js';

const LEADS = positiveIntFromEnv('BENCH_LEADS', 1_000_000);
const REQUESTS = positiveIntFromEnv('BENCH_REQUESTS', 200);
const WARMUP_REQUESTS = 20;
/** BENCH_KEEP_DATABASE=1 keeps the seeded cluster up after the run, to explain queries. */
const KEEP_DATABASE = process.env.BENCH_KEEP_DATABASE === '1';
/**
 * BENCH_PROFILE=<words of a scenario's name>[|<words>…] writes a CPU profile of that scenario's timed
 * requests (client and application share this process) to admin-<scenario>.cpuprofile, to
 * open in Chrome's DevTools.
 */
const PROFILE = process.env.BENCH_PROFILE;
const CHUNK = 50_000;
const CLINICIANS = 20;
const TARGET_P95_MS = 20;
const UNUSED_SMTP_URL = 'smtp://127.0.0.1:9';
const BENCH_DATA_KEY = newKeyRingEntry('bench');
/** Seeding 1M leads takes ~2-4 min here; then ~15 scenarios × REQUESTS. */
const deadlineMs = (600 + (LEADS / 1_000_000) * 900 + REQUESTS * 15 * 0.2) * 1000;

const cleanups = new CleanupStack();

/** The reference alphabet (no 0/O/1/I/L); every seeded lead gets its own code from its number. */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

// Names as a practice sees them: 50 first names × 100 surnames, so one surname is 1 % of
// all leads (a common one, like Smith in the US) and one full name 0.02 %.
const FIRST_NAMES = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Karen', 'Christopher', 'Sarah', 'Charles', 'Lisa', 'Daniel', 'Nancy', 'Matthew', 'Sandra', 'Anthony', 'Betty', 'Mark', 'Ashley', 'Donald', 'Emily', 'Steven', 'Kimberly', 'Andrew', 'Margaret', 'Paul', 'Donna', 'Joshua', 'Michelle', 'Kenneth', 'Carol', 'Kevin', 'Amanda', 'Brian', 'Melissa', 'Timothy', 'Deborah', 'Ronald', 'Stephanie']; // prettier-ignore
const LAST_NAMES = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes', 'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper', 'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson', 'Watson', 'Brooks', 'Chavez', 'Wood', 'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes', 'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long', 'Ross', 'Foster', 'Jimenez']; // prettier-ignore

/**
 * Surnames no seeded name or address contains, each given to a few leads older than a
 * year: a one-word search too rare to fill a page among the newest leads.
 */
const RARE_SURNAMES = ['Okonkwo', 'Abernathy', 'Quintanilla', 'Zielinski', 'Thorvaldsen', 'Nakashima', 'Delacroix', 'Kowalczyk', 'Oyelaran', 'Haverkamp', 'Lindqvist', 'Marchetti', 'Szabo', 'Achterberg', 'Bergstrom', 'Castellanos', 'Dubois', 'Eriksen', 'Fairweather', 'Grimaldi']; // prettier-ignore
const RARE_LEADS_EACH = 3;

const TAGS = ['insurance', 'sliding-scale', 'evenings', 'telehealth', 'waitlist', 'spanish'];

function progress(label: string, done: number, total: number, startedAt: number): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const seconds = (performance.now() - startedAt) / 1000;
  process.stderr.write(
    `\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ` +
      `${Math.round((done / total) * 100)
        .toString()
        .padStart(3)}% ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} ` +
      `${seconds.toFixed(0)} s`,
  );
  if (done === total) process.stderr.write('\n');
}

/**
 * The template's message, and a sealer of it for any inquiry row: a sealed value is bound
 * to its row, and the list previews every row's message, so each seeded inquiry carries
 * the message sealed for its own id, as the service would have written it.
 */
async function messageSealer(
  pool: pg.Pool,
  templateInquiryId: string,
): Promise<(inquiryId: string) => string> {
  const cipher = new DataCipher(parseKeyRing(BENCH_DATA_KEY));
  const column = SEALED_COLUMNS.inquiryMessage;
  const { rows } = await pool.query<{ sealed: string }>(
    `SELECT message_encrypted AS sealed FROM inquiry WHERE id = $1`,
    [templateInquiryId],
  );
  const message = cipher.decrypt(rows[0]!.sealed, column, templateInquiryId);
  return (inquiryId) => cipher.encrypt(message, column, inquiryId);
}

/**
 * 1M leads straight in SQL, spread over two years, with the status, urgency, service
 * type, assignment and tag mix of a busy practice; each with its reference and one
 * inquiry copied from a real one, its message sealed for its own row (messageSealer).
 */
async function seed(pool: pg.Pool, templateInquiryId: string): Promise<void> {
  const { rows: columns } = await pool.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = 'inquiry' ORDER BY ordinal_position`,
  );
  // Each seeded inquiry is the template with its own id, lead, time, reference and sealed
  // message (ids are made here so that the message can be sealed for each).
  const seal = await messageSealer(pool, templateInquiryId);
  const own: Record<string, string> = {
    id: 's.id',
    message_encrypted: 's.sealed',
    lead_id: 's.id',
    received_at: 's.created_at',
    created_at: 's.created_at',
    reference: 's.reference',
  };
  const names = columns.map((c) => `"${c.column_name}"`).join(', ');
  const values = columns.map((c) => own[c.column_name] ?? `t."${c.column_name}"`).join(', ');
  const startedAt = performance.now();
  for (let from = 1; from <= LEADS; from += CHUNK) {
    const to = Math.min(LEADS, from + CHUNK - 1);
    const ids = Array.from({ length: to - from + 1 }, () => randomUUID());
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `CREATE TEMP TABLE seeded ON COMMIT DROP AS
         SELECT n, u.id, u.sealed,
                'RI-' || (SELECT string_agg(substr('${REFERENCE_ALPHABET}',
                          1 + ((n::bigint / (31::bigint ^ k)::bigint) % 31)::int, 1), '' ORDER BY k)
                          FROM generate_series(0, 7) AS k) AS reference,
                now() - (random() * interval '730 days') AS created_at,
                random() AS r1, random() AS r2, random() AS r3, random() AS r4
         FROM generate_series($1::int, $2::int) AS n
         JOIN unnest($3::uuid[], $4::text[]) WITH ORDINALITY AS u(id, sealed, k) ON u.k = n - $1 + 1`,
        [from, to, ids, ids.map(seal)],
      );
      await client.query(
        `INSERT INTO lead (id, status, urgency, service_type, name, email, email_normalized,
           phone, state, preferred_contact, source, created_at, updated_at, last_submission_at,
           respond_by, first_contacted_at, status_changed_at, assigned_clinician_id, tags, version)
         SELECT s.id,
           CASE WHEN s.r1 < 0.08 THEN 'new' WHEN s.r1 < 0.12 THEN 'in_review'
                WHEN s.r1 < 0.30 THEN 'contacted' WHEN s.r1 < 0.40 THEN 'consultation_scheduled'
                WHEN s.r1 < 0.48 THEN 'waitlisted' WHEN s.r1 < 0.70 THEN 'converted'
                WHEN s.r1 < 0.78 THEN 'referred_out' WHEN s.r1 < 0.84 THEN 'declined'
                WHEN s.r1 < 0.95 THEN 'closed_no_response' ELSE 'spam' END,
           CASE WHEN s.r2 < 0.02 THEN 'crisis' WHEN s.r2 < 0.15 THEN 'high' ELSE 'routine' END,
           CASE WHEN s.r3 < 0.45 THEN 'couples' WHEN s.r3 < 0.85 THEN 'individual'
                WHEN s.r3 < 0.95 THEN 'family' ELSE 'other' END,
           f.name || ' ' || l.name,
           lower(f.name || '.' || l.name || '.' || s.n) || '@example.com',
           lower(f.name || '.' || l.name || '.' || s.n) || '@example.com',
           '+1555' || lpad((s.n % 10000000)::text, 7, '0'),
           (ARRAY['CA','NY','TX','WA','OR','IL','MA','FL'])[1 + (s.n % 8)],
           'email',
           (ARRAY['search','referral','psychology_today','insurance_directory',NULL])[1 + (s.n % 5)],
           s.created_at, s.created_at, s.created_at,
           s.created_at + CASE WHEN s.r2 < 0.02 THEN interval '15 minutes'
                               WHEN s.r2 < 0.15 THEN interval '4 hours' ELSE interval '1 day' END,
           CASE WHEN s.r1 >= 0.12 AND s.r1 < 0.95 THEN s.created_at + s.r4 * interval '2 days' END,
           s.created_at,
           CASE WHEN s.r4 < 0.7 THEN (SELECT id FROM clinician ORDER BY id
                                      OFFSET (s.n % ${CLINICIANS}) LIMIT 1) END,
           CASE WHEN s.r4 < 0.5 THEN ARRAY[(ARRAY[${TAGS.map((t) => `'${t}'`).join(',')}])[1 + (s.n % ${TAGS.length})]]
                ELSE '{}'::text[] END,
           1
         FROM seeded s
         JOIN LATERAL (SELECT (ARRAY[${FIRST_NAMES.map((n) => `'${n}'`).join(',')}])[1 + (s.n % ${FIRST_NAMES.length})] AS name) f ON true
         JOIN LATERAL (SELECT (ARRAY[${LAST_NAMES.map((n) => `'${n}'`).join(',')}])[1 + ((s.n / ${FIRST_NAMES.length}) % ${LAST_NAMES.length})] AS name) l ON true`,
      );
      await client.query(
        `INSERT INTO submission_reference (reference, kind, submission_id, lead_id, created_at)
         SELECT s.reference, 'inquiry',
                s.id, s.id, s.created_at
         FROM seeded s`,
      );
      await client.query(
        `INSERT INTO inquiry (${names}) SELECT ${values} FROM seeded s, inquiry t WHERE t.id = $1`,
        [templateInquiryId],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    progress('seeding leads', to, LEADS, startedAt);
  }
  // Each rare surname on a few leads from the older year, far outside the newest leads.
  await pool.query(
    `WITH picked AS (
       SELECT id, row_number() OVER (ORDER BY id) AS k FROM (
         SELECT id FROM lead WHERE created_at < now() - interval '365 days'
          ORDER BY id LIMIT $2) old)
     UPDATE lead SET name = split_part(lead.name, ' ', 1) || ' ' || ($1::text[])[1 + (picked.k - 1) % cardinality($1::text[])]
       FROM picked WHERE picked.id = lead.id`,
    [RARE_SURNAMES, RARE_SURNAMES.length * RARE_LEADS_EACH],
  );
  // A table that has been live for two years has been vacuumed by autovacuum (its
  // visibility map set); a bulk load has not, so vacuum as autovacuum would have.
  console.log('VACUUM ANALYZE…');
  await pool.query('VACUUM ANALYZE');
  // The seed wrote the whole database at once; a live practice's writes trickle. Flush
  // them now, so no scenario is timed beside a checkpoint of a 1.7 GB bulk load.
  await pool.query('CHECKPOINT');
}

/** Captures the SQL the app sends while `work` runs (TypeORM's logger hook, no log output). */
function sqlCapture(dataSource: DataSource) {
  let capturing: { query: string; parameters?: unknown[] }[] | undefined;
  const logger: TypeOrmLogger = {
    logQuery: (query, parameters) =>
      void capturing?.push({ query, parameters: Array.isArray(parameters) ? parameters : [] }),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  // The logger property is where every query runner reports; replacing it is the
  // documented way to observe queries without turning on logging (which prints values).
  (dataSource as { logger: TypeOrmLogger }).logger = logger;
  return async <T>(work: () => Promise<T>) => {
    capturing = [];
    await work();
    const captured = capturing;
    capturing = undefined;
    return captured;
  };
}

interface Scenario {
  name: string;
  token: 'coordinator' | 'clinician';
  path: () => string;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const machine = machineInfo();
  const busyBefore = await machineBusy(1000);
  const { database } = await startBenchDatabase(cleanups, 'ri-bench-admin-');
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    PORT: '0',
    SPAM_MIN_SECONDS: '0',
    RUN_WORKERS: 'false',
    SMTP_URL: UNUSED_SMTP_URL,
    DATA_ENCRYPTION_KEY: BENCH_DATA_KEY,
  });
  console.log('starting the application (migrations run at boot)…');
  const app: NestFastifyApplication = await createApp({
    config,
    databaseUrl: database.url,
    smtpUrl: UNUSED_SMTP_URL,
    dataKeys: parseKeyRing(BENCH_DATA_KEY),
  });
  cleanups.push({ name: 'close the application', run: () => app.close() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${portOf(app.getHttpServer().address())}`;
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  cleanups.push({ name: 'end the pool', run: () => pool.end() });

  // Staff: a coordinator, and clinicians with profiles (one of them signs in).
  const passwordHash = await hashPassword(randomUUID());
  const coordinatorId = randomUUID();
  const clinicianUserId = randomUUID();
  await pool.query(
    `INSERT INTO staff_user (id, email, name, role, password_hash) VALUES
     ($1, 'coordinator@bench.example', 'Coordinator', 'coordinator', $3),
     ($2, 'clinician@bench.example', 'Clinician', 'clinician', $3)`,
    [coordinatorId, clinicianUserId, passwordHash],
  );
  await pool.query(
    `INSERT INTO clinician (id, user_id, name, email, modalities, service_types, licensed_states, weekly_capacity)
     SELECT gen_random_uuid(), CASE WHEN n = 1 THEN $1::uuid END, 'Clinician ' || n,
            'clinician' || n || '@bench.example', '{eft,gottman}', '{individual,couples}', '{CA,NY}', 5
     FROM generate_series(1, ${CLINICIANS}) AS n`,
    [clinicianUserId],
  );
  const tokens = { coordinator: secretToken(), clinician: secretToken() };
  for (const [userId, token] of [
    [coordinatorId, tokens.coordinator],
    [clinicianUserId, tokens.clinician],
  ] as const) {
    await pool.query(
      `INSERT INTO staff_session (id, user_id, token_hash, mfa_satisfied, last_seen_at, expires_at)
       VALUES ($1, $2, $3, true, now(), now() + interval '12 hours')`,
      [randomUUID(), userId, hashToken(token)],
    );
  }

  // One real inquiry through the API: the template every seeded inquiry copies.
  const posted = await fetch(`${base}/v1/inquiries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(reachOutForm('template@bench.example', new Date(0).toISOString())),
  });
  if (posted.status !== 201) throw new Error(`template inquiry: ${posted.status}`);
  const { id: templateInquiryId } = (await posted.json()) as { id: string };
  await seed(pool, templateInquiryId);

  const { rows: sample } = await pool.query<{
    id: string;
    reference: string;
    name: string;
    phone: string;
  }>(
    `SELECT l.id, r.reference, l.name, l.phone FROM lead l JOIN submission_reference r ON r.lead_id = l.id
     WHERE l.status <> 'spam' ORDER BY random() LIMIT 500`,
  );
  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;
  const recent = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const monthAgo = new Date(Date.now() - 60 * 86_400_000).toISOString();
  let cursorPage5 = '';
  const scenarios: Scenario[] = [
    { name: 'baseline: GET /v1/auth/me', token: 'coordinator', path: () => '/v1/auth/me' },
    { name: 'list, newest first', token: 'coordinator', path: () => '/v1/admin/leads' },
    { name: 'status=new, sort=urgency', token: 'coordinator', path: () => '/v1/admin/leads?status=new&sort=urgency' },
    { name: 'status=new,in_review & urgency=high', token: 'coordinator', path: () => '/v1/admin/leads?status=new,in_review&urgency=high' },
    { name: 'assignedTo=none & status=new', token: 'coordinator', path: () => '/v1/admin/leads?assignedTo=none&status=new' },
    { name: 'clinician: assignedTo=me', token: 'clinician', path: () => '/v1/admin/leads?assignedTo=me' },
    { name: 'serviceType=couples & status=contacted', token: 'coordinator', path: () => '/v1/admin/leads?serviceType=couples&status=contacted' },
    { name: 'tag=insurance', token: 'coordinator', path: () => '/v1/admin/leads?tag=insurance' },
    { name: 'overdue=true', token: 'coordinator', path: () => '/v1/admin/leads?overdue=true' },
    { name: 'created in the last 30 days, oldest first', token: 'coordinator', path: () => `/v1/admin/leads?createdFrom=${monthAgo}&createdTo=${recent}&sort=createdAt` },
    { name: 'q = a reference', token: 'coordinator', path: () => `/v1/admin/leads?q=${pick(sample).reference}` },
    { name: 'q = a surname (1 % of leads)', token: 'coordinator', path: () => `/v1/admin/leads?q=${encodeURIComponent(pick(sample).name.split(' ')[1]!)}` },
    { name: 'q = a full name (0.02 % of leads)', token: 'coordinator', path: () => `/v1/admin/leads?q=${encodeURIComponent(pick(sample).name)}` },
    { name: `q = a rare surname outside the newest leads (${RARE_LEADS_EACH} leads)`, token: 'coordinator', path: () => `/v1/admin/leads?q=${pick(RARE_SURNAMES)}` },
    { name: 'q = the last 7 digits of a phone', token: 'coordinator', path: () => `/v1/admin/leads?q=${pick(sample).phone.slice(-7)}` },
    { name: 'page 5 (keyset cursor)', token: 'coordinator', path: () => `/v1/admin/leads?cursor=${cursorPage5}` },
    { name: 'detail GET /v1/admin/leads/:id', token: 'coordinator', path: () => `/v1/admin/leads/${pick(sample).id}` },
  ]; // prettier-ignore

  const get = async (path: string, token: string) => {
    const response = await fetch(`${base}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${path} → ${response.status}: ${body}`);
    return body;
  };

  // The cursor of page 5, followed through the API itself.
  let cursor: string | null = null;
  for (let page = 1; page < 5; page++) {
    const body = JSON.parse(
      await get(`/v1/admin/leads${cursor ? `?cursor=${cursor}` : ''}`, tokens.coordinator),
    ) as { nextCursor: string | null };
    cursor = body.nextCursor;
  }
  cursorPage5 = encodeURIComponent(cursor ?? '');

  const capture = sqlCapture(app.get<DataSource>(getDataSourceToken()));
  const rows: string[][] = [];
  const plans: string[] = [];
  const results: { name: string; p50: number; p95: number }[] = [];
  for (const scenario of scenarios) {
    const token = tokens[scenario.token];
    for (let i = 0; i < WARMUP_REQUESTS; i++) await get(scenario.path(), token);
    const times: number[] = [];
    const profiler = PROFILE?.split('|').some((words) => scenario.name.includes(words))
      ? await startProfile()
      : undefined;
    for (let i = 0; i < REQUESTS; i++) {
      const path = scenario.path();
      const started = performance.now();
      await get(path, token);
      times.push(performance.now() - started);
    }
    if (profiler) await profiler.stop(`admin-${scenario.name.replace(/\W+/g, '-')}.cpuprofile`);
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    results.push({ name: scenario.name, p50, p95 });

    // The plans of the statements this route runs (one request, captured).
    const statements = await capture(() => get(scenario.path(), token));
    for (const statement of statements) {
      if (!/^\s*SELECT/i.test(statement.query) || /FROM "?staff_session/i.test(statement.query)) {
        continue;
      }
      const { rows: plan } = await pool.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) ${statement.query}`,
        statement.parameters as unknown[],
      );
      plans.push(`-- ${scenario.name}\n${plan.map((line) => line['QUERY PLAN']).join('\n')}\n`);
    }
  }
  const floor = results[0]!.p95;
  for (const result of results) {
    rows.push([
      result.name,
      result.p50.toFixed(1),
      result.p95.toFixed(1),
      (result.p95 / floor).toFixed(1),
      result === results[0] ? '' : result.p95 < TARGET_P95_MS ? 'yes' : 'NO',
    ]);
  }

  const { rows: version } = await pool.query<{ server_version: string }>('SHOW server_version');
  const { rows: size } = await pool.query<{ size: string }>(
    `SELECT pg_size_pretty(pg_database_size(current_database())) AS size`,
  );
  console.log('\n## Query plans (EXPLAIN ANALYZE of the statements each route ran)\n');
  console.log(plans.join('\n'));
  console.log(
    `\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${process.version}, ` +
      `PostgreSQL ${version[0]?.server_version} (embedded). Run ${startedAt.toISOString()}, ` +
      `${LEADS.toLocaleString('en-US')} leads (database ${size[0]?.size}), ${REQUESTS} sequential requests per ` +
      `scenario after ${WARMUP_REQUESTS} warm-up, machine ${busyBefore.toFixed(0)} % busy before.\n`,
  );
  console.log(
    markdownTable(
      ['scenario', 'p50 ms', 'p95 ms', 'p95 / baseline p95', `p95 < ${TARGET_P95_MS} ms`],
      rows,
      [false, true, true, true, false],
    ),
  );
  const unmet = results.slice(1).filter((r) => r.p95 >= TARGET_P95_MS);
  console.log(
    unmet.length === 0
      ? `\nTarget p95 < ${TARGET_P95_MS} ms: met by every scenario.`
      : `\nTarget p95 < ${TARGET_P95_MS} ms: NOT met by ${unmet.map((r) => r.name).join('; ')}.`,
  );
  if (KEEP_DATABASE) {
    // For EXPLAIN by hand on the seeded data: stop with Ctrl-C (SIGINT) when done.
    clearTimeout(watchdog);
    console.log(`\nBENCH_KEEP_DATABASE: the database stays up at ${database.url} until SIGINT`);
    await new Promise(() => undefined);
  }
}

const watchdog = setTimeout(() => {
  console.error(`\nbench: still running after ${Math.round(deadlineMs / 1000)} s, giving up`);
  void cleanups.run().finally(() => process.exit(1));
}, deadlineMs);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\nbench: ${signal}, cleaning up`);
    void cleanups.run().finally(() => process.exit(130));
  });
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  console.error(`\nBENCHMARK FAILED: ${describeError(error)}`);
} finally {
  await cleanups.run();
  clearTimeout(watchdog);
}
process.exit(exitCode);
