import { Link } from 'react-router';
import { StatusBadge, UrgencyBadge } from '../../../components/ui';
import { dueText, exactText } from '../../../components/practice-time';
import { Time, useNow, usePracticeZone } from '../../../components/time';
import { INTAKE_STATUS_NAMES, LABEL_NAMES, SERVICE_NAMES, signalMarkText } from '../../../words';
import type { LeadSummary } from '../../../../api/types';
import { CRISIS_PHRASES } from '../../../vocabulary';
import { crisisParts } from '../crisis-marks';
import { CHANNEL_NAMES, LogAttempt, type ContactChannel } from './log-attempt';

const DESK_LABEL_NAMES: Record<string, string> = {
  ...LABEL_NAMES,
  screen_partners_individually: 'Screen partners individually',
  possible_returning_client: 'Possible returning client',
};

/**
 * One lead in the inbox, built to act from: the whole row opens the lead (its name is the
 * link, stretched over the row), the due time, who said what, the first words of the
 * newest message (crisis words marked), the attempts so far, a tap-to-call (or text) link
 * that also opens "log attempt" on that channel, and a one-step "log attempt".
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
  /** The channel "log attempt" is open on for this row, or null when closed. */
  logging: ContactChannel | null;
  onLogging: (channel: ContactChannel | null) => void;
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
        {lead.messagePreview ? <Preview lead={lead} /> : null}
        <p className="lead-row__facts">
          <span>{SERVICE_NAMES[lead.serviceType]}</span>
          <span>prefers {CHANNEL_NAMES[lead.preferredContact].toLowerCase()}</span>
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
          aria-expanded={logging !== null}
          onClick={() => onLogging(logging ? null : 'phone')}
        >
          Log<span className="lead-row__action-more"> attempt</span>
          <span className="visually-hidden"> with {name}</span>
        </button>
      </div>
      {lead.phone ? (
        <p className="lead-row__reach">
          {/* The call starts and its outcome is asked for at once: one step, not two. */}
          <a
            className="button button--quiet button--small"
            href={`tel:${lead.phone}`}
            onClick={() => onLogging('phone')}
          >
            Call {lead.phone}
            <span className="visually-hidden"> ({name})</span>
          </a>
          {lead.preferredContact === 'text' ? (
            <a
              className="button button--quiet button--small"
              href={`sms:${lead.phone}`}
              onClick={() => onLogging('text')}
            >
              Text<span className="visually-hidden"> {name}</span>
            </a>
          ) : null}
        </p>
      ) : null}
      {logging ? (
        <div className="lead-row__panel">
          <LogAttempt
            key={logging}
            leadId={lead.id}
            name={name}
            channel={logging}
            onDone={(said) => {
              onLogging(null);
              if (said) onLogged(said);
            }}
          />
        </div>
      ) : null}
    </li>
  );
}

/**
 * The first words of the newest message, crisis words marked; a crisis phrase past the
 * preview is said with a badge.
 */
function Preview({ lead }: { lead: LeadSummary }) {
  const parts = crisisParts(lead.messagePreview ?? '', CRISIS_PHRASES);
  const marked = parts.some((part) => part.crisis);
  return (
    <p className="lead-row__preview">
      {parts.map((part, index) =>
        part.crisis ? (
          <mark key={index} className="crisis-word">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
      {lead.previewCrisis && !marked ? (
        <>
          {' '}
          <span className="badge badge--crisis">Crisis words further on</span>
        </>
      ) : null}
    </p>
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
