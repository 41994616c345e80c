/**
 * Shape limits on every JSON body, checked right after parsing and before any DTO sees
 * it, so a small body cannot make validation, hashing or logging do unbounded work
 * (64 KiB of `[` nests 65,000 deep). No framework code here.
 */
export const JSON_LIMITS = {
  /** Objects and arrays inside one another, the body itself being level 1. */
  maxDepth: 16,
  maxArrayLength: 500,
  maxObjectKeys: 200,
} as const;

/** In `u` mode a pair is one code point: only a surrogate standing alone matches. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * NUL means nothing in any field, and PostgreSQL cannot store it in text; a lone UTF-16
 * surrogate (`"\ud800"`, valid JSON, not text) would break encoders further down.
 */
function stringProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode text (no lone surrogates)';
  return undefined;
}

/**
 * Why `value` breaks a limit, in words fit for a client (no key or value quoted), or
 * undefined when it keeps them all. Every string and key is checked by stringProblem.
 */
export function jsonLimitProblem(value: unknown): string | undefined {
  // Iterative, so a hostile body cannot exhaust the stack before the depth check does.
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (typeof current === 'string') {
      const problem = stringProblem(current);
      if (problem) return problem;
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth > JSON_LIMITS.maxDepth) {
      return `must not nest objects and arrays more than ${JSON_LIMITS.maxDepth} levels deep`;
    }
    if (Array.isArray(current)) {
      if (current.length > JSON_LIMITS.maxArrayLength) {
        return `must not hold a list of more than ${JSON_LIMITS.maxArrayLength} items`;
      }
      for (const item of current) pending.push({ value: item, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(current);
    if (keys.length > JSON_LIMITS.maxObjectKeys) {
      return `must not hold an object of more than ${JSON_LIMITS.maxObjectKeys} fields`;
    }
    for (const key of keys) {
      const problem = stringProblem(key);
      if (problem) return problem;
      pending.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return undefined;
}
