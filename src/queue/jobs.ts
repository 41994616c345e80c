/**
 * Durable jobs and their payloads. Payloads carry ids only, never personal data: the
 * job table is read by operators and kept for a while after completion.
 */
export interface JobPayloads {
  /** A public submission was stored; tell whoever should hear about it. */
  'lead.submission-received': {
    leadId: string;
    submissionId: string;
    submissionKind: 'inquiry' | 'intake' | 'partner_response';
    /** True when this submission started the lead, false when it joined an open one. */
    leadCreated: boolean;
  };
}

export type JobName = keyof JobPayloads;

export const JOB_NAMES: readonly JobName[] = ['lead.submission-received'];
