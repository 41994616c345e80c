import { readFileSync, rmSync } from 'node:fs';
import { readObservations, undocumentedAnswers } from '../contract/observed-answers.mjs';

export default async function globalTeardown() {
  await globalThis.__riStopCluster?.();
  await checkObservedAnswers();
}

/**
 * Every answer the e2e tests saw (route template, status, content type) must be in the
 * committed OpenAPI document, which test/contract/openapi.e2e-spec.ts proves equal to
 * the served one. Fails the run naming each answer that is not.
 */
async function checkObservedAnswers() {
  const dir = process.env.RI_CONTRACT_OBSERVATIONS_DIR;
  if (!dir) return;
  try {
    const document = JSON.parse(
      readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'),
    );
    const findings = undocumentedAnswers(document, readObservations(dir));
    if (findings.length > 0) {
      throw new Error(
        `The e2e tests saw ${findings.length} answer(s) the OpenAPI document does not list ` +
          `(document them with @ProblemResponses or the route's decorators, then run ` +
          `\`npm run openapi\`):\n  ${findings.join('\n  ')}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
