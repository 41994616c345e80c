/**
 * ETags of a lead (docs/api.md#leads: PATCH needs `If-Match`). No framework code here. The ETag is
 * the lead's version, strong: `"7"`. It covers the lead's own fields (status, urgency,
 * assignment, tags, contact fields), which every change bumps.
 */

export function leadEtag(version: number): string {
  return `"${version}"`;
}

/** An `If-Match` header as sent: `*`, or a list of entity tags. */
export type IfMatch = { any: true } | { any: false; tags: { weak: boolean; opaque: string }[] };

const ENTITY_TAG = /^(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"$/;

/**
 * Reads an `If-Match` value (RFC 9110, 13.1.1); undefined when it is not one, so the
 * caller can say which header was malformed. Opaque tags here never hold commas.
 */
export function parseIfMatch(header: string): IfMatch | undefined {
  const value = header.trim();
  if (value === '*') return { any: true };
  const parts = value.split(',').map((part) => part.trim());
  const tags: { weak: boolean; opaque: string }[] = [];
  for (const part of parts) {
    const match = ENTITY_TAG.exec(part);
    if (!match) return undefined;
    tags.push({ weak: match[1] !== undefined, opaque: match[2]! });
  }
  return tags.length > 0 ? { any: false, tags } : undefined;
}

/** Strong comparison, as If-Match requires: a weak tag never matches. */
export function ifMatchAllows(ifMatch: IfMatch, version: number): boolean {
  if (ifMatch.any) return true;
  return ifMatch.tags.some((tag) => !tag.weak && tag.opaque === String(version));
}
