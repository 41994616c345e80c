import { describe, expect, it } from '@jest/globals';
import { defaultSurvivor, type MergeCandidate } from './merge-survivor';

const lead = (id: string, overrides: Partial<MergeCandidate> = {}): MergeCandidate => ({
  id,
  status: 'new',
  createdAt: '2026-12-01T10:00:00Z',
  ...overrides,
});

describe('the default survivor of a merge', () => {
  it('keeps the lead further along the pipeline, whichever page the merge starts from', () => {
    const contacted = lead('contacted', { status: 'contacted', createdAt: '2026-12-04T10:00:00Z' });
    const fresh = lead('fresh');
    expect(defaultSurvivor(fresh, contacted).id).toBe('contacted');
    expect(defaultSurvivor(contacted, fresh).id).toBe('contacted');
  });

  it('keeps an open lead over a closed one', () => {
    const open = lead('open', { status: 'in_review' });
    expect(defaultSurvivor(lead('closed', { status: 'converted' }), open).id).toBe('open');
  });

  it('between equals, keeps the one already attempted, then the older', () => {
    const attempted = lead('attempted', {
      createdAt: '2026-12-03T10:00:00Z',
      firstAttemptAt: '2026-12-03T11:00:00Z',
    });
    expect(defaultSurvivor(lead('older'), attempted).id).toBe('attempted');
    expect(
      defaultSurvivor(lead('newer', { createdAt: '2026-12-02T10:00:00Z' }), lead('older')).id,
    ).toBe('older');
  });
});
