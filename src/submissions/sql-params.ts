/** Numbered parameters for a statement assembled from parts: each part adds its own. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** `$n` standing for `value`, with an optional cast (`uuid`, `text[]`…). */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}
