import { useState } from 'react';
import { call, staffApi } from '../../../../api/client';
import type { LeadDetail } from '../../../../api/types';
import type { ApiFailure } from '../../../lib/api';
import { DataTable, ErrorNotice, StatusMessage } from '../../../components/ui';
import { formatDateTime } from '../../../words';
import { t, tRich } from '../../../i18n/t';

const SIGNER_NAMES = {
  client: t('leads.signatures.client'),
  partner: t('leads.signatures.partner'),
};

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
      setSent(t('leads.signatures.sent', { signer, titles }));
    } else setFailure(result);
  };

  return (
    <section aria-labelledby="signatures-heading" className="card">
      <h2 id="signatures-heading">{t('leads.signatures.heading')}</h2>
      {lead.signatures.length === 0 ? (
        <p className="muted">{t('leads.signatures.none')}</p>
      ) : (
        <DataTable
          caption={t('leads.signatures.caption')}
          columns={[
            t('leads.signatures.document'),
            t('leads.signatures.signedBy'),
            t('leads.signatures.when'),
            t('leads.signatures.pdf'),
          ]}
        >
          {lead.signatures.map((signature) => (
            <tr key={signature.id}>
              <td>
                {signature.title}{' '}
                <span className="muted">
                  {t('leads.signatures.version', { version: signature.version })}
                </span>
              </td>
              <td>
                {signature.signedName ?? t('leads.signatures.erased')}{' '}
                <span className="muted">({SIGNER_NAMES[signature.signer]})</span>
              </td>
              <td>{formatDateTime(signature.signedAt)}</td>
              <td>
                <a href={signature.pdfUrl} download>
                  {tRich('leads.signatures.download', {
                    title: signature.title,
                  })}
                </a>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={() => void ask('client')}
        >
          {t('leads.signatures.askClient')}
        </button>
        {couple ? (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => void ask('partner')}
          >
            {t('leads.signatures.askPartner')}
          </button>
        ) : null}
      </div>
      <ErrorNotice failure={failure} />
      <StatusMessage>{sent}</StatusMessage>
    </section>
  );
}
