import type { FieldValue, FormValues } from './form-values';
import type { FieldError } from './problem';

const isEmpty = (value: FieldValue | undefined) =>
  value === undefined ||
  value === false ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** "is required" for each of `paths` the person left empty, named as the API names fields. */
export function requiredErrors(values: FormValues, paths: readonly string[]): FieldError[] {
  return paths
    .filter((path) => isEmpty(values[path]))
    .map((path) => ({ field: path, message: 'is required' }));
}

/**
 * The errors a page shows after a 422: the API's, with the page's own findings (empty
 * required fields) taking the place of the API's message for the same field, since the
 * API describes an omitted field by its type ("must be a string"); then in page order
 * (`order`, unknown fields last).
 */
export function withPageErrors(
  fromApi: readonly FieldError[],
  fromPage: readonly FieldError[],
  order: readonly string[],
): FieldError[] {
  const local = new Set(fromPage.map((error) => error.field));
  const merged = [...fromApi.filter((error) => !local.has(error.field)), ...fromPage];
  const rank = (field: string) => {
    const index = order.indexOf(field);
    return index === -1 ? order.length : index;
  };
  return merged.sort((a, b) => rank(a.field) - rank(b.field));
}
