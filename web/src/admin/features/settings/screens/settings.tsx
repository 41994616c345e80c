import { useState, type FormEvent } from 'react';
import type { FieldError } from '../../../../lib/problem';
import type { ApiFailure } from '../../../lib/api';
import { showSettings, updateSettings, useSettings } from '../api';
import { TextField } from '../../../components/forms';
import {
  ErrorNotice,
  Loading,
  PageFailure,
  PageHeading,
  StatusMessage,
} from '../../../components/ui';
import type { SettingsView } from '../../../../api/types';
import { formatDateTime } from '../../../words';

/** Response-time targets and the spam minimum (admin only); CORS origins shown read-only. */
export function SettingsPage() {
  const { loaded } = useSettings();
  if (loaded.state === 'loading') return <Loading what="settings" />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading title="Settings">Settings</PageHeading>
        <PageFailure failure={loaded.failure} what="Settings" />
      </>
    );
  }
  return (
    <>
      <PageHeading title="Settings">Settings</PageHeading>
      <SettingsForm
        key={loaded.value.updatedAt ?? 'defaults'}
        settings={loaded.value}
        onSaved={showSettings}
      />
    </>
  );
}

function SettingsForm({
  settings,
  onSaved,
}: {
  settings: SettingsView;
  onSaved: (value: SettingsView) => void;
}) {
  const [crisis, setCrisis] = useState(String(settings.responseTargets.crisisMinutes));
  const [high, setHigh] = useState(String(settings.responseTargets.highMinutes));
  const [routine, setRoutine] = useState(String(settings.responseTargets.routineBusinessDays));
  const [spam, setSpam] = useState(String(settings.spamMinSeconds));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [saved, setSaved] = useState('');
  const number = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : text);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors([]);
    setFailure(null);
    setSaved('');
    const result = await updateSettings({
      responseTargets: {
        crisisMinutes: number(crisis),
        highMinutes: number(high),
        routineBusinessDays: number(routine),
      },
      spamMinSeconds: number(spam),
    });
    if (result.kind === 'ok') {
      onSaved(result.body);
    } else if (result.kind === 'invalid') setErrors(result.errors);
    else setFailure(result);
    if (result.kind === 'ok') setSaved('Settings saved. Leads still new got new respond-by times.');
  };
  const d = settings.defaults;
  return (
    <form onSubmit={submit} noValidate className="card form-card" aria-labelledby="targets-heading">
      <h2 id="targets-heading">Response-time targets</h2>
      <p className="muted">
        How long a lead may stay new before it is overdue. Last changed:{' '}
        {formatDateTime(settings.updatedAt)}.
      </p>
      <StatusMessage>{saved}</StatusMessage>
      <ErrorNotice failure={failure} />
      <TextField
        id="crisisMinutes"
        field="responseTargets.crisisMinutes"
        label="Crisis (minutes)"
        hint={`Default ${d.responseTargets.crisisMinutes}; 1 to 1440.`}
        inputMode="numeric"
        value={crisis}
        onChange={setCrisis}
        errors={errors}
      />
      <TextField
        id="highMinutes"
        field="responseTargets.highMinutes"
        label="High (minutes)"
        hint={`Default ${d.responseTargets.highMinutes}; 1 to 10080.`}
        inputMode="numeric"
        value={high}
        onChange={setHigh}
        errors={errors}
      />
      <TextField
        id="routineBusinessDays"
        field="responseTargets.routineBusinessDays"
        label="Routine (business days)"
        hint={`Default ${d.responseTargets.routineBusinessDays}; 1 to 30.`}
        inputMode="numeric"
        value={routine}
        onChange={setRoutine}
        errors={errors}
      />
      <h2>Spam</h2>
      <TextField
        id="spamMinSeconds"
        label="Minimum seconds to fill a public form"
        hint={`Faster submissions are stored as spam; 0 turns the check off. Default ${d.spamMinSeconds}.`}
        inputMode="numeric"
        value={spam}
        onChange={setSpam}
        errors={errors}
      />
      <h2>Allowed origins (CORS)</h2>
      <p className="muted">Read-only: set CORS_ORIGINS in the environment.</p>
      {settings.corsOrigins.length ? (
        <ul>
          {settings.corsOrigins.map((origin) => (
            <li key={origin}>
              <code>{origin}</code>
            </li>
          ))}
        </ul>
      ) : (
        <p>None: only this site&apos;s own pages may call the public API from a browser.</p>
      )}
      <button type="submit" className="button button--small">
        Save settings
      </button>
    </form>
  );
}
