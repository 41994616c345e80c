import { describe, expect, it } from '@jest/globals';
import { LEAD_LABELS, leadLabels } from './lead-labels.js';

describe('leadLabels', () => {
  it('asks to screen each partner individually when anyone reported a safety concern', () => {
    expect(leadLabels({ safetyConcern: true })).toEqual(['screen_partners_individually']);
    expect(LEAD_LABELS.screen_partners_individually).toMatch(/screen each partner individually/i);
  });

  it('labels nothing otherwise', () => {
    expect(leadLabels({ safetyConcern: false })).toEqual([]);
  });

  it('marks a possible returning client, after any safety label', () => {
    expect(leadLabels({ safetyConcern: false, returningClient: true })).toEqual([
      'possible_returning_client',
    ]);
    expect(leadLabels({ safetyConcern: true, returningClient: true })).toEqual([
      'screen_partners_individually',
      'possible_returning_client',
    ]);
    expect(leadLabels({ safetyConcern: false, returningClient: false })).toEqual([]);
  });
});
