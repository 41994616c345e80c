import { call, staffApi, type Schemas } from '../../../api/client';
import type { WebhookView } from '../../../api/types';
import { queryClient, useListQuery } from '../../lib/query';

/** Webhook subscriptions (admin only). */
const webhooksKey = ['webhooks'] as const;

export function useWebhooks() {
  return useListQuery<WebhookView>(webhooksKey, () =>
    call(() => staffApi.GET('/v1/admin/webhooks')),
  );
}

export const refreshWebhooks = () => queryClient.invalidateQueries({ queryKey: webhooksKey });

/** The answer carries the secret, shown this once. */
export function createWebhook(body: Schemas['CreateWebhookDto']) {
  return call(() => staffApi.POST('/v1/admin/webhooks', { body }));
}

export function updateWebhook(id: string, body: Schemas['UpdateWebhookDto']) {
  return call(() => staffApi.PATCH('/v1/admin/webhooks/{id}', { params: { path: { id } }, body }));
}

export function deleteWebhook(id: string) {
  return call(() => staffApi.DELETE('/v1/admin/webhooks/{id}', { params: { path: { id } } }));
}
