import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DataCipher, parseKeyRing } from '../src/common/encryption/data-cipher.js';
import { partnerToken } from '../src/intake/partner-tokens.js';
import { anIndividualIntake, anInquiry } from './support/builders.js';
import { aCouplesIntake, coupleAnswers } from './support/couples.js';
import { type Wire, nearValid, onTheWire, pathSegment, queryString } from './support/fuzz.js';
import { startTestApp, TEST_DATA_KEY, type TestApp } from './support/test-app.js';

/**
 * Every public route against arbitrary and near-valid requests over real HTTP (keep-alive):
 * every answer is a 2xx, or a 4xx problem+json; never a 5xx. Nothing is stored unless the
 * answer is 201. Rate limits are off (test-app default) and no CAPTCHA is configured.
 */

interface FuzzRequest {
  method: 'GET' | 'POST';
  path: string;
  wire?: Wire;
}

interface Counts {
  lead: number;
  inquiry: number;
  intake: number;
  partner_response: number;
  notification: number;
  job: number;
}

const cipher = new DataCipher(parseKeyRing(TEST_DATA_KEY));

/**
 * Runs per route, 2,400 requests in all, from a fixed seed: every run sends the same
 * requests, so a failure is reproduced by running the file again, and a run costs seconds
 * instead of a minute (the suite's time budget). New inputs are found by running with
 * another seed and more runs, e.g. before a release or after changing a public route:
 * `FUZZ_SEED=$RANDOM FUZZ_RUNS_TIMES=10 npx jest … test/public-fuzz.e2e-spec.ts`
 * (10 times the runs below). A failure names the seed that found it.
 */
const RUNS_TIMES = Number(process.env.FUZZ_RUNS_TIMES ?? 1);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_204);
/** Test timeouts grow with the runs. */
const LONGER = Math.max(1, RUNS_TIMES);
const RUNS = scaled(
  {
    inquiries: 600,
    intakes: 550,
    partnerResponses: 350,
    partnerInvitation: 150,
    intakeForms: 200,
    captcha: 60,
    login: 100,
    passwordReset: 150,
    passwordResetToken: 120,
    invitationAccept: 120,
  },
  RUNS_TIMES,
);

function scaled<T extends Record<string, number>>(runs: T, times: number): T {
  return Object.fromEntries(
    Object.entries(runs).map(([route, count]) => [route, Math.round(count * times)]),
  ) as T;
}

