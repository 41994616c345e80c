/**
 * Labels of the HTTP request histogram. No framework code here. A label never holds a
 * raw path: partner and reset tokens live in paths, and every distinct value would be a
 * new series. A request is named by the route template it matched, or `unmatched`.
 */
export const UNMATCHED_ROUTE = 'unmatched';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The template of the route that answered (Fastify's routeOptions.url), or `unmatched`. */
export function routeLabel(template: string | undefined): string {
  // A template comes from the route table, never from the request; the length check only
  // keeps a label bounded should a route ever be declared with an absurd path.
  return template && template.startsWith('/') && template.length <= 200
    ? template
    : UNMATCHED_ROUTE;
}

/** The HTTP method, or `other` for anything outside the methods this service serves. */
export function methodLabel(method: string): string {
  const upper = method.toUpperCase();
  return METHODS.has(upper) ? upper : 'other';
}

/** The status code as a label: three digits, or `other`. */
export function statusLabel(statusCode: number): string {
  return Number.isInteger(statusCode) && statusCode >= 100 && statusCode <= 599
    ? String(statusCode)
    : 'other';
}
