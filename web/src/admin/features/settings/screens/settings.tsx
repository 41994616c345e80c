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
import { t } from '../../../i18n/t';

/** Response-time targets and the spam minimum (admin only); CORS origins shown read-only. */
export function SettingsPage() {
  const { loaded } = useSettings();
  // Kept here: the form starts afresh from the saved values, and the message outlives it.
  const [saved, setSaved] = useState('');
  if (loaded.state === 'loading') return <Loading what={t('settings.what')} />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading title={t('settings.title')}>{t('settings.title')}</PageHeading>
        <PageFailure failure={loaded.failure} what={t('settings.title')} />
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('settings.title')}>{t('settings.title')}</PageHeading>
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
          setSaved(t('settings.targets.saved'));
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
      <h2 id="targets-heading">{t('settings.targets.heading')}</h2>
      <p className="muted">
        {t('settings.targets.lead', { changed: formatDateTime(settings.updatedAt) })}
      </p>
      <StatusMessage>{saved}</StatusMessage>
      <ErrorNotice failure={form.failure} />
      <TextField
        id="crisisMinutes"
        field="responseTargets.crisisMinutes"
        label={t('settings.targets.crisis')}
        hint={t('settings.targets.crisisHint', { value: String(d.responseTargets.crisisMinutes) })}
        inputMode="numeric"
        registration={form.register('crisisMinutes')}
        errors={form.errors}
      />
      <TextField
        id="highMinutes"
        field="responseTargets.highMinutes"
        label={t('settings.targets.high')}
        hint={t('settings.targets.highHint', { value: String(d.responseTargets.highMinutes) })}
        inputMode="numeric"
        registration={form.register('highMinutes')}
        errors={form.errors}
      />
      <TextField
        id="routineBusinessDays"
        field="responseTargets.routineBusinessDays"
        label={t('settings.targets.routine')}
        hint={t('settings.targets.routineHint', {
          value: String(d.responseTargets.routineBusinessDays),
        })}
        inputMode="numeric"
        registration={form.register('routineBusinessDays')}
        errors={form.errors}
      />
      <h2>{t('settings.spam.heading')}</h2>
      <TextField
        id="spamMinSeconds"
        label={t('settings.spam.label')}
        hint={t('settings.spam.hint', { value: String(d.spamMinSeconds) })}
        inputMode="numeric"
        registration={form.register('spamMinSeconds')}
        errors={form.errors}
      />
      <h2>{t('settings.cors.heading')}</h2>
      <p className="muted">{t('settings.cors.readOnly')}</p>
      {settings.corsOrigins.length ? (
        <ul>
          {settings.corsOrigins.map((origin) => (
            <li key={origin}>
              <code>{origin}</code>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('settings.cors.none')}</p>
      )}
      <button type="submit" className="button button--small">
        {t('settings.targets.save')}
      </button>
    </form>
  );
}
