import { useCallback, useEffect, useState } from 'react';
import { queryString, request, type ApiFailure } from '../api';

interface PagedState<T> {
  /** The query (and reload round) these items answer; another one means "loading". */
  key: string;
  items: T[];
  nextCursor: string | null;
  failure: ApiFailure | null;
}

/** A list answered in keyset pages (`items`, `nextCursor`), with "Load more". */
export function usePaged<T>(path: string, filters: Record<string, string>) {
  const query = queryString(filters);
  const [round, setRound] = useState(0);
  const key = `${path}${query}#${round}`;
  const [state, setState] = useState<PagedState<T> | null>(null);

  useEffect(() => {
    let current = true;
    void request<{ items: T[]; nextCursor: string | null }>(`${path}${query}`).then((result) => {
      if (!current) return;
      setState(
        result.kind === 'ok'
          ? { key, items: result.body.items, nextCursor: result.body.nextCursor, failure: null }
          : { key, items: [], nextCursor: null, failure: result },
      );
    });
    return () => {
      current = false;
    };
  }, [path, query, key]);

  const shown = state?.key === key ? state : null;
  const nextCursor = shown?.nextCursor ?? null;

  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    const separator = query ? '&' : '?';
    void request<{ items: T[]; nextCursor: string | null }>(
      `${path}${query}${separator}cursor=${encodeURIComponent(nextCursor)}`,
    ).then((result) => {
      setState((previous) =>
        previous === null || previous.key !== key
          ? previous
          : result.kind === 'ok'
            ? {
                ...previous,
                items: [...previous.items, ...result.body.items],
                nextCursor: result.body.nextCursor,
              }
            : { ...previous, failure: result },
      );
    });
  }, [path, query, key, nextCursor]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return {
    items: shown ? shown.items : null,
    nextCursor,
    failure: shown?.failure ?? null,
    loadMore,
    reload,
  };
}
