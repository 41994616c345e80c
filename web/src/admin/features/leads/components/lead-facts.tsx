import { Link } from 'react-router';
import type { LeadCore, LeadDetail } from '../../../../api/types';
import { dueText } from '../../../components/practice-time';
import { CRISIS_PHRASES } from '../../../vocabulary';
import { crisisParts } from '../crisis-marks';
import { CHANNEL_NAMES, OUTCOME_NAMES } from './log-attempt';
import { PageHeading } from '../../../components/ui';
import { LANGUAGE_NAMES, SERVICE_NAMES, STATUS_NAMES } from '../../../words';
import { Time, useNow } from '../../../components/time';
import { t, tRich } from '../../../i18n/t';

/** What a lead says of itself: its contact, its messages, or what is left after erasure. */
export function Tombstone({ lead }: { lead: LeadCore }) {
  return (
    <>
      <PageHeading title={t('leads.erased.title')}>
        {t('leads.erased.heading', { reference: lead.reference ?? '' })}
      </PageHeading>
      <p>
        {tRich('leads.erased.text', {
          time: <Time iso={lead.erasedAt} />,
          status: STATUS_NAMES[lead.status],
        })}
      </p>
      <p>
        <Link to="/admin/leads">{t('leads.page.backToInbox')}</Link>
      </p>
    </>
  );
}

export function Contact({ lead }: { lead: LeadDetail }) {
  const now = useNow();
  const due = dueText(lead, now);
  return (
    <section aria-labelledby="contact-heading" className="card">
      <h2 id="contact-heading">{t('leads.contact.heading')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('leads.contact.email')}</dt>
          <dd>
            <a href={`mailto:${lead.email}`}>{lead.email}</a>
          </dd>
        </div>
        <div>
          <dt>{t('leads.contact.phone')}</dt>
          <dd>{lead.phone ? <a href={`tel:${lead.phone}`}>{lead.phone}</a> : '—'}</dd>
        </div>
        <div>
          <dt>{t('leads.contact.prefers')}</dt>
          <dd>{CHANNEL_NAMES[lead.preferredContact]}</dd>
        </div>
        <div>
          <dt>{t('leads.contact.state')}</dt>
          <dd>{lead.state ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('leads.contact.language')}</dt>
          <dd>{LANGUAGE_NAMES[lead.language]}</dd>
        </div>
        <div>
          <dt>{t('leads.contact.source')}</dt>
          <dd>{lead.source ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('leads.contact.received')}</dt>
          <dd>
            <Time iso={lead.createdAt} />
          </dd>
        </div>
        <div>
          <dt>{t('leads.contact.respondBy')}</dt>
          <dd>
            <Time iso={lead.respondBy} style="exact" />
            {due ? (
              <span className={`due${due.overdue ? ' due--overdue' : ''}`}> · {due.text}</span>
            ) : null}
          </dd>
        </div>
        {lead.attempts > 0 ? (
          <div>
            <dt>{t('leads.contact.attempts')}</dt>
            <dd>
              {lead.firstAttemptAt
                ? tRich('leads.contact.attemptsFirst', {
                    count: lead.attempts,
                    time: <Time iso={lead.firstAttemptAt} />,
                  })
                : lead.attempts}
            </dd>
          </div>
        ) : null}
        {lead.firstConnectedAt ? (
          <div>
            <dt>{t('leads.contact.firstConnected')}</dt>
            <dd>
              <Time iso={lead.firstConnectedAt} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('leads.contact.firstContacted')}</dt>
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
      <h2 id="inquiries-heading">{t('leads.inquiries.heading')}</h2>
      <ol className="inquiries">
        {lead.inquiries.map((inquiry) => (
          <li key={inquiry.id}>
            <p className="muted">
              <span className="reference">{inquiry.reference}</span> ·{' '}
              <Time iso={inquiry.receivedAt} /> · {SERVICE_NAMES[inquiry.serviceType]} ·{' '}
              {t('leads.row.prefers', { channel: inquiry.preferredContact })}
              {inquiry.crisisIndicated ? (
                <>
                  {' '}
                  · <span className="badge badge--crisis">{t('leads.inquiries.crisisWords')}</span>
                </>
              ) : null}
              {inquiry.spamReason
                ? ` · ${t('leads.inquiries.spam', { reason: inquiry.spamReason })}`
                : ''}
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
                : t('leads.inquiries.noMessage')}
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
      <h2 id="attempts-heading">{t('leads.attempts.heading')}</h2>
      <ol className="plain-list attempts">
        {attempts.map((attempt) => {
          return (
            <li key={attempt.id}>
              <strong>
                {attempt.channel ? `${CHANNEL_NAMES[attempt.channel]}: ` : ''}
                {attempt.outcome === 'unspecified'
                  ? t('leads.attempts.unspecified')
                  : OUTCOME_NAMES[attempt.outcome].toLowerCase()}
              </strong>{' '}
              <span className="muted">
                {tRich('leads.attempts.by', {
                  time: <Time iso={attempt.at} />,
                  name: attempt.by.name,
                })}
              </span>
              {attempt.note ? <p className="note-body">{attempt.note}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
