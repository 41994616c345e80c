import { call, staffApi, type Schemas } from '../../../api/client';
import { queryClient, useListQuery } from '../../lib/query';

export type ConsentDocumentView = Schemas['ConsentDocumentView'];

/** Consent documents and their versions (admin only). */
const consentDocumentsKey = ['consent-documents'] as const;

export function useConsentDocuments() {
  return useListQuery<ConsentDocumentView>(consentDocumentsKey, () =>
    call(() => staffApi.GET('/v1/admin/consent-documents')),
  );
}

export const refreshConsentDocuments = () =>
  queryClient.invalidateQueries({ queryKey: consentDocumentsKey });

export function createConsentDocument(body: Schemas['CreateConsentDocumentDto']) {
  return call(() => staffApi.POST('/v1/admin/consent-documents', { body }));
}

/** A new version; the ones before never change. */
export function publishConsentVersion(slug: string, body: Schemas['PublishConsentVersionDto']) {
  return call(() =>
    staffApi.POST('/v1/admin/consent-documents/{slug}/versions', {
      params: { path: { slug } },
      body,
    }),
  );
}
