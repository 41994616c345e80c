import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LiveDesk } from '../src/live/live-desk.service.js';
import { anInquiry } from './support/builders.js';
import { aLead, auditEvents, leadIdOf } from './support/leads.js';
import { aSignedInStaffMember, aStaffMember, signIn } from './support/staff.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

interface LiveEvent {
  type: string;
  leadId: string;
  urgency: string;
}

/** An open stream read as it comes: its raw text and the events parsed from it. */
interface Stream {
  readonly status: number;
  readonly contentType: string | null;
  readonly events: LiveEvent[];
  text: string;
  /** The first event that matches, once it has arrived. */
  next(match: (event: LiveEvent) => boolean, what: string): Promise<LiveEvent>;
  /** Resolves when the server ended the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

/**
 * Two app instances on one database, as two replicas: a change made through one reaches
 * the streams open on the other (PostgreSQL LISTEN/NOTIFY), and only staff who may see
 * the lead hear of it.
 */
describe('live arrivals: GET /v1/admin/stream', () => {
  let a: TestApp;
  let b: TestApp;
  let baseOfB: string;
  const open: Stream[] = [];

  async function openStream(base: string, headers: Record<string, string>): Promise<Stream> {
    const abort = new AbortController();
    const response = await fetch(`${base}/v1/admin/stream`, { headers, signal: abort.signal });
    const stream: Stream = {
      status: response.status,
      contentType: response.headers.get('content-type'),
      events: [],
      text: '',
      async next(match, what) {
        return eventually(async () => stream.events.find(match), what);
      },
      ended: Promise.resolve(),
      close: () => abort.abort(),
    };
    open.push(stream);
    if (!response.ok || !response.body) {
      stream.text = await response.text();
      return stream;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    (stream as { ended: Promise<void> }).ended = (async () => {
      let pending = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          stream.text += value;
          pending += value;
          let end: number;
          while ((end = pending.indexOf('\n\n')) >= 0) {
            const frame = pending.slice(0, end);
            pending = pending.slice(end + 2);
            const data = frame.split('\n').find((line) => line.startsWith('data: '));
            if (data) stream.events.push(JSON.parse(data.slice('data: '.length)) as LiveEvent);
          }
        }
      } catch {
        // Aborted by the test.
      }
    })();
    // The stream is registered once its first frame (the retry hint) has come.
    await eventually(async () => stream.text.startsWith('retry: '), 'the retry hint');
    return stream;
  }

  const inquiry = async (app: TestApp, overrides: Record<string, unknown> = {}) => {
    const body = anInquiry(overrides);
    const response = await app.http.post('/v1/inquiries').send(body);
    expect(response.status).toBe(201);
    return { body, leadId: await leadIdOf(app, response.body.id as string) };
  };

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ database: a.database });
    await b.app.listen(0, '127.0.0.1');
    baseOfB = (await b.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    for (const stream of open) stream.close();
    await b.close({ dropDatabase: false });
    await a.close();
  });

  it('a lead created through one replica arrives on a stream opened on the other, ids and labels only', async () => {
    const coordinator = await aSignedInStaffMember(b, 'coordinator');
    const stream = await openStream(baseOfB, coordinator.auth);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);

    const crisis = await inquiry(a, { message: 'Some days I think about suicide.' });
    const event = await stream.next(
      (candidate) => candidate.leadId === crisis.leadId,
      'the new lead on replica B',
    );

    expect(event).toEqual({ type: 'lead.created', leadId: crisis.leadId, urgency: 'crisis' });
    // Nothing a person typed travels: only the three fields, in every event.
    for (const sent of stream.events)
      expect(Object.keys(sent).sort()).toEqual(['leadId', 'type', 'urgency']);
    const { name, email, phone, message } = crisis.body as Record<string, string>;
    for (const value of [name, email, phone, message, 'suicide']) {
      expect(stream.text).not.toContain(value);
    }
  });

  it('a clinician hears of the leads assigned to them, never of one assigned to someone else', async () => {
    const clinician = await aStaffMember(b.db, 'clinician');
    const colleague = await aStaffMember(b.db, 'clinician');
    const { cookie } = await signIn(b, clinician);
    const stream = await openStream(baseOfB, { cookie });
    expect(stream.status).toBe(200);

    const theirs = await inquiry(a);
    const colleagues = await inquiry(a);
    const coordinator = await aSignedInStaffMember(a, 'coordinator');
    const assign = async (leadId: string, clinicianId: string) => {
      const read = await a.http.get(`/v1/admin/leads/${leadId}`).set(coordinator.auth);
      const response = await a.http
        .patch(`/v1/admin/leads/${leadId}`)
        .set(coordinator.auth)
        .set('If-Match', read.headers.etag!)
        .send({ assignedClinicianId: clinicianId });
      expect(response.status).toBe(200);
    };
    // In this order: signals reach a stream in commit order, so once the second has come,
    // the first would have come before it.
    await assign(colleagues.leadId, colleague.clinicianId!);
    await assign(theirs.leadId, clinician.clinicianId!);

    await stream.next((event) => event.leadId === theirs.leadId, 'the clinician’s own lead');
    expect(stream.events).toEqual([
      { type: 'lead.changed', leadId: theirs.leadId, urgency: 'routine' },
    ]);
  });

  it('opening a stream is audited once, and does not keep an idle session alive', async () => {
    const admin = await aSignedInStaffMember(b, 'admin');
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    await b.db.query(`UPDATE staff_session SET last_seen_at = $1 WHERE user_id = $2`, [
      tenMinutesAgo,
      admin.id,
    ]);
    const stream = await openStream(baseOfB, admin.auth);
    const first = await inquiry(a);
    const second = await inquiry(a);
    await stream.next((event) => event.leadId === second.leadId, 'the second lead');
    expect(stream.events.map((event) => event.leadId)).toContain(first.leadId);

    const opened = (await auditEvents(b, 'lead.stream_opened')).filter(
      (event) => event.actor_user_id === admin.id,
    );
    expect(opened).toHaveLength(1);
    const [session] = (await b.db.query(
      `SELECT last_seen_at FROM staff_session WHERE user_id = $1`,
      [admin.id],
    )) as { last_seen_at: Date }[];
    expect(session!.last_seen_at.getTime()).toBe(tenMinutesAgo.getTime());
  });

  it('a new lead marked spam, an update that changes nothing, a merged and an erased lead send nothing', async () => {
    const coordinator = await aSignedInStaffMember(b, 'coordinator');
    const stream = await openStream(baseOfB, coordinator.auth);
    const spam = await aLead(a.db, { status: 'spam' });
    const unchanged = await aLead(a.db);
    const merged = await aLead(a.db);
    const erased = await aLead(a.db);
    const changed = await aLead(a.db);
    await stream.next((event) => event.leadId === changed.id, 'the last seeded lead');
    expect(stream.events.map((event) => event.leadId)).not.toContain(spam.id);
    const before = stream.events.length;

    await a.db.query(`UPDATE lead SET version = version + 1, updated_at = now() WHERE id = $1`, [
      unchanged.id,
    ]);
    await a.db.query(`UPDATE lead SET merged_into_lead_id = $1 WHERE id = $2`, [
      changed.id,
      merged.id,
    ]);
    await a.db.query(`UPDATE lead SET erased_at = now() WHERE id = $1`, [erased.id]);
    await a.db.query(`UPDATE lead SET urgency = 'high' WHERE id = $1`, [changed.id]);
    await stream.next(
      (event) => event.leadId === changed.id && event.type === 'lead.changed',
      'the change after them',
    );
    expect(stream.events.slice(before)).toEqual([
      { type: 'lead.changed', leadId: changed.id, urgency: 'high' },
    ]);
  });

  it('a replica whose listening connection dropped listens again, and closes its streams so browsers read again', async () => {
    const coordinator = await aSignedInStaffMember(b, 'coordinator');
    const before = await openStream(baseOfB, coordinator.auth);
    const listeners = `SELECT pid FROM pg_stat_activity
      WHERE application_name = 'relational-intake-live' AND datname = current_database()`;
    const dropped = ((await a.db.query(listeners)) as { pid: number }[]).map((row) => row.pid);
    expect(dropped).toHaveLength(2);
    await a.db.query(`SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid`, [dropped]);

    await before.ended;
    await eventually(async () => {
      const rows = (await a.db.query(listeners)) as { pid: number }[];
      return rows.filter((row) => !dropped.includes(row.pid)).length === 2;
    }, 'both replicas to listen again');
    const after = await openStream(baseOfB, coordinator.auth);
    const { leadId } = await inquiry(a);
    await after.next((event) => event.leadId === leadId, 'a lead after the drop');
  });

  it('at the beat, the streams of sessions that ended close (signed out, idle, account deactivated); the others stay', async () => {
    const staying = await aSignedInStaffMember(b, 'coordinator');
    const signingOut = await aSignedInStaffMember(b, 'coordinator');
    const idle = await aSignedInStaffMember(b, 'admin');
    const deactivated = await aSignedInStaffMember(b, 'coordinator');
    const streams = {
      staying: await openStream(baseOfB, staying.auth),
      signingOut: await openStream(baseOfB, signingOut.auth),
      idle: await openStream(baseOfB, idle.auth),
      deactivated: await openStream(baseOfB, deactivated.auth),
    };
    await b.http.post('/v1/auth/logout').set(signingOut.auth).expect(204);
    await b.db.query(
      `UPDATE staff_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`,
      [idle.id],
    );
    await b.db.query(`UPDATE staff_user SET active = false WHERE id = $1`, [deactivated.id]);

    await b.app.get(LiveDesk).beat();

    await Promise.all([streams.signingOut.ended, streams.idle.ended, streams.deactivated.ended]);
    expect(streams.staying.text).toContain(': keep-alive');
    const { leadId } = await inquiry(a);
    await streams.staying.next((event) => event.leadId === leadId, 'a lead on the open stream');
  });

  it('the keepalive counts as activity and says when the session would end', async () => {
    const coordinator = await aSignedInStaffMember(b, 'coordinator');
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    await b.db.query(`UPDATE staff_session SET last_seen_at = $1 WHERE user_id = $2`, [
      tenMinutesAgo,
      coordinator.id,
    ]);
    const response = await b.http.post('/v1/auth/session/keepalive').set(coordinator.auth);
    expect(response.status).toBe(200);
    const [session] = (await b.db.query(
      `SELECT last_seen_at, expires_at FROM staff_session WHERE user_id = $1`,
      [coordinator.id],
    )) as { last_seen_at: Date; expires_at: Date }[];
    expect(session!.last_seen_at.getTime()).toBeGreaterThan(tenMinutesAgo.getTime());
    expect(response.body).toEqual({
      expiresAt: session!.expires_at.toISOString(),
      idleExpiresAt: new Date(session!.last_seen_at.getTime() + 30 * 60_000).toISOString(),
    });
  });

  it('without credentials the stream answers 401 problem+json', async () => {
    const response = await b.http.get('/v1/admin/stream');
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.type).toBe('/problems/unauthenticated');
  });
});
