/** A UUID in its usual text form, any case: what every id in a path must look like. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `text` can be an id; a path id that cannot answers 404 before any query. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}
