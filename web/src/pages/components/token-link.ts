import { useCallback, useEffect, useState } from 'react';
import type { ApiResult } from '../../lib/api';
import type { Language } from '../../lib/vocabulary';
import { usePageWords } from '../i18n/page-language';

/** What a page opened from an emailed link (`?token=`) has come to. */
export type Loaded<T> =
  | { kind: 'loading' }
  | { kind: 'ready'; value: T }
  /** No token, or the server does not know it (404). */
  | { kind: 'unknown' }
  /** Expired or used (410). */
  | { kind: 'gone' }
  | { kind: 'failed' };

/**
 * Loads what a link's token opens: 200 ready, 404 unknown, 410 gone, anything else
 * failed (with `reload` to try again). Loads again when the page's language changes, so
 * what the server words (a form's questions) follows the switch; the page keeps
 * showing what it had meanwhile.
 */
export function useTokenLink<T>(
  load: (token: string, language: Language) => Promise<ApiResult<T>>,
): {
  token: string;
  loaded: Loaded<T>;
  reload: () => void;
} {
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token') ?? '');
  const [loaded, setLoaded] = useState<Loaded<T>>(
    token ? { kind: 'loading' } : { kind: 'unknown' },
  );
  const [attempt, setAttempt] = useState(0);
  const { language } = usePageWords();
  const [firstLoad] = useState(() => load);

  useEffect(() => {
    if (!token) return;
    let current = true;
    // Every public call says the language; a route that reads `?lang=` gets it too.
    void firstLoad(token, language).then((result) => {
      if (!current) return;
      if (result.kind === 'ok') setLoaded({ kind: 'ready', value: result.body });
      else if (result.kind === 'problem' && result.status === 404) setLoaded({ kind: 'unknown' });
      else if (result.kind === 'problem' && result.status === 410) setLoaded({ kind: 'gone' });
      else setLoaded({ kind: 'failed' });
    });
    return () => {
      current = false;
    };
  }, [token, attempt, firstLoad, language]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { token, loaded, reload };
}
