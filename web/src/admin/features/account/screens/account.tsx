import { useState, type FormEvent } from 'react';
import type { ApiFailure } from '../../../lib/api';
import { changePassword, newRecoveryCodes } from '../api';
import { ErrorNotice, PageHeading, StatusMessage } from '../../../components/ui';
import { Link } from 'react-router';
import { useSession } from '../../../session';
import { ROLE_NAMES } from '../../../words';
import { RecoveryCodes } from './recovery-codes';
import { MfaEnrolment } from './sign-in';

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
          setMessage('Two-factor sign-in is on.');
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
          setMessage('Your new recovery codes are in use; the old ones no longer work.');
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
      setMessage('Your password is changed; your other sessions have ended.');
    } else setFailure(result);
  };
  return (
    <>
      <PageHeading title="Your account">Your account</PageHeading>
      <StatusMessage>{message}</StatusMessage>
      <p>
        {user.name}, {user.email} · {ROLE_NAMES[user.role]}
      </p>
      <section className="card" aria-labelledby="mfa-heading">
        <h2 id="mfa-heading">Two-factor sign-in</h2>
        {user.mfaEnabled ? (
          <>
            <p>On: every sign-in asks for a code from your authenticator app.</p>
            <p>
              Recovery codes left: <strong>{session.me.mfa.recoveryCodesRemaining}</strong> of 10.
            </p>
            <form onSubmit={regenerate} noValidate aria-labelledby="codes-heading">
              <h3 id="codes-heading">New recovery codes</h3>
              <p className="muted">The codes you have now stop working.</p>
              <ErrorNotice failure={codesFailure} />
              <div className="field">
                <label htmlFor="codes-totp">Code from your authenticator app</label>
                <input
                  id="codes-totp"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={7}
                  value={totp}
                  onChange={(e) => setTotp(e.target.value)}
                />
              </div>
              <button type="submit" className="button button--small">
                Make new recovery codes
              </button>
            </form>
          </>
        ) : (
          <>
            <p>Off. Turn it on so a stolen password alone cannot open client records.</p>
            <button
              type="button"
              className="button button--small"
              onClick={() => setEnrolling(true)}
            >
              Set up two-factor sign-in
            </button>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p>
          <Link to="/admin/sessions">See where you are signed in</Link>, and end any session you do
          not recognise.
        </p>
      </section>
      <form className="card form-card" onSubmit={change} aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <ErrorNotice failure={failure} />
        <div className="field">
          <label htmlFor="current-password">Current password</label>
          <input
            id="current-password"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="next-password">New password (at least 12 characters)</label>
          <input
            id="next-password"
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        </div>
        <button type="submit" className="button button--small">
          Change password
        </button>
      </form>
    </>
  );
}
