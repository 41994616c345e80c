import { useState, type FormEvent } from 'react';
import type { LeadDetail, LeadStatus, Urgency } from '../../../../api/types';
import { ErrorNotice, Loading } from '../../../components/ui';
import { hasRole, useSession } from '../../../session';
import { ALLOWED_TRANSITIONS, URGENCIES } from '../../../vocabulary';
import { STATUS_NAMES, URGENCY_NAMES } from '../../../words';
import { Time } from '../../../components/time';
import { useMatches, type LeadChange } from '../api';
import { t, tRich } from '../../../i18n/t';

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
      t('leads.triage.moved', { status: STATUS_NAMES[status], notify: notify ? 'yes' : 'no' }),
    );
  };
  const saveUrgency = async (event: FormEvent) => {
    event.preventDefault();
    await change({ urgency }, t('leads.triage.urgencySet', { urgency: URGENCY_NAMES[urgency] }));
  };
  const saveTags = async (event: FormEvent) => {
    event.preventDefault();
    const list = tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    await change({ tags: list }, t('leads.triage.tagsSaved'));
  };

  return (
    <section aria-labelledby="triage-heading" className="card">
      <h2 id="triage-heading">{t('leads.triage.heading')}</h2>
      <p>
        {tRich('leads.triage.now', {
          status: STATUS_NAMES[lead.status],
          since: <Time iso={lead.statusChangedAt} style="exact" />,
        })}
      </p>
      <form onSubmit={move} className="inline-form">
        <label htmlFor="status-move">{t('leads.triage.moveTo')}</label>
        <select
          id="status-move"
          value={status}
          onChange={(event) => setStatus(event.target.value as LeadStatus)}
        >
          <option value="">{t('leads.triage.choose')}</option>
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
            {t('leads.triage.notifyClient')}
          </label>
        ) : null}
        <button type="submit" className="button button--small" disabled={!status}>
          {t('leads.triage.move')}
        </button>
      </form>
      <form onSubmit={saveUrgency} className="inline-form">
        <label htmlFor="urgency">{t('leads.filters.urgency')}</label>
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
          {t('leads.triage.setUrgency')}
        </button>
      </form>
      <form onSubmit={saveTags} className="inline-form">
        <label htmlFor="tags">{t('leads.triage.tags')}</label>
        <input id="tags" value={tags} onChange={(event) => setTags(event.target.value)} />
        <button type="submit" className="button button--small button--quiet">
          {t('leads.triage.saveTags')}
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
    if (await change({ assignedClinicianId: clinicianId }, t('leads.actions.assignedTo', { name })))
      onChoosing(false);
  };
  return (
    <section aria-labelledby="assignment-heading" className="card" id="assignment">
      <h2 id="assignment-heading">{t('leads.assignment.heading')}</h2>
      <p>
        {tRich('leads.assignment.current', {
          name: lead.assignedClinician?.name ?? t('leads.assignment.nobody'),
        })}
        {mayAssign && folded ? (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={() => onChoosing(true)}>
              {tRich('leads.actions.changeAssignee')}
            </button>
          </>
        ) : null}
      </p>
      {mayAssign && lead.assignedClinician ? (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() =>
            void change({ assignedClinicianId: null }, t('leads.assignment.unassigned'))
          }
        >
          {t('leads.assignment.unassign')}
        </button>
      ) : null}
      {folded ? null : (
        <>
          <h3>{t('leads.assignment.matches')}</h3>
          {loaded.state === 'loading' ? (
            <Loading what={t('leads.assignment.matchesLoading')} />
          ) : null}
          {loaded.state === 'failed' ? <ErrorNotice failure={loaded.failure} /> : null}
          {loaded.state === 'ready' ? (
            loaded.value.items.length === 0 ? (
              <p>{t('leads.assignment.noClinician')}</p>
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
                        {match.eligible
                          ? t('leads.assignment.score', { score: match.score })
                          : t('leads.assignment.notEligible')}
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
                        {t('leads.assignment.assign', { name: match.name })}
                      </button>
                    ) : null}
                    {lead.assignedClinician?.id === match.clinicianId ? (
                      <p className="muted">{t('leads.assignment.assigned')}</p>
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
