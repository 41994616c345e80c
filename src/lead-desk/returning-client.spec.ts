import { describe, expect, it } from '@jest/globals';
import { returningClientMatches } from './returning-client.js';

const duplicate = (overrides: Record<string, unknown> = {}) => ({
  id: '3f1c2a6e-1111-4c1d-9e1f-000000000001',
  reference: 'RI-7KQ2M9XD',
  status: 'closed_no_response' as const,
  createdAt: '2026-10-01T10:00:00.000Z',
  matchedOn: ['email'],
  ...overrides,
});

describe('possible returning client', () => {
  it('names another lead with the same email or phone, whatever its status', () => {
    expect(
      returningClientMatches([
        duplicate(),
        duplicate({ id: 'b', status: 'contacted', matchedOn: ['phone', 'name_state'] }),
      ]),
    ).toEqual([
      {
        id: '3f1c2a6e-1111-4c1d-9e1f-000000000001',
        reference: 'RI-7KQ2M9XD',
        status: 'closed_no_response',
        matchedOn: ['email'],
      },
      { id: 'b', reference: 'RI-7KQ2M9XD', status: 'contacted', matchedOn: ['phone'] },
    ]);
  });

  it('leaves out a lead matched only by name and state, and spam', () => {
    expect(
      returningClientMatches([
        duplicate({ matchedOn: ['name_state'] }),
        duplicate({ status: 'spam', matchedOn: ['email', 'phone'] }),
      ]),
    ).toEqual([]);
  });
});
