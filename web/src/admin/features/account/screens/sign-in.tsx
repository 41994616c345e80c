import { useEffect, useRef, useState, type FormEvent } from 'react';
import { startSession } from '../../../../api/client';
import type { ApiFailure } from '../../../lib/api';
import { signIn, startMfaSetup, verifyMfa, type MfaSetup } from '../api';
import { ErrorNotice, PageHeading } from '../../../components/ui';
import { Link } from 'react-router';
import { RecoveryCodes } from './recovery-codes';

/**
 * Email and password, then (for an enrolled account) the six digits of the authenticator
 * app. The session lives in an HttpOnly cookie; the token in the answer is not kept.
 */
export function SignIn({ notice, onSignedIn }: { notice?: string; onSignedIn: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (needsCode) codeInput.current?.focus();
  }, [needsCode, useRecovery]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await signIn({
      email,
      password,
      ...(!needsCode
        ? {}
        : useRecovery
          ? { recoveryCode: code.trim() }
          : { totp: code.replace(/\s/g, '') }),
    });
    setBusy(false);
    if (result.kind === 'ok') {
      await startSession();
      onSignedIn();
      return;
    }
    if (result.kind === 'problem' && result.code === 'mfa-required') {
      setNeedsCode(true);
      return;
    }
    setError(signInFailure(result, needsCode, useRecovery));
    if (needsCode) setCode('');
  };

  return (
    <main className="narrow" id="main">
      <PageHeading title="Sign in">Sign in</PageHeading>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorNotice>{error ? <p>{error}</p> : null}</ErrorNotice>
      <form onSubmit={submit} noValidate>
        {needsCode && useRecovery ? (
          <div className="field">
            <label htmlFor="recovery-code">Recovery code</label>
            <p className="hint" id="recovery-hint">
              One of the codes you saved when you set up two-factor sign-in. Each works once.
            </p>
            <input
              ref={codeInput}
              id="recovery-code"
              name="recovery-code"
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
              aria-describedby="recovery-hint"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              required
            />
          </div>
        ) : needsCode ? (
          <div className="field">
            <label htmlFor="totp">Code from your authenticator app</label>
            <p className="hint" id="totp-hint">
              Six digits; a new code appears every 30 seconds.
            </p>
            <input
              ref={codeInput}
              id="totp"
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={7}
              aria-describedby="totp-hint"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              required
            />
          </div>
        ) : (
          <>
            <div className="field">
              <label htmlFor="email">Email</label>
              <input
                id="email"
                type="email"
                autoComplete="username"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                required
              />
            </div>
            <div className="field">
              <label htmlFor="password">Password</label>
              <input
                id="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                required
              />
            </div>
          </>
        )}
        <button type="submit" className="button" aria-disabled={busy}>
          {busy ? 'Signing in…' : needsCode ? 'Verify and sign in' : 'Sign in'}
        </button>
      </form>
      {needsCode ? (
        <p>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => {
              setUseRecovery(!useRecovery);
              setCode('');
              setError(null);
            }}
          >
            {useRecovery ? 'Use the authenticator app instead' : 'Use a recovery code instead'}
          </button>
        </p>
      ) : null}
      <p>
        <Link to="/admin/forgot-password">Forgot your password?</Link>
      </p>
    </main>
  );
}

function signInFailure(result: ApiFailure, withCode: boolean, recovery: boolean): string {
  if (result.kind === 'offline') return 'The server could not be reached. Check the connection.';
  if (result.kind === 'invalid') {
    if (!withCode) return 'Enter your email and password.';
    return recovery ? 'Enter one of your recovery codes.' : 'The code is six digits.';
  }
  if (result.status === 401) {
    if (!withCode) return 'The email or password is not right.';
    return recovery
      ? 'That recovery code is not right, or was already used.'
      : 'That code is not right, or was already used. Wait for the next one and try again.';
  }
  if (result.status === 429) {
    const seconds = result.kind === 'problem' ? (result.retryAfter ?? 0) : 0;
    return seconds > 0
      ? `Too many failed attempts from here. Wait ${waitText(seconds)}, then try again.`
      : 'Too many failed attempts from here. Wait a little, then try again.';
  }
  return result.problem.detail ?? 'Signing in failed. Try again in a moment.';
}

function waitText(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * Two-factor enrolment: the secret to type into an authenticator app (and the otpauth
 * URI, for apps that take one), then a first code to prove it works.
 */
export function MfaEnrolment({
  required,
  onEnrolled,
  onCancel,
}: {
  required: boolean;
  onEnrolled: () => void;
  onCancel?: () => void;
}) {
  const [setup, setSetup] = useState<MfaSetup | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void startMfaSetup().then((result) => {
      if (result.kind === 'ok') setSetup(result.body);
      else setFailure(result);
    });
  }, []);

  const verify = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await verifyMfa(code.replace(/\s/g, ''));
    setBusy(false);
    if (result.kind === 'ok') {
      // Enrolment replaced the session (a new cookie): its writes need the new CSRF token.
      await startSession();
      setRecoveryCodes(result.body.recoveryCodes);
    } else if (result.kind === 'invalid')
      setError('That is not the current code. Check the app and try the next one.');
    else setFailure(result);
  };

  if (recoveryCodes) {
    return (
      <main className="narrow" id="main">
        <PageHeading title="Two-factor sign-in is on">Two-factor sign-in is on</PageHeading>
        <RecoveryCodes codes={recoveryCodes} onDone={onEnrolled} />
      </main>
    );
  }

  return (
    <main className="narrow" id="main">
      <PageHeading title="Set up two-factor sign-in">Set up two-factor sign-in</PageHeading>
      {required ? (
        <p>
          This practice asks every staff member to sign in with a second factor. It takes a minute.
        </p>
      ) : null}
      <ErrorNotice failure={failure} />
      {setup ? (
        <>
          <ol className="steps">
            <li>
              Open an authenticator app (for example Google Authenticator, 1Password, Aegis) and add
              an account by typing this setup key:
              <p className="secret" aria-label="Setup key">
                <code id="mfa-secret">{setup.secret}</code>
              </p>
              <details>
                <summary>Or paste the setup link</summary>
                <p className="wrap-anywhere">
                  <code id="mfa-uri">{setup.otpauthUri}</code>
                </p>
              </details>
            </li>
            <li>Enter the six-digit code the app shows.</li>
          </ol>
          <ErrorNotice>{error ? <p>{error}</p> : null}</ErrorNotice>
          <form onSubmit={verify} noValidate>
            <div className="field">
              <label htmlFor="mfa-code">Six-digit code</label>
              <input
                id="mfa-code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={7}
                value={code}
                onChange={(event) => setCode(event.target.value)}
                required
              />
            </div>
            <div className="actions">
              <button type="submit" className="button" aria-disabled={busy}>
                Turn on two-factor sign-in
              </button>
              {onCancel ? (
                <button type="button" className="button button--quiet" onClick={onCancel}>
                  {required ? 'Sign out' : 'Cancel'}
                </button>
              ) : null}
            </div>
          </form>
        </>
      ) : failure ? null : (
        <p className="loading">Creating your setup key…</p>
      )}
    </main>
  );
}
