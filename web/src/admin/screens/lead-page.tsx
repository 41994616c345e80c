import { useState, type FormEvent } from 'react';
import { ALLOWED_TRANSITIONS, type LeadStatus } from '../../../../src/vocabulary/lead-status.js';
import { URGENCIES, type Urgency } from '../../../../src/vocabulary/urgency.js';
import type { FormDefinition, Question } from '../../lib/form-definition';
import { request, type ApiFailure } from '../api';
import { CoupleChart } from '../components/couple-chart';
import {
  ErrorNotice,
  Loading,
  OverdueBadge,
  PageFailure,
  PageHeading,
  StatusBadge,
  StatusMessage,
  UrgencyBadge,
  useLoad,
} from '../components/ui';
import { Link } from '../router';
import { hasRole, useSession } from '../session';
import {
  isFullLead,
  type DuplicateView,
  type IntakeView,
  type LeadCore,
  type LeadDetail,
  type MatchView,
  type NoteView,
  type Signal,
  type TimelineEntry,
} from '../types';
import {
  formatDate,
  formatDateTime,
  INTAKE_STATUS_NAMES,
  SERVICE_NAMES,
  STATUS_NAMES,
  timelineName,
  URGENCY_NAMES,
} from '../words';

type Change = {
  status?: LeadStatus;
  urgency?: Urgency;
  assignedClinicianId?: string | null;
  tags?: string[];
};

/** One lead: everything needed to triage it, and every change it allows. */
export function LeadPage({ leadId }: { leadId: string }) {
  const { loaded, reload, setLoaded } = useLoad(
    () => request<LeadCore | LeadDetail>(`/v1/admin/leads/${encodeURIComponent(leadId)}`),
    leadId,
  );
  const [stale, setStale] = useState<ApiFailure | null>(null);
  const [changeFailure, setChangeFailure] = useState<ApiFailure | null>(null);
  const [changed, setChanged] = useState('');

  if (loaded.state === 'loading') return <Loading what="the lead" />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading title="Lead">Lead</PageHeading>
        <PageFailure failure={loaded.failure} what="Lead" />
        <p>
          <Link to="/admin/leads">Back to the inbox</Link>
        </p>
      </>
    );
  }
  const lead = loaded.value;
  const etag = loaded.etag;

  /** PATCH with If-Match; a stale ETag (409/428) asks for a reload instead of overwriting. */
  const change = async (body: Change, said: string): Promise<boolean> => {
    setChangeFailure(null);
    setStale(null);
    setChanged('');
    const result = await request<LeadDetail>(`/v1/admin/leads/${lead.id}`, {
      method: 'PATCH',
      body,
      ifMatch: etag ?? undefined,
    });
    if (result.kind === 'ok') {
      setLoaded({ state: 'ready', value: result.body, etag: result.etag });
      setChanged(said);
      return true;
    }
    if (result.kind === 'problem' && (result.status === 409 || result.status === 428))
      setStale(result);
    else setChangeFailure(result);
    return false;
  };
  const reloadLead = () => {
    setStale(null);
    setChanged('');
    reload();
  };

  if (!isFullLead(lead)) return <Tombstone lead={lead} />;

  return (
    <div className="lead-page">
      <p className="breadcrumb">
        <Link to="/admin/leads">← Inbox</Link>
      </p>
      <SignalBanners lead={lead} />
      {lead.labels.includes('screen_partners_individually') ? (
        <div className="banner banner--warning" role="note">
          <strong>Screen each partner individually</strong> before any joint session: a partner
          reported a safety concern.
        </div>
      ) : null}
      {lead.mergedIntoLeadId ? (
        <div className="banner" role="note">
          This lead was merged into{' '}
          <Link to={`/admin/leads/${lead.mergedIntoLeadId}`}>another lead</Link>.
        </div>
      ) : null}
      <header className="lead-header">
        <PageHeading title={`Lead ${lead.reference ?? ''}`}>{lead.name}</PageHeading>
        <p className="reference" aria-label="Reference">
          {lead.reference}
        </p>
        <div className="badges">
          <UrgencyBadge urgency={lead.urgency} />
          {lead.overdue ? <OverdueBadge /> : null}
          <StatusBadge status={lead.status} />
          {lead.intakeStatus ? (
            <span className="badge">{INTAKE_STATUS_NAMES[lead.intakeStatus]}</span>
          ) : null}
          <span className="badge">{SERVICE_NAMES[lead.serviceType]}</span>
        </div>
      </header>

      {stale ? (
        <div className="notice notice--error" role="alert">
          <p>
            <strong>This lead changed since you opened it</strong>, or the change is not allowed
            now. {stale.kind === 'problem' ? stale.problem.detail : ''}
          </p>
          <button type="button" className="button button--small" onClick={reloadLead}>
            Reload the lead
          </button>
        </div>
      ) : null}
      <ErrorNotice failure={changeFailure} />
      <StatusMessage>{changed}</StatusMessage>

      <div className="lead-columns">
        <div className="lead-columns__main">
          <Contact lead={lead} />
          {lead.intakes.map((intake) => (
            <Intake key={intake.id} intake={intake} />
          ))}
          <Inquiries lead={lead} />
          <Notes lead={lead} onAdded={reload} />
          <Timeline entries={lead.timeline} />
        </div>
        <aside className="lead-columns__side" aria-label="Triage">
          <Triage key={etag ?? ''} lead={lead} change={change} />
          <Assignment lead={lead} change={change} />
          <Duplicates lead={lead} onMerged={reload} />
          <Erase lead={lead} onErased={reload} />
        </aside>
      </div>
    </div>
  );
}

