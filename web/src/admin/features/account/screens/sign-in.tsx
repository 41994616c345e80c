import { useEffect, useRef, useState, type FormEvent } from 'react';
import { startSession } from '../../../../api/client';
import type { ApiFailure } from '../../../lib/api';
import { signIn, startMfaSetup, verifyMfa, type MfaSetup } from '../api';
import { ErrorNotice, PageHeading } from '../../../components/ui';
import { TextField } from '../../../components/forms';
import { Link } from 'react-router';
import { RecoveryCodes } from './recovery-codes';
import { t } from '../../../i18n/t';

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
      <PageHeading title={t('account.signIn.title')}>{t('account.signIn.title')}</PageHeading>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorNotice>{error ? <p>{error}</p> : null}</ErrorNotice>
      <form onSubmit={submit} noValidate>
        {needsCode && useRecovery ? (
          <TextField
            inputRef={codeInput}
            id="recovery-code"
            name="recovery-code"
            label={t('account.signIn.recoveryCode')}
            hint={t('account.signIn.recoveryHint')}
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            value={code}
            onChange={setCode}
            required
          />
        ) : needsCode ? (
          <TextField
            inputRef={codeInput}
            id="totp"
            name="totp"
            label={t('shell.reauthenticate.codeLabel')}
            hint={t('account.signIn.totpHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={7}
            value={code}
            onChange={setCode}
            required
          />
        ) : (
          <>
            <TextField
              id="email"
              label={t('account.email')}
              type="email"
              autoComplete="username"
              value={email}
              onChange={setEmail}
              required
            />
            <TextField
              id="password"
              label={t('shell.reauthenticate.passwordLabel')}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              required
            />
          </>
        )}
        <button type="submit" className="button" aria-disabled={busy}>
          {busy
            ? t('account.signIn.busy')
            : needsCode
              ? t('account.signIn.verify')
              : t('account.signIn.title')}
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
            {useRecovery ? t('account.signIn.useApp') : t('account.signIn.useRecovery')}
          </button>
        </p>
      ) : null}
      <p>
        <Link to="/admin/forgot-password">{t('account.signIn.forgot')}</Link>
      </p>
    </main>
  );
}

function signInFailure(result: ApiFailure, withCode: boolean, recovery: boolean): string {
  if (result.kind === 'offline') return t('account.signIn.offline');
  if (result.kind === 'invalid') {
    if (!withCode) return t('account.signIn.enterBoth');
    return recovery ? t('account.signIn.enterRecovery') : t('account.signIn.sixDigits');
  }
  if (result.status === 401) {
    if (!withCode) return t('account.signIn.wrong');
    return recovery ? t('account.signIn.wrongRecovery') : t('account.signIn.wrongCode');
  }
  if (result.status === 429) {
    const seconds = result.kind === 'problem' ? (result.retryAfter ?? 0) : 0;
    return seconds > 0
      ? t('account.signIn.throttledFor', { wait: waitText(seconds) })
      : t('account.signIn.throttled');
  }
  return result.problem.detail ?? t('account.signIn.failed');
}

function waitText(seconds: number): string {
  return seconds < 90
    ? t('shell.duration.seconds', { seconds })
    : t('shell.duration.minutes', { minutes: Math.ceil(seconds / 60) });
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
    } else if (result.kind === 'invalid') setError(t('account.mfa.wrongCode'));
    else setFailure(result);
  };

  if (recoveryCodes) {
    return (
      <main className="narrow" id="main">
        <PageHeading title={t('account.mfa.on')}>{t('account.mfa.on')}</PageHeading>
        <RecoveryCodes codes={recoveryCodes} onDone={onEnrolled} />
      </main>
    );
  }

  return (
    <main className="narrow" id="main">
      <PageHeading title={t('account.mfa.title')}>{t('account.mfa.title')}</PageHeading>
      {required ? <p>{t('account.mfa.required')}</p> : null}
      <ErrorNotice failure={failure} />
      {setup ? (
        <>
          <ol className="steps">
            <li>
              {t('account.mfa.step1')}
              <p className="secret" aria-label={t('account.mfa.setupKey')}>
                <code id="mfa-secret">{setup.secret}</code>
              </p>
              <details>
                <summary>{t('account.mfa.link')}</summary>
                <p className="wrap-anywhere">
                  <code id="mfa-uri">{setup.otpauthUri}</code>
                </p>
              </details>
            </li>
            <li>{t('account.mfa.step2')}</li>
          </ol>
          <ErrorNotice>{error ? <p>{error}</p> : null}</ErrorNotice>
          <form onSubmit={verify} noValidate>
            <TextField
              id="mfa-code"
              label={t('account.mfa.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              value={code}
              onChange={setCode}
              required
            />
            <div className="actions">
              <button type="submit" className="button" aria-disabled={busy}>
                {t('account.mfa.turnOn')}
              </button>
              {onCancel ? (
                <button type="button" className="button button--quiet" onClick={onCancel}>
                  {required ? t('shell.signOut') : t('shell.cancel')}
                </button>
              ) : null}
            </div>
          </form>
        </>
      ) : failure ? null : (
        <p className="loading">{t('account.mfa.creating')}</p>
      )}
    </main>
  );
}
