import { describe, expect, it } from '@jest/globals';
import { loggableUrl } from './logging.js';

describe('loggableUrl', () => {
  it('drops the query string', () => {
    expect(loggableUrl('/v1/admin/leads?q=alex@example.com')).toBe('/v1/admin/leads');
  });

  it('hides long opaque path segments such as one-time tokens', () => {
    expect(loggableUrl('/v1/partner-invitations/Zk3q9xV0c8P2mQ7rT1yW4uB6nL5sD0aE/responses')).toBe(
      '/v1/partner-invitations/:token/responses',
    );
  });

  it('keeps ids, which staff need to follow a request', () => {
    const id = '4ef9c698-7659-459c-a860-d158956356ea';
    expect(loggableUrl(`/v1/admin/leads/${id}`)).toBe(`/v1/admin/leads/${id}`);
  });
});
