import { call, staffApi, type Schemas } from '../../../api/client';
import { queryClient, useApiQuery, useListQuery } from '../../lib/query';

export type ConsultationView = Schemas['ConsultationView'];
export type LeadBookingView = Schemas['LeadBookingView'];
export type AvailabilityView = Schemas['AvailabilityView'];
export type AvailabilityBody = Schemas['AvailabilityDto'];

/** Consultations, a clinician's hours and a lead's booking (`/v1/admin/consultations`, …). */
const consultationsKey = ['consultations'] as const;

export function useConsultations(range: { from: string; to: string; clinicianId?: string }) {
  return useListQuery<ConsultationView>([...consultationsKey, 'list', range], () =>
    call(() =>
      staffApi.GET('/v1/admin/consultations', {
        params: {
          query: {
            from: range.from,
            to: range.to,
            ...(range.clinicianId ? { clinicianId: range.clinicianId } : {}),
          },
        },
      }),
    ),
  );
}

export function useLeadBooking(leadId: string) {
  return useApiQuery<LeadBookingView>([...consultationsKey, 'lead', leadId], () =>
    call(() => staffApi.GET('/v1/admin/leads/{id}/booking', { params: { path: { id: leadId } } })),
  );
}

export function useAvailability(clinicianId: string) {
  return useApiQuery<AvailabilityView>([...consultationsKey, 'hours', clinicianId], () =>
    call(() =>
      staffApi.GET('/v1/admin/clinicians/{id}/availability', {
        params: { path: { id: clinicianId } },
      }),
    ),
  );
}

export const refreshConsultations = () =>
  queryClient.invalidateQueries({ queryKey: consultationsKey });

export function putAvailability(clinicianId: string, body: AvailabilityBody) {
  return call(() =>
    staffApi.PUT('/v1/admin/clinicians/{id}/availability', {
      params: { path: { id: clinicianId } },
      body,
    }),
  );
}

export function bookForLead(leadId: string, body: Schemas['BookConsultationDto']) {
  return call(() =>
    staffApi.POST('/v1/admin/leads/{id}/consultations', { params: { path: { id: leadId } }, body }),
  );
}

export function cancelConsultation(id: string) {
  return call(() => staffApi.DELETE('/v1/admin/consultations/{id}', { params: { path: { id } } }));
}
