import { useState, type FormEvent } from 'react';
import type { ApiResult } from '../../../lib/api';
import { acceptInvitation, requestPasswordReset, resetPassword } from '../api';
import { ErrorNotice, PageHeading } from '../../../components/ui';
import { Link, useLocation } from 'react-router';

const POLICY =
  'At least 12 characters. Any characters; a few unrelated words work well. Common or breached passwords, and your own name or email, are refused.';

/** The form of the email links: choose a password with a one-time token. */
function ChoosePassword({
  title,
  intro,
  send,
  done,
}: {
  title: string;
  intro: string;
  send: (token: string, password: string) => Promise<ApiResult<unknown>>;
  done: string;
}) {
  const { search } = useLocation();
  const token = new URLSearchParams(search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [finished, setFinished] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setFieldError(null);
    if (password !== repeat) {
      setFieldError('The two passwords are not the same.');
      return;
    }
    setBusy(true);
    const result = await send(token, password);
    setBusy(false);
    if (result.kind === 'ok') setFinished(true);
    else if (result.kind === 'invalid') {
      setFieldError(
        result.errors.map((e) => `The password ${e.message}.`).join(' ') ||
          'The password was refused.',
      );
    } else if (result.kind === 'problem' && (result.status === 404 || result.status === 410)) {
      setError(
        'This link has expired, was already used, or was replaced by a newer one. Ask for a new one.',
      );
    } else
      setError(
        result.kind === 'offline'
          ? 'The server could not be reached.'
          : (result.problem.detail ?? 'That did not work. Try again.'),
      );
  };

  if (!token) {
    return (
      <main className="narrow" id="main">
        <PageHeading title={title}>{title}</PageHeading>
        <ErrorNotice>
          <p>This page needs the link from your email, with its token. Open the link again.</p>
        </ErrorNotice>
      </main>
    );
  }
  return (
    <main className="narrow" id="main">
      <PageHeading title={title}>{title}</PageHeading>
      {finished ? (
        <div role="status" className="notice notice--success">
          <p>{done}</p>
          <p>
            <Link to="/admin/leads">Sign in</Link>
          </p>
        </div>
      ) : (
        <>
          <p>{intro}</p>
          <ErrorNotice>{error ? <p>{error}</p> : null}</ErrorNotice>
          <form onSubmit={submit} noValidate>
            <div className={`field${fieldError ? ' field--invalid' : ''}`}>
              <label htmlFor="new-password">New password</label>
              <p className="hint" id="new-password-hint">
                {POLICY}
              </p>
              <input
                id="new-password"
                type="password"
                autoComplete="new-password"
                value={password}
                aria-describedby={`new-password-hint${fieldError ? ' new-password-error' : ''}`}
                aria-invalid={fieldError ? true : undefined}
                onChange={(event) => setPassword(event.target.value)}
                required
              />
              {fieldError ? (
                <p className="field-error" id="new-password-error">
                  {fieldError}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor="repeat-password">The same password again</label>
              <input
                id="repeat-password"
                type="password"
                autoComplete="new-password"
                value={repeat}
                onChange={(event) => setRepeat(event.target.value)}
                required
              />
            </div>
            <button type="submit" className="button" aria-disabled={busy}>
              Set my password
            </button>
          </form>
        </>
      )}
    </main>
  );
}

export function AcceptInvitation() {
  return (
    <ChoosePassword
      title="Welcome: choose your password"
      intro="You were invited to the practice's staff app. Choose the password you will sign in with."
      send={acceptInvitation}
      done="Your password is set. Sign in with your email and the new password."
    />
  );
}

export function ResetPassword() {
  return (
    <ChoosePassword
      title="Choose a new password"
      intro="Choose a new password. Every session of your account ends when it changes."
      send={resetPassword}
      done="Your password is changed. Sign in with the new one."
    />
  );
}

export function ForgotPassword() {
  const [email, setEmail] = useState('');
  const [answer, setAnswer] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await requestPasswordReset(email);
    if (result.kind === 'ok') setAnswer(result.body.message);
    else if (result.kind === 'invalid') setError('Enter the email address of your staff account.');
    else
      setError(
        result.kind === 'offline'
          ? 'The server could not be reached.'
          : (result.problem.detail ?? 'That did not work.'),
      );
  };
  return (
    <main className="narrow" id="main">
      <PageHeading title="Forgot password">Forgot your password?</PageHeading>
      {answer ? (
        <p className="notice notice--success" role="status">
          {answer}
        </p>
      ) : (
        <>
          <p>We will email you a link to choose a new one.</p>
          <ErrorNotice>{error ? <p>{error}</p> : null}</ErrorNotice>
          <form onSubmit={submit} noValidate>
            <div className="field">
              <label htmlFor="reset-email">Email</label>
              <input
                id="reset-email"
                type="email"
                autoComplete="username"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                required
              />
            </div>
            <button type="submit" className="button">
              Email me a link
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/admin/leads">Back to sign in</Link>
      </p>
    </main>
  );
}
