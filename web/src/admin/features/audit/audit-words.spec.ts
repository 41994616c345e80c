import { describe, expect, it } from '@jest/globals';
import { actionWords, detailWords } from './audit-words';

describe('the audit log in words', () => {
  it('says an action code as words', () => {
    expect(actionWords('lead.status_changed')).toBe('Lead status changed');
  });

  it('says details as fields and values, ids shortened, codes spaced', () => {
    expect(
      detailWords({
        assignedClinicianId: '1b2c3d4e-0000-4000-8000-000000000000',
        fields: ['status', 'tags'],
        to: 'closed_no_response',
        previous: null,
      }),
    ).toEqual([
      { field: 'assigned clinician', value: '#1b2c3d4e' },
      { field: 'fields', value: 'status, tags' },
      { field: 'to', value: 'closed no response' },
      { field: 'previous', value: 'none' },
    ]);
  });
});
