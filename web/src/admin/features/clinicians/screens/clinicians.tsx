import { useState } from 'react';
import { US_STATES } from '../../../../lib/vocabulary';

import { ListScreen } from '../../../components/list-screen';
import { useStaffForm } from '../../../lib/forms';
import { createClinician, refreshClinicians, updateClinician, useClinicians } from '../api';
import { CheckList, errorFor, TextField } from '../../../components/forms';
import { DataTable, ErrorNotice, PageHeading, StatusMessage } from '../../../components/ui';
import { hasRole, useSession } from '../../../session';
import type { Schemas } from '../../../../api/client';
import type { ClinicianView, ServiceType } from '../../../../api/types';
import { SERVICE_NAMES, SERVICE_OPTIONS } from '../../../words';
import { t, tRich } from '../../../i18n/t';

interface Draft {
  name: string;
  email: string;
  modalities: string;
  serviceTypes: string[];
  licensedStates: string;
  acceptingNewClients: boolean;
  weeklyCapacity: string;
  active: boolean;
}

const EMPTY: Draft = {
  name: '',
  email: '',
  modalities: '',
  serviceTypes: [],
  licensedStates: '',
  acceptingNewClients: true,
  weeklyCapacity: '4',
  active: true,
};

function draftOf(clinician: ClinicianView): Draft {
  return {
    name: clinician.name,
    email: clinician.email,
    modalities: clinician.modalities.join(', '),
    serviceTypes: clinician.serviceTypes,
    licensedStates: clinician.licensedStates.join(', '),
    acceptingNewClients: clinician.acceptingNewClients,
    weeklyCapacity: String(clinician.weeklyCapacity),
    active: clinician.active,
  };
}

const words = (text: string) =>
  text
    .split(/[,\s]+/)
    .map((word) => word.trim())
    .filter(Boolean);

