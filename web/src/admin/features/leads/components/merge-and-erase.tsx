import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { DuplicateView, LeadDetail } from '../../../../api/types';
import type { ApiFailure } from '../../../lib/api';
import { ErrorNotice, StatusMessage } from '../../../components/ui';
import { hasRole, useSession } from '../../../session';
import { formatDate, STATUS_NAMES } from '../../../words';
import { eraseLead, mergeLead } from '../api';

/** The changes that cannot be undone: merging a duplicate in, erasing personal data. */
export function Duplicates({ lead, onMerged }: { lead: LeadDetail; onMerged: () => void }) {
  const session = useSession();
  const [confirming, setConfirming] = useState<DuplicateView | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [done, setDone] = useState('');
  if (lead.duplicates.length === 0) return null;
  const mayMerge = hasRole(session, 'admin', 'coordinator') && !lead.mergedIntoLeadId;

  const merge = async (duplicate: DuplicateView) => {
    setFailure(null);
    const result = await mergeLead(duplicate.id, lead.id);
    setConfirming(null);
    if (result.kind === 'ok') {
      setDone(`${duplicate.reference ?? 'The duplicate'} was merged into this lead.`);
      onMerged();
    } else setFailure(result);
  };
  return (
    <section aria-labelledby="duplicates-heading" className="card">
      <h2 id="duplicates-heading">Possible duplicates</h2>
      <ErrorNotice failure={failure} />
      <StatusMessage>{done}</StatusMessage>
      <ul className="duplicates">
        {lead.duplicates.map((duplicate) => (
          <li key={duplicate.id}>
            <Link to={`/admin/leads/${duplicate.id}`}>{duplicate.reference ?? duplicate.id}</Link> ·{' '}
            {STATUS_NAMES[duplicate.status]} · {formatDate(duplicate.createdAt)} · same{' '}
            {duplicate.matchedOn.map((m) => m.replace('_', ' and ')).join(', ')}
            {mayMerge ? (
              confirming?.id === duplicate.id ? (
                <div className="confirm" role="group" aria-label="Confirm the merge">
                  <p>
                    Merge {duplicate.reference} into this lead? Its submissions, notes and history
                    move here; it stays only as a pointer. This cannot be undone.
                  </p>
                  <button
                    type="button"
                    className="button button--small button--danger"
                    onClick={() => void merge(duplicate)}
                  >
                    Yes, merge into this lead
                  </button>{' '}
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    onClick={() => setConfirming(null)}
                  >
                    Cancel
                  </button>
                </div>
              ) : (
                <div>
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    onClick={() => setConfirming(duplicate)}
                  >
                    Merge into this lead…
                  </button>
                </div>
              )
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Erase({ lead, onErased }: { lead: LeadDetail; onErased: () => void }) {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [sure, setSure] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  if (!hasRole(session, 'admin')) return null;
  const erase = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim() || !sure) return;
    const result = await eraseLead(lead.id, reason);
    if (result.kind === 'ok') onErased();
    else setFailure(result);
  };
  return (
    <section aria-labelledby="erase-heading" className="card card--danger">
      <h2 id="erase-heading">Erase personal data</h2>
      {open ? (
        <form onSubmit={erase}>
          <p>
            Empties names, contact details, messages, answers and note bodies of this lead (and of
            leads merged into it). The status, times and audit trail stay. This cannot be undone.
          </p>
          <div className="field">
            <label htmlFor="erase-reason">Reason (kept in the audit trail; name no client)</label>
            <textarea
              id="erase-reason"
              rows={2}
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              required
            />
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={sure}
              onChange={(event) => setSure(event.target.checked)}
            />
            I understand this erases the data for good
          </label>
          <ErrorNotice failure={failure} />
          <div className="actions">
            <button
              type="submit"
              className="button button--small button--danger"
              disabled={!reason.trim() || !sure}
            >
              Erase this lead&apos;s data
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => setOpen(false)}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => setOpen(true)}
        >
          Erase…
        </button>
      )}
    </section>
  );
}
