import type { AppConfig } from '../config/app-config.js';
import type { Urgency } from '../vocabulary/urgency.js';

/**
 * Durable jobs and their payloads. Payloads carry ids only, never personal data: the
 * job table is read by operators and kept for a while after completion.
 */
export interface JobPayloads {
  /** A public submission was stored; plan who hears about it. */
  'lead.submission-received': {
    leadId: string;
    submissionId: string;
    submissionKind: 'inquiry' | 'intake' | 'partner_response';
    /** True when this submission started the lead, false when it joined an open one. */
    leadCreated: boolean;
  };
  /** Send one planned email. */
  'notification.deliver': { notificationId: string };
  /** POST one webhook delivery. */
  'webhook.deliver': { deliveryId: string };
  /** Is the lead still `new` at its response target (reminder) or twice it (escalation)? */
  'lead.response-check': { leadId: string; stage: 'reminder' | 'escalation'; urgency: Urgency };
  /**
   * Someone asked for a password reset: look the account up and send the link, off the
   * request so that a known and an unknown address cost the request the same. The
   * address and the requester's IP address travel sealed (DataCipher), never readable.
   */
  'auth.password-reset': { sealedRequest: string; requestKey: string; requestId: string | null };
  /** Daily (scheduled): purge old spam leads, expired idempotency records, sessions, rate-limit counters and visitor-mail counts. */
  'retention.purge': Record<string, never>;
  /** Daily (scheduled, only with BACKUP_DIR): write a backup, delete those beyond BACKUP_KEEP. */
  'backup.write': Record<string, never>;
  /** Daily (scheduled): delete saved intake drafts past their expiry. */
  'intake-draft.purge': Record<string, never>;

  /** 24 hours before a consultation: remind the client and the clinician, unless cancelled. */
  'consultation.reminder': { consultationId: string };

  /** Once per current key, sent at start: re-seal what is not v2 under it (rotate-key's work). */
  'encryption.reseal': { keyId: string };
}

export type JobName = keyof JobPayloads;

export interface QueuePolicy {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  retryDelayMax?: number;
  /** How long one run may take before pg-boss counts it failed (its default: 15 minutes). */
  expireInSeconds?: number;
}

/**
 * How long a job waits for an unreachable database to answer again, to record an email
 * or webhook that already went out (see UnrecordedDeliveries) or its own failure, before
 * it leaves the job to be retried after its expiry.
 */
export const OUTAGE_PATIENCE_MS = 60_000;

/**
 * A batch of delivery runs takes at most an SMTP or HTTP exchange per job (under a
 * minute) and the waits above. A run whose end could not be recorded (the database was
 * down) is retried after this, instead of after pg-boss's default of 15 minutes.
 */
const DELIVERY_EXPIRES_IN_SECONDS = 300;

/** Retry policy per queue; deliveries back off exponentially with jitter (pg-boss). */
export function queuePolicies(config: AppConfig): Record<JobName, QueuePolicy> {
  const delivery: QueuePolicy = {
    retryLimit: config.jobs.retryLimit,
    retryDelay: config.jobs.retryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: DELIVERY_EXPIRES_IN_SECONDS,
  };
  return {
    'lead.submission-received': {
      retryLimit: 10,
      retryDelay: 5,
      retryBackoff: true,
      retryDelayMax: 600,
    },
    'notification.deliver': delivery,
    'auth.password-reset': {
      retryLimit: 5,
      retryDelay: 10,
      retryBackoff: true,
      retryDelayMax: 300,
    },
    'webhook.deliver': delivery,
    'lead.response-check': {
      retryLimit: 5,
      retryDelay: 30,
      retryBackoff: true,
      retryDelayMax: 600,
    },
    // Each batch commits on its own, so a retry only finds what is left.
    'retention.purge': { retryLimit: 3, retryDelay: 300, retryBackoff: true },
    // A large database takes a while to read; a failed run is tried again once, later.
    'backup.write': { retryLimit: 1, retryDelay: 1800, retryBackoff: false, expireInSeconds: 7200 },
    'intake-draft.purge': { retryLimit: 3, retryDelay: 300, retryBackoff: true },

    'encryption.reseal': { retryLimit: 5, retryDelay: 300, retryBackoff: true },
    'consultation.reminder': {
      retryLimit: 5,
      retryDelay: 30,
      retryBackoff: true,
      retryDelayMax: 600,
    },
  };
}
