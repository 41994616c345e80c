import {
  createContext,
  createElement,
  Fragment,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useState,
} from 'react';
import { setPublicLanguage } from '../../api/client';
import { addressIn, pageLanguage } from '../../lib/language';
import type { Language } from '../../lib/vocabulary';
import { type PageWords, pageWords } from './words';

interface PageLanguage {
  words: PageWords;
  /** Shows the page in another language without leaving it, so the answers stay. */
  switchTo(language: Language): void;
}

const Context = createContext<PageLanguage | null>(null);

/** Where the page is shown: `?lang=`, else the browser's languages, else English. */
function initialLanguage(): Language {
  const language = pageLanguage(window.location.search, navigator.languages ?? []);
  // Before any child's first request: every public call says the page's language.
  setPublicLanguage(language);
  return language;
}

/**
 * The page's language, set once as the page loads and changed only by the switch. The
 * static parts of the HTML entry page (`<html lang>`, the crisis line above the app)
 * follow it too.
 */
export function PageLanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState(initialLanguage);
  const words = pageWords(language);
  useEffect(() => {
    document.documentElement.lang = language;
    showCrisisLine(words);
  }, [language, words]);
  const switchTo = useCallback((next: Language) => {
    setPublicLanguage(next);
    // The address says the language, so a reload or a shared link shows the same page.
    window.history.replaceState(window.history.state, '', addressIn(window.location.href, next));
    setLanguage(next);
  }, []);
  return <Context.Provider value={{ words, switchTo }}>{children}</Context.Provider>;
}

function usePageLanguage(): PageLanguage {
  const value = useContext(Context);
  if (!value) throw new Error('A page must be inside a PageLanguageProvider.');
  return value;
}

/** What the page says, in its language: `t('reachOut.title')`. */
export function usePageWords(): PageWords {
  return usePageLanguage().words;
}

export function useLanguageSwitch(): (language: Language) => void {
  return usePageLanguage().switchTo;
}

/** The entry page's "In crisis? Call or text 988…" line, in the page's language. */
function showCrisisLine(words: PageWords) {
  const line = document.querySelector<HTMLElement>('aside.crisis-line');
  if (!line) return;
  const call = (number: string) => (chunks: (string | Node)[]) => {
    const link = document.createElement('a');
    link.href = `tel:${number}`;
    link.append(...chunks);
    return link;
  };
  line.setAttribute('aria-label', words.t('crisis.line.label'));
  line.replaceChildren(
    ...words.rich<Node>('crisis.line', { call988: call('988'), call911: call('911') }),
  );
}

/** The parts of a rich message as one React node (no keys needed: they are arguments). */
export function fragment(parts: readonly ReactNode[]): ReactNode {
  return createElement(Fragment, null, ...parts);
}
