import { describe, expect, it } from '@jest/globals';
import { breakdownBars } from './breakdown';

const group = (key: string, leads: number, within: number, median: number | null) => ({
  key,
  leads,
  contacted: within,
  contactedWithinTarget: within,
  medianMinutesToFirstContact: median,
  consultationsBooked: 0,
  converted: 0,
});

describe('breakdownBars', () => {
  it('draws the median against the slowest group and the share against the group', () => {
    expect(
      breakdownBars([group('blog', 4, 3, 120), group('ads', 2, 0, 30), group('x', 1, 0, null)]),
    ).toEqual([
      {
        key: 'blog',
        leads: 4,
        medianMinutes: 120,
        withinTargetShare: 0.75,
        medianLength: 1,
        withinTargetLength: 0.75,
      },
      {
        key: 'ads',
        leads: 2,
        medianMinutes: 30,
        withinTargetShare: 0,
        medianLength: 0.25,
        withinTargetLength: 0,
      },
      {
        key: 'x',
        leads: 1,
        medianMinutes: null,
        withinTargetShare: 0,
        medianLength: 0,
        withinTargetLength: 0,
      },
    ]);
  });

  it('has no bar length when nobody was answered yet', () => {
    expect(breakdownBars([group('a', 0, 0, null)])[0]).toMatchObject({
      withinTargetShare: null,
      medianLength: 0,
      withinTargetLength: 0,
    });
  });
});
