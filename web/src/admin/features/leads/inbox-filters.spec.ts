import { describe, expect, it } from '@jest/globals';
import {
  apiParams,
  filtersFromSearch,
  NO_FILTERS,
  searchFromFilters,
  startOfDay,
  startOfNextDay,
} from './inbox-filters';

describe('inbox filters in the page address', () => {
  it('an empty address means no filter, newest first', () => {
    expect(filtersFromSearch('')).toEqual(NO_FILTERS);
    expect(searchFromFilters(NO_FILTERS)).toBe('');
  });

  it('every filter survives a round trip through the address', () => {
    const filters = {
      status: ['new', 'in_review'] as const,
      urgency: ['crisis'] as const,
      serviceType: ['couples'],
      assignedTo: 'me',
      tag: 'sliding-scale',
      q: 'RI-7KQ2M9XD',
      createdFrom: '2026-11-01',
      createdTo: '2026-11-30',
      overdue: true,
      sort: 'urgency' as const,
    };
    const sut = { ...filters, status: [...filters.status], urgency: [...filters.urgency] };
    expect(filtersFromSearch(searchFromFilters(sut))).toEqual(sut);
  });

  it('unknown statuses, bad days and unknown sorts are dropped, not sent', () => {
    const sut = filtersFromSearch('?status=new,bogus&createdFrom=yesterday&sort=name');
    expect(sut.status).toEqual(['new']);
    expect(sut.createdFrom).toBe('');
    expect(sut.sort).toBe('-createdAt');
  });

  it('the API query turns days into instants with a zone, the last day included', () => {
    const query = apiParams({ ...NO_FILTERS, createdFrom: '2026-11-01', createdTo: '2026-11-30' });
    expect(query.createdFrom).toBe(startOfDay('2026-11-01'));
    expect(query.createdTo).toBe(startOfNextDay('2026-11-30'));
    expect(query.createdTo).toMatch(/Z$/);
    expect(
      new Date(query.createdTo!).getTime() - new Date(startOfDay('2026-11-30')).getTime(),
    ).toBeGreaterThanOrEqual(23 * 3600_000);
  });

  it('the API query carries lists as comma-separated text and leaves out what is unset', () => {
    expect(apiParams({ ...NO_FILTERS, status: ['new', 'contacted'], overdue: true })).toEqual({
      status: 'new,contacted',
      overdue: true,
    });
  });
});
