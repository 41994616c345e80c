/**
 * Loaded with `--import` into a server process the benchmark starts, never in production:
 * every 250 ms it appends one line of JSON to BENCH_MEMORY_FILE with what the process's
 * memory is made of (`process.memoryUsage()`, V8's young and old generation) and how many
 * garbage collections it has run so far and how long they paused it. The benchmark reads
 * the lines written while it loaded the server. Costs the server next to nothing: one
 * small synchronous write per 250 ms, one observer callback per collection.
 */
import { appendFileSync } from 'node:fs';
import { type PerformanceEntry, PerformanceObserver, constants } from 'node:perf_hooks';
import v8 from 'node:v8';

/** One line of the file. Sizes in bytes, counts since the process started. */
export interface MemorySample {
  /** Date.now() */
  at: number;
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** Committed to the young generation (both semi-spaces) and to old objects. */
  newSpace: number;
  oldSpace: number;
  scavenges: number;
  markCompacts: number;
  /** Total time collections stopped JavaScript, in ms. */
  gcPauseMs: number;
}

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  const gc = { scavenges: 0, markCompacts: 0, gcPauseMs: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      // A gc entry's detail names its kind (node's perf_hooks documentation).
      const { detail } = entry as PerformanceEntry & { detail?: { kind?: number } };
      const kind = detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) gc.scavenges++;
      else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.markCompacts++;
      gc.gcPauseMs += entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });

  const committed = (name: string) =>
    v8.getHeapSpaceStatistics().find((space) => space.space_name === name)?.space_size ?? 0;
  setInterval(() => {
    const sample: MemorySample = {
      at: Date.now(),
      ...process.memoryUsage(),
      newSpace: committed('new_space'),
      oldSpace: committed('old_space'),
      ...gc,
    };
    appendFileSync(file, `${JSON.stringify(sample)}\n`);
  }, 250).unref();
}
