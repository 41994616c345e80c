import { describe, expect, it } from '@jest/globals';
import {
  apiQuery,
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
    const query = new URLSearchParams(
      apiQuery({ ...NO_FILTERS, createdFrom: '2026-11-01', createdTo: '2026-11-30' }),
    );
    expect(query.get('createdFrom')).toBe(startOfDay('2026-11-01'));
    expect(query.get('createdTo')).toBe(startOfNextDay('2026-11-30'));
    expect(query.get('createdTo')).toMatch(/Z$/);
    expect(
      new Date(query.get('createdTo')!).getTime() - new Date(startOfDay('2026-11-30')).getTime(),
    ).toBeGreaterThanOrEqual(23 * 3600_000);
  });

  it('the API query carries the page cursor and lists as comma-separated text', () => {
    expect(
      apiQuery({ ...NO_FILTERS, status: ['new', 'contacted'] }, { cursor: 'abc', limit: 50 }),
    ).toBe('?status=new%2Ccontacted&limit=50&cursor=abc');
  });
});
