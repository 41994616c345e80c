import { useState } from 'react';
import { StatusMessage } from '../../../components/ui';

/**
 * The recovery codes, shown once (after enrolment or after asking for new ones): each
 * signs in once instead of the authenticator app. Copy or download, then continue;
 * they are not shown again (only hashes are kept).
 */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [message, setMessage] = useState('');
  const text = `Relational Intake recovery codes (each works once)\n\n${codes.join('\n')}\n`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setMessage('The codes are copied.');
    } catch {
      setMessage('Copying is not allowed here: select the codes and copy them yourself.');
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
      <h2 id="recovery-heading">Save your recovery codes</h2>
      <p>
        If you lose your phone, each of these codes signs you in once instead of the code from your
        authenticator app. Keep them somewhere safe, apart from your password. They are shown only
        now.
      </p>
      <ul className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <StatusMessage>{message}</StatusMessage>
      <div className="actions">
        <button type="button" className="button button--small button--quiet" onClick={copy}>
          Copy the codes
        </button>
        <button type="button" className="button button--small button--quiet" onClick={download}>
          Download as a text file
        </button>
        <button type="button" className="button button--small" onClick={onDone}>
          I have saved my recovery codes
        </button>
      </div>
    </section>
  );
}
