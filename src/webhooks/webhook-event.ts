import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Webhook events and their signature (docs/api.md#webhooks). No framework code here. */
export const WEBHOOK_EVENT_TYPES = [
  'lead.created',
  'intake.completed',
  'lead.status_changed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What every event carries: ids and labels, no personal data. */
export interface WebhookEventData {
  leadId: string;
  reference: string;
  status: string;
  urgency: string;
  serviceType: string;
}

export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  data: WebhookEventData;
}

/**
 * The one id of a lead's `lead.created` event: the same whichever path announces the
 * lead (its first submission, or staff releasing it from review), so a subscriber gets
 * it once. A UUID (version 8, RFC 9562) made of a SHA-256 of the lead id.
 */
export function leadCreatedEventId(leadId: string): string {
  const bytes = createHash('sha256').update(`lead.created:${leadId}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `t=<unix>,v1=<hex HMAC-SHA256 of "t.body">`. */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * What a receiver does: recompute the HMAC over "t.body" and compare in constant time,
 * refusing signatures older than `toleranceSeconds` (replays).
 */
export function verifyWebhook(
  secret: string,
  body: string,
  header: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map(
    header.split(',').map((part) => {
      const [key, ...rest] = part.trim().split('=');
      return [key, rest.join('=')] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = signWebhook(secret, body, t).split('v1=')[1]!;
  return (
    given.length === expected.length &&
    timingSafeEqual(Buffer.from(given, 'utf8'), Buffer.from(expected, 'utf8'))
  );
}
