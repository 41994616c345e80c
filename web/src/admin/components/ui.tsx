import { useEffect, useRef, type ReactNode } from 'react';
import type { LeadStatus, Urgency } from '../../api/types';
import { failureText, type ApiFailure } from '../lib/api';
import { STATUS_NAMES, URGENCY_NAMES } from '../words';
import { t, tRich } from '../i18n/t';

/** The page's heading; takes focus when the page opens so screen readers announce it. */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (title) document.title = t('shell.documentTitle', { title });
    heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** A failure said in words, announced at once. */
export function ErrorNotice({
  failure,
  children,
}: {
  failure?: ApiFailure | null;
  children?: ReactNode;
}) {
  if (!failure && !children) return null;
  return (
    <div className="notice notice--error" role="alert">
      {failure ? <p>{failureText(failure)}</p> : null}
      {children}
    </div>
  );
}

/** Success or progress, announced politely. */
export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <p className="status-message" role="status">
      {children}
    </p>
  );
}

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  return <span className={`badge badge--${urgency}`}>{URGENCY_NAMES[urgency]}</span>;
}

export function StatusBadge({ status }: { status: LeadStatus }) {
  return <span className="badge badge--status">{STATUS_NAMES[status]}</span>;
}

export function OverdueBadge() {
  return <span className="badge badge--overdue">{t('shell.overdue')}</span>;
}

export function Loading({ what }: { what: string }) {
  return <p className="loading">{t('shell.loading', { what })}</p>;
}

/** A 403 or 404 answered for the whole page. */
export function PageFailure({ failure, what }: { failure: ApiFailure; what: string }) {
  if (failure.kind === 'problem' && failure.status === 404) {
    return (
      <div className="notice notice--error" role="alert">
        <p>{tRich('shell.notFound', { what })}</p>
      </div>
    );
  }
  return <ErrorNotice failure={failure} />;
}

/**
 * A table of the staff app: scrolls sideways on a narrow screen (`table-wrap`), a header
 * cell per column, and, when the rows end in buttons, a last column whose header only a
 * screen reader says. `children` are the body's rows.
 */
export function DataTable({
  columns,
  actions,
  caption,
  children,
}: {
  columns: readonly ReactNode[];
  /** The header of a last column of buttons (read to screen readers only). */
  actions?: string;
  /** A caption for screen readers, where no heading names the table. */
  caption?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th scope="col" key={index}>
                {column}
              </th>
            ))}
            {actions ? (
              <th scope="col">
                <span className="visually-hidden">{actions}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
