import { call, staffApi, type Schemas } from '../../../api/client';
import type { ClinicianView } from '../../../api/types';
import { queryClient, useListQuery } from '../../lib/query';

/** Clinician profiles for matching. */
const cliniciansKey = ['clinicians'] as const;

export function useClinicians() {
  return useListQuery<ClinicianView>(cliniciansKey, () =>
    call(() => staffApi.GET('/v1/admin/clinicians')),
  );
}

export const refreshClinicians = () => queryClient.invalidateQueries({ queryKey: cliniciansKey });

export function createClinician(body: Schemas['CreateClinicianDto']) {
  return call(() => staffApi.POST('/v1/admin/clinicians', { body }));
}

/** A clinician may change only their own few fields; the server says which. */
export function updateClinician(id: string, body: Schemas['UpdateClinicianDto']) {
  return call(() =>
    staffApi.PATCH('/v1/admin/clinicians/{id}', { params: { path: { id } }, body }),
  );
}
