import { Link } from 'react-router';
import { StatusBadge, UrgencyBadge } from '../../../components/ui';
import { dueText, exactText } from '../../../components/practice-time';
import { Time, useNow, usePracticeZone } from '../../../components/time';
import {
  INTAKE_STATUS_NAMES,
  LABEL_NAMES,
  LANGUAGE_NAMES,
  SERVICE_NAMES,
  signalMarkText,
} from '../../../words';
import type { LeadSummary } from '../../../../api/types';
import { CRISIS_PHRASES } from '../../../vocabulary';
import { crisisParts } from '../crisis-marks';
import { CHANNEL_NAMES, LogAttempt, type ContactChannel } from './log-attempt';
import { t, tRich } from '../../../i18n/t';

const DESK_LABEL_NAMES: Record<string, string> = {
  ...LABEL_NAMES,
  screen_partners_individually: t('leads.label.screenPartnersIndividually'),
  possible_returning_client: t('leads.label.possibleReturningClient'),
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
  const name = lead.name || t('leads.unnamed');
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
        <span className="visually-hidden">{t('leads.row.select', { name })}</span>
      </label>
      <div className="lead-row__body">
        <div className="lead-row__head">
          <Link to={`/admin/leads/${lead.id}`} className="lead-row__name">
            {name}
          </Link>
          {due && lead.respondBy ? (
            <span
              className={`due${due.overdue ? ' due--overdue' : ''}`}
              title={t('leads.row.respondBy', { time: exactText(lead.respondBy, zone) })}
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
          {lead.needsReview ? (
            <span className="badge badge--warning">{t('leads.heldForReview')}</span>
          ) : null}
        </div>
        {lead.messagePreview ? <Preview lead={lead} /> : null}
        <p className="lead-row__facts">
          <span>{SERVICE_NAMES[lead.serviceType]}</span>
          {lead.language === 'en' ? null : <span>{LANGUAGE_NAMES[lead.language]}</span>}
          <span>
            {t('leads.row.prefers', {
              channel: CHANNEL_NAMES[lead.preferredContact].toLowerCase(),
            })}
          </span>
          <span>
            {lead.assignedClinician ? lead.assignedClinician.name : t('leads.row.unassigned')}
          </span>
          <Attempts lead={lead} />
          <span>{tRich('leads.row.received', { time: <Time iso={lead.createdAt} /> })}</span>
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
          {tRich('leads.row.log', {
            name,
            more: (chunks) => <span className="lead-row__action-more">{chunks}</span>,
          })}
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
            {tRich('leads.row.call', {
              phone: lead.phone,
              name,
            })}
          </a>
          {lead.preferredContact === 'text' ? (
            <a
              className="button button--quiet button--small"
              href={`sms:${lead.phone}`}
              onClick={() => onLogging('text')}
            >
              {tRich('leads.row.text', {
                name,
              })}
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
          <span className="badge badge--crisis">{t('leads.row.crisisFurtherOn')}</span>
        </>
      ) : null}
    </p>
  );
}

/** "2 attempts, last 9:37 AM". */
function Attempts({ lead }: { lead: LeadSummary }) {
  if (lead.attempts === 0) return <span>{t('leads.row.noAttempt')}</span>;
  return (
    <span>
      {lead.lastAttemptAt
        ? tRich('leads.row.attemptsLast', {
            count: lead.attempts,
            time: <Time iso={lead.lastAttemptAt} style="short" />,
          })
        : t('leads.row.attempts', { count: lead.attempts })}
    </span>
  );
}
