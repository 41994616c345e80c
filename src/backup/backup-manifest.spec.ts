import { describe, expect, it } from '@jest/globals';
import {
  BackupFormatError,
  type BackupManifest,
  parseManifest,
  schemaPlan,
} from './backup-manifest.js';

const manifest = (overrides: Record<string, unknown> = {}): string =>
  JSON.stringify({
    formatVersion: 1,
    createdAt: '2026-12-04T02:15:07.123Z',
    serverVersion: '18.1',
    migrations: ['InitialSchema1795597613012', 'StaffSide1795606395912'],
    queueSchemaVersion: 46,
    tables: [
      { schema: 'public', name: 'lead', columns: ['id', 'status'], rows: 3 },
      { schema: 'pgboss', name: 'job', columns: ['id', 'name', 'data'], rows: 0 },
    ],
    sequences: [{ schema: 'public', name: 'audit_event_id_seq', lastValue: '12', isCalled: true }],
    dataKeyIds: ['k1', 'k2'],
    ...overrides,
  });

const refusal = (line: string): string => {
  try {
    parseManifest(line);
  } catch (error) {
    if (error instanceof BackupFormatError) return error.message;
    throw error;
  }
  throw new Error('the manifest was accepted');
};

describe('parseManifest', () => {
  it('reads a manifest as the backup writes it', () => {
    const read: BackupManifest = parseManifest(manifest());
    expect(read.tables.map((t) => `${t.schema}.${t.name}:${t.rows}`)).toEqual([
      'public.lead:3',
      'pgboss.job:0',
    ]);
    expect(read.migrations).toHaveLength(2);
    expect(read.queueSchemaVersion).toBe(46);
  });

  it('refuses another format version, and what is not JSON', () => {
    expect(refusal(manifest({ formatVersion: 2 }))).toMatch(/format version 2/);
    expect(refusal('{"formatVersion": 1')).toMatch(/not JSON/);
    expect(refusal('[]')).toMatch(/not an object/);
  });

  it('refuses table and column names that are not plain identifiers (they go into SQL)', () => {
    for (const table of [
      { schema: 'public', name: 'lead"; DROP TABLE lead; --', columns: ['id'], rows: 0 },
      { schema: 'public', name: 'lead', columns: ['id', 'Status'], rows: 0 },
      { schema: 'public', name: 'lead', columns: [], rows: 0 },
      { schema: 'public', name: 'lead', columns: ['id'], rows: -1 },
      { schema: 'public', name: 'lead', columns: ['id'], rows: 1.5 },
    ]) {
      expect(refusal(manifest({ tables: [table] }))).toMatch(/table entry is malformed/);
    }
  });

  it('refuses a table listed twice, a bad sequence or a bad migration name', () => {
    const lead = { schema: 'public', name: 'lead', columns: ['id'], rows: 0 };
    expect(refusal(manifest({ tables: [lead, lead] }))).toMatch(/public\.lead is listed twice/);
    expect(
      refusal(
        manifest({
          sequences: [{ schema: 'public', name: 's', lastValue: '1; --', isCalled: true }],
        }),
      ),
    ).toMatch(/sequence entry/);
    expect(refusal(manifest({ migrations: ['Initial Schema'] }))).toMatch(/migration names/);
    expect(refusal(manifest({ dataKeyIds: ['k1:c2VjcmV0'] }))).toMatch(/key ids/);
  });
});

describe('schemaPlan', () => {
  const known = ['A1', 'B2', 'C3', 'D4'];

  it("rebuilds the schema with the first migrations, the backup's, the rest run after", () => {
    expect(schemaPlan(['A1', 'B2'], known)).toEqual({ ok: true, upTo: 2 });
    expect(schemaPlan(known, known)).toEqual({ ok: true, upTo: 4 });
    expect(schemaPlan([], known)).toEqual({ ok: true, upTo: 0 });
  });

  it('refuses a backup from a newer release, naming the migration it does not know', () => {
    const plan = schemaPlan(['A1', 'B2', 'C3', 'D4', 'E5'], known);
    expect(plan).toEqual({ ok: false, problem: expect.stringMatching(/newer release.*E5/) });
  });

  it('refuses migrations applied in another order than this release applies them', () => {
    expect(schemaPlan(['A1', 'C3'], known)).toEqual({
      ok: false,
      problem: expect.stringMatching(/not this release's first 2 in order \(at C3\)/),
    });
  });
});
