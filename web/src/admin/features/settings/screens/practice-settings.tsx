import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../../../api/client';
import type { SettingsView } from '../../../../api/types';
import type { FieldError } from '../../../../lib/problem';
import type { ApiFailure } from '../../../lib/api';
import { useStaffForm } from '../../../lib/forms';
import { CheckList, errorFor, TextField } from '../../../components/forms';
import { ErrorNotice, StatusMessage } from '../../../components/ui';
import { SERVICE_OPTIONS } from '../../../words';
import {
  showSettings,
  updatePractice,
  updateReferralResources,
  uploadLogo,
  type PracticeChange,
} from '../api';
import { t } from '../../../i18n/t';

type PracticeDraft = Record<keyof PracticeChange, string>;

/** An empty field is sent as null: the default comes back, or the line is cleared. */
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** Who clients see: name, time zone, contact, privacy notice. Every client email is signed with it. */
export function PracticeForm({ settings }: { settings: SettingsView }) {
  const practice = settings.practice;
  const [saved, setSaved] = useState('');
  const form = useStaffForm<PracticeDraft>({
    name: practice.name,
    timeZone: practice.timeZone,
    phone: practice.phone ?? '',
    email: practice.email ?? '',
    website: practice.website ?? '',
    address: practice.address ?? '',
    privacyNoticeVersion: practice.privacyNoticeVersion,
    privacyNoticeUrl: practice.privacyNoticeUrl ?? '',
  });
  const submit = form.submitWith(
    (draft) => {
      setSaved('');
      const change = Object.fromEntries(
        Object.entries(draft).map(([field, value]) => [field, orNull(value)]),
      ) as PracticeChange;
      return updatePractice(change);
    },
    (value) => {
      showSettings(value);
      setSaved(t('settings.practice.saved'));
    },
  );
  const field = (
    id: keyof PracticeDraft,
    label: string,
    hint?: string,
    inputMode?: 'email' | 'url',
  ) => (
    <TextField
      id={`practice-${id}`}
      field={`practice.${id}`}
      label={label}
      hint={hint}
      inputMode={inputMode}
      registration={form.register(id)}
      errors={form.errors}
    />
  );
  const d = settings.defaults.practice;
  return (
    <form
      onSubmit={submit}
      noValidate
      className="card form-card"
      aria-labelledby="practice-heading"
    >
      <h2 id="practice-heading">{t('settings.practice.heading')}</h2>
      <p className="muted">{t('settings.practice.lead')}</p>
      <StatusMessage>{saved}</StatusMessage>
      <ErrorNotice failure={form.failure} />
      {field(
        'name',
        t('settings.practice.name'),
        t('settings.practice.nameHint', { value: d.name }),
      )}
      {field(
        'timeZone',
        t('settings.practice.timeZone'),
        t('settings.practice.timeZoneHint', { value: d.timeZone }),
      )}
      {field('phone', t('settings.practice.phone'))}
      {field('email', t('settings.practice.email'), undefined, 'email')}
      {field('website', t('settings.practice.website'), t('settings.practice.websiteHint'), 'url')}
      {field('address', t('settings.practice.address'))}
      {field(
        'privacyNoticeVersion',
        t('settings.practice.privacyVersion'),
        t('settings.practice.privacyVersionHint', { value: d.privacyNoticeVersion }),
      )}
      {field('privacyNoticeUrl', t('settings.practice.privacyUrl'), undefined, 'url')}
      <button type="submit" className="button button--small">
        {t('settings.practice.save')}
      </button>
    </form>
  );
}

/** The logo on the hosted pages and the embed: a PNG or JPEG of at most 256 KiB. */
export function LogoForm({ settings }: { settings: SettingsView }) {
  const [file, setFile] = useState<File | null>(null);
  const [saved, setSaved] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setSaved('');
    setFailure(null);
    const result = await uploadLogo(file);
    if (result.kind === 'ok') {
      showSettings(result.body);
      setSaved(t('settings.logo.saved'));
    } else if (result.kind !== 'invalid') {
      setFailure(result);
    }
  };
  return (
    <form onSubmit={upload} className="card form-card" aria-labelledby="logo-heading">
      <h2 id="logo-heading">{t('settings.logo.heading')}</h2>
      {settings.practice.logoUrl ? (
        <img
          src={settings.practice.logoUrl}
          alt={t('settings.logo.alt')}
          className="practice-logo"
        />
      ) : (
        <p className="muted">{t('settings.logo.none')}</p>
      )}
      <StatusMessage>{saved}</StatusMessage>
      <ErrorNotice failure={failure} />
      <div className="field">
        <label htmlFor="logo-file">{t('settings.logo.file')}</label>
        <input
          id="logo-file"
          type="file"
          accept="image/png,image/jpeg"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </div>
      <button type="submit" className="button button--small" disabled={!file}>
        {t('settings.logo.upload')}
      </button>
    </form>
  );
}

