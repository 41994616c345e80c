import { type KeyboardEvent, type ReactNode, useId, useState } from 'react';
import { failureMessage } from '../../lib/api';
import { answersBody, type FormDefinition } from '../../lib/form-definition';
import { clientBody, type FormValues, text } from '../../lib/form-values';
import { saveDraft } from '../drafts';
import { fragment, usePageWords } from '../i18n/page-language';
import type { PageWords } from '../i18n/words';
import './save-draft.css';

type Saving =
  | { kind: 'closed' }
  | { kind: 'open' }
  | { kind: 'sending' }
  | { kind: 'saved'; email: string; expiresAt: string }
  /** What went wrong, said in the page's language of the moment. */
  | { kind: 'failed'; say: (words: PageWords) => string };

/**
 * "Save and finish later": emails a link that opens the answers so far for 7 days
 * (docs/api.md#save-and-finish-later). A visible button, not a prompt on leaving (phones
 * rarely show one). Inside the intake's <form>, so it is no form itself: Enter in its
 * field saves instead of sending the intake.
 */
export function SaveDraft({
  form,
  values,
  draftToken,
  onSaved,
}: {
  form: FormDefinition;
  values: FormValues;
  /** The draft this page was resumed from or last saved: replaced by this save. */
  draftToken: string | undefined;
  onSaved: (draftToken: string) => void;
}) {
  const id = useId();
  const words = usePageWords();
  const { t } = words;
  const [state, setState] = useState<Saving>({ kind: 'closed' });
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<'draft.emailMissing' | 'draft.emailInvalid' | null>(
    null,
  );

  const open = () => {
    setEmail((current) => current || text(values, 'client.email'));
    setState({ kind: 'open' });
  };

  const save = async () => {
    const address = email.trim();
    if (!address) {
      setEmailError('draft.emailMissing');
      return;
    }
    setEmailError(null);
    setState({ kind: 'sending' });
    const result = await saveDraft({
      formSlug: form.slug,
      formVersion: form.version,
      email: address,
      // The resume email, and the page it opens, are in the language of this page.
      lang: words.language,
      client: clientBody(values),
      answers: answersBody(form, values),
      ...(draftToken ? { draftToken } : {}),
    });
    if (result.kind === 'ok') {
      onSaved(result.body.draftToken);
      setState({ kind: 'saved', email: address, expiresAt: result.body.expiresAt });
    } else if (result.kind === 'invalid') {
      const aboutEmail = result.errors.find((error) => error.field === 'email');
      if (aboutEmail) {
        setEmailError('draft.emailInvalid');
        setState({ kind: 'open' });
      } else {
        setState({ kind: 'failed', say: ({ t }) => t('draft.cannotSave') });
      }
    } else {
      setState({ kind: 'failed', say: (now) => failureMessage(result, now) });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void save();
  };

  return (
    <section className="save-draft" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="save-draft-title">
        {t('draft.title')}
      </h2>
      {state.kind === 'closed' ? (
        <>
          <p>{t('draft.offer')}</p>
          <button type="button" className="save-draft-button" onClick={open}>
            {t('draft.open')}
          </button>
        </>
      ) : state.kind === 'saved' ? (
        <p role="status">
          {fragment(
            words.rich<ReactNode>('draft.saved', {
              email: state.email,
              until: words.date(state.expiresAt),
              strong: (chunks) => <strong>{fragment(chunks)}</strong>,
            }),
          )}
        </p>
      ) : (
        <>
          <p>{t('draft.explain')}</p>
          <div className={`field${emailError ? ' field--invalid' : ''}`}>
            <label htmlFor={`${id}-email`}>{t('draft.email')}</label>
            <input
              id={`${id}-email`}
              type="email"
              inputMode="email"
              autoComplete="email"
              maxLength={254}
              value={email}
              aria-invalid={emailError ? true : undefined}
              aria-describedby={emailError ? `${id}-email-error` : undefined}
              onChange={(event) => setEmail(event.target.value)}
              onKeyDown={onKeyDown}
            />
            {emailError ? (
              <p className="field-error" id={`${id}-email-error`}>
                <span className="visually-hidden">{t('field.errorPrefix')}</span>
                {t(emailError)}
              </p>
            ) : null}
          </div>
          <button
            type="button"
            className="save-draft-button"
            aria-disabled={state.kind === 'sending' || undefined}
            onClick={() => {
              if (state.kind !== 'sending') void save();
            }}
          >
            {state.kind === 'sending' ? t('draft.saving') : t('draft.send')}
          </button>
          <p role="status" className={state.kind === 'failed' ? 'field-error' : 'visually-hidden'}>
            {state.kind === 'failed'
              ? state.say(words)
              : state.kind === 'sending'
                ? t('draft.saving')
                : ''}
          </p>
        </>
      )}
    </section>
  );
}
