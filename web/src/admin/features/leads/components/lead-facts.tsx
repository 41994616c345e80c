import { Link } from 'react-router';
import type { LeadCore, LeadDetail } from '../../../../api/types';
import { dueText } from '../../../components/practice-time';
import { CRISIS_PHRASES } from '../../../vocabulary';
import { crisisParts } from '../crisis-marks';
import { CHANNEL_NAMES, OUTCOME_NAMES } from './log-attempt';
import { PageHeading } from '../../../components/ui';
import { SERVICE_NAMES, STATUS_NAMES } from '../../../words';
import { Time, useNow } from '../../../components/time';

/** What a lead says of itself: its contact, its messages, or what is left after erasure. */
export function Tombstone({ lead }: { lead: LeadCore }) {
  return (
    <>
      <PageHeading title="Erased lead">Erased lead {lead.reference}</PageHeading>
      <p>
        The personal data of this lead was erased on <Time iso={lead.erasedAt} />. Its status (
        {STATUS_NAMES[lead.status]}), times and audit trail are kept.
      </p>
      <p>
        <Link to="/admin/leads">Back to the inbox</Link>
      </p>
    </>
  );
}

export function Contact({ lead }: { lead: LeadDetail }) {
  const now = useNow();
  const due = dueText(lead, now);
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
          <dd>{CHANNEL_NAMES[lead.preferredContact]}</dd>
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
          <dd>
            <Time iso={lead.createdAt} />
          </dd>
        </div>
        <div>
          <dt>Respond by</dt>
          <dd>
            <Time iso={lead.respondBy} style="exact" />
            {due ? (
              <span className={`due${due.overdue ? ' due--overdue' : ''}`}> · {due.text}</span>
            ) : null}
          </dd>
        </div>
        {lead.attempts > 0 ? (
          <div>
            <dt>Attempts</dt>
            <dd>
              {lead.attempts}
              {lead.firstAttemptAt ? (
                <>
                  , first <Time iso={lead.firstAttemptAt} />
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
        {lead.firstConnectedAt ? (
          <div>
            <dt>First connected</dt>
            <dd>
              <Time iso={lead.firstConnectedAt} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>First contacted</dt>
          <dd>
            <Time iso={lead.firstContactedAt} />
          </dd>
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
              <Time iso={inquiry.receivedAt} /> · {SERVICE_NAMES[inquiry.serviceType]} · prefers{' '}
              {inquiry.preferredContact}
              {inquiry.crisisIndicated ? (
                <>
                  {' '}
                  · <span className="badge badge--crisis">Crisis words</span>
                </>
              ) : null}
              {inquiry.spamReason ? ` · taken for spam (${inquiry.spamReason})` : ''}
            </p>
            <blockquote className="message">
              {inquiry.message
                ? crisisParts(inquiry.message, CRISIS_PHRASES).map((part, index) =>
                    part.crisis ? (
                      <mark key={index} className="crisis-word">
                        {part.text}
                      </mark>
                    ) : (
                      part.text
                    ),
                  )
                : '(no message)'}
            </blockquote>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Every contact attempt logged, newest first (as the server lists them), with who. */
export function ContactAttempts({ lead }: { lead: LeadDetail }) {
  const attempts = lead.contactAttempts;
  if (!attempts || attempts.length === 0) return null;
  return (
    <section aria-labelledby="attempts-heading" className="card">
      <h2 id="attempts-heading">Contact attempts</h2>
      <ol className="plain-list attempts">
        {attempts.map((attempt) => {
          return (
            <li key={attempt.id}>
              <strong>
                {attempt.channel ? `${CHANNEL_NAMES[attempt.channel]}: ` : ''}
                {attempt.outcome === 'unspecified'
                  ? 'moved to contacted (no attempt logged)'
                  : OUTCOME_NAMES[attempt.outcome].toLowerCase()}
              </strong>{' '}
              <span className="muted">
                <Time iso={attempt.at} /> · by {attempt.by.name}
              </span>
              {attempt.note ? <p className="note-body">{attempt.note}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
