/**
 * The audit log in words: an action code the server gives no label for, and an event's
 * details as "field: value" pairs instead of JSON. No React here: tested on its own.
 */

import { t } from '../../i18n/t';

/** `lead.status_changed` → "Lead status changed". */
export function actionWords(action: string): string {
  const words = action.replace(/[._]/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `assignedClinicianId` → "assigned clinician". */
function fieldWords(key: string): string {
  return key
    .replace(/Id$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

function valueWords(value: unknown): string {
  if (value === null || value === undefined) return t('audit.none');
  if (Array.isArray(value))
    return value.length ? value.map(valueWords).join(', ') : t('audit.none');
  if (typeof value === 'string') {
    // An id says nothing to a reader: its first characters are enough to tell two apart.
    return UUID.test(value) ? `#${value.slice(0, 8)}` : value.replace(/_/g, ' ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function detailWords(details: Record<string, unknown>): { field: string; value: string }[] {
  return Object.entries(details).map(([key, value]) => ({
    field: fieldWords(key),
    value: valueWords(value),
  }));
}
