import type { BreakdownGroup } from '../../../api/types';

/** One row of a breakdown chart: the figures and how long each bar is (0..1). */
export interface BreakdownBar {
  key: string;
  leads: number;
  medianMinutes: number | null;
  /** Leads answered within their target ÷ leads of the group; null for an empty group. */
  withinTargetShare: number | null;
  medianLength: number;
  withinTargetLength: number;
}

/**
 * Bars of a breakdown: the median is drawn against the slowest group (the longest bar
 * is the longest wait), the share within target against the whole group.
 */
export function breakdownBars(groups: readonly BreakdownGroup[]): BreakdownBar[] {
  const slowest = Math.max(0, ...groups.map((group) => group.medianMinutesToFirstContact ?? 0));
  return groups.map((group) => {
    const median = group.medianMinutesToFirstContact;
    const share = group.leads > 0 ? group.contactedWithinTarget / group.leads : null;
    return {
      key: group.key,
      leads: group.leads,
      medianMinutes: median,
      withinTargetShare: share,
      medianLength: median === null || slowest === 0 ? 0 : median / slowest,
      withinTargetLength: share ?? 0,
    };
  });
}
