// The second half of the e2e recorder (test/support/test-app.ts writes what each test
// app answered): which observed answers the OpenAPI document does not list. Plain ESM,
// because Jest's global teardown runs outside its module system.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The API's addresses; everything else (the pages, their assets, /docs) is HTML for browsers. */
const CONTRACT_PREFIXES = ['/v1/', '/health/', '/metrics', '/problems/'];

/** Every line every worker wrote, once. */
export function readObservations(dir) {
  const lines = new Set();
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.jsonl')) continue;
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (line) lines.add(line);
    }
  }
  return [...lines].map((line) => JSON.parse(line));
}

/** One sentence per observation the document does not list for its route. */
export function undocumentedAnswers(document, observations) {
  const findings = new Set();
  for (const { route, method, status, contentType } of observations) {
    if (!CONTRACT_PREFIXES.some((prefix) => route.startsWith(prefix))) continue;
    const template = route.replace(/:(\w+)/g, '{$1}');
    // HEAD answers what GET answers, without the body.
    const verb = (method === 'HEAD' ? 'GET' : method).toLowerCase();
    const name = `${method} ${template} → ${status} ${contentType ?? '(no body)'}`;
    const operation = document.paths[template]?.[verb];
    if (!operation) {
      findings.add(`${name}: the route is not documented`);
      continue;
    }
    const response = operation.responses[String(status)];
    if (!response) {
      findings.add(`${name}: status ${status} is not documented for this route`);
      continue;
    }
    const documented = Object.keys(response.content ?? {});
    if (
      contentType === null
        ? documented.length > 0 && method !== 'HEAD'
        : !documented.includes(contentType)
    ) {
      findings.add(
        `${name}: documented as ${documented.length ? documented.join(', ') : '(no body)'}`,
      );
    }
  }
  return [...findings].sort();
}
