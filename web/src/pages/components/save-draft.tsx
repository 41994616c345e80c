import { type KeyboardEvent, useId, useState } from 'react';
import { failureMessage } from '../../lib/api';
import { answersBody, type FormDefinition } from '../../lib/form-definition';
import { clientBody, type FormValues, text } from '../../lib/form-values';
import { saveDraft } from '../drafts';
import './save-draft.css';

const formatDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' });

type Saving =
  | { kind: 'closed' }
  | { kind: 'open' }
  | { kind: 'sending' }
  | { kind: 'saved'; email: string; expiresAt: string }
  | { kind: 'failed'; message: string };

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
  const [state, setState] = useState<Saving>({ kind: 'closed' });
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);

  const open = () => {
    setEmail((current) => current || text(values, 'client.email'));
    setState({ kind: 'open' });
  };

  const save = async () => {
    const address = email.trim();
    if (!address) {
      setEmailError('Enter the email address the link should go to.');
      return;
    }
    setEmailError(null);
    setState({ kind: 'sending' });
    const result = await saveDraft({
      formSlug: form.slug,
      formVersion: form.version,
      email: address,
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
        setEmailError('Enter an email address like name@example.com.');
        setState({ kind: 'open' });
      } else {
        setState({
          kind: 'failed',
          message:
            'Some answers cannot be saved as they are. Check the answers marked in the form, or send them now.',
        });
      }
    } else {
      setState({ kind: 'failed', message: failureMessage(result) });
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
        Need a break?
      </h2>
      {state.kind === 'closed' ? (
        <>
          <p>We can email you a link to finish later. Nothing is kept on this device.</p>
          <button type="button" className="save-draft-button" onClick={open}>
            Save and finish later
          </button>
        </>
      ) : state.kind === 'saved' ? (
        <p role="status">
          We emailed a link to <strong>{state.email}</strong>. It opens your answers until{' '}
          {formatDate(state.expiresAt)}. Saving again sends a new link. You can close this page.
        </p>
      ) : (
        <>
          <p>
            We email you a link that opens your answers for 7 days. Nothing is kept on this device.
            Use an address only you can read.
          </p>
          <div className={`field${emailError ? ' field--invalid' : ''}`}>
            <label htmlFor={`${id}-email`}>Email the link to</label>
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
                <span className="visually-hidden">Error: </span>
                {emailError}
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
            {state.kind === 'sending' ? 'Saving…' : 'Email me the link'}
          </button>
          <p role="status" className={state.kind === 'failed' ? 'field-error' : 'visually-hidden'}>
            {state.kind === 'failed' ? state.message : state.kind === 'sending' ? 'Saving…' : ''}
          </p>
        </>
      )}
    </section>
  );
}
