import { Link } from 'react-router';
import { StatusBadge, UrgencyBadge } from '../../../components/ui';
import { dueText, exactText } from '../../../components/practice-time';
import { Time, useNow, usePracticeZone } from '../../../components/time';
import { INTAKE_STATUS_NAMES, LABEL_NAMES, SERVICE_NAMES, signalMarkText } from '../../../words';
import type { LeadSummary } from '../../../../api/types';
import { LogAttempt } from './log-attempt';

const DESK_LABEL_NAMES: Record<string, string> = {
  ...LABEL_NAMES,
  screen_partners_individually: 'Screen partners individually',
  possible_returning_client: 'Possible returning client',
};

/**
 * One lead in the inbox, built to act from: the whole row opens the lead (its name is the
 * link, stretched over the row), the due time, who said what, the attempts so far, and a
 * one-step "log attempt".
 */
export function LeadRow({
  lead,
  selected,
  onSelect,
  logging,
  onLogging,
  onLogged,
}: {
  lead: LeadSummary;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  logging: boolean;
  onLogging: (open: boolean) => void;
  onLogged: (said: string) => void;
}) {
  const now = useNow();
  const zone = usePracticeZone();
  const due = dueText(lead, now);
  const name = lead.name || 'Unnamed';
  return (
    <li
      className={`lead-row lead-row--${lead.urgency}${selected ? ' lead-row--selected' : ''}`}
      data-lead-id={lead.id}
    >
      <label className="lead-row__select">
        <input
          type="checkbox"
          checked={selected}
          onChange={(event) => onSelect(event.target.checked)}
        />
        <span className="visually-hidden">Select {name}</span>
      </label>
      <div className="lead-row__body">
        <div className="lead-row__head">
          <Link to={`/admin/leads/${lead.id}`} className="lead-row__name">
            {name}
          </Link>
          {due && lead.respondBy ? (
            <span
              className={`due${due.overdue ? ' due--overdue' : ''}`}
              title={`Respond by ${exactText(lead.respondBy, zone)}`}
            >
              {due.text}
            </span>
          ) : null}
        </div>
        <div className="badges">
          {lead.urgency !== 'routine' ? <UrgencyBadge urgency={lead.urgency} /> : null}
          {lead.signals.map((signal) => (
            <span
              key={`${signal.kind}-${signal.partner ?? ''}`}
              className={`badge ${signal.kind === 'crisis' ? 'badge--crisis' : 'badge--warning'}`}
            >
              {signalMarkText(signal)}
            </span>
          ))}
          {lead.labels.map((label) => (
            <span key={label} className="badge badge--warning">
              {DESK_LABEL_NAMES[label] ?? label}
            </span>
          ))}
          <StatusBadge status={lead.status} />
          {lead.intakeStatus ? (
            <span className="badge">{INTAKE_STATUS_NAMES[lead.intakeStatus]}</span>
          ) : null}
          {lead.needsReview ? <span className="badge badge--warning">Held for review</span> : null}
        </div>
        <p className="lead-row__facts">
          <span>{SERVICE_NAMES[lead.serviceType]}</span>
          <span>{lead.assignedClinician ? lead.assignedClinician.name : 'Unassigned'}</span>
          <Attempts lead={lead} />
          <span>
            received <Time iso={lead.createdAt} />
          </span>
          <span className="reference">{lead.reference}</span>
        </p>
      </div>
      <div className="lead-row__actions">
        <button
          type="button"
          className="button button--quiet button--small"
          aria-expanded={logging}
          onClick={() => onLogging(!logging)}
        >
          Log<span className="lead-row__action-more"> attempt</span>
          <span className="visually-hidden"> with {name}</span>
        </button>
      </div>
      {logging ? (
        <div className="lead-row__panel">
          <LogAttempt
            leadId={lead.id}
            name={name}
            onDone={(said) => {
              onLogging(false);
              if (said) onLogged(said);
            }}
          />
        </div>
      ) : null}
    </li>
  );
}

/** "2 attempts, last 9:37 AM". */
function Attempts({ lead }: { lead: LeadSummary }) {
  if (lead.attempts === 0) return <span>No attempt yet</span>;
  return (
    <span>
      {lead.attempts} attempt{lead.attempts === 1 ? '' : 's'}
      {lead.lastAttemptAt ? (
        <>
          , last <Time iso={lead.lastAttemptAt} style="short" />
        </>
      ) : null}
    </span>
  );
}
