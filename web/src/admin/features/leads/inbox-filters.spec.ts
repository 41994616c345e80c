import { describe, expect, it } from '@jest/globals';
import {
  apiParams,
  filterChips,
  filtersFromSearch,
  NO_FILTERS,
  searchFromFilters,
  startOfDay,
  startOfNextDay,
} from './inbox-filters';

describe('inbox filters in the page address', () => {
  it('an empty address opens on the leads needing a first contact, soonest due first', () => {
    expect(filtersFromSearch('')).toEqual(NO_FILTERS);
    expect(searchFromFilters(NO_FILTERS)).toBe('?view=needsFirstContact&sort=dueAt');
    expect(apiParams(NO_FILTERS)).toEqual({ view: 'needsFirstContact', sort: 'dueAt' });
  });

  it('"all" lists every lead: no view is sent', () => {
    const sut = filtersFromSearch('?view=all&sort=-createdAt');
    expect(sut.view).toBe('all');
    expect(apiParams(sut)).toEqual({ sort: '-createdAt' });
  });

  it('each filter is a chip whose removal keeps the others', () => {
    const filters = { ...NO_FILTERS, status: ['new' as const], q: 'Rivera', overdue: true };
    const chips = filterChips(filters);
    expect(chips.map((chip) => chip.label)).toEqual(['Search: Rivera', 'New', 'Only overdue']);
    expect(chips[1]!.without).toEqual({ ...filters, status: [] });
    expect(filterChips(NO_FILTERS)).toEqual([]);
  });

  it('every filter survives a round trip through the address', () => {
    const filters = {
      view: 'crisis' as const,
      status: ['new', 'in_review'] as const,
      urgency: ['crisis'] as const,
      serviceType: ['couples'],
      language: ['es'] as const,
      source: 'psychology_today',
      assignedTo: 'me',
      tag: 'sliding-scale',
      q: 'RI-7KQ2M9XD',
      createdFrom: '2026-11-01',
      createdTo: '2026-11-30',
      overdue: true,
      sort: 'urgency' as const,
    };
    const sut = {
      ...filters,
      status: [...filters.status],
      urgency: [...filters.urgency],
      language: [...filters.language],
    };
    expect(filtersFromSearch(searchFromFilters(sut))).toEqual(sut);
  });

  it("the client's language and source reach the API and show as chips that remove them", () => {
    const filters = filtersFromSearch('?view=all&language=es,xx&source=%20newsletter%20');
    expect(filters.language).toEqual(['es']);
    expect(apiParams(filters)).toMatchObject({ language: 'es', source: 'newsletter' });
    const chips = filterChips(filters);
    expect(chips.map((chip) => chip.label)).toEqual(['Spanish', 'Source: newsletter']);
    expect(apiParams(chips[0]!.without).language).toBeUndefined();
    expect(apiParams(chips[1]!.without).source).toBeUndefined();
  });

  it('unknown views, statuses, bad days and unknown sorts are dropped, not sent', () => {
    const sut = filtersFromSearch('?view=spam&status=new,bogus&createdFrom=yesterday&sort=name');
    expect(sut.view).toBe('needsFirstContact');
    expect(sut.status).toEqual(['new']);
    expect(sut.createdFrom).toBe('');
    expect(sut.sort).toBe('dueAt');
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
      view: 'needsFirstContact',
      sort: 'dueAt',
      status: 'new,contacted',
      overdue: true,
    });
  });
});
