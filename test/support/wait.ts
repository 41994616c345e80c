/**
 * Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`.
 * The first checks come quickly (most awaited work is done within milliseconds), later
 * ones every 50 ms so a slow wait does not flood the database.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let pause = 5; ; pause = Math.min(pause * 2, 50)) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