/** Clinician profiles for matching: staff add and edit; a clinician edits their own few fields. */
export function CliniciansPage() {
  const session = useSession();
  const isStaff = hasRole(session, 'admin', 'coordinator');
  const list = useClinicians();
  const [editing, setEditing] = useState<ClinicianView | 'new' | null>(null);
  const [saved, setSaved] = useState('');

  return (
    <>
      <PageHeading title={t('clinicians.title')}>{t('clinicians.title')}</PageHeading>
      <StatusMessage>{saved}</StatusMessage>
      {isStaff && editing === null ? (
        <button type="button" className="button button--small" onClick={() => setEditing('new')}>
          {t('clinicians.add')}
        </button>
      ) : null}
      {editing ? (
        <ClinicianForm
          key={editing === 'new' ? 'new' : editing.id}
          clinician={editing === 'new' ? null : editing}
          ownOnly={!isStaff}
          onDone={(message) => {
            setEditing(null);
            setSaved(message);
            void refreshClinicians();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      <ListScreen
        list={list}
        what={t('clinicians.what')}
        failureWhat={t('clinicians.title')}
        empty={<p>{t('clinicians.empty')}</p>}
      >
        {(items) => (
          <DataTable
            columns={[
              t('clinicians.name'),
              t('clinicians.services'),
              t('clinicians.modalities'),
              t('clinicians.licensedIn'),
              t('clinicians.newClients'),
              t('clinicians.load'),
            ]}
            actions={t('clinicians.actions')}
          >
            {items.map((clinician) => (
              <tr key={clinician.id} className={clinician.active ? '' : 'inactive'}>
                <th scope="row">
                  {clinician.name}
                  {clinician.active ? '' : t('clinicians.inactive')}
                  <div className="muted">{clinician.email}</div>
                </th>
                <td>{clinician.serviceTypes.map((type) => SERVICE_NAMES[type]).join(', ')}</td>
                <td>{clinician.modalities.join(', ')}</td>
                <td>{clinician.licensedStates.join(', ')}</td>
                <td>
                  {clinician.acceptingNewClients
                    ? t('clinicians.accepting')
                    : t('clinicians.notAccepting')}
                </td>
                <td>
                  {clinician.openLeads} / {clinician.weeklyCapacity}
                </td>
                <td>
                  {isStaff || clinician.userId === session.me.user.id ? (
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      onClick={() => setEditing(clinician)}
                    >
                      {tRich('clinicians.edit', {
                        name: clinician.name,
                      })}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListScreen>
    </>
  );
}

function ClinicianForm({
  clinician,
  ownOnly,
  onDone,
  onCancel,
}: {
  clinician: ClinicianView | null;
  ownOnly: boolean;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const form = useStaffForm<Draft>(clinician ? draftOf(clinician) : EMPTY);
  const { errors } = form;
  const submit = form.submitWith(
    (draft) => {
      const own = {
        modalities: words(draft.modalities.toLowerCase()),
        acceptingNewClients: draft.acceptingNewClients,
        weeklyCapacity: Number(draft.weeklyCapacity),
      };
      const body = ownOnly
        ? own
        : {
            ...own,
            name: draft.name,
            email: draft.email,
            serviceTypes: draft.serviceTypes as ServiceType[],
            // Typed as codes: the server checks each one and names the field when one is not.
            licensedStates: words(draft.licensedStates.toUpperCase()) as NonNullable<
              Schemas['UpdateClinicianDto']['licensedStates']
            >,
            active: draft.active,
          };
      return clinician
        ? updateClinician(clinician.id, body)
        : createClinician(body as Schemas['CreateClinicianDto']);
    },
    (saved) => onDone(t(clinician ? 'clinicians.saved' : 'clinicians.added', { name: saved.name })),
  );
  const stateCodes = US_STATES.map(([code]) => code).join(', ');

  return (
    <form
      className="card form-card"
      onSubmit={submit}
      noValidate
      aria-labelledby="clinician-form-heading"
    >
      <h2 id="clinician-form-heading">
        {clinician ? t('clinicians.form.edit', { name: clinician.name }) : t('clinicians.add')}
      </h2>
      <ErrorNotice failure={form.failure} />
      {errors.length > 0 ? (
        <ErrorNotice>
          <p>{t('shell.fieldsNeedChange')}</p>
        </ErrorNotice>
      ) : null}
      {ownOnly ? null : (
        <>
          <TextField
            id="name"
            label={t('clinicians.name')}
            registration={form.register('name')}
            errors={errors}
            required
          />
          <TextField
            id="email"
            label={t('clinicians.email')}
            type="email"
            registration={form.register('email')}
            errors={errors}
            required
          />
          <CheckList
            legend={t('clinicians.form.services')}
            options={SERVICE_OPTIONS}
            selected={form.watch('serviceTypes')}
            onChange={(selected) => form.setValue('serviceTypes', selected)}
            error={errorFor(errors, 'serviceTypes')}
          />
          <TextField
            id="licensedStates"
            label={t('clinicians.form.states')}
            hint={t('clinicians.form.statesHint', { codes: stateCodes.slice(0, 60) })}
            registration={form.register('licensedStates')}
            errors={errors}
          />
        </>
      )}
      <TextField
        id="modalities"
        label={t('clinicians.modalities')}
        hint={t('clinicians.form.modalitiesHint')}
        registration={form.register('modalities')}
        errors={errors}
      />
      <TextField
        id="weeklyCapacity"
        label={t('clinicians.form.capacity')}
        inputMode="numeric"
        registration={form.register('weeklyCapacity')}
        errors={errors}
      />
      <label className="check">
        <input type="checkbox" {...form.register('acceptingNewClients')} />
        {t('clinicians.form.accepting')}
      </label>
      {ownOnly ? null : (
        <label className="check">
          <input type="checkbox" {...form.register('active')} />
          {t('clinicians.form.active')}
        </label>
      )}
      <div className="actions">
        <button type="submit" className="button button--small">
          {clinician ? t('clinicians.form.save') : t('clinicians.form.addButton')}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onCancel}>
          {t('shell.cancel')}
        </button>
      </div>
    </form>
  );
}
