import { useState } from 'react';

import { useStaffForm } from '../../../lib/forms';
import { showSettings, updateSettings, useSettings } from '../api';
import { TextField } from '../../../components/forms';
import { PracticeZoneNote } from '../../../components/time';
import {
  ErrorNotice,
  Loading,
  PageFailure,
  PageHeading,
  StatusMessage,
} from '../../../components/ui';
import type { SettingsView } from '../../../../api/types';
import { formatDateTime } from '../../../words';
import { LogoForm, PracticeForm, ReferralResourcesForm } from './practice-settings';

/** Response-time targets and the spam minimum (admin only); CORS origins shown read-only. */
export function SettingsPage() {
  const { loaded } = useSettings();
  // Kept here: the form starts afresh from the saved values, and the message outlives it.
  const [saved, setSaved] = useState('');
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
      <PracticeForm settings={loaded.value} />
      <LogoForm settings={loaded.value} />
      <ReferralResourcesForm settings={loaded.value} />

      <PracticeZoneNote />
      <SettingsForm
        key={loaded.value.updatedAt ?? 'defaults'}
        settings={loaded.value}
        saved={saved}
        onSaving={() => setSaved('')}
        onSaved={(value) => {
          showSettings(value);
          setSaved('Settings saved. Leads still new got new respond-by times.');
        }}
      />
    </>
  );
}

/** The fields as typed; see `number`. */
interface SettingsDraft {
  crisisMinutes: string;
  highMinutes: string;
  routineBusinessDays: string;
  spamMinSeconds: string;
}

/** A whole number as a number; anything else as typed, so the server names the field. */
const number = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : text);

function SettingsForm({
  settings,
  saved,
  onSaving,
  onSaved,
}: {
  saved: string;
  onSaving: () => void;
  settings: SettingsView;
  onSaved: (value: SettingsView) => void;
}) {
  const form = useStaffForm<SettingsDraft>({
    crisisMinutes: String(settings.responseTargets.crisisMinutes),
    highMinutes: String(settings.responseTargets.highMinutes),
    routineBusinessDays: String(settings.responseTargets.routineBusinessDays),
    spamMinSeconds: String(settings.spamMinSeconds),
  });
  const submit = form.submitWith((draft) => {
    onSaving();
    return updateSettings({
      responseTargets: {
        crisisMinutes: number(draft.crisisMinutes),
        highMinutes: number(draft.highMinutes),
        routineBusinessDays: number(draft.routineBusinessDays),
      },
      spamMinSeconds: number(draft.spamMinSeconds),
    });
  }, onSaved);
  const d = settings.defaults;
  return (
    <form onSubmit={submit} noValidate className="card form-card" aria-labelledby="targets-heading">
      <h2 id="targets-heading">Response-time targets</h2>
      <p className="muted">
        How long a lead may stay new before it is overdue. Last changed:{' '}
        {formatDateTime(settings.updatedAt)}.
      </p>
      <StatusMessage>{saved}</StatusMessage>
      <ErrorNotice failure={form.failure} />
      <TextField
        id="crisisMinutes"
        field="responseTargets.crisisMinutes"
        label="Crisis (minutes)"
        hint={`Default ${d.responseTargets.crisisMinutes}; 1 to 1440.`}
        inputMode="numeric"
        registration={form.register('crisisMinutes')}
        errors={form.errors}
      />
      <TextField
        id="highMinutes"
        field="responseTargets.highMinutes"
        label="High (minutes)"
        hint={`Default ${d.responseTargets.highMinutes}; 1 to 10080.`}
        inputMode="numeric"
        registration={form.register('highMinutes')}
        errors={form.errors}
      />
      <TextField
        id="routineBusinessDays"
        field="responseTargets.routineBusinessDays"
        label="Routine (business days)"
        hint={`Default ${d.responseTargets.routineBusinessDays}; 1 to 30.`}
        inputMode="numeric"
        registration={form.register('routineBusinessDays')}
        errors={form.errors}
      />
      <h2>Spam</h2>
      <TextField
        id="spamMinSeconds"
        label="Minimum seconds to fill a public form"
        hint={`Faster submissions are stored as spam; 0 turns the check off. Default ${d.spamMinSeconds}.`}
        inputMode="numeric"
        registration={form.register('spamMinSeconds')}
        errors={form.errors}
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
