import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { hashToken, secretToken } from '../src/common/tokens.js';
import type { UserRole } from '../src/vocabulary/user-role.js';
import { anInquiry } from './support/builders.js';
import { aStaffMember, type StaffMember } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Every staff route × every role × (for lead routes) an assigned and a foreign lead.
 * The routes come from the application's own router (every controller method Nest
 * mounted, whether documented or not), so a new route without a line below fails the
 * first test: it cannot be forgotten.
 */
type Access = {
  /** Roles allowed; the others must get 403. */
  roles: readonly UserRole[];
  /** `{id}` is a lead: a clinician gets 404 for a lead not assigned to them. */
  lead?: true;
};

const ALL: readonly UserRole[] = ['admin', 'coordinator', 'clinician'];
const OFFICE: readonly UserRole[] = ['admin', 'coordinator'];
const ADMIN: readonly UserRole[] = ['admin'];

const MATRIX: Record<string, Access> = {
  'GET /v1/auth/me': { roles: ALL },
  'GET /v1/auth/csrf': { roles: ALL },
  'POST /v1/auth/logout': { roles: ALL },
  'POST /v1/auth/mfa/setup': { roles: ALL },
  'POST /v1/auth/mfa/verify': { roles: ALL },
  'POST /v1/auth/mfa/recovery-codes': { roles: ALL },
  'GET /v1/auth/sessions': { roles: ALL },
  'DELETE /v1/auth/sessions/{id}': { roles: ALL },
  'POST /v1/auth/password': { roles: ALL },
  'POST /v1/auth/reauthenticate': { roles: ALL },
  'GET /v1/admin/leads': { roles: ALL },
  'GET /v1/admin/leads.csv': { roles: OFFICE },
  'GET /v1/admin/leads/counts': { roles: ALL },
  'POST /v1/admin/leads/{id}/contact-attempts': { roles: ALL, lead: true },
  'GET /v1/admin/leads/{id}': { roles: ALL, lead: true },
  'PATCH /v1/admin/leads/{id}': { roles: ALL, lead: true },
  'DELETE /v1/admin/leads/{id}': { roles: ADMIN, lead: true },
  'POST /v1/admin/leads/{id}/notes': { roles: ALL, lead: true },
  'GET /v1/admin/leads/{id}/matches': { roles: ALL, lead: true },
  'POST /v1/admin/leads/{id}/merge': { roles: OFFICE, lead: true },
  'GET /v1/admin/stats': { roles: OFFICE },
  'GET /v1/admin/stream': { roles: ALL },
  'POST /v1/auth/session/keepalive': { roles: ALL },
  'GET /v1/admin/clinicians': { roles: ALL },
  'GET /v1/admin/clinicians/{id}': { roles: ALL },
  'POST /v1/admin/clinicians': { roles: OFFICE },
  // A clinician may change their own profile; the route decides which (403 for others').
  'PATCH /v1/admin/clinicians/{id}': { roles: ALL },
  // A clinician reads and sets only their own hours (403 for another's, after the lookup).
  'GET /v1/admin/clinicians/{id}/availability': { roles: ALL },
  'PUT /v1/admin/clinicians/{id}/availability': { roles: ALL },
  'GET /v1/admin/consultations': { roles: ALL },
  'DELETE /v1/admin/consultations/{id}': { roles: ALL },
  'GET /v1/admin/leads/{id}/booking': { roles: ALL, lead: true },
  'POST /v1/admin/leads/{id}/consultations': { roles: ALL, lead: true },
  'GET /v1/admin/users': { roles: ADMIN },
  'GET /v1/admin/users/{id}': { roles: ADMIN },
  'POST /v1/admin/users': { roles: ADMIN },
  'PATCH /v1/admin/users/{id}': { roles: ADMIN },
  'POST /v1/admin/users/{id}/invitation': { roles: ADMIN },
  'POST /v1/admin/users/{id}/mfa/reset': { roles: ADMIN },
  'GET /v1/admin/audit-events': { roles: ADMIN },
  'GET /v1/admin/notifications': { roles: OFFICE },
  'POST /v1/admin/notifications/{id}/retry': { roles: OFFICE },
  'GET /v1/admin/webhooks': { roles: ADMIN },
  'GET /v1/admin/webhooks/{id}': { roles: ADMIN },
  'POST /v1/admin/webhooks': { roles: ADMIN },
  'PATCH /v1/admin/webhooks/{id}': { roles: ADMIN },
  'DELETE /v1/admin/webhooks/{id}': { roles: ADMIN },
  'GET /v1/admin/webhooks/{id}/deliveries': { roles: ADMIN },
  'GET /v1/admin/settings': { roles: ADMIN },
  'PATCH /v1/admin/settings': { roles: ADMIN },
  'PUT /v1/admin/settings/logo': { roles: ADMIN },
  'GET /v1/admin/stats/breakdown': { roles: OFFICE },
  'GET /v1/admin/consent-documents': { roles: ADMIN },
  'GET /v1/admin/consent-documents/{slug}': { roles: ADMIN },
  'POST /v1/admin/consent-documents': { roles: ADMIN },
  'POST /v1/admin/consent-documents/{slug}/versions': { roles: ADMIN },
  // A signature of the lead: a random one is a 404 for everyone (a clinician's scope on a
  // real one is in consent.e2e-spec.ts).
  'GET /v1/admin/leads/{id}/signatures/{signatureId.pdf}': { roles: ALL },
  'POST /v1/admin/leads/{id}/paperwork-requests': { roles: ALL, lead: true },
};

