import { IdempotencyRecord } from '../common/idempotency/idempotency-record.entity.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { SubmissionReference } from '../leads/submission-reference.entity.js';

/** Every entity of the service; the migrations must describe exactly these. */
export const ENTITIES = [Lead, SubmissionReference, Inquiry, IdempotencyRecord];
