import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  applyProfileChange,
  changedProfileFields,
  effectiveProfile,
  NO_PROFILE,
  type ReferralResource,
  resourcesFor,
} from './practice-profile.js';

const defaults = { name: 'Our practice', timeZone: 'America/Los_Angeles' };

describe('effectiveProfile', () => {
  it('is the environment’s name and zone, notice version 1, and no contact while nothing is stored', () => {
    expect(effectiveProfile(NO_PROFILE, defaults)).toEqual({
      name: 'Our practice',
      timeZone: 'America/Los_Angeles',
      privacyNoticeVersion: '1',
    });
  });

  it('takes what is stored over the defaults, and shows only the contact that is set', () => {
    const stored = { ...NO_PROFILE, name: 'Willow Counseling', phone: '503 555 0100' };
    expect(effectiveProfile(stored, defaults)).toEqual({
      name: 'Willow Counseling',
      timeZone: 'America/Los_Angeles',
      phone: '503 555 0100',
      privacyNoticeVersion: '1',
    });
  });
});

describe('applyProfileChange', () => {
  it('sets what is sent (trimmed), clears with null or blank, leaves the rest alone', () => {
    const before = { ...NO_PROFILE, name: 'Willow', email: 'a@b.example', phone: '1 2 3' };
    const after = applyProfileChange(before, { name: '  Oak  ', email: null, phone: ' ' });
    expect(after).toEqual({ ...NO_PROFILE, name: 'Oak' });
    expect(changedProfileFields(before, after)).toEqual(['name', 'phone', 'email']);
  });

  it('changes nothing when nothing is sent', () => {
    const text = fc.option(
      fc.string({ minLength: 1 }).map((value) => `x${value.trim()}`),
      {
        nil: null,
      },
    );
    fc.assert(
      fc.property(fc.record({ name: text, email: text, address: text }), (values) => {
        const stored = { ...NO_PROFILE, ...values };
        expect(applyProfileChange(stored, {})).toEqual(stored);
      }),
    );
  });
});

describe('resourcesFor', () => {
  const anywhere: ReferralResource = { name: 'Anywhere, any kind' };
  const couplesOnly: ReferralResource = { name: 'Couples', serviceTypes: ['couples'] };
  const oregon: ReferralResource = { name: 'Oregon', states: ['OR'] };
  const oregonFamily: ReferralResource = {
    name: 'Oregon family',
    serviceTypes: ['family', 'couples'],
    states: ['OR', 'WA'],
  };
  const empties: ReferralResource = { name: 'Empty lists', serviceTypes: [], states: [] };
  const all = [anywhere, couplesOnly, oregon, oregonFamily, empties];

  it('keeps the resources whose service types and states include the client’s, in order', () => {
    expect(resourcesFor(all, { serviceType: 'couples', state: 'OR' })).toEqual(all);
    expect(resourcesFor(all, { serviceType: 'individual', state: 'WA' })).toEqual([
      anywhere,
      empties,
    ]);
    expect(resourcesFor(all, { serviceType: 'family', state: 'wa' })).toEqual([
      anywhere,
      oregonFamily,
      empties,
    ]);
  });

  it('gives a client of unknown state only the resources that serve anywhere', () => {
    expect(resourcesFor(all, { serviceType: 'couples', state: null })).toEqual([
      anywhere,
      couplesOnly,
      empties,
    ]);
  });

  it('never adds a resource, and keeps every one without conditions', () => {
    const resource = fc.record(
      {
        name: fc.string(),
        serviceTypes: fc.subarray(['individual', 'couples', 'family', 'other'] as const),
        states: fc.subarray(['OR', 'WA', 'CA']),
      },
      { requiredKeys: ['name'] },
    );
    fc.assert(
      fc.property(
        fc.array(resource),
        fc.constantFrom('individual', 'couples', 'family', 'other'),
        fc.constantFrom('OR', 'WA', 'CA', null),
        (resources, serviceType, state) => {
          const fitting = resourcesFor(resources, { serviceType, state });
          expect(fitting.every((item) => resources.includes(item))).toBe(true);
          for (const item of resources) {
            if (!item.serviceTypes?.length && !item.states?.length) {
              expect(fitting).toContain(item);
            }
          }
        },
      ),
    );
  });
});
