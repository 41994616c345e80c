import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiFailure } from '../../../lib/api';
import { ErrorNotice } from '../../../components/ui';
import { TextField } from '../../../components/forms';
import type { ContactAttemptChange, ContactAttemptView } from '../../../../api/types';
import { CONTACT_CHANNELS } from '../../../vocabulary';
import { logContactAttempt, refreshLeads } from '../api';
import { t } from '../../../i18n/t';

export type ContactChannel = ContactAttemptChange['channel'];
export type ContactOutcome = ContactAttemptView['outcome'];
type LoggedOutcome = ContactAttemptChange['outcome'];

export const CHANNEL_NAMES: Record<ContactChannel, string> = {
  phone: t('leads.channel.phone'),
  text: t('leads.channel.text'),
  email: t('leads.channel.email'),
};

export const OUTCOME_NAMES: Record<ContactOutcome, string> = {
  connected: t('leads.outcome.connected'),
  voicemail: t('leads.outcome.voicemail'),
  no_answer: t('leads.outcome.noAnswer'),
  wrong_number: t('leads.outcome.wrongNumber'),
  sent: t('leads.outcome.sent'),
  unspecified: t('leads.outcome.unspecified'),
};

/** The outcomes that make sense for each channel. */
const OUTCOMES: Record<ContactChannel, LoggedOutcome[]> = {
  phone: ['connected', 'voicemail', 'no_answer', 'wrong_number'],
  text: ['sent', 'connected', 'wrong_number'],
  email: ['sent', 'connected'],
};

/**
 * Logging a contact attempt in one step: channel, outcome, an optional note. The first
 * attempt stops the lead's response clock; the lists and counts are read again after.
 */
export function LogAttempt({
  leadId,
  name,
  channel: initialChannel = 'phone',
  onDone,
}: {
  leadId: string;
  /** Whose lead: names the form for screen readers. */
  name: string;
  channel?: ContactChannel;
  /** Called with what was said once logged, or with '' on cancel. */
  onDone: (said: string) => void;
}) {
  const [channel, setChannel] = useState<ContactChannel>(initialChannel);
  const [outcome, setOutcome] = useState<LoggedOutcome | ''>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const first = useRef<HTMLFieldSetElement>(null);
  const id = `attempt-${leadId}`;

  useEffect(() => {
    first.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!outcome || busy) return;
    setBusy(true);
    setFailure(null);
    const result = await logContactAttempt(leadId, {
      channel,
      outcome,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setBusy(false);
    if (result.kind !== 'ok') {
      setFailure(result);
      return;
    }
    refreshLeads();
    onDone(
      t('leads.attempt.logged', {
        channel: CHANNEL_NAMES[channel],
        outcome: OUTCOME_NAMES[outcome],
      }),
    );
  };

  return (
    <form className="log-attempt" onSubmit={submit} aria-label={t('leads.attempt.label', { name })}>
      <fieldset ref={first} className="choice-row">
        <legend>{t('leads.attempt.channel')}</legend>
        {CONTACT_CHANNELS.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={`${id}-channel`}
              value={value}
              checked={channel === value}
              onChange={() => {
                setChannel(value);
                if (outcome && !OUTCOMES[value].includes(outcome)) setOutcome('');
              }}
            />
            {CHANNEL_NAMES[value]}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-row">
        <legend>{t('leads.attempt.outcome')}</legend>
        {OUTCOMES[channel].map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={`${id}-outcome`}
              value={value}
              checked={outcome === value}
              onChange={() => setOutcome(value)}
            />
            {OUTCOME_NAMES[value]}
          </label>
        ))}
      </fieldset>
      <TextField
        id={`${id}-note`}
        label={t('leads.attempt.note')}
        value={note}
        maxLength={2000}
        onChange={setNote}
      />
      <ErrorNotice failure={failure} />
      <div className="actions">
        <button type="submit" className="button" disabled={!outcome} aria-disabled={busy}>
          {t('leads.attempt.save')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => onDone('')}>
          {t('shell.cancel')}
        </button>
      </div>
    </form>
  );
}
