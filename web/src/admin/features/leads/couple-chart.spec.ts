import { describe, expect, it } from '@jest/globals';
import { ELEVATED_MEAN, plotPartners, xOf, yOf } from './couple-chart';

const box = { size: 300, margin: 30 };

describe("the couple's chart", () => {
  it('puts the scale ends on the axes: 1 at the origin, 7 at the far edge', () => {
    expect(xOf(1, box)).toBe(30);
    expect(xOf(7, box)).toBe(270);
    expect(yOf(1, box)).toBe(270);
    expect(yOf(7, box)).toBe(30);
  });

  it('draws the elevated threshold at a mean of 25/6, just above the midpoint', () => {
    expect(ELEVATED_MEAN).toBeCloseTo(4.1667, 3);
    expect(xOf(ELEVATED_MEAN, box)).toBeGreaterThan(xOf(4, box));
  });

  it('keeps a score outside the scale on the chart', () => {
    expect(xOf(9, box)).toBe(270);
    expect(yOf(0, box)).toBe(270);
  });

  it('moves the labels apart when both partners score alike', () => {
    const [a, b] = plotPartners(
      [
        { partner: 'A', anxiety: 4, avoidance: 4 },
        { partner: 'B', anxiety: 4, avoidance: 4.17 },
      ],
      box,
    );
    expect(a!.labelDx).toBeLessThan(0);
    expect(b!.labelDx).toBeGreaterThan(0);
  });
});
