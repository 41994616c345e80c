import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  isFullLead,
  type DuplicateView,
  type LeadDetail,
  type MergedSurvivor,
} from '../../../../api/types';
import type { ApiFailure } from '../../../lib/api';
import { ErrorNotice, Loading, StatusMessage } from '../../../components/ui';
import { Time } from '../../../components/time';
import { hasRole, useSession } from '../../../session';
import { STATUS_NAMES } from '../../../words';
import { eraseLead, mergeLead, useLead } from '../api';
import { defaultSurvivor } from '../merge-survivor';
import { t, tRich } from '../../../i18n/t';

/** The changes that cannot be undone: merging a duplicate in, erasing personal data. */
export function Duplicates({ lead, onMerged }: { lead: LeadDetail; onMerged: () => void }) {
  const session = useSession();
  const [comparing, setComparing] = useState<string | null>(null);
  const [done, setDone] = useState('');
  if (lead.duplicates.length === 0) return null;
  const mayMerge = hasRole(session, 'admin', 'coordinator') && !lead.mergedIntoLeadId;
  return (
    <section aria-labelledby="duplicates-heading" className="card">
      <h2 id="duplicates-heading">{t('leads.duplicates.heading')}</h2>
      <StatusMessage>{done}</StatusMessage>
      <ul className="duplicates">
        {lead.duplicates.map((duplicate) => (
          <li key={duplicate.id}>
            <Link to={`/admin/leads/${duplicate.id}`}>{duplicate.reference ?? duplicate.id}</Link> ·{' '}
            {STATUS_NAMES[duplicate.status]} · <Time iso={duplicate.createdAt} /> ·{' '}
            {t('leads.duplicates.same', {
              what: duplicate.matchedOn.map((m) => m.replace('_', ' and ')).join(', '),
            })}
            {mayMerge ? (
              comparing === duplicate.id ? (
                <MergePanel
                  lead={lead}
                  duplicate={duplicate}
                  onCancel={() => setComparing(null)}
                  onMerged={(said) => {
                    setComparing(null);
                    setDone(said);
                    onMerged();
                  }}
                />
              ) : (
                <div>
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    onClick={() => setComparing(duplicate.id)}
                  >
                    {t('leads.duplicates.compare')}
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

/**
 * Both leads side by side, the survivor chosen (by default the one further along), a
 * preview of the survivor from the server (nothing written), and only then the merge.
 */
function MergePanel({
  lead,
  duplicate,
  onCancel,
  onMerged,
}: {
  lead: LeadDetail;
  duplicate: DuplicateView;
  onCancel: () => void;
  onMerged: (said: string) => void;
}) {
  const navigate = useNavigate();
  const other = useLead(duplicate.id).loaded;
  const [chosen, setChosen] = useState<string | null>(null);
  const [preview, setPreview] = useState<MergedSurvivor | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);

  if (other.state === 'loading') return <Loading what={t('leads.merge.loadingOther')} />;
  if (other.state === 'failed') return <ErrorNotice failure={other.failure} />;
  if (!isFullLead(other.value)) return <p>{t('leads.merge.otherErased')}</p>;
  const otherLead = other.value;
  const survivorId = chosen ?? defaultSurvivor(lead, otherLead).id;
  const survivor = survivorId === lead.id ? lead : otherLead;
  const folded = survivorId === lead.id ? otherLead : lead;
  /** "this lead" or "the other lead". */
  const which = (l: LeadDetail) =>
    t('leads.merge.which', { which: l.id === lead.id ? 'this' : 'other' });

  const choose = (id: string) => {
    setChosen(id);
    setPreview(null);
    setFailure(null);
  };
  const ask = async () => {
    setBusy(true);
    setFailure(null);
    const result = await mergeLead(folded.id, survivor.id, true);
    setBusy(false);
    if (result.kind === 'ok') setPreview(result.body.survivor);
    else setFailure(result);
  };
  const merge = async () => {
    setBusy(true);
    setFailure(null);
    const result = await mergeLead(folded.id, survivor.id);
    setBusy(false);
    if (result.kind !== 'ok') {
      setFailure(result);
      return;
    }
    const said = t('leads.merge.done', {
      folded: folded.reference ?? t('leads.merge.theDuplicate'),
      survivor: survivor.reference ?? t('leads.merge.theKeptLead'),
    });
    if (survivor.id === lead.id) onMerged(said);
    else void navigate(`/admin/leads/${survivor.id}`);
  };

  return (
    <div className="merge-panel" role="group" aria-label={t('leads.merge.label')}>
      <fieldset className="merge-compare">
        <legend>{t('leads.merge.legend')}</legend>
        {[lead, otherLead].map((l) => (
          <div key={l.id} className={`merge-side${survivorId === l.id ? ' merge-side--kept' : ''}`}>
            <label className="choice">
              <input
                type="radio"
                name={`survivor-${duplicate.id}`}
                checked={survivorId === l.id}
                onChange={() => choose(l.id)}
              />{' '}
              {t('leads.merge.keep', { lead: which(l) })}{' '}
              <span className="reference">{l.reference}</span>
            </label>
            <dl className="facts">
              <div>
                <dt>{t('leads.merge.name')}</dt>
                <dd>{l.name}</dd>
              </div>
              <div>
                <dt>{t('leads.merge.status')}</dt>
                <dd>{STATUS_NAMES[l.status]}</dd>
              </div>
              <div>
                <dt>{t('leads.merge.assigned')}</dt>
                <dd>{l.assignedClinician?.name ?? t('leads.merge.nobody')}</dd>
              </div>
              <div>
                <dt>{t('leads.merge.firstContact')}</dt>
                <dd>
                  <Time iso={l.firstAttemptAt ?? l.firstContactedAt} />
                </dd>
              </div>
              <div>
                <dt>{t('leads.contact.received')}</dt>
                <dd>
                  <Time iso={l.createdAt} />
                </dd>
              </div>
              <div>
                <dt>{t('leads.merge.submissions')}</dt>
                <dd>
                  {t('leads.merge.submissionsCount', {
                    submissions: l.inquiries.length + l.intakes.length,
                    notes: l.notes.length,
                  })}
                </dd>
              </div>
            </dl>
          </div>
        ))}
      </fieldset>
      <ErrorNotice failure={failure} />
      {preview ? (
        <div className="merge-preview" role="status">
          <p>
            {tRich('leads.merge.after', {
              lead: survivor.reference ?? t('leads.merge.theKeptLead'),
            })}
          </p>
          <dl className="facts">
            <div>
              <dt>{t('leads.merge.status')}</dt>
              <dd>{STATUS_NAMES[preview.status]}</dd>
            </div>
            <div>
              <dt>{t('leads.merge.assigned')}</dt>
              <dd>{assigneeName(preview.assignedClinicianId, [lead, otherLead])}</dd>
            </div>
            <div>
              <dt>{t('leads.merge.firstContact')}</dt>
              <dd>
                <Time iso={preview.firstContactedAt} />
              </dd>
            </div>
          </dl>
          <p>
            {t('leads.merge.pointer', { lead: folded.reference ?? t('leads.merge.theOtherLead') })}
          </p>
        </div>
      ) : null}
      <div className="actions">
        {preview ? (
          <button
            type="button"
            className="button button--small button--danger"
            aria-disabled={busy}
            onClick={() => void (busy ? undefined : merge())}
          >
            {t('leads.merge.merge', { lead: survivor.reference ?? which(survivor) })}
          </button>
        ) : (
          <button
            type="button"
            className="button button--small"
            aria-disabled={busy}
            onClick={() => void (busy ? undefined : ask())}
          >
            {t('leads.merge.preview')}
          </button>
        )}
        <button type="button" className="button button--small button--quiet" onClick={onCancel}>
          {t('shell.cancel')}
        </button>
      </div>
    </div>
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
      <h2 id="erase-heading">{t('leads.erase.heading')}</h2>
      {open ? (
        <form onSubmit={erase}>
          <p>{t('leads.erase.text')}</p>
          <div className="field">
            <label htmlFor="erase-reason">{t('leads.erase.reason')}</label>
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
            {t('leads.erase.sure')}
          </label>
          <ErrorNotice failure={failure} />
          <div className="actions">
            <button
              type="submit"
              className="button button--small button--danger"
              disabled={!reason.trim() || !sure}
            >
              {t('leads.erase.submit')}
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => setOpen(false)}
            >
              {t('shell.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => setOpen(true)}
        >
          {t('leads.erase.open')}
        </button>
      )}
    </section>
  );
}

/** The preview names the survivor's clinician by id: one of the two leads' assignees. */
function assigneeName(id: string | null, leads: LeadDetail[]): string {
  if (!id) return t('leads.merge.nobody');
  return (
    leads.find((l) => l.assignedClinician?.id === id)?.assignedClinician?.name ??
    t('leads.merge.aClinician')
  );
}
