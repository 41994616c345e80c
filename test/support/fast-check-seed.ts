/**
 * Property tests run the same cases on every run, so `npm test` is deterministic: one
 * seed for every `fc.assert`, unless FC_SEED gives another (a failure prints the seed and
 * the path to replay it; `FC_SEED=random` explores new cases, as docs/testing.md says).
 */
import fc from 'fast-check';

const chosen = process.env.FC_SEED;
const seed =
  chosen === 'random'
    ? Math.floor(Math.random() * 0x7fffffff)
    : chosen !== undefined && /^-?\d+$/.test(chosen)
      ? Number(chosen)
      : 20261205;
if (chosen !== undefined && chosen !== 'random' && !/^-?\d+$/.test(chosen)) {
  throw new Error(`FC_SEED must be a whole number or "random", not "${chosen}"`);
}
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