/** Routes anyone may call: the public forms and the ways into an account. */
const PUBLIC = new Set([
  'POST /v1/inquiries',
  'POST /v1/intakes',
  'GET /v1/intake-forms/{slug}',
  'GET /v1/intake-forms/{slug}/versions/{version}',
  'GET /v1/partner-invitations/{token}',
  'POST /v1/partner-invitations/{token}/responses',
  'GET /v1/bookings/{token}',
  'POST /v1/bookings/{token}',
  'DELETE /v1/bookings/{token}',
  'POST /v1/auth/login',
  'POST /v1/auth/password-reset',
  'POST /v1/auth/password-reset/{token}',
  'POST /v1/auth/invitations/{token}/accept',
  'GET /v1/captcha',
  'GET /v1/practice',
  'GET /v1/practice/logo',
  'POST /v1/intake-drafts',
  'GET /v1/intake-drafts/{token}',
  'GET /v1/paperwork/{token}',
  'POST /v1/paperwork/{token}',
  'GET /health/live',
  'GET /health/ready',
  // Prometheus scrapes: a bearer METRICS_TOKEN of its own, not a staff session (metrics.e2e-cases.ts).
  'GET /metrics',
  'GET /problems/{code}',
]);

/** `METHOD /path/{param}` for every handler of every controller in the running app. */
function mountedRoutes({ app }: TestApp): string[] {
  const join = (...parts: string[]) =>
    '/' +
    parts
      .flatMap((part) => part.split('/'))
      .filter(Boolean)
      .map((segment) => segment.replace(/^:(.+)$/, '{$1}'))
      .join('/');
  const routes = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
      const prototype = (metatype as { prototype: object }).prototype;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        for (const one of ([] as string[]).concat(path)) routes.add(`${method} ${join(base, one)}`);
      }
    }
  }
  return [...routes].sort();
}

/**
 * Every `METHOD /path` Fastify itself serves (read from its router's own printout), so
 * a route added beside Nest (a plain Fastify route) cannot escape the matrix either.
 */
function fastifyRoutes({ app }: TestApp): string[] {
  const printed = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of printed.split('\n')) {
    const match = /^(.*?)── (.+) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const depth = Math.round(match[1]!.length / 4);
    stack.length = depth;
    const path = stack.join('') + match[2]!;
    stack.push(match[2]!);
    for (const method of match[3]!.split(', ')) {
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push(`${method} ${path}`);
    }
  }
  return routes.map((route) => route.replace(/:(\w+)/g, '{$1}'));
}

/** Pages and documents with no client data, served as files beside the API. */
const FILES = [
  /^GET \/(reach-out|partner|book|paperwork|intake\/\{slug\}|admin(\/?\*)?)$/,
  // The signed document's route as Fastify prints it (Nest's `:signatureId.pdf`): in the matrix.
  /^GET \/v1\/admin\/leads\/\{id\}\/signatures\/\{signatureId\}\.pdf$/,
  /^GET \/docs/,
  /^GET \/(assets|embed)\//,
];

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

