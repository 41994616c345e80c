import { useState } from 'react';
import { StatusMessage } from '../../../components/ui';
import { t } from '../../../i18n/t';

/**
 * The recovery codes, shown once (after enrolment or after asking for new ones): each
 * signs in once instead of the authenticator app. Copy or download, then continue;
 * they are not shown again (only hashes are kept).
 */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [message, setMessage] = useState('');
  const text = `${t('account.codes.fileHeading')}\n\n${codes.join('\n')}\n`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setMessage(t('account.codes.copied'));
    } catch {
      setMessage(t('account.codes.copyRefused'));
    }
  };
  const download = () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    link.download = 'recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <section className="card" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">{t('account.codes.heading')}</h2>
      <p>{t('account.codes.lead')}</p>
      <ul className="recovery-codes" aria-label={t('account.codes.label')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <StatusMessage>{message}</StatusMessage>
      <div className="actions">
        <button type="button" className="button button--small button--quiet" onClick={copy}>
          {t('account.codes.copy')}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={download}>
          {t('account.codes.download')}
        </button>
        <button type="button" className="button button--small" onClick={onDone}>
          {t('account.codes.saved')}
        </button>
      </div>
    </section>
  );
}
