import { useState, type FormEvent } from 'react';
import type {
  LeadDetail,
  LeadStatus,
  NoteView,
  TimelineEntry,
  Urgency,
} from '../../../../api/types';
import type { ApiFailure } from '../../../lib/api';
import { ErrorNotice } from '../../../components/ui';
import { STATUS_NAMES, timelineName, URGENCY_NAMES } from '../../../words';
import { Time } from '../../../components/time';
import { addNote } from '../api';
import {
  CHANNEL_NAMES,
  OUTCOME_NAMES,
  type ContactChannel,
  type ContactOutcome,
} from './log-attempt';
import { t } from '../../../i18n/t';

/** What was said and done about a lead: its notes (add-only) and its timeline. */
export function Notes({ lead, onAdded }: { lead: LeadDetail; onAdded: () => void }) {
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
    const result = await addNote(lead.id, body);
    setBusy(false);
    if (result.kind === 'ok') {
      setAdded((list) => [...list, result.body]);
      setBody('');
      onAdded();
    } else setFailure(result);
  };
  return (
    <section aria-labelledby="notes-heading" className="card">
      <h2 id="notes-heading">{t('leads.notes.heading')}</h2>
      {notes.length === 0 ? <p className="muted">{t('leads.notes.none')}</p> : null}
      <ol className="notes">
        {notes.map((note) => (
          <li key={note.id}>
            <p className="muted">
              {note.author.name} · <Time iso={note.createdAt} />
            </p>
            <p className="note-body">{note.body}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="note">{t('leads.notes.label')}</label>
          <p className="hint" id="note-hint">
            {t('leads.notes.hint')}
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
          {t('leads.notes.add')}
        </button>
      </form>
    </section>
  );
}

/**
 * What happened, newest first, with names: "Assigned to Dana Whitfield", "Phone attempt:
 * no answer". `names` knows the clinicians and staff of this lead by id.
 */
export function Timeline({
  entries,
  names,
}: {
  entries: TimelineEntry[];
  names: ReadonlyMap<string, string>;
}) {
  return (
    <section aria-labelledby="timeline-heading" className="card">
      <h2 id="timeline-heading">{t('leads.timeline.heading')}</h2>
      <ol className="timeline">
        {[...entries].reverse().map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <span className="timeline__when">
              <Time iso={entry.at} />
            </span>{' '}
            <span className="timeline__what">{describeEntry(entry, names)}</span>
            {entry.actor ? (
              <span className="muted">{t('leads.timeline.by', { name: entry.actor.name })}</span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** One timeline entry in words; ids become names, codes become the app's words. */
export function describeEntry(entry: TimelineEntry, names: ReadonlyMap<string, string>): string {
  const { kind, details } = entry;
  const who = (id: string | null) =>
    id ? (names.get(id) ?? t('leads.timeline.aClinician')) : t('leads.timeline.nobody');
  if (kind === 'assigned') {
    const to = text(details.clinicianId);
    return to
      ? t('leads.timeline.assigned', { name: who(to) })
      : t('leads.timeline.unassigned', { name: who(text(details.previousClinicianId)) });
  }
  const channel = text(details.channel);
  const outcome = text(details.outcome);
  if (kind === 'contact_attempted' && !channel) return t('leads.timeline.attemptUnrecorded');
  if (channel && outcome) {
    const channelName = CHANNEL_NAMES[channel as ContactChannel] ?? channel;
    const outcomeName = OUTCOME_NAMES[outcome as ContactOutcome] ?? outcome.replaceAll('_', ' ');
    return t('leads.timeline.attempt', {
      channel: channelName,
      outcome: outcomeName.toLowerCase(),
    });
  }
  return `${timelineName(kind)}${describeDetails(details)}`;
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
