/** Staff tags on a lead (docs/api.md#leads, PATCH /v1/admin/leads/:id). No framework code here. */

/** A tag after trimming and lower-casing: a letter or digit, then up to 39 of a-z 0-9 space _ -. */
export const TAG_PATTERN = /^[a-z0-9][a-z0-9 _-]{0,39}$/;
export const MAX_TAGS = 20;

/** How a tag is compared and stored: trimmed and lower-cased. */
export function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase();
}

/** Normalised tags without repeats, in the order first given. */
export function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(normalizeTag))];
}

export interface TagChange {
  added: string[];
  removed: string[];
}

/** What changed from `before` to `after`, each list in the order of the set it comes from. */
export function tagChange(before: readonly string[], after: readonly string[]): TagChange {
  const old = new Set(before);
  const next = new Set(after);
  return {
    added: after.filter((tag) => !old.has(tag)),
    removed: before.filter((tag) => !next.has(tag)),
  };
}
