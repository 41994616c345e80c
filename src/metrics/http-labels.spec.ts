import { describe, expect, it } from '@jest/globals';
import { UNMATCHED_ROUTE, methodLabel, routeLabel, statusLabel } from './http-labels.js';

describe('routeLabel', () => {
  it('names a request by the template of the route it matched', () => {
    expect(routeLabel('/v1/partner-invitations/:token')).toBe('/v1/partner-invitations/:token');
    expect(routeLabel('/assets/*')).toBe('/assets/*');
    expect(routeLabel('/metrics')).toBe('/metrics');
  });

  it('names every request that matched no route `unmatched`', () => {
    expect(routeLabel(undefined)).toBe(UNMATCHED_ROUTE);
    expect(routeLabel('')).toBe(UNMATCHED_ROUTE);
    expect(routeLabel('*')).toBe(UNMATCHED_ROUTE);
    expect(routeLabel(`/${'x'.repeat(300)}`)).toBe(UNMATCHED_ROUTE);
  });
});

describe('methodLabel', () => {
  it('keeps the methods served, in capitals, and folds anything else into `other`', () => {
    expect(methodLabel('get')).toBe('GET');
    expect(methodLabel('PATCH')).toBe('PATCH');
    expect(methodLabel('PROPFIND')).toBe('other');
    expect(methodLabel('x'.repeat(100))).toBe('other');
  });
});

describe('statusLabel', () => {
  it('is the three-digit code, or `other`', () => {
    expect(statusLabel(200)).toBe('200');
    expect(statusLabel(429)).toBe('429');
    expect(statusLabel(0)).toBe('other');
    expect(statusLabel(1000)).toBe('other');
  });
});