describe('fuzzing every public route', () => {
  let t: TestApp;
  let base: string;
  let tokens: string[] = [];
  let counts: Counts;
  const seen = { requests: 0, created: 0, byStatus: new Map<number, number>() };

  const countRows = async (): Promise<Counts> => {
    const [row] = (await t.db.query(
      `SELECT (SELECT count(*) FROM lead)::int AS lead,
              (SELECT count(*) FROM inquiry)::int AS inquiry,
              (SELECT count(*) FROM intake)::int AS intake,
              (SELECT count(*) FROM partner_response)::int AS partner_response,
              (SELECT count(*) FROM notification)::int AS notification,
              -- A reset request is queued whatever the address (known or not): that job is
              -- its answer's work, not a row a refusal wrote.
              (SELECT count(*) FROM pgboss.job WHERE name <> 'auth.password-reset')::int AS job`,
    )) as Counts[];
    return row!;
  };

  /** Sends one request and checks the answer and the row counts; the property of every route. */
  const check = async ({ method, path, wire }: FuzzRequest) => {
    const headers: Record<string, string> = {};
    let body: string | undefined;
    if (wire?.kind === 'json') {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(wire.body) ?? 'null';
      if (wire.idempotencyKey !== undefined) headers['idempotency-key'] = wire.idempotencyKey;
    } else if (wire?.kind === 'raw') {
      if (wire.contentType) headers['content-type'] = wire.contentType;
      body = wire.text;
    }
    // A header value fetch cannot send is no request at all: skip it, as a client would fail.
    if (
      headers['idempotency-key'] &&
      !/^[\t\x20-\x7e\x80-\xff]*$/.test(headers['idempotency-key'])
    ) {
      delete headers['idempotency-key'];
    }
    const response = await fetch(`${base}${path}`, { method, headers, body });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    seen.requests++;
    seen.byStatus.set(response.status, (seen.byStatus.get(response.status) ?? 0) + 1);

    const where = `${method} ${path.slice(0, 200)} ${JSON.stringify(headers)} ${(body ?? '').slice(0, 400)} → ${response.status} ${text.slice(0, 300)}`;
    if (
      response.status >= 500 ||
      response.status < 200 ||
      (response.status >= 300 && response.status < 400)
    ) {
      throw new Error(`not a 2xx or 4xx: ${where}`);
    }
    if (response.status >= 400) {
      if (!type.startsWith('application/problem+json'))
        throw new Error(`not problem+json: ${where}`);
      const problem = JSON.parse(text) as { type: string; title: string; status: number };
      if (
        problem.status !== response.status ||
        !problem.type.startsWith('/problems/') ||
        !problem.title
      ) {
        throw new Error(`a malformed problem: ${where}`);
      }
    } else if (!type.startsWith('application/json')) {
      throw new Error(`a success that is not JSON: ${where}`);
    }

    const after = await countRows();
    if (response.status === 201) {
      seen.created++;
    } else if (JSON.stringify(after) !== JSON.stringify(counts)) {
      throw new Error(
        `rows changed without a 201: ${where}\n${JSON.stringify(counts)} → ${JSON.stringify(after)}`,
      );
    }
    counts = after;
  };

  /** Runs the property; a failure names its seed and the request, cut to a readable size. */
  let current = 0;
  const fuzz = async (requests: fc.Arbitrary<FuzzRequest>, numRuns: number) => {
    // A route that outlived its test's timeout must stop, not send requests while the next
    // route counts rows (its changes would be blamed on the wrong request).
    const run = ++current;
    const details = await fc.check(
      fc.asyncProperty(requests, async (request) => {
        if (run !== current) throw new Error('stopped: this route ran past its timeout');
        await check(request);
      }),
      { numRuns, seed: SEED, endOnFailure: true },
    );
    if (details.failed) {
      const error = details.errorInstance as Error | undefined;
      throw new Error(
        `seed ${details.seed}, path ${details.counterexamplePath}: ${(error?.message ?? String(details.errorInstance)).slice(0, 1500)}`,
      );
    }
  };

  const post = (path: string, bodies: fc.Arbitrary<unknown>) =>
    onTheWire(bodies).map((wire): FuzzRequest => ({ method: 'POST', path, wire }));

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    base = base.replace('[::1]', '127.0.0.1');
    // Partner links to spend: each works once, later uses answer 410.
    for (let i = 0; i < 25; i++) {
      await t.http.post('/v1/intakes').send(aCouplesIntake()).expect(201);
    }
    const invitations = (await t.db.query(`SELECT id FROM partner_invitation`)) as { id: string }[];
    tokens = invitations.map(({ id }) => partnerToken(cipher, id).token);
    counts = await countRows();
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  it(
    'POST /v1/inquiries',
    async () => {
      await fuzz(post('/v1/inquiries', nearValid(anInquiry)), RUNS.inquiries);
    },
    120_000 * LONGER,
  );

  it(
    'POST /v1/intakes',
    async () => {
      const bodies = fc.oneof(nearValid(aCouplesIntake), nearValid(anIndividualIntake));
      await fuzz(post('/v1/intakes', bodies), RUNS.intakes);
    },
    120_000 * LONGER,
  );

  it(
    'POST /v1/partner-invitations/:token/responses',
    async () => {
      const partnerB = () => ({
        client: {
          name: 'Sam Rivera',
          email: `sam.${Math.random().toString(36).slice(2)}@example.com`,
        },
        answers: coupleAnswers(),
        consent: { contact: true, privacyNoticeVersion: '2026-01' },
      });
      const token = fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...tokens) },
        { weight: 1, arbitrary: pathSegment },
      );
      const requests = fc
        .tuple(token, onTheWire(nearValid(partnerB)))
        .map(([value, wire]): FuzzRequest => ({
          method: 'POST',
          path: `/v1/partner-invitations/${value}/responses`,
          wire,
        }));
      await fuzz(requests, RUNS.partnerResponses);
    },
    120_000 * LONGER,
  );

  it(
    'GET /v1/partner-invitations/:token',
    async () => {
      const requests = fc
        .tuple(fc.oneof(fc.constantFrom(...tokens), pathSegment), queryString)
        .map(([token, query]): FuzzRequest => ({
          method: 'GET',
          path: `/v1/partner-invitations/${token}${query}`,
        }));
      await fuzz(requests, RUNS.partnerInvitation);
    },
    60_000 * LONGER,
  );

  it(
    'GET /v1/intake-forms/:slug and /:slug/versions/:version',
    async () => {
      const requests = fc
        .tuple(pathSegment, fc.option(pathSegment), queryString)
        .map(([slug, version, query]): FuzzRequest => ({
          method: 'GET',
          path: `/v1/intake-forms/${slug}${version === null ? '' : `/versions/${version}`}${query}`,
        }));
      await fuzz(requests, RUNS.intakeForms);
    },
    60_000 * LONGER,
  );

  it(
    'GET /v1/captcha',
    async () => {
      const requests = queryString.map((query): FuzzRequest => ({
        method: 'GET',
        path: `/v1/captcha${query}`,
      }));
      await fuzz(requests, RUNS.captcha);
    },
    60_000 * LONGER,
  );

  it(
    'POST /v1/auth/login',
    async () => {
      const login = () => ({
        email: 'someone@practice.example',
        password: 'a long enough password',
      });
      await fuzz(post('/v1/auth/login', nearValid(login)), RUNS.login);
    },
    120_000 * LONGER,
  );

  it(
    'POST /v1/auth/password-reset',
    async () => {
      const reset = () => ({
        email: `reset.${Math.random().toString(36).slice(2)}@practice.example`,
      });
      await fuzz(post('/v1/auth/password-reset', nearValid(reset)), RUNS.passwordReset);
    },
    60_000 * LONGER,
  );

  it.each([
    [
      'POST /v1/auth/password-reset/:token',
      '/v1/auth/password-reset/',
      '',
      RUNS.passwordResetToken,
    ],
    [
      'POST /v1/auth/invitations/:token/accept',
      '/v1/auth/invitations/',
      '/accept',
      RUNS.invitationAccept,
    ],
  ])(
    '%s',
    async (_name, prefix, suffix, numRuns) => {
      const password = () => ({ password: 'violet kettle under the stairs' });
      const requests = fc
        .tuple(pathSegment, onTheWire(nearValid(password)))
        .map(([token, wire]): FuzzRequest => ({
          method: 'POST',
          path: `${prefix}${token}${suffix}`,
          wire,
        }));
      await fuzz(requests, numRuns);
    },
    60_000 * LONGER,
  );

  it('sent every planned request, some of them accepted', () => {
    expect(seen.requests).toBe(Object.values(RUNS).reduce((sum, runs) => sum + runs, 0));
    expect(seen.created).toBeGreaterThan(100);
    // Each kind of refusal was reached, so the generators do reach past the first check.
    for (const status of [400, 404, 410, 413, 415, 422]) {
      expect(seen.byStatus.get(status)).toBeGreaterThan(0);
    }
  });
});
