import { useState, type FormEvent } from 'react';
import type { LeadDetail, LeadStatus, Urgency } from '../../../../api/types';
import { ErrorNotice, Loading } from '../../../components/ui';
import { hasRole, useSession } from '../../../session';
import { ALLOWED_TRANSITIONS, URGENCIES } from '../../../vocabulary';
import { STATUS_NAMES, URGENCY_NAMES } from '../../../words';
import { Time } from '../../../components/time';
import { useMatches, type LeadChange } from '../api';

/** Says whether the change was made; a refused one is shown by the page. */
export type ChangeLead = (body: LeadChange, said: string) => Promise<boolean>;

export function Triage({ lead, change }: { lead: LeadDetail; change: ChangeLead }) {
  const moves = ALLOWED_TRANSITIONS[lead.status];
  const [status, setStatus] = useState<LeadStatus | ''>('');
  const [notifyClient, setNotifyClient] = useState(false);
  const referring = status === 'referred_out' || status === 'declined';
  const [urgency, setUrgency] = useState<Urgency>(lead.urgency);
  const [tags, setTags] = useState(lead.tags.join(', '));

  const move = async (event: FormEvent) => {
    event.preventDefault();
    if (!status) return;
    const notify = referring && notifyClient;
    await change(
      notify ? { status, notifyClient: true } : { status },
      `Status changed to ${STATUS_NAMES[status]}.${notify ? ' The client will get an email with kind referrals.' : ''}`,
    );
  };
  const saveUrgency = async (event: FormEvent) => {
    event.preventDefault();
    await change({ urgency }, `Urgency set to ${URGENCY_NAMES[urgency]}.`);
  };
  const saveTags = async (event: FormEvent) => {
    event.preventDefault();
    const list = tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    await change({ tags: list }, 'Tags saved.');
  };

  return (
    <section aria-labelledby="triage-heading" className="card">
      <h2 id="triage-heading">Status</h2>
      <p>
        Now: <strong>{STATUS_NAMES[lead.status]}</strong> since{' '}
        <Time iso={lead.statusChangedAt} style="exact" />
      </p>
      <form onSubmit={move} className="inline-form">
        <label htmlFor="status-move">Move to</label>
        <select
          id="status-move"
          value={status}
          onChange={(event) => setStatus(event.target.value as LeadStatus)}
        >
          <option value="">Choose…</option>
          {moves.map((next) => (
            <option key={next} value={next}>
              {STATUS_NAMES[next]}
            </option>
          ))}
        </select>
        {referring ? (
          <label htmlFor="notify-client" className="check">
            <input
              id="notify-client"
              type="checkbox"
              checked={notifyClient}
              onChange={(event) => setNotifyClient(event.target.checked)}
            />{' '}
            Email the client kind referrals
          </label>
        ) : null}
        <button type="submit" className="button button--small" disabled={!status}>
          Move
        </button>
      </form>
      <form onSubmit={saveUrgency} className="inline-form">
        <label htmlFor="urgency">Urgency</label>
        <select
          id="urgency"
          value={urgency}
          onChange={(event) => setUrgency(event.target.value as Urgency)}
        >
          {[...URGENCIES].reverse().map((value) => (
            <option key={value} value={value}>
              {URGENCY_NAMES[value]}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="button button--small button--quiet"
          disabled={urgency === lead.urgency}
        >
          Set urgency
        </button>
      </form>
      <form onSubmit={saveTags} className="inline-form">
        <label htmlFor="tags">Tags (comma-separated)</label>
        <input id="tags" value={tags} onChange={(event) => setTags(event.target.value)} />
        <button type="submit" className="button button--small button--quiet">
          Save tags
        </button>
      </form>
    </section>
  );
}

/**
 * Who has the lead and the best matches. Once assigned it folds to "Assigned to … ·
 * change", so the old "Assign …" is no longer the obvious next step.
 */
export function Assignment({
  lead,
  change,
  choosing,
  onChoosing,
}: {
  lead: LeadDetail;
  change: ChangeLead;
  choosing: boolean;
  onChoosing: (choosing: boolean) => void;
}) {
  const session = useSession();
  const mayAssign = hasRole(session, 'admin', 'coordinator');
  const { loaded } = useMatches(lead.id, lead.assignedClinician?.id ?? '');
  const folded = lead.assignedClinician !== null && !choosing;
  const assign = async (clinicianId: string, name: string) => {
    if (await change({ assignedClinicianId: clinicianId }, `Assigned to ${name}.`))
      onChoosing(false);
  };
  return (
    <section aria-labelledby="assignment-heading" className="card" id="assignment">
      <h2 id="assignment-heading">Assignment</h2>
      <p>
        Assigned to: <strong>{lead.assignedClinician?.name ?? 'nobody yet'}</strong>
        {mayAssign && folded ? (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={() => onChoosing(true)}>
              change<span className="visually-hidden"> the assignee</span>
            </button>
          </>
        ) : null}
      </p>
      {mayAssign && lead.assignedClinician ? (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => void change({ assignedClinicianId: null }, 'Unassigned.')}
        >
          Unassign
        </button>
      ) : null}
      {folded ? null : (
        <>
          <h3>Best matches</h3>
          {loaded.state === 'loading' ? <Loading what="matches" /> : null}
          {loaded.state === 'failed' ? <ErrorNotice failure={loaded.failure} /> : null}
          {loaded.state === 'ready' ? (
            loaded.value.items.length === 0 ? (
              <p>No active clinician to match.</p>
            ) : (
              <ol className="matches">
                {loaded.value.items.map((match) => (
                  <li
                    key={match.clinicianId}
                    className={match.eligible ? 'match' : 'match match--ineligible'}
                  >
                    <div className="match__head">
                      <span className="match__name">{match.name}</span>
                      <span className="match__score">
                        {match.eligible ? `Score ${match.score} of 100` : 'Not eligible'}
                      </span>
                    </div>
                    <ul className="match__reasons">
                      {match.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                    {mayAssign &&
                    match.eligible &&
                    lead.assignedClinician?.id !== match.clinicianId ? (
                      <button
                        type="button"
                        className="button button--small button--quiet"
                        onClick={() => void assign(match.clinicianId, match.name)}
                      >
                        Assign {match.name}
                      </button>
                    ) : null}
                    {lead.assignedClinician?.id === match.clinicianId ? (
                      <p className="muted">Assigned</p>
                    ) : null}
                  </li>
                ))}
              </ol>
            )
          ) : null}
        </>
      )}
    </section>
  );
}