describe('authorization matrix', () => {
  let t: TestApp;
  let routes: string[];
  const members = {} as Record<UserRole, StaffMember>;
  let ownLeadId: string;
  let otherLeadId: string;

  /** A fresh session straight in the database: hundreds of requests, no sign-in cost. */
  async function sessionFor(member: StaffMember): Promise<string> {
    const token = secretToken();
    await t.db.query(
      `INSERT INTO staff_session (id, user_id, token_hash, mfa_satisfied, last_seen_at, expires_at)
       VALUES ($1, $2, $3, true, now(), now() + interval '1 hour')`,
      [randomUUID(), member.id, hashToken(token)],
    );
    return token;
  }

  function call(route: string, id: string, token?: string) {
    const [method, template] = route.split(' ') as [string, string];
    const path = template.replace('{id}', id).replace('{signatureId.pdf}', `${randomUUID()}.pdf`);
    // The live stream never ends by itself: HEAD is authorized the same way, without one.
    const verb = route === 'GET /v1/admin/stream' ? 'head' : method.toLowerCase();
    const request = t.http[verb as 'get'](path);
    if (token) request.set('Authorization', `Bearer ${token}`);
    // An empty body: authorization is decided before validation, so an allowed caller
    // gets a 4xx from validation (422/428) or the lookup, never 401/403.
    return WRITES.has(method) ? request.send({}) : request;
  }

  async function aLead(): Promise<string> {
    const response = await t.http.post('/v1/inquiries').send(anInquiry());
    expect(response.status).toBe(201);
    const [row] = (await t.db.query(
      `SELECT lead_id FROM submission_reference WHERE reference = $1`,
      [response.body.reference],
    )) as { lead_id: string }[];
    return row!.lead_id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    for (const role of ALL) members[role] = await aStaffMember(t.db, role);
    ownLeadId = await aLead();
    otherLeadId = await aLead();
    await t.db.query(`UPDATE lead SET assigned_clinician_id = $1 WHERE id = $2`, [
      members.clinician.clinicianId,
      ownLeadId,
    ]);
    routes = mountedRoutes(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('knows every route of the router: each is in the matrix or explicitly public', () => {
    const unknown = routes.filter((route) => !(route in MATRIX) && !PUBLIC.has(route));
    expect(unknown).toEqual([]);
    const gone = Object.keys(MATRIX).filter((route) => !routes.includes(route));
    expect(gone).toEqual([]);
  });

  it('serves nothing beside Nest but pages and documents: no API route escapes the matrix', () => {
    const served = fastifyRoutes(t);
    expect(served).toEqual(
      expect.arrayContaining(['PATCH /v1/admin/leads/{id}', 'GET /reach-out']),
    );
    const outside = served.filter(
      (route) => !routes.includes(route) && !FILES.some((file) => file.test(route)),
    );
    expect(outside).toEqual([]);
  });

  it('every staff route answers 401 without credentials', async () => {
    const statuses: Record<string, number> = {};
    for (const route of Object.keys(MATRIX)) {
      statuses[route] = (await call(route, otherLeadId)).status;
    }
    expect(Object.entries(statuses).filter(([, status]) => status !== 401)).toEqual([]);
  });

  it('every staff write made with the session cookie but without the CSRF token answers 403', async () => {
    const wrong: string[] = [];
    for (const route of Object.keys(MATRIX).filter((r) => WRITES.has(r.split(' ')[0]!))) {
      const [method, template] = route.split(' ') as [string, string];
      const token = await sessionFor(members.admin);
      const response = await t.http[method.toLowerCase() as 'post'](
        template.replace('{id}', otherLeadId),
      )
        .set('Cookie', `__Host-ri_session=${token}`)
        .send({});
      if (response.status !== 403) wrong.push(`${route} → ${response.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('every admin and auth answer says Cache-Control: no-store, whoever asks and whatever the outcome', async () => {
    const auth = [...PUBLIC].filter((route) => route.split(' ')[1]!.startsWith('/v1/auth'));
    const missing: string[] = [];
    for (const route of [...Object.keys(MATRIX), ...auth]) {
      for (const token of [undefined, await sessionFor(members.admin)]) {
        const response = await call(route.replace('{token}', 'x'.repeat(43)), randomUUID(), token);
        if (response.headers['cache-control'] !== 'no-store') {
          missing.push(`${route} (${token ? 'admin' : 'anonymous'}) → ${response.status}`);
        }
      }
    }
    for (const path of ['/v1/admin/nothing-here', '/v1/auth/nothing-here']) {
      const response = await t.http.get(path);
      if (response.headers['cache-control'] !== 'no-store') missing.push(`GET ${path}`);
    }
    expect(missing).toEqual([]);
  });

  for (const role of ALL) {
    it(`a${role === 'admin' ? 'n' : ''} ${role} gets exactly what the matrix allows`, async () => {
      const wrong: string[] = [];
      for (const [route, access] of Object.entries(MATRIX)) {
        const allowed = access.roles.includes(role);
        const targets = access.lead
          ? [
              { name: 'own lead', id: ownLeadId, visible: true },
              { name: 'other lead', id: otherLeadId, visible: role !== 'clinician' },
            ]
          : [{ name: 'no lead', id: randomUUID(), visible: true }];
        for (const target of targets) {
          const { status } = await call(route, target.id, await sessionFor(members[role]));
          // A lead one may not see must look exactly like a lead that does not exist:
          // the same answer as for a random id (404, or a 422/428 that comes first for any id).
          const unknown =
            !allowed || target.visible
              ? undefined
              : (await call(route, randomUUID(), await sessionFor(members[role]))).status;
          const expected = !allowed
            ? 'exactly 403'
            : !target.visible
              ? `the same as for an unknown lead (${unknown})`
              : access.lead
                ? 'not 401/403/404'
                : 'not 401/403';
          const ok = !allowed
            ? status === 403
            : !target.visible
              ? status === unknown && status >= 400 && status !== 403
              : access.lead
                ? ![401, 403, 404].includes(status)
                : ![401, 403].includes(status);
          if (!ok) wrong.push(`${route} (${target.name}) → ${status}, expected ${expected}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});
