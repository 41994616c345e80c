import { call, staffApi, type ApiResult } from '../../../api/client';
import type { BreakdownView, StatsView } from '../../../api/types';
import { useApiQuery } from '../../lib/query';
import { weeksBetween } from './weeks';

/** Weekly calls run a few at a time: the server is shared with the people triaging. */
const PARALLEL = 4;

function statsFor(from: string, to: string) {
  return call(() => staffApi.GET('/v1/admin/stats', { params: { query: { from, to } } }));
}

/** What a breakdown may group leads by (GET /v1/admin/stats/breakdown `by`). */
export type BreakdownBy = BreakdownView['by'];

/** Leads of a range grouped by `by`: who gets answered how fast. */
export function useBreakdown(by: BreakdownBy, from: string, to: string) {
  return useApiQuery(['stats', 'breakdown', by, from, to], () =>
    call(() => staffApi.GET('/v1/admin/stats/breakdown', { params: { query: { by, from, to } } })),
  );
}

/** The figures of a range of instants. */
export function useStats(from: string, to: string) {
  return useApiQuery(['stats', from, to], () => statsFor(from, to));
}

export interface WeekStats {
  label: string;
  stats: StatsView;
}

/**
 * One GET /v1/admin/stats per week: the server's own definitions (median, sources) per
 * bucket, and no new route. The first failure stands for them all.
 */
export function useWeeklyStats(from: string, to: string) {
  return useApiQuery(['stats', 'weekly', from, to], async (): Promise<ApiResult<WeekStats[]>> => {
    const weeks = weeksBetween(new Date(from), new Date(to));
    const answers: WeekStats[] = [];
    for (let i = 0; i < weeks.length; i += PARALLEL) {
      const batch = weeks.slice(i, i + PARALLEL);
      const results = await Promise.all(
        batch.map((week) => statsFor(week.from.toISOString(), week.to.toISOString())),
      );
      for (const [index, result] of results.entries()) {
        if (result.kind !== 'ok') return result;
        answers.push({ label: batch[index]!.label, stats: result.body });
      }
    }
    return { kind: 'ok', status: 200, body: answers, etag: null };
  });
}
