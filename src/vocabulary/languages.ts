/** The languages of the public forms, pages and client emails (docs/api.md#languages). */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first of our languages an `Accept-Language` header (or a browser's
 * `navigator.languages`) prefers, by quality then order; `en` when none is ours.
 * `es-MX` counts as `es`; `q=0` refuses a language.
 */
export function preferredLanguage(
  accepted: string | readonly string[] | undefined | null,
): Language {
  const ranges = typeof accepted === 'string' ? accepted.split(',') : (accepted ?? []);
  const ranked = ranges
    .map((range, index) => {
      const [tag = '', ...params] = range.trim().split(';');
      const quality = params
        .map((param) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param)?.[1])
        .find((value) => value !== undefined);
      const q = quality === undefined ? 1 : Number(quality);
      return { base: tag.trim().toLowerCase().split('-')[0], q: Number.isNaN(q) ? 0 : q, index };
    })
    .filter((range) => range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((range) => range.base).find(isLanguage) ?? DEFAULT_LANGUAGE;
}

/**
 * The language a public page is shown in, on the server as in the page's script:
 * `?lang=` of `search` (a query string) when it names one of ours, else the first of ours
 * `preferences` name (an `Accept-Language` header or `navigator.languages`), else English.
 */
export function pageLanguage(
  search: string,
  preferences: string | readonly string[] | undefined | null,
): Language {
  const asked = new URLSearchParams(search).get('lang');
  return isLanguage(asked) ? asked : preferredLanguage(preferences);
}
