/**
 * The service's pure vocabularies the staff app needs as values (its types come from the
 * generated schema). This file is the one place the web app reaches into the server's
 * source, and only into `src/vocabulary/`, whose modules import nothing but each other.
 */
export { ALLOWED_TRANSITIONS, LEAD_STATUSES } from '../../../src/vocabulary/lead-status.js';
export { CRISIS_PHRASES, URGENCIES } from '../../../src/vocabulary/urgency.js';
export { SERVICE_TYPES } from '../../../src/vocabulary/contact.js';
export { LANGUAGES } from '../../../src/vocabulary/languages.js';
export { LEAD_LABELS } from '../../../src/vocabulary/lead-labels.js';
export { ELEVATED_SUM, SCALE_MAX, SCALE_MIN } from '../../../src/vocabulary/survey-scale.js';
export { CONTACT_CHANNELS } from '../../../src/vocabulary/contact-attempts.js';
