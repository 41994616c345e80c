import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  applyChange,
  changedValues,
  contradictions,
  effectiveSettings,
  NOTHING_STORED,
  SETTING_NAMES,
  type SettingValues,
  type StoredSettings,
  targetsChanged,
} from './setting-values.js';

const defaults: SettingValues = {
  'responseTargets.crisisMinutes': 15,
  'responseTargets.highMinutes': 240,
  'responseTargets.routineBusinessDays': 1,
  spamMinSeconds: 3,
};

const stored = (values: Partial<StoredSettings>): StoredSettings => ({
  ...NOTHING_STORED,
  ...values,
});

describe('effectiveSettings', () => {
  it('is the defaults while nothing is stored', () => {
    expect(effectiveSettings(NOTHING_STORED, defaults)).toEqual(defaults);
  });

  it('takes each stored value over its default, and only that one', () => {
    expect(effectiveSettings(stored({ spamMinSeconds: 0 }), defaults)).toEqual({
      ...defaults,
      spamMinSeconds: 0,
    });
  });
});

describe('applyChange', () => {
  it('sets what is sent, returns null to the default and leaves the rest alone', () => {
    const before = stored({ 'responseTargets.crisisMinutes': 5, spamMinSeconds: 10 });
    expect(
      applyChange(before, { 'responseTargets.highMinutes': 60, spamMinSeconds: null }),
    ).toEqual(stored({ 'responseTargets.crisisMinutes': 5, 'responseTargets.highMinutes': 60 }));
  });

  it('changes nothing when nothing is sent', () => {
    const values = fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null });
    fc.assert(
      fc.property(
        fc.record(Object.fromEntries(SETTING_NAMES.map((name) => [name, values]))),
        (before) => {
          const current = before as StoredSettings;
          expect(applyChange(current, {})).toEqual(current);
        },
      ),
    );
  });
});

describe('changedValues', () => {
  it('names every value in force that moved, with both values', () => {
    const after = { ...defaults, 'responseTargets.crisisMinutes': 5, spamMinSeconds: 3 };
    expect(changedValues(defaults, after)).toEqual({
      'responseTargets.crisisMinutes': { from: 15, to: 5 },
    });
  });

  it('is empty when a stored value equals the default it replaces', () => {
    expect(changedValues(defaults, { ...defaults })).toEqual({});
  });
});

describe('targetsChanged', () => {
  it('is true for a response-time target, false for the spam minimum', () => {
    expect(targetsChanged(defaults, { ...defaults, 'responseTargets.highMinutes': 60 })).toBe(true);
    expect(targetsChanged(defaults, { ...defaults, spamMinSeconds: 30 })).toBe(false);
  });
});

describe('contradictions', () => {
  it('refuses a crisis target longer than the high one, naming the field that was sent', () => {
    const values = { ...defaults, 'responseTargets.crisisMinutes': 300 };
    expect(contradictions(values, { 'responseTargets.crisisMinutes': 300 })).toEqual([
      { field: 'responseTargets.crisisMinutes', message: 'must be at most highMinutes (240)' },
    ]);
    const lowered = { ...defaults, 'responseTargets.highMinutes': 10 };
    expect(contradictions(lowered, { 'responseTargets.highMinutes': 10 })).toEqual([
      { field: 'responseTargets.highMinutes', message: 'must be at least crisisMinutes (15)' },
    ]);
  });

  it('accepts equal targets, and leaves disagreeing defaults to a change of the targets', () => {
    const equal = { ...defaults, 'responseTargets.crisisMinutes': 240 };
    expect(contradictions(equal, { 'responseTargets.crisisMinutes': 240 })).toEqual([]);
    const odd = { ...defaults, 'responseTargets.crisisMinutes': 300 };
    expect(contradictions(odd, { spamMinSeconds: 5 })).toEqual([]);
  });
});
