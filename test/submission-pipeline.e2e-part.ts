import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import {
  type EntityManager,
  type Logger,
  QueryFailedError,
  type QueryRunner,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { queryPrepared } from '../src/database/prepared-statements.js';
import { SubmissionPipeline } from '../src/submissions/submission-pipeline.js';
import { anIndividualIntake, anInquiry } from './support/builders.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Every public submission goes one way (src/submissions): what that way guarantees. */
describe('the submission pipeline', () => {
  let t: TestApp;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    t.http
      .post(path)
      .set(headers)
      .send(body as object);
  const count = async (sql: string, params: unknown[] = []) =>
    Number(((await t.db.query(sql, params)) as { n: string }[])[0]!.n);
  const leadsOf = (email: string) =>
    count(`SELECT count(*) AS n FROM lead WHERE email_normalized = $1`, [email]);
  const jobsOfEmail = (email: string) =>
    count(
      `SELECT count(*) AS n FROM pgboss.job j JOIN lead l ON l.id::text = j.data->>'leadId'
        WHERE j.name = 'lead.submission-received' AND l.email_normalized = $1`,
      [email],
    );
  const freshEmail = () => `sam.${randomBytes(5).toString('hex')}@example.com`;

  /** The statements the app's own connections ran while `run` did. */
  async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
    const statements: string[] = [];
    const logger = t.db.logger;
    const original = logger.logQuery.bind(logger);
    (logger as { logQuery: Logger['logQuery'] }).logQuery = (
      query: string,
      parameters?: unknown[],
      queryRunner?: QueryRunner,
    ) => {
      statements.push(query.trim().split(/\s+/).slice(0, 3).join(' '));
      return original(query, parameters, queryRunner);
    };
    try {
      await run();
    } finally {
      (logger as { logQuery: Logger['logQuery'] }).logQuery = original;
    }
    return statements;
  }

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('round trips', () => {
    it('stores a reach-out from a new person in four statements, BEGIN and COMMIT included', async () => {
      await post('/v1/inquiries', anInquiry()).expect(201); // warm: queue metadata read once
      const statements = await statementsDuring(() =>
        post('/v1/inquiries', anInquiry()).expect(201),
      );
      expect(statements).toHaveLength(4);
    });

    it('claims an Idempotency-Key within those four statements', async () => {
      const statements = await statementsDuring(() =>
        post('/v1/inquiries', anInquiry(), {
          'Idempotency-Key': randomBytes(8).toString('hex'),
        }).expect(201),
      );
      expect(statements).toHaveLength(4);
    });

    it('joins a returning person to their lead within those four statements', async () => {
      const email = freshEmail();
      await post('/v1/inquiries', anInquiry({ email })).expect(201);
      const statements = await statementsDuring(() =>
        post('/v1/inquiries', anInquiry({ email })).expect(201),
      );
      expect(statements).toHaveLength(4);
      expect(await leadsOf(email)).toBe(1);
    });
  });

  describe('under concurrency', () => {
    it('one Idempotency-Key sent eight times at once makes one lead, one inquiry, one job and one answer', async () => {
      const email = freshEmail();
      const body = anInquiry({ email });
      const key = randomBytes(8).toString('hex');
      const responses = await Promise.all(
        Array.from({ length: 8 }, () => post('/v1/inquiries', body, { 'Idempotency-Key': key })),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(8).fill(201));
      const ids = new Set(responses.map((response) => JSON.stringify(response.body)));
      expect(ids.size).toBe(1);
      expect(await leadsOf(email)).toBe(1);
      expect(await count(`SELECT count(*) AS n FROM inquiry WHERE email = $1`, [email])).toBe(1);
      expect(await jobsOfEmail(email)).toBe(1);
    });

    it('one person sending inquiries and intakes at once ends up on one lead, without deadlock', async () => {
      const email = freshEmail();
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 2 === 0
            ? post('/v1/inquiries', anInquiry({ email }))
            : post('/v1/intakes', anIndividualIntake({ client: { name: 'Sam Lee', email } })),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
      expect(await leadsOf(email)).toBe(1);
      expect(await jobsOfEmail(email)).toBe(10);
    });

    it('different keys for one new person at once still make one lead', async () => {
      const email = freshEmail();
      const responses = await Promise.all(
        Array.from({ length: 8 }, () =>
          post('/v1/inquiries', anInquiry({ email }), {
            'Idempotency-Key': randomBytes(8).toString('hex'),
          }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(8).fill(201));
      expect(await leadsOf(email)).toBe(1);
    });
  });

  describe('all or nothing', () => {
    it('a failure in "store my row" leaves no lead, reference, job or key behind', async () => {
      const email = freshEmail();
      const key = randomBytes(8).toString('hex');
      const pipeline = t.app.get(SubmissionPipeline);
      let storedFor: string | undefined;
      await expect(
        pipeline.submit({
          kind: 'inquiry',
          idempotency: { scope: 'test: failing step', key, request: { email } },
          lead: {
            contact: {
              name: 'Sam Lee',
              email,
              preferredContact: 'email',
              serviceType: 'individual',
            },
            urgency: 'routine',
          },
          receipt: ({ id }) => ({ id }),
          store: async (_manager, { lead }) => {
            storedFor = lead.id;
            throw new Error('the row could not be stored');
          },
        }),
      ).rejects.toThrow('the row could not be stored');
      expect(storedFor).toBeDefined();
      expect(await count(`SELECT count(*) AS n FROM lead WHERE id = $1`, [storedFor])).toBe(0);
      expect(await leadsOf(email)).toBe(0);
      expect(
        await count(`SELECT count(*) AS n FROM submission_reference WHERE lead_id = $1`, [
          storedFor,
        ]),
      ).toBe(0);
      expect(
        await count(
          `SELECT count(*) AS n FROM pgboss.job WHERE name = 'lead.submission-received' AND data->>'leadId' = $1`,
          [storedFor],
        ),
      ).toBe(0);
      expect(
        await count(`SELECT count(*) AS n FROM idempotency_record WHERE key = $1`, [key]),
      ).toBe(0);
    });
  });

  describe('prepared statements (queryPrepared)', () => {
    const pool = () => (t.db.driver as unknown as { master: pg.Pool }).master;

    it('in a transaction, prepares a text once on its connection and runs it again by name', async () => {
      const text = `SELECT $1::int + 1 AS n /* ${freshEmail()} */`;
      const { answers, prepared } = await t.db.transaction(async (manager) => {
        const answers = [
          await queryPrepared<{ n: number }>(manager, text, [1]),
          await queryPrepared<{ n: number }>(manager, text, [41]),
        ];
        const prepared = (await manager.query(
          `SELECT name, generic_plans + custom_plans AS runs FROM pg_prepared_statements
            WHERE statement = $1`,
          [text],
        )) as { name: string; runs: string }[];
        return { answers, prepared };
      });
      expect(answers).toEqual([[{ n: 2 }], [{ n: 42 }]]);
      expect(prepared).toHaveLength(1);
      expect(prepared[0]!.name).toMatch(/^ri_[\w-]{27}$/);
      expect(Number(prepared[0]!.runs)).toBe(2);
    });

    it('outside one, borrows a pool connection for the statement and gives it back, also when it fails', async () => {
      const size = pool().options.max;
      // Three times the pool: a connection kept would leave the later statements waiting.
      const answers = await Promise.all(
        Array.from({ length: 3 * size }, (_, i) =>
          queryPrepared<{ n: number }>(t.db.manager, 'SELECT $1::int AS n', [i]),
        ),
      );
      expect(answers.map(([row]) => row!.n)).toEqual(Array.from({ length: 3 * size }, (_, i) => i));
      const failure = await queryPrepared(t.db.manager, 'SELECT 1 / $1::int AS n', [0]).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(QueryFailedError);
      expect(
        (failure as QueryFailedError & { driverError: { code: string } }).driverError.code,
      ).toBe('22012');
      expect(pool().waitingCount).toBe(0);
      expect(pool().idleCount).toBe(pool().totalCount);
    });

    it("fails as manager.query does on a finished transaction's manager", async () => {
      let finished: EntityManager | undefined;
      await t.db.transaction(async (manager) => {
        finished = manager;
      });
      await expect(queryPrepared(finished!, 'SELECT 1', [])).rejects.toBeInstanceOf(
        QueryRunnerProviderAlreadyReleasedError,
      );
      await expect(finished!.query('SELECT 1')).rejects.toBeInstanceOf(
        QueryRunnerProviderAlreadyReleasedError,
      );
    });
  });
});
