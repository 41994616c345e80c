import { describe, expect, it } from '@jest/globals';
import { niceMax, sourcesOf, stackOf, weeksBetween } from './weeks';

describe('weekly buckets of the stats page', () => {
  it('cuts the range into Monday-to-Monday weeks, the ends trimmed to the range', () => {
    const from = new Date(2026, 10, 4); // Wednesday 4 November 2026
    const to = new Date(2026, 10, 20); // Friday 20 November
    const weeks = weeksBetween(from, to);
    expect(weeks.map((week) => week.label)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(weeks[0]!.from).toEqual(from);
    expect(weeks[1]!.from).toEqual(new Date(2026, 10, 9));
    expect(weeks[2]!.to).toEqual(to);
  });

  it('the weeks cover the range without gap or overlap', () => {
    const weeks = weeksBetween(new Date(2026, 0, 1), new Date(2026, 3, 1));
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.from).toEqual(weeks[i - 1]!.to);
  });

  it('keeps only the latest weeks when asked for fewer', () => {
    const weeks = weeksBetween(new Date(2026, 0, 5), new Date(2026, 2, 2), 4);
    expect(weeks).toHaveLength(4);
    expect(weeks.at(-1)!.label).toBe('2026-02-23');
  });

  it('stacks the most frequent sources and sums the rest as other sources', () => {
    const weeks = [
      {
        bySource: [
          { source: 'blog', count: 3 },
          { source: 'unknown', count: 1 },
        ],
      },
      {
        bySource: [
          { source: 'friend', count: 2 },
          { source: 'blog', count: 1 },
        ],
      },
    ];
    const series = sourcesOf(weeks, 2);
    expect(series).toEqual(['blog', 'friend']);
    expect(stackOf(weeks[0]!.bySource, series)).toEqual([
      { source: 'blog', count: 3 },
      { source: 'friend', count: 0 },
      { source: 'other sources', count: 1 },
    ]);
  });

  it('rounds an axis up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 12, 51].map(niceMax)).toEqual([1, 1, 5, 10, 20, 100]);
  });
});
