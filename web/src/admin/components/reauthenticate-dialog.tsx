import { useEffect, useRef, useState, type FormEvent } from 'react';
import { onReauthenticationRequired } from '../../api/client';
import { reauthenticate } from '../features/account/api';
import type { ApiFailure } from '../lib/api';
import { ErrorNotice } from './ui';
import { TextField } from './forms';
import { t } from '../i18n/t';

/**
 * Erasing a lead, exporting leads, changing a role and setting a webhook secret need
 * the password or a code proved in the last 10 minutes. When the server asks for it,
 * this dialog asks the person, and the action is tried again once they did.
 */
export function ReauthenticateDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const settle = useRef<((done: boolean) => void) | null>(null);
  const [useCode, setUseCode] = useState(false);
  const [secret, setSecret] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(
    () =>
      onReauthenticationRequired(
        () =>
          new Promise<boolean>((resolve) => {
            settle.current?.(false);
            settle.current = resolve;
            setSecret('');
            setFailure(null);
            dialog.current?.showModal();
          }),
      ),
    [],
  );

  const finish = (done: boolean) => {
    dialog.current?.close();
    const resolve = settle.current;
    settle.current = null;
    setSecret('');
    resolve?.(done);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await reauthenticate(useCode ? { totp: secret.trim() } : { password: secret });
    setBusy(false);
    if (result.kind === 'ok') finish(true);
    else setFailure(result);
  };

  return (
    <dialog
      ref={dialog}
      className="card reauthenticate-dialog"
      aria-labelledby="reauthenticate-heading"
      onCancel={(event) => {
        event.preventDefault();
        finish(false);
      }}
    >
      <form onSubmit={(event) => void submit(event)}>
        <h2 id="reauthenticate-heading">{t('shell.reauthenticate.heading')}</h2>
        <p>{t('shell.reauthenticate.lead', { secret: useCode ? 'code' : 'password' })}</p>
        <ErrorNotice failure={failure} />
        <TextField
          id="reauthenticate-secret"
          label={
            useCode ? t('shell.reauthenticate.codeLabel') : t('shell.reauthenticate.passwordLabel')
          }
          type={useCode ? 'text' : 'password'}
          inputMode={useCode ? 'numeric' : undefined}
          autoComplete={useCode ? 'one-time-code' : 'current-password'}
          value={secret}
          onChange={setSecret}
          required
        />
        <p>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => {
              setUseCode(!useCode);
              setSecret('');
              setFailure(null);
            }}
          >
            {useCode ? t('shell.reauthenticate.usePassword') : t('shell.reauthenticate.useCode')}
          </button>
        </p>
        <div className="actions">
          <button type="submit" className="button button--small" disabled={busy}>
            {t('shell.reauthenticate.confirm')}
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => finish(false)}
          >
            {t('shell.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
