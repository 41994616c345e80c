import { useState } from 'react';
import { call, staffApi } from '../../../../api/client';
import type { LeadDetail } from '../../../../api/types';
import type { ApiFailure } from '../../../lib/api';
import { ErrorNotice, StatusMessage } from '../../../components/ui';
import { formatDateTime } from '../../../words';

const SIGNER_NAMES = { client: 'Client', partner: 'Partner' } as const;

function requestPaperwork(leadId: string, signer: 'client' | 'partner') {
  return call(() =>
    staffApi.POST('/v1/admin/leads/{id}/paperwork-requests', {
      params: { path: { id: leadId } },
      body: { signer },
    }),
  );
}

/**
 * The consent documents a lead's client and partner signed, each with its PDF, and a way
 * to email either of them a link to sign what is still missing.
 */
export function Signatures({ lead }: { lead: LeadDetail }) {
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [sent, setSent] = useState('');
  const [busy, setBusy] = useState(false);
  const couple = lead.serviceType === 'couples';

  const ask = async (signer: 'client' | 'partner') => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    setSent('');
    const result = await requestPaperwork(lead.id, signer);
    setBusy(false);
    if (result.kind === 'ok') {
      const titles = result.body.documents.map((document) => document.title).join(', ');
      setSent(`Link sent to the ${signer} to sign: ${titles}.`);
    } else setFailure(result);
  };

  return (
    <section aria-labelledby="signatures-heading" className="card">
      <h2 id="signatures-heading">Signed documents</h2>
      {lead.signatures.length === 0 ? (
        <p className="muted">Nothing signed yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Consent documents signed</caption>
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Signed by</th>
                <th scope="col">When</th>
                <th scope="col">PDF</th>
              </tr>
            </thead>
            <tbody>
              {lead.signatures.map((signature) => (
                <tr key={signature.id}>
                  <td>
                    {signature.title} <span className="muted">(version {signature.version})</span>
                  </td>
                  <td>
                    {signature.signedName ?? 'erased'}{' '}
                    <span className="muted">({SIGNER_NAMES[signature.signer]})</span>
                  </td>
                  <td>{formatDateTime(signature.signedAt)}</td>
                  <td>
                    <a href={signature.pdfUrl} download>
                      Download<span className="visually-hidden"> {signature.title} PDF</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={() => void ask('client')}
        >
          Ask the client to sign what is missing
        </button>
        {couple ? (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => void ask('partner')}
          >
            Ask the partner to sign what is missing
          </button>
        ) : null}
      </div>
      <ErrorNotice failure={failure} />
      <StatusMessage>{sent}</StatusMessage>
    </section>
  );
}
