import type { ReactNode } from 'react';
import type { ListState } from '../lib/query';
import { ErrorNotice, Loading, PageFailure } from './ui';
import { t } from '../i18n/t';

/**
 * The shell of every list screen: its filters, the list (a table or cards, given by the
 * screen), the loading and empty states, failures, and "Load more" over keyset cursors.
 */
export function ListScreen<T>({
  list,
  what,
  failureWhat,
  empty,
  filters,
  toolbar,
  children,
}: {
  list: ListState<T>;
  /** "leads", for "Loading leads…". */
  what: string;
  /** "Users", for "Users not found." when the list itself answered 404. */
  failureWhat?: string;
  /** Said when nothing matches. */
  empty: ReactNode;
  filters?: ReactNode;
  /** Above the list: a count, an export link. */
  toolbar?: ReactNode;
  /** The list itself, for the items shown so far (at least one). */
  children: (items: T[]) => ReactNode;
}) {
  const { items, failure } = list;
  return (
    <>
      {filters}
      {toolbar}
      {failure && items === null ? (
        <PageFailure failure={failure} what={failureWhat ?? what} />
      ) : (
        <ErrorNotice failure={failure} />
      )}
      {items === null && !failure ? <Loading what={what} /> : null}
      {items?.length === 0 ? empty : null}
      {items && items.length > 0 ? children(items) : null}
      {list.nextCursor && list.loadMore ? (
        <button
          type="button"
          className="button button--quiet"
          onClick={list.loadMore}
          aria-disabled={list.loadingMore}
        >
          {list.loadingMore ? t('shell.loadingShort') : t('shell.loadMore')}
        </button>
      ) : null}
    </>
  );
}
