/**
 * Weekly buckets for the stats page's charts: Monday-to-Monday weeks in the browser's
 * zone. Each bucket is one GET /v1/admin/stats call, so the figures per week are the
 * server's own definitions. No React here.
 */

import { t } from '../../i18n/t';
export interface Week {
  /** Local Monday, YYYY-MM-DD, for the label. */
  label: string;
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;

function mondayOf(date: Date): Date {
  const monday = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const daysSinceMonday = (monday.getDay() + 6) % 7;
  monday.setDate(monday.getDate() - daysSinceMonday);
  return monday;
}

function dayLabel(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The weeks that overlap [from, to), each cut to the range; at most `max`, the latest kept. */
export function weeksBetween(from: Date, to: Date, max = 26): Week[] {
  const weeks: Week[] = [];
  for (let start = mondayOf(from); start < to;) {
    const next = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 7);
    weeks.push({
      label: dayLabel(start),
      from: start < from ? from : start,
      to: next > to ? to : next,
    });
    start = next;
  }
  return weeks.slice(-max);
}

/** Whole days between two instants, rounded. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/** The stacked bars' series: every source seen in any week, the most frequent first. */
export function sourcesOf(
  weeks: { bySource: { source: string; count: number }[] }[],
  max = 6,
): string[] {
  const totals = new Map<string, number>();
  for (const week of weeks) {
    for (const { source, count } of week.bySource)
      totals.set(source, (totals.get(source) ?? 0) + count);
  }
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return ranked.slice(0, max).map(([source]) => source);
}

/** A week's count per source, the sources beyond the chart's series summed as "other". */
export function stackOf(
  bySource: { source: string; count: number }[],
  series: string[],
): { source: string; count: number }[] {
  const stack = series.map((source) => ({
    source,
    count: bySource.find((entry) => entry.source === source)?.count ?? 0,
  }));
  const rest = bySource
    .filter((entry) => !series.includes(entry.source))
    .reduce((sum, entry) => sum + entry.count, 0);
  if (rest > 0) stack.push({ source: t('stats.chart.otherSources'), count: rest });
  return stack;
}

/** A round top for an axis: 1, 2, 5, 10, 20, 50, … at or above `value`. */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}
