import { createElement, Fragment, type ReactNode } from 'react';
import { icuMessage } from '../../lib/icu';
import { en, type MessageKey } from './en';

export type { MessageKey } from './en';

/**
 * The staff app's language. It stays English for now; a translation adds a catalogue of
 * the same keys (`Record<MessageKey, string>`) and picks it and its locale here.
 */
export const LOCALE = 'en-US';
const catalogue: Record<MessageKey, string> = en;

/** A value a message may take: a word, a number, or (for `tRich`) a piece of the page. */
type Value = string | number | Date;

const compile = (key: MessageKey) => icuMessage(catalogue[key], LOCALE);

/**
 * One message of the catalogue in the staff app's language, its `{arguments}` filled in
 * (plurals and numbers through ICU). A key that is not in the catalogue is a type error.
 */
export function t(key: MessageKey, values?: Record<string, Value>): string {
  return String(compile(key).format(values));
}

/**
 * Tags any message may use without its caller drawing them: `<hidden>` for words only a
 * screen reader says (a button's full name, "Edit <hidden>Dana Reyes</hidden>") and
 * `<strong>`.
 */
const COMMON_TAGS = {
  hidden: (chunks: ReactNode[]) =>
    createElement('span', { className: 'visually-hidden' }, ...chunks),
  strong: (chunks: ReactNode[]) => createElement('strong', null, ...chunks),
};

/**
 * A message with markup: each `<tag>…</tag>` is drawn by the function of that name, and an
 * argument may be a piece of the page (a link, a time), so a translator moves whole
 * sentences, never fragments. `<hidden>` and `<strong>` are drawn here (COMMON_TAGS).
 */
export function tRich(
  key: MessageKey,
  values: Record<string, Value | ReactNode | ((chunks: ReactNode[]) => ReactNode)> = {},
): ReactNode {
  const parts = compile(key).format<ReactNode>({
    ...COMMON_TAGS,
    ...(values as Record<string, ReactNode | ((chunks: ReactNode[]) => ReactNode)>),
  });
  return Array.isArray(parts) ? createElement(Fragment, null, ...(parts as ReactNode[])) : parts;
}

const numbers = new Intl.NumberFormat(LOCALE);
/** A count as the staff app's language writes it (1,234). */
export function formatNumber(value: number): string {
  return numbers.format(value);
}
