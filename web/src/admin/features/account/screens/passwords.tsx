import { useState, type FormEvent } from 'react';
import type { ApiResult } from '../../../lib/api';
import { acceptInvitation, requestPasswordReset, resetPassword } from '../api';
import { ErrorNotice, PageHeading } from '../../../components/ui';
import { TextField } from '../../../components/forms';
import { Link, useLocation } from 'react-router';
import { t } from '../../../i18n/t';

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
      setFieldError(t('account.password.notSame'));
      return;
    }
    setBusy(true);
    const result = await send(token, password);
    setBusy(false);
    if (result.kind === 'ok') setFinished(true);
    else if (result.kind === 'invalid') {
      setFieldError(
        result.errors.map((e) => t('account.password.error', { message: e.message })).join(' ') ||
          t('account.password.refused'),
      );
    } else if (result.kind === 'problem' && (result.status === 404 || result.status === 410)) {
      setError(t('account.password.linkGone'));
    } else
      setError(
        result.kind === 'offline'
          ? t('account.password.offline')
          : (result.problem.detail ?? t('account.password.failed')),
      );
  };

  if (!token) {
    return (
      <main className="narrow" id="main">
        <PageHeading title={title}>{title}</PageHeading>
        <ErrorNotice>
          <p>{t('account.password.noToken')}</p>
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
            <Link to="/admin/leads">{t('account.signIn.title')}</Link>
          </p>
        </div>
      ) : (
        <>
          <p>{intro}</p>
          <ErrorNotice>{error ? <p>{error}</p> : null}</ErrorNotice>
          <form onSubmit={submit} noValidate>
            <TextField
              id="new-password"
              label={t('account.password.new')}
              hint={t('account.password.policy')}
              error={fieldError}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={setPassword}
              required
            />
            <TextField
              id="repeat-password"
              label={t('account.password.repeat')}
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={setRepeat}
              required
            />
            <button type="submit" className="button" aria-disabled={busy}>
              {t('account.password.set')}
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
      title={t('account.invitation.title')}
      intro={t('account.invitation.intro')}
      send={acceptInvitation}
      done={t('account.invitation.done')}
    />
  );
}

export function ResetPassword() {
  return (
    <ChoosePassword
      title={t('account.reset.title')}
      intro={t('account.reset.intro')}
      send={resetPassword}
      done={t('account.reset.done')}
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
    else if (result.kind === 'invalid') setError(t('account.forgot.invalid'));
    else
      setError(
        result.kind === 'offline'
          ? t('account.password.offline')
          : (result.problem.detail ?? t('account.forgot.failed')),
      );
  };
  return (
    <main className="narrow" id="main">
      <PageHeading title={t('account.forgot.title')}>{t('account.signIn.forgot')}</PageHeading>
      {answer ? (
        <p className="notice notice--success" role="status">
          {answer}
        </p>
      ) : (
        <>
          <p>{t('account.forgot.lead')}</p>
          <ErrorNotice>{error ? <p>{error}</p> : null}</ErrorNotice>
          <form onSubmit={submit} noValidate>
            <TextField
              id="reset-email"
              label={t('account.email')}
              type="email"
              autoComplete="username"
              value={email}
              onChange={setEmail}
              required
            />
            <button type="submit" className="button">
              {t('account.forgot.send')}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/admin/leads">{t('account.forgot.back')}</Link>
      </p>
    </main>
  );
}
