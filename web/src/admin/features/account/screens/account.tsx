import { useState, type FormEvent } from 'react';
import type { ApiFailure } from '../../../lib/api';
import { changePassword, newRecoveryCodes } from '../api';
import { ErrorNotice, PageHeading, StatusMessage } from '../../../components/ui';
import { TextField } from '../../../components/forms';
import { Link } from 'react-router';
import { useSession } from '../../../session';
import { ROLE_NAMES } from '../../../words';
import { RecoveryCodes } from './recovery-codes';
import { MfaEnrolment } from './sign-in';
import { t, tRich } from '../../../i18n/t';

/**
 * The signed-in person's own account: two-factor enrolment and recovery codes, a password
 * change, and the way to the list of their sessions.
 */
export function AccountPage() {
  const session = useSession();
  const { user } = session.me;
  const [enrolling, setEnrolling] = useState(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [message, setMessage] = useState('');
  const [totp, setTotp] = useState('');
  const [codesFailure, setCodesFailure] = useState<ApiFailure | null>(null);
  const [newCodes, setNewCodes] = useState<string[] | null>(null);

  if (enrolling) {
    return (
      <MfaEnrolment
        required={false}
        onEnrolled={() => {
          setEnrolling(false);
          setMessage(t('account.page.mfaOn'));
          void session.refresh();
        }}
        onCancel={() => setEnrolling(false)}
      />
    );
  }
  if (newCodes) {
    return (
      <RecoveryCodes
        codes={newCodes}
        onDone={() => {
          setNewCodes(null);
          setMessage(t('account.page.newCodes'));
          void session.refresh();
        }}
      />
    );
  }
  const regenerate = async (event: FormEvent) => {
    event.preventDefault();
    setCodesFailure(null);
    const result = await newRecoveryCodes(totp.replace(/\s/g, ''));
    setTotp('');
    if (result.kind === 'ok') setNewCodes(result.body.recoveryCodes);
    else setCodesFailure(result);
  };
  const change = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const result = await changePassword(current, next);
    if (result.kind === 'ok') {
      setCurrent('');
      setNext('');
      setMessage(t('account.page.passwordChanged'));
    } else setFailure(result);
  };
  return (
    <>
      <PageHeading title={t('account.page.title')}>{t('account.page.title')}</PageHeading>
      <StatusMessage>{message}</StatusMessage>
      <p>
        {user.name}, {user.email} · {ROLE_NAMES[user.role]}
      </p>
      <section className="card" aria-labelledby="mfa-heading">
        <h2 id="mfa-heading">{t('account.page.mfa')}</h2>
        {user.mfaEnabled ? (
          <>
            <p>{t('account.page.mfaOnLead')}</p>
            <p>
              {tRich('account.page.codesLeft', {
                count: session.me.mfa.recoveryCodesRemaining,
              })}
            </p>
            <form onSubmit={regenerate} noValidate aria-labelledby="codes-heading">
              <h3 id="codes-heading">{t('account.page.newCodesHeading')}</h3>
              <p className="muted">{t('account.page.newCodesHint')}</p>
              <ErrorNotice failure={codesFailure} />
              <TextField
                id="codes-totp"
                label={t('shell.reauthenticate.codeLabel')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={7}
                value={totp}
                onChange={setTotp}
              />
              <button type="submit" className="button button--small">
                {t('account.page.makeCodes')}
              </button>
            </form>
          </>
        ) : (
          <>
            <p>{t('account.page.mfaOff')}</p>
            <button
              type="button"
              className="button button--small"
              onClick={() => setEnrolling(true)}
            >
              {t('account.mfa.title')}
            </button>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t('account.sessions.label')}</h2>
        <p>
          {tRich('account.page.sessions', {
            link: (chunks) => <Link to="/admin/sessions">{chunks}</Link>,
          })}
        </p>
      </section>
      <form className="card form-card" onSubmit={change} aria-labelledby="password-heading">
        <h2 id="password-heading">{t('account.page.changePassword')}</h2>
        <ErrorNotice failure={failure} />
        <TextField
          id="current-password"
          label={t('account.page.currentPassword')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
        />
        <TextField
          id="next-password"
          label={t('account.page.newPassword')}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
        />
        <button type="submit" className="button button--small">
          {t('account.page.changePassword')}
        </button>
      </form>
    </>
  );
}
