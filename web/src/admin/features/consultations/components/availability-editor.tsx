import { useState, type FormEvent } from 'react';
import type { ApiFailure } from '../../../lib/api';
import { errorFor, TextField } from '../../../components/forms';
import { ErrorNotice, StatusMessage } from '../../../components/ui';
import { putAvailability, useAvailability, type AvailabilityBody } from '../api';
import { LOCALE, t } from '../../../i18n/t';

const DAY_CODES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Day = (typeof DAY_CODES)[number];
/** Each day's name in the staff app's language: 1 January 2024 was a Monday. */
const weekday = new Intl.DateTimeFormat(LOCALE, { weekday: 'long', timeZone: 'UTC' });
const DAYS = DAY_CODES.map(
  (code, index) => [code, weekday.format(new Date(Date.UTC(2024, 0, 1 + index)))] as const,
);

const NUMBERS = [
  ['slotMinutes', t('consultations.hours.slot')],
  ['bufferMinutes', t('consultations.hours.buffer')],
  ['minNoticeHours', t('consultations.hours.notice')],
  ['maxDaysAhead', t('consultations.hours.ahead')],
] as const;

/** A clinician's consultation hours: weekly windows, days off, length, buffer, notice, horizon. */
export function AvailabilityEditor({ clinicianId }: { clinicianId: string }) {
  const { loaded, reload } = useAvailability(clinicianId);
  // Kept here: the form is drawn anew from the saved hours, and the word stays.
  const [saved, setSaved] = useState('');
  if (loaded.state === 'loading') return <p>{t('shell.loadingShort')}</p>;
  if (loaded.state === 'failed') return <ErrorNotice failure={loaded.failure} />;
  const { timeZone, slotMinutes, bufferMinutes, minNoticeHours, maxDaysAhead } = loaded.value;
  return (
    <HoursForm
      key={loaded.value.updatedAt ?? 'defaults'}
      clinicianId={clinicianId}
      initial={{
        timeZone,
        slotMinutes,
        bufferMinutes,
        minNoticeHours,
        maxDaysAhead,
        weekly: loaded.value.weekly,
        exceptions: loaded.value.exceptions,
      }}
      saved={saved}
      onSaving={() => setSaved('')}
      onSaved={() => {
        setSaved(t('consultations.hours.saved'));
        reload();
      }}
    />
  );
}

function HoursForm({
  clinicianId,
  initial,
  saved,
  onSaving,
  onSaved,
}: {
  clinicianId: string;
  initial: AvailabilityBody;
  saved: string;
  onSaving: () => void;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState<AvailabilityBody>(initial);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const errors = failure?.kind === 'invalid' ? failure.errors : undefined;
  const change = (patch: Partial<AvailabilityBody>) => setDraft({ ...draft, ...patch });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    onSaving();
    const result = await putAvailability(clinicianId, draft);
    if (result.kind === 'ok') onSaved();
    else setFailure(result);
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-label={t('consultations.hours.heading')}>
      <TextField
        id="hours-zone"
        label={t('consultations.hours.zone')}
        errors={errors}
        field="timeZone"
        value={draft.timeZone}
        onChange={(timeZone) => change({ timeZone })}
      />
      {NUMBERS.map(([name, label]) => (
        <TextField
          key={name}
          id={`hours-${name}`}
          label={label}
          errors={errors}
          field={name}
          type="number"
          value={String(draft[name])}
          onChange={(value) => change({ [name]: Number(value) })}
        />
      ))}
      <fieldset className="field">
        <legend>{t('consultations.hours.weekly')}</legend>
        {draft.weekly.map((window, index) => (
          <div key={index} className="hours-row">
            <label>
              {t('consultations.hours.day')}{' '}
              <select
                value={window.day}
                onChange={(event) =>
                  change({
                    weekly: draft.weekly.map((one, i) =>
                      i === index ? { ...one, day: event.target.value as Day } : one,
                    ),
                  })
                }
              >
                {DAYS.map(([value, name]) => (
                  <option key={value} value={value}>
                    {name}
                  </option>
                ))}
              </select>
            </label>{' '}
            <label>
              {t('consultations.hours.from')}{' '}
              <input
                type="time"
                value={window.start}
                onChange={(event) =>
                  change({
                    weekly: draft.weekly.map((one, i) =>
                      i === index ? { ...one, start: event.target.value } : one,
                    ),
                  })
                }
              />
            </label>{' '}
            <label>
              {t('consultations.hours.to')}{' '}
              <input
                type="time"
                value={window.end}
                onChange={(event) =>
                  change({
                    weekly: draft.weekly.map((one, i) =>
                      i === index ? { ...one, end: event.target.value } : one,
                    ),
                  })
                }
              />
            </label>{' '}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => change({ weekly: draft.weekly.filter((_, i) => i !== index) })}
            >
              {t('consultations.hours.remove')}
            </button>
            <p className="field-error">
              {errorFor(errors, `weekly.${index}.start`) ?? errorFor(errors, `weekly.${index}.end`)}
            </p>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            change({ weekly: [...draft.weekly, { day: 'mon', start: '09:00', end: '12:00' }] })
          }
        >
          {t('consultations.hours.add')}
        </button>
      </fieldset>
      <fieldset className="field">
        <legend>{t('consultations.hours.daysOff')}</legend>
        {draft.exceptions.map((exception, index) => (
          <div key={index} className="hours-row">
            <label>
              {t('consultations.hours.date')}{' '}
              <input
                type="date"
                value={exception.date}
                onChange={(event) =>
                  change({
                    exceptions: draft.exceptions.map((one, i) =>
                      i === index ? { ...one, date: event.target.value } : one,
                    ),
                  })
                }
              />
            </label>{' '}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => change({ exceptions: draft.exceptions.filter((_, i) => i !== index) })}
            >
              {t('consultations.hours.remove')}
            </button>
            <p className="field-error">{errorFor(errors, `exceptions.${index}.date`)}</p>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            change({
              exceptions: [
                ...draft.exceptions,
                { date: new Date().toISOString().slice(0, 10), available: false },
              ],
            })
          }
        >
          {t('consultations.hours.addDayOff')}
        </button>
      </fieldset>
      <ErrorNotice failure={failure?.kind === 'invalid' ? null : failure} />
      <button type="submit" className="button">
        {t('consultations.hours.save')}
      </button>
      <StatusMessage>{saved}</StatusMessage>
    </form>
  );
}
