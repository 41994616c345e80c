import { type ReactNode, useEffect, useRef } from 'react';
import { type CrisisResource, splitContact } from '../../lib/crisis';
import { type ControlKind, summaryLine } from '../../lib/messages';
import type { FieldError } from '../../lib/problem';
import { fragment, usePageWords } from '../i18n/page-language';
import { fieldId } from './form-context';
import { LanguageSwitch } from './language-switch';
import { PracticeContact, PracticeHeader, usePractice } from './practice-frame';
import { LeaveSafely } from './leave-safely';

/** The page frame: banner, the one main landmark with the page's h1, and a footer. */
export function Layout({ title, children }: { title: string; children: ReactNode }) {
  // The practice's name, never this product's: clients deal with the practice.
  const practice = usePractice();
  const { t } = usePageWords();
  useEffect(() => {
    document.title = practice ? `${title} · ${practice.name}` : title;
  }, [title, practice]);
  return (
    <>
      <LeaveSafely />
      <PracticeHeader practice={practice} />
      <LanguageSwitch />
      <main className="page" id="main">
        {children}
      </main>
      <footer className="site-footer">
        <PracticeContact practice={practice} />
        <p>{t('frame.privacy')}</p>
      </footer>
    </>
  );
}

/** A heading that takes focus when it appears, so a screen reader announces the new state. */
export function FocusedHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** Who to call now; shown first and in red when the API says the answers suggest a crisis. */
export function CrisisResources({ resources }: { resources: readonly CrisisResource[] }) {
  const { t } = usePageWords();
  if (resources.length === 0) return null;
  return (
    <section className="crisis-resources" aria-labelledby="crisis-resources-title">
      <h2 id="crisis-resources-title">{t('crisis.title')}</h2>
      <p>{t('crisis.intro')}</p>
      <ul>
        {resources.map((resource) => (
          <li key={resource.name}>
            <strong>{resource.name}</strong>: <ContactLink contact={resource.contact} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Call or text 988" with 988 as a tel: link, so a phone dials it in one tap. */
function ContactLink({ contact }: { contact: string }) {
  const parts = splitContact(contact);
  if (!parts) return <>{contact}</>;
  return (
    <>
      {parts.before}
      <a href={`tel:${parts.number}`}>{parts.number}</a>
      {parts.after}
    </>
  );
}

/** The reference to quote, big and selectable. */
export function Reference({ reference }: { reference: string }) {
  const { rich } = usePageWords();
  return (
    <p className="reference">
      {fragment(
        rich<ReactNode>('reference.quote', {
          reference,
          strong: (chunks) => <strong className="reference-code">{fragment(chunks)}</strong>,
        }),
      )}
    </p>
  );
}

/**
 * What went wrong, at the top of the form, focused after a failed submit: every field
 * error as a link to its field, or one sentence when the failure is not about a field.
 */
export function ErrorSummary({
  errors,
  failure,
  failedAttempts,
  labelFor,
  kindFor,
}: {
  errors: readonly FieldError[];
  failure: string | null;
  failedAttempts: number;
  labelFor: (field: string) => string | undefined;
  kindFor?: (field: string) => ControlKind;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const words = usePageWords();
  const visible = errors.length > 0 || failure !== null;
  useEffect(() => {
    if (failedAttempts > 0) ref.current?.focus();
  }, [failedAttempts]);
  if (!visible) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">
        {words.t(errors.length > 0 ? 'summary.fields' : 'summary.notSent')}
      </h2>
      {failure ? <p>{failure}</p> : null}
      {errors.length > 0 ? (
        <ul>
          {errors.map((error) => {
            const label = labelFor(error.field);
            const line = summaryLine(
              words,
              label ?? error.field,
              error.field,
              error,
              kindFor?.(error.field),
            );
            const target = label ? fieldId(error.field) : undefined;
            return (
              <li key={`${error.field}:${error.message}`}>
                {target ? (
                  <a
                    href={`#${target}`}
                    onClick={(event) => {
                      const control = document.getElementById(target);
                      if (!control) return;
                      event.preventDefault();
                      control.focus();
                      control.scrollIntoView({ block: 'center' });
                    }}
                  >
                    {line}
                  </a>
                ) : (
                  line
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

export function SubmitButton({ sending, children }: { sending: boolean; children: ReactNode }) {
  const { t } = usePageWords();
  return (
    <div className="actions">
      <button type="submit" className="button" aria-disabled={sending || undefined}>
        {sending ? t('submit.sending') : children}
      </button>
      <p className="visually-hidden" role="status">
        {sending ? t('submit.status') : ''}
      </p>
    </div>
  );
}
