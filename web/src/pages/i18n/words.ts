import { icuMessage } from '../../lib/icu';
import { type Language, US_STATES } from '../../lib/vocabulary';
import { EN, type PageWordKey } from './en';
import { ES, ES_STATE_NAMES } from './es';

export type { PageWordKey };

/** One catalogue per language, with the same keys (i18n.spec.ts). */
export const PAGE_WORDS: Record<Language, Record<PageWordKey, string>> = { en: EN, es: ES };

/** The locale dates and times are written in: US Spanish keeps the 12-hour clock. */
const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-US' };

type Plain = Record<string, string | number>;
/** A tag of a message (`<strong>…</strong>`) becomes whatever the page builds from its text. */
type Rich<T> = Record<string, string | number | ((chunks: (string | T)[]) => T)>;

/** What a page or the embed says in its one language. */
export interface PageWords {
  readonly language: Language;
  readonly locale: string;
  /** A message as text. */
  t(key: PageWordKey, values?: Plain): string;
  /** A message whose tags become nodes (React elements, DOM nodes): the parts in order. */
  rich<T>(key: PageWordKey, values: Rich<T>): (string | T)[];
  /** "December 19, 2026" / "19 de diciembre de 2026". */
  date(iso: string): string;
}

const compiled = (language: Language, key: PageWordKey) =>
  icuMessage(PAGE_WORDS[language][key], LOCALES[language]);

const made = new Map<Language, PageWords>();

export function pageWords(language: Language): PageWords {
  const known = made.get(language);
  if (known) return known;
  const locale = LOCALES[language];
  const words: PageWords = {
    language,
    locale,
    t: (key, values) => String(compiled(language, key).format(values)),
    rich<T>(key: PageWordKey, values: Rich<T>) {
      const parts = compiled(language, key).format<T>(values);
      return Array.isArray(parts) ? parts : [parts as string | T];
    },
    date: (iso) =>
      new Date(iso).toLocaleDateString(locale, { month: 'long', day: 'numeric', year: 'numeric' }),
  };
  made.set(language, words);
  return words;
}

/** Option lists of the public forms, labelled in the page's language. */
export const serviceTypeOptions = ({ t }: PageWords) =>
  (['individual', 'couples', 'family', 'other'] as const).map(
    (value) => [value, t(`option.service.${value}`)] as const,
  );

export const preferredContactOptions = ({ t }: PageWords) =>
  (['email', 'phone', 'text'] as const).map(
    (value) => [value, t(`option.contact.${value}`)] as const,
  );

/** The states a client may live in, named in the page's language, sorted as it reads them. */
export function stateOptions({ language, locale }: PageWords): (readonly [string, string])[] {
  if (language === 'en') return [...US_STATES];
  return US_STATES.map(([code, name]) => [code, ES_STATE_NAMES[code] ?? name] as const).sort(
    (a, b) => a[1].localeCompare(b[1], locale),
  );
}
