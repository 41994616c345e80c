import { URGENCIES, type Urgency } from '../vocabulary/urgency.js';
import type { UserRole } from '../vocabulary/user-role.js';

/*
 * The rules of the live desk, without a framework: what the database's `lead_live` signal
 * says, who may hear it, and the event a stream sends. Ids and labels only: a signal
 * carries nothing a person typed.
 */

/** The channel the lead table's trigger notifies (migration LeadLiveSignals). */
export const LEAD_LIVE_CHANNEL = 'lead_live';

export const LIVE_EVENT_TYPES = ['lead.created', 'lead.changed'] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/** One committed insert or change of a lead, as the trigger reports it. */
export interface LeadSignal {
  readonly type: LiveEventType;
  readonly leadId: string;
  readonly urgency: Urgency;
  /** Who may see it besides admins and coordinators. */
  readonly assignedClinicianId: string | null;
}

/** What a stream sends: the event of docs/api.md#live-arrivals. */
export interface LiveEvent {
  readonly type: LiveEventType;
  readonly leadId: string;
  readonly urgency: Urgency;
}

/** Who a stream is open for, as last read from their session. */
export interface Viewer {
  readonly role: UserRole;
  /** The clinician profile linked to a clinician's account, if any. */
  readonly clinicianId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUrgency = (value: unknown): value is Urgency =>
  typeof value === 'string' && (URGENCIES as readonly string[]).includes(value);

/** The trigger's payload read strictly: anything else is not a signal (null). */
export function parseLeadSignal(payload: string | undefined): LeadSignal | null {
  if (!payload) return null;
  let fields: unknown;
  try {
    fields = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof fields !== 'object' || fields === null) return null;
  const { kind, leadId, urgency, assignedClinicianId } = fields as Record<string, unknown>;
  if (kind !== 'created' && kind !== 'changed') return null;
  if (typeof leadId !== 'string' || !UUID.test(leadId) || !isUrgency(urgency)) return null;
  if (
    assignedClinicianId !== null &&
    (typeof assignedClinicianId !== 'string' || !UUID.test(assignedClinicianId))
  ) {
    return null;
  }
  return {
    type: kind === 'created' ? 'lead.created' : 'lead.changed',
    leadId,
    urgency,
    assignedClinicianId,
  };
}

/**
 * Whether `viewer` may hear of the lead (docs/api.md#roles): admins and coordinators every
 * lead, a clinician only the leads assigned to their own clinician profile.
 */
export function mayHear(viewer: Viewer, signal: LeadSignal): boolean {
  if (viewer.role !== 'clinician') return true;
  return viewer.clinicianId !== null && signal.assignedClinicianId === viewer.clinicianId;
}

/** The event sent for a signal: the assignee is who-may-see, not news for the viewer. */
export function liveEventOf(signal: LeadSignal): LiveEvent {
  return { type: signal.type, leadId: signal.leadId, urgency: signal.urgency };
}

/** Server-Sent Events framing of one event (`data:` only: the browser's `message`). */
export function eventFrame(event: LiveEvent): string {
  return `data: ${JSON.stringify(event)}\n\n`;
}

/** A comment line: keeps proxies from closing a quiet stream; EventSource ignores it. */
export const HEARTBEAT_FRAME = ': keep-alive\n\n';

/** The first bytes of a stream: how long the browser waits before reconnecting. */
export function retryFrame(retryMs: number): string {
  return `retry: ${retryMs}\n\n`;
}

/**
 * How long the listener waits before reconnecting after the database went away: doubling
 * from 1 s, at most 30 s, so an outage is not answered with a storm of connections.
 */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, Math.min(attempt, 5)));
}