/** Who said it, by kind: one banner per kind and person, with how it was said. */
function signalGroups(signals: Signal[]): Signal[][] {
  const groups: Signal[][] = [];
  for (const signal of signals) {
    const group = groups.find(
      ([first]) => first!.kind === signal.kind && first!.partner === signal.partner,
    );
    if (group) group.push(signal);
    else groups.push([signal]);
  }
  return groups;
}

const SIGNAL_HOW: Record<Signal['kind'], Record<Signal['source'], string>> = {
  crisis: {
    answer: 'answered yes to the crisis question',
    message: 'wrote words that suggest risk of harm',
  },
  safety: {
    answer: 'reported fear of, or harm from, their partner, or not feeling safe to speak',
    message: 'wrote about their safety',
  },
};

/**
 * Each crisis or safety signal names the person it came from, with their own contact:
 * on a couple's lead the coordinator calls that partner, never the lead's first contact,
 * and says nothing of it to the other partner.
 */
function SignalBanners({ lead }: { lead: LeadDetail }) {
  const signals = lead.flags.signals ?? [];
  if (signals.length === 0) {
    // An older server without signals: say what is known, name nobody.
    return lead.flags.crisis ? (
      <div className="banner banner--crisis" role="alert">
        <strong>Crisis indicated.</strong> A message or answer suggests risk of harm. Follow the
        practice&apos;s crisis protocol.
      </div>
    ) : null;
  }
  return (
    <>
      {signalGroups(signals).map((group) => {
        const [first] = group as [Signal, ...Signal[]];
        const who = first.partner
          ? `partner ${first.partner} (${first.contact.name})`
          : first.contact.name;
        const how = group.map((signal) => SIGNAL_HOW[signal.kind][signal.source]).join(' and ');
        const crisis = first.kind === 'crisis';
        return (
          <div
            key={`${first.kind}-${first.partner ?? ''}`}
            className={`banner signal-banner ${crisis ? 'banner--crisis' : 'banner--warning'}`}
            role={crisis ? 'alert' : 'note'}
            data-signal={`${first.kind}:${first.partner ?? ''}`}
          >
            <p>
              <strong>
                {crisis ? 'Crisis indicated' : 'Safety concern'} from {who}.
              </strong>{' '}
              {first.contact.name} {how}.{' '}
              {crisis
                ? `Contact ${first.contact.name} now, following the practice's crisis protocol:`
                : `Screen ${first.contact.name} individually before any joint session:`}
            </p>
            <ul className="signal-contact" aria-label={`Contact of ${first.contact.name}`}>
              <li>
                <a href={`mailto:${first.contact.email}`}>{first.contact.email}</a>
              </li>
              {first.contact.phone ? (
                <li>
                  <a href={`tel:${first.contact.phone}`}>{first.contact.phone}</a>
                </li>
              ) : null}
            </ul>
            {first.partner ? (
              <p>
                <strong>Do not discuss this with the other partner.</strong>
              </p>
            ) : null}
          </div>
        );
      })}
    </>
  );
}

