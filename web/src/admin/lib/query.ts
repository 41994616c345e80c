import { QueryClient, useInfiniteQuery, useQuery, type QueryKey } from '@tanstack/react-query';
import type { ApiFailure, ApiResult } from '../../api/client';

/**
 * Server state of the staff app, cached by TanStack Query. A request never throws (the
 * client answers results); here a failed one becomes a `FailedRequest` so the cache knows
 * it failed, and the screens read it back as the failure they show.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    // A failure is shown at once, in words, with its own way forward (reload, sign in again).
    queries: { retry: false, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

export class FailedRequest extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.kind === 'offline' ? 'offline' : `HTTP ${String(failure.kind)}`);
  }
}

const failureOf = (error: unknown): ApiFailure =>
  error instanceof FailedRequest ? error.failure : { kind: 'offline' };

async function unwrap<T>(
  result: Promise<ApiResult<T>>,
): Promise<{ value: T; etag: string | null }> {
  const answer = await result;
  if (answer.kind !== 'ok') throw new FailedRequest(answer);
  return { value: answer.body, etag: answer.etag };
}

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'failed'; failure: ApiFailure }
  | { state: 'ready'; value: T; etag: string | null };

/** One read, cached under `queryKey`; `reload` fetches it again. */
export function useApiQuery<T>(queryKey: QueryKey, load: () => Promise<ApiResult<T>>) {
  const query = useQuery({ queryKey, queryFn: () => unwrap(load()) });
  const loaded: Loaded<T> = query.data
    ? { state: 'ready', value: query.data.value, etag: query.data.etag }
    : query.isError
      ? { state: 'failed', failure: failureOf(query.error) }
      : { state: 'loading' };
  return { loaded, reload: () => void query.refetch() };
}

/** What a list screen shows: its items (null while loading), a failure, and "Load more". */
export interface ListState<T> {
  items: T[] | null;
  failure: ApiFailure | null;
  nextCursor?: string | null;
  loadingMore?: boolean;
  loadMore?: () => void;
}

/** A list the API answers whole (`{ items }`). */
export function useListQuery<T>(
  queryKey: QueryKey,
  load: () => Promise<ApiResult<{ items: T[] }>>,
): ListState<T> & { reload: () => void } {
  const { loaded, reload } = useApiQuery(queryKey, load);
  return {
    items: loaded.state === 'ready' ? loaded.value.items : null,
    failure: loaded.state === 'failed' ? loaded.failure : null,
    reload,
  };
}

/** A list answered in keyset pages (`items`, `nextCursor`), with "Load more". */
export function usePagedQuery<T>(
  queryKey: QueryKey,
  loadPage: (
    cursor: string | undefined,
  ) => Promise<ApiResult<{ items: T[]; nextCursor: string | null }>>,
): ListState<T> & { reload: () => void } {
  const query = useInfiniteQuery({
    queryKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(loadPage(pageParam)),
    getNextPageParam: (last) => last.value.nextCursor ?? undefined,
  });
  const pages = query.data?.pages;
  return {
    items: pages ? pages.flatMap((page) => page.value.items) : null,
    failure: query.isError ? failureOf(query.error) : null,
    nextCursor: pages?.at(-1)?.value.nextCursor ?? null,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => {
      if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
    },
    reload: () => void query.refetch(),
  };
}
