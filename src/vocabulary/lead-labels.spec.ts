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
});