interface ResourceDraft {
  name: string;
  phone: string;
  website: string;
  note: string;
  serviceTypes: string[];
  states: string;
}

const draftOf = (resource: Schemas['ReferralResourceView']): ResourceDraft => ({
  name: resource.name,
  phone: resource.phone ?? '',
  website: resource.website ?? '',
  note: resource.note ?? '',
  serviceTypes: resource.serviceTypes ?? [],
  states: (resource.states ?? []).join(', '),
});

const resourceOf = (draft: ResourceDraft) => {
  const states = draft.states
    .split(/[,\s]+/)
    .map((state) => state.trim().toUpperCase())
    .filter(Boolean);
  return {
    name: draft.name.trim(),
    ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
    ...(draft.website.trim() ? { website: draft.website.trim() } : {}),
    ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
    ...(draft.serviceTypes.length ? { serviceTypes: draft.serviceTypes } : {}),
    ...(states.length ? { states } : {}),
  } as Schemas['ReferralResourceDto'];
};

/** Where a client referred out or declined is pointed, in the kind email staff may send. */
export function ReferralResourcesForm({ settings }: { settings: SettingsView }) {
  const [drafts, setDrafts] = useState<ResourceDraft[]>(settings.referralResources.map(draftOf));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [saved, setSaved] = useState('');
  const edit = (index: number, change: Partial<ResourceDraft>) =>
    setDrafts(drafts.map((draft, at) => (at === index ? { ...draft, ...change } : draft)));
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    setErrors([]);
    setFailure(null);
    const result = await updateReferralResources(drafts.map(resourceOf));
    if (result.kind === 'ok') {
      showSettings(result.body);
      setSaved(t('settings.referrals.saved'));
    } else if (result.kind === 'invalid') setErrors(result.errors);
    else setFailure(result);
  };
  return (
    <form onSubmit={save} noValidate className="card form-card" aria-labelledby="referrals-heading">
      <h2 id="referrals-heading">{t('settings.referrals.heading')}</h2>
      <p className="muted">{t('settings.referrals.lead')}</p>
      <StatusMessage>{saved}</StatusMessage>
      <ErrorNotice failure={failure} />
      {errors
        .filter((error) => error.field === 'referralResources')
        .map((error) => (
          <p key={error.message} className="field-error">
            {t('shell.fieldError', { message: error.message })}
          </p>
        ))}
      {drafts.map((draft, index) => {
        const at = `referralResources.${index}`;
        return (
          <fieldset key={index} className="resource">
            <legend>{t('settings.referrals.resource', { number: index + 1 })}</legend>
            <TextField
              id={`resource-${index}-name`}
              field={`${at}.name`}
              label={t('settings.referrals.name')}
              value={draft.name}
              onChange={(name) => edit(index, { name })}
              errors={errors}
            />
            <TextField
              id={`resource-${index}-phone`}
              field={`${at}.phone`}
              label={t('settings.practice.phone')}
              value={draft.phone}
              onChange={(phone) => edit(index, { phone })}
              errors={errors}
            />
            <TextField
              id={`resource-${index}-website`}
              field={`${at}.website`}
              label={t('settings.practice.website')}
              inputMode="url"
              value={draft.website}
              onChange={(website) => edit(index, { website })}
              errors={errors}
            />
            <TextField
              id={`resource-${index}-note`}
              field={`${at}.note`}
              label={t('settings.referrals.note')}
              value={draft.note}
              onChange={(note) => edit(index, { note })}
              errors={errors}
            />
            <CheckList
              legend={t('settings.referrals.kinds')}
              options={SERVICE_OPTIONS}
              selected={draft.serviceTypes}
              onChange={(serviceTypes) => edit(index, { serviceTypes })}
              error={errorFor(errors, `${at}.serviceTypes`)}
            />
            <TextField
              id={`resource-${index}-states`}
              field={`${at}.states`}
              label={t('settings.referrals.states')}
              hint={t('settings.referrals.statesHint')}
              value={draft.states}
              onChange={(states) => edit(index, { states })}
              errors={errors}
            />
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => setDrafts(drafts.filter((_, at) => at !== index))}
            >
              {t('settings.referrals.remove', { number: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      <div className="actions">
        <button
          type="button"
          className="button button--small button--quiet"
          disabled={drafts.length >= 50}
          onClick={() =>
            setDrafts([
              ...drafts,
              { name: '', phone: '', website: '', note: '', serviceTypes: [], states: '' },
            ])
          }
        >
          {t('settings.referrals.add')}
        </button>
        <button type="submit" className="button button--small">
          {t('settings.referrals.save')}
        </button>
      </div>
    </form>
  );
}
