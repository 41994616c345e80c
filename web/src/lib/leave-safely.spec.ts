import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SAFE_EXIT_URL, doubleEscape, safeExitTarget } from './leave-safely';

describe('leave safely', () => {
  it('leaves on the second Escape within a second', () => {
    const pressed = doubleEscape(1000);
    expect(pressed(5_000)).toBe(false);
    expect(pressed(5_900)).toBe(true);
  });

  it('does not leave on two presses further apart, but counts the later one', () => {
    const pressed = doubleEscape(1000);
    expect(pressed(1_000)).toBe(false);
    expect(pressed(2_001)).toBe(false);
    expect(pressed(2_500)).toBe(true);
  });

  it('a third press after leaving starts counting again', () => {
    const pressed = doubleEscape(1000);
    pressed(0);
    expect(pressed(100)).toBe(true);
    expect(pressed(200)).toBe(false);
  });

  it('goes only to http(s) addresses', () => {
    expect(safeExitTarget('https://weather.example/today')).toBe('https://weather.example/today');
    expect(safeExitTarget('javascript:alert(1)')).toBe(DEFAULT_SAFE_EXIT_URL);
    expect(safeExitTarget('__RI_SAFE_EXIT_URL__')).toBe(DEFAULT_SAFE_EXIT_URL);
    expect(safeExitTarget(undefined)).toBe(DEFAULT_SAFE_EXIT_URL);
  });
});
