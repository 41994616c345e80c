import { type Language, preferredLanguage } from './vocabulary';

/**
 * The language a public page is shown in: `?lang=`, else the browser's preference
 * (`navigator.languages`), else English; the server serves the page's head by the same
 * rule with `Accept-Language`.
 */
export { pageLanguage } from './vocabulary';

/** The same address in another language: what the language switch links to. */
export function addressIn(href: string, language: Language): string {
  const url = new URL(href);
  url.searchParams.set('lang', language);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The switch's names: each language in its own words, so a reader finds theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

/**
 * A link to another public page in `language`: `?lang=` only when the browser alone would
 * choose another one, so a page in the browser's own language links as it always did.
 */
export function linkIn(
  path: string,
  language: Language,
  browserLanguages: readonly string[],
): string {
  if (preferredLanguage(browserLanguages) === language) return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=${language}`;
}