function Tombstone({ lead }: { lead: LeadCore }) {
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

function Contact({ lead }: { lead: LeadDetail }) {
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

function Triage({
  lead,
  change,
}: {
  lead: LeadDetail;
  change: (body: Change, said: string) => Promise<boolean>;
}) {
  const moves = ALLOWED_TRANSITIONS[lead.status];
  const [status, setStatus] = useState<LeadStatus | ''>('');
  const [urgency, setUrgency] = useState<Urgency>(lead.urgency);
  const [tags, setTags] = useState(lead.tags.join(', '));

  const move = async (event: FormEvent) => {
    event.preventDefault();
    if (status) await change({ status }, `Status changed to ${STATUS_NAMES[status]}.`);
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
        {formatDateTime(lead.statusChangedAt)}
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

function Assignment({
  lead,
  change,
}: {
  lead: LeadDetail;
  change: (body: Change, said: string) => Promise<boolean>;
}) {
  const session = useSession();
  const mayAssign = hasRole(session, 'admin', 'coordinator');
  const { loaded } = useLoad(
    () => request<{ items: MatchView[] }>(`/v1/admin/leads/${lead.id}/matches`),
    `${lead.id}:${lead.assignedClinician?.id ?? ''}`,
  );
  return (
    <section aria-labelledby="assignment-heading" className="card">
      <h2 id="assignment-heading">Assignment</h2>
      <p>
        Assigned to: <strong>{lead.assignedClinician?.name ?? 'nobody yet'}</strong>
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
                {mayAssign && match.eligible && lead.assignedClinician?.id !== match.clinicianId ? (
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() =>
                      void change(
                        { assignedClinicianId: match.clinicianId },
                        `Assigned to ${match.name}.`,
                      )
                    }
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
    </section>
  );
}

function Intake({ intake }: { intake: IntakeView }) {
  const { loaded } = useLoad(
    () =>
      request<FormDefinition>(
        `/v1/intake-forms/${encodeURIComponent(intake.formSlug)}/versions/${intake.formVersion}`,
      ),
    `${intake.formSlug}@${intake.formVersion}`,
  );
  const couples = intake.formSlug === 'couples';
  const partnerB = intake.respondents.find((r) => r.partner === 'B');
  return (
    <section aria-labelledby={`intake-${intake.id}`} className="card">
      <h2 id={`intake-${intake.id}`}>
        {couples ? "The couple's intake" : 'Intake'}{' '}
        <span className="reference">{intake.reference}</span>
      </h2>
      <p>
        Received {formatDateTime(intake.receivedAt)}.{' '}
        {intake.status === 'awaiting_partner'
          ? `Awaiting partner B${intake.partnerInvitation ? ` (${intake.partnerInvitation.name}, invited ${formatDate(intake.partnerInvitation.invitedAt)}, link valid until ${formatDate(intake.partnerInvitation.expiresAt)})` : ''}.`
          : `Complete ${formatDateTime(intake.completedAt)}.`}
      </p>
      {intake.respondents.some((r) => r.result) ? (
        <>
          <h3>Results</h3>
          <CoupleChart respondents={intake.respondents} coupleResult={intake.coupleResult} />
          {couples && !partnerB ? (
            <p className="muted">Partner B has not answered yet; the chart shows partner A.</p>
          ) : null}
        </>
      ) : null}
      <h3>Respondents</h3>
      <dl className="facts">
        {intake.respondents.map((r) => (
          <div key={r.partner}>
            <dt>{couples ? `Partner ${r.partner}` : 'Client'}</dt>
            <dd>
              {r.name}, <a href={`mailto:${r.email}`}>{r.email}</a>
              {r.phone ? `, ${r.phone}` : ''}
              {r.pronouns ? ` (${r.pronouns})` : ''}
              {r.dateOfBirth ? `, born ${r.dateOfBirth}` : ''}
            </dd>
          </div>
        ))}
      </dl>
      <details className="answers">
        <summary>Answers</summary>
        {loaded.state === 'loading' ? <Loading what="the questions" /> : null}
        {loaded.state === 'failed' ? <ErrorNotice failure={loaded.failure} /> : null}
        {loaded.state === 'ready' ? <Answers form={loaded.value} intake={intake} /> : null}
      </details>
    </section>
  );
}

function Answers({ form, intake }: { form: FormDefinition; intake: IntakeView }) {
  const respondents = intake.respondents;
  return (
    <>
      {form.sections.map((section) => (
        <div key={section.id} className="answer-section">
          <h4>{section.title}</h4>
          <table className="data-table answers-table">
            <thead>
              <tr>
                <th scope="col">Question</th>
                {respondents.map((r) => (
                  <th scope="col" key={r.partner}>
                    {respondents.length > 1 ? `Partner ${r.partner}` : 'Answer'}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {section.questions.map((question) => (
                <tr key={question.id}>
                  <th scope="row">
                    {question.label}
                    {question.private ? <span className="muted"> (private)</span> : null}
                  </th>
                  {respondents.map((r) => (
                    <td key={r.partner}>{answerText(question, r.answers[question.id])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}

/** An answer in words: option labels, yes/no, "5 of 7". */
export function answerText(question: Question, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  const label = (v: unknown) =>
    question.options?.find((option) => option.value === v)?.label ?? String(v);
  switch (question.type) {
    case 'yesno':
      return value === true ? 'Yes' : value === false ? 'No' : String(value);
    case 'scale':
      return `${String(value)} of ${question.max ?? 7}`;
    case 'single':
      return label(value);
    case 'multi':
      return Array.isArray(value) ? value.map(label).join(', ') : String(value);
    default:
      return String(value);
  }
}

function Inquiries({ lead }: { lead: LeadDetail }) {
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

function Notes({ lead, onAdded }: { lead: LeadDetail; onAdded: () => void }) {
  const [body, setBody] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<NoteView[]>([]);
  const notes = [
    ...lead.notes,
    ...added.filter((note) => !lead.notes.some((n) => n.id === note.id)),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !body.trim()) return;
    setBusy(true);
    setFailure(null);
    const result = await request<NoteView>(`/v1/admin/leads/${lead.id}/notes`, { body: { body } });
    setBusy(false);
    if (result.kind === 'ok') {
      setAdded((list) => [...list, result.body]);
      setBody('');
      onAdded();
    } else setFailure(result);
  };
  return (
    <section aria-labelledby="notes-heading" className="card">
      <h2 id="notes-heading">Notes</h2>
      {notes.length === 0 ? <p className="muted">No notes yet.</p> : null}
      <ol className="notes">
        {notes.map((note) => (
          <li key={note.id}>
            <p className="muted">
              {note.author.name} · {formatDateTime(note.createdAt)}
            </p>
            <p className="note-body">{note.body}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="note">Add a note</label>
          <p className="hint" id="note-hint">
            Notes cannot be edited or deleted afterwards.
          </p>
          <textarea
            id="note"
            rows={3}
            maxLength={10000}
            aria-describedby="note-hint"
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        </div>
        <ErrorNotice failure={failure} />
        <button
          type="submit"
          className="button button--small"
          disabled={!body.trim()}
          aria-disabled={busy}
        >
          Add note
        </button>
      </form>
    </section>
  );
}

function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <section aria-labelledby="timeline-heading" className="card">
      <h2 id="timeline-heading">Timeline</h2>
      <ol className="timeline">
        {[...entries].reverse().map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <span className="timeline__when">{formatDateTime(entry.at)}</span>{' '}
            <span className="timeline__what">{timelineName(entry.kind)}</span>
            {describeDetails(entry.details)}
            {entry.actor ? <span className="muted"> · by {entry.actor.name}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function describeDetails(details: Record<string, unknown>): string {
  const from = details.from ?? details.previous;
  const to = details.to ?? details.status;
  if (typeof from === 'string' && typeof to === 'string') {
    const name = (s: string) => STATUS_NAMES[s as LeadStatus] ?? URGENCY_NAMES[s as Urgency] ?? s;
    return `: ${name(from)} → ${name(to)}`;
  }
  if (typeof details.reference === 'string') return ` (${details.reference})`;
  return '';
}

function Duplicates({ lead, onMerged }: { lead: LeadDetail; onMerged: () => void }) {
  const session = useSession();
  const [confirming, setConfirming] = useState<DuplicateView | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [done, setDone] = useState('');
  if (lead.duplicates.length === 0) return null;
  const mayMerge = hasRole(session, 'admin', 'coordinator') && !lead.mergedIntoLeadId;

  const merge = async (duplicate: DuplicateView) => {
    setFailure(null);
    const result = await request(`/v1/admin/leads/${duplicate.id}/merge`, {
      body: { intoLeadId: lead.id },
    });
    setConfirming(null);
    if (result.kind === 'ok') {
      setDone(`${duplicate.reference ?? 'The duplicate'} was merged into this lead.`);
      onMerged();
    } else setFailure(result);
  };
  return (
    <section aria-labelledby="duplicates-heading" className="card">
      <h2 id="duplicates-heading">Possible duplicates</h2>
      <ErrorNotice failure={failure} />
      <StatusMessage>{done}</StatusMessage>
      <ul className="duplicates">
        {lead.duplicates.map((duplicate) => (
          <li key={duplicate.id}>
            <Link to={`/admin/leads/${duplicate.id}`}>{duplicate.reference ?? duplicate.id}</Link> ·{' '}
            {STATUS_NAMES[duplicate.status]} · {formatDate(duplicate.createdAt)} · same{' '}
            {duplicate.matchedOn.map((m) => m.replace('_', ' and ')).join(', ')}
            {mayMerge ? (
              confirming?.id === duplicate.id ? (
                <div className="confirm" role="group" aria-label="Confirm the merge">
                  <p>
                    Merge {duplicate.reference} into this lead? Its submissions, notes and history
                    move here; it stays only as a pointer. This cannot be undone.
                  </p>
                  <button
                    type="button"
                    className="button button--small button--danger"
                    onClick={() => void merge(duplicate)}
                  >
                    Yes, merge into this lead
                  </button>{' '}
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    onClick={() => setConfirming(null)}
                  >
                    Cancel
                  </button>
                </div>
              ) : (
                <div>
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    onClick={() => setConfirming(duplicate)}
                  >
                    Merge into this lead…
                  </button>
                </div>
              )
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Erase({ lead, onErased }: { lead: LeadDetail; onErased: () => void }) {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [sure, setSure] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  if (!hasRole(session, 'admin')) return null;
  const erase = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim() || !sure) return;
    const result = await request(`/v1/admin/leads/${lead.id}`, {
      method: 'DELETE',
      body: { reason },
    });
    if (result.kind === 'ok') onErased();
    else setFailure(result);
  };
  return (
    <section aria-labelledby="erase-heading" className="card card--danger">
      <h2 id="erase-heading">Erase personal data</h2>
      {open ? (
        <form onSubmit={erase}>
          <p>
            Empties names, contact details, messages, answers and note bodies of this lead (and of
            leads merged into it). The status, times and audit trail stay. This cannot be undone.
          </p>
          <div className="field">
            <label htmlFor="erase-reason">Reason (kept in the audit trail; name no client)</label>
            <textarea
              id="erase-reason"
              rows={2}
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              required
            />
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={sure}
              onChange={(event) => setSure(event.target.checked)}
            />
            I understand this erases the data for good
          </label>
          <ErrorNotice failure={failure} />
          <div className="actions">
            <button
              type="submit"
              className="button button--small button--danger"
              disabled={!reason.trim() || !sure}
            >
              Erase this lead&apos;s data
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => setOpen(false)}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => setOpen(true)}
        >
          Erase…
        </button>
      )}
    </section>
  );
}
