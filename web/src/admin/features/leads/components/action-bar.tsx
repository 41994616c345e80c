import { useState } from 'react';
import type { LeadDetail, LeadStatus } from '../../../../api/types';
import { ALLOWED_TRANSITIONS } from '../../../vocabulary';
import { STATUS_NAMES } from '../../../words';
import { useMatches } from '../api';
import { LogAttempt, type ContactChannel } from './log-attempt';
import type { ChangeLead } from './triage';
import { t, tRich } from '../../../i18n/t';

/** How many next statuses get a button of their own; the rest are under "More moves". */
const MOVES_SHOWN = 2;

/**
 * The lead page's next actions, always in reach (sticky; at the bottom of a phone's
 * screen): call, log an attempt, assign the top match (or say who has it), the next
 * allowed statuses, and a note.
 */
export function ActionBar({
  lead,
  change,
  mayAssign,
  onSaid,
  onChangeAssignee,
}: {
  lead: LeadDetail;
  change: ChangeLead;
  mayAssign: boolean;
  onSaid: (said: string) => void;
  /** Opens the matches to choose another clinician. */
  onChangeAssignee: () => void;
}) {
  const [logging, setLogging] = useState<ContactChannel | null>(null);
  const moves = ALLOWED_TRANSITIONS[lead.status];
  // Spam is never the obvious next step: it goes under "More moves".
  const ordered = [...moves.filter((m) => m !== 'spam'), ...moves.filter((m) => m === 'spam')];
  const shown = ordered.slice(0, MOVES_SHOWN);
  const more = ordered.slice(MOVES_SHOWN);
  const move = (status: LeadStatus) =>
    void change({ status }, t('leads.actions.statusChanged', { status: STATUS_NAMES[status] }));

  return (
    <section className="action-bar" aria-label={t('leads.actions.label')}>
      {logging ? (
        <div className="action-bar__panel">
          <LogAttempt
            key={logging}
            leadId={lead.id}
            name={lead.name}
            channel={logging}
            onDone={(said) => {
              setLogging(null);
              if (said) onSaid(said);
            }}
          />
        </div>
      ) : null}
      <div className="action-bar__buttons">
        {lead.phone ? (
          <a
            className="button button--small"
            href={`tel:${lead.phone}`}
            onClick={() => setLogging('phone')}
          >
            {tRich('leads.actions.call', {
              name: lead.name,
            })}
          </a>
        ) : null}
        <button
          type="button"
          className="button button--small button--quiet"
          aria-expanded={logging !== null}
          onClick={() => setLogging(logging ? null : lead.preferredContact)}
        >
          {t('leads.actions.log')}
        </button>
        <AssignTop
          lead={lead}
          change={change}
          mayAssign={mayAssign}
          onChangeAssignee={onChangeAssignee}
        />
        {shown.map((status) => (
          <button
            key={status}
            type="button"
            className="button button--small button--quiet"
            onClick={() => move(status)}
          >
            <MoveName status={status} />
          </button>
        ))}
        {more.length > 0 ? (
          <details className="action-bar__more">
            <summary>{t('leads.actions.more')}</summary>
            <ul>
              {more.map((status) => (
                <li key={status}>
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    onClick={() => move(status)}
                  >
                    <MoveName status={status} />
                  </button>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => {
            const note = document.getElementById('note');
            note?.scrollIntoView({ block: 'center' });
            note?.focus();
          }}
        >
          {t('leads.actions.note')}
        </button>
      </div>
    </section>
  );
}

/** "Assign top match: Dana Whitfield" while nobody has the lead; then who has it. */
function AssignTop({
  lead,
  change,
  mayAssign,
  onChangeAssignee,
}: {
  lead: LeadDetail;
  change: ChangeLead;
  mayAssign: boolean;
  onChangeAssignee: () => void;
}) {
  const { loaded } = useMatches(lead.id, lead.assignedClinician?.id ?? '');
  if (lead.assignedClinician) {
    return (
      <p className="action-bar__assigned">
        {tRich('leads.actions.assigned', {
          name: lead.assignedClinician.name,
        })}
        {mayAssign ? (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={onChangeAssignee}>
              {tRich('leads.actions.changeAssignee')}
            </button>
          </>
        ) : null}
      </p>
    );
  }
  if (!mayAssign || loaded.state !== 'ready') return null;
  const top = loaded.value.items.find((match) => match.eligible);
  if (!top) return null;
  return (
    <button
      type="button"
      className="button button--small"
      onClick={() =>
        void change(
          { assignedClinicianId: top.clinicianId },
          t('leads.actions.assignedTo', { name: top.name }),
        )
      }
    >
      {t('leads.actions.assignTop', { name: top.name })}
    </button>
  );
}

/** "→ Contacted", read out as "Move to Contacted". */
function MoveName({ status }: { status: LeadStatus }) {
  return (
    <>
      <span className="visually-hidden">{t('leads.actions.moveTo')}</span>
      <span aria-hidden="true">→ </span>
      {STATUS_NAMES[status]}
    </>
  );
}
