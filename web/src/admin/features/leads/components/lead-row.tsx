import { Link } from 'react-router';
import type { LeadSummary } from '../../../../api/types';
import { OverdueBadge, StatusBadge, UrgencyBadge } from '../../../components/ui';
import {
  formatDateTime,
  INTAKE_STATUS_NAMES,
  LABEL_NAMES,
  SERVICE_NAMES,
  signalMarkText,
} from '../../../words';

/** One lead in the inbox: its name, reference, badges and the facts to triage by. */
export function LeadRow({ lead }: { lead: LeadSummary }) {
  return (
    <li className={`lead-row lead-row--${lead.urgency}`}>
      <div className="lead-row__main">
        <Link to={`/admin/leads/${lead.id}`} className="lead-row__name">
          {lead.name || 'Unnamed'}
        </Link>
        <span className="reference">{lead.reference}</span>
      </div>
      <div className="badges">
        <UrgencyBadge urgency={lead.urgency} />
        {lead.overdue ? <OverdueBadge /> : null}
        <StatusBadge status={lead.status} />
        {lead.labels.map((label) => (
          <span key={label} className="badge badge--warning">
            {label === 'screen_partners_individually'
              ? 'Screen partners individually'
              : (LABEL_NAMES[label] ?? label)}
          </span>
        ))}
        {lead.signals.map((signal) => (
          <span
            key={`${signal.kind}-${signal.partner ?? ''}`}
            className={`badge ${signal.kind === 'crisis' ? 'badge--crisis' : 'badge--warning'}`}
          >
            {signalMarkText(signal)}
          </span>
        ))}
        {lead.intakeStatus ? (
          <span className="badge">{INTAKE_STATUS_NAMES[lead.intakeStatus]}</span>
        ) : null}
      </div>
      <dl className="lead-row__facts">
        <div>
          <dt>Service</dt>
          <dd>{SERVICE_NAMES[lead.serviceType]}</dd>
        </div>
        <div>
          <dt>Received</dt>
          <dd>{formatDateTime(lead.createdAt)}</dd>
        </div>
        <div>
          <dt>Assigned</dt>
          <dd>{lead.assignedClinician?.name ?? 'Nobody'}</dd>
        </div>
        {lead.state ? (
          <div>
            <dt>State</dt>
            <dd>{lead.state}</dd>
          </div>
        ) : null}
        {lead.tags.length > 0 ? (
          <div>
            <dt>Tags</dt>
            <dd>{lead.tags.join(', ')}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}
