import { Link } from 'react-router';
import type { LeadCore, LeadDetail } from '../../../../api/types';
import { PageHeading } from '../../../components/ui';
import { formatDateTime, SERVICE_NAMES, STATUS_NAMES } from '../../../words';

/** What a lead says of itself: its contact, its messages, or what is left after erasure. */
export function Tombstone({ lead }: { lead: LeadCore }) {
  return (
    <>
      <PageHeading title="Erased lead">Erased lead {lead.reference}</PageHeading>
      <p>
        The personal data of this lead was erased on {formatDateTime(lead.erasedAt)}. Its status (
        {STATUS_NAMES[lead.status]}), times and audit trail are kept.
      </p>
      <p>
        <Link to="/admin/leads">Back to the inbox</Link>
      </p>
    </>
  );
}

export function Contact({ lead }: { lead: LeadDetail }) {
  return (
    <section aria-labelledby="contact-heading" className="card">
      <h2 id="contact-heading">Contact</h2>
      <dl className="facts">
        <div>
          <dt>Email</dt>
          <dd>
            <a href={`mailto:${lead.email}`}>{lead.email}</a>
          </dd>
        </div>
        <div>
          <dt>Phone</dt>
          <dd>{lead.phone ? <a href={`tel:${lead.phone}`}>{lead.phone}</a> : '—'}</dd>
        </div>
        <div>
          <dt>Prefers</dt>
          <dd>{lead.preferredContact}</dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>{lead.state ?? '—'}</dd>
        </div>
        <div>
          <dt>Heard of us</dt>
          <dd>{lead.source ?? '—'}</dd>
        </div>
        <div>
          <dt>Received</dt>
          <dd>{formatDateTime(lead.createdAt)}</dd>
        </div>
        <div>
          <dt>Respond by</dt>
          <dd>{formatDateTime(lead.respondBy)}</dd>
        </div>
        <div>
          <dt>First contacted</dt>
          <dd>{formatDateTime(lead.firstContactedAt)}</dd>
        </div>
      </dl>
    </section>
  );
}

export function Inquiries({ lead }: { lead: LeadDetail }) {
  if (lead.inquiries.length === 0) return null;
  return (
    <section aria-labelledby="inquiries-heading" className="card">
      <h2 id="inquiries-heading">Messages</h2>
      <ol className="inquiries">
        {lead.inquiries.map((inquiry) => (
          <li key={inquiry.id}>
            <p className="muted">
              <span className="reference">{inquiry.reference}</span> ·{' '}
              {formatDateTime(inquiry.receivedAt)} · {SERVICE_NAMES[inquiry.serviceType]} · prefers{' '}
              {inquiry.preferredContact}
              {inquiry.crisisIndicated ? (
                <>
                  {' '}
                  · <span className="badge badge--crisis">Crisis words</span>
                </>
              ) : null}
              {inquiry.spamReason ? ` · taken for spam (${inquiry.spamReason})` : ''}
            </p>
            <blockquote className="message">{inquiry.message || '(no message)'}</blockquote>
          </li>
        ))}
      </ol>
    </section>
  );
}
