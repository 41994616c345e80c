import { describe, expect, it } from '@jest/globals';
import { widgetSources } from '../captcha/captcha-verification.js';
import { PAGE_CONTENT_SECURITY_POLICY, pageContentSecurityPolicy } from './public-pages.js';

describe('pageContentSecurityPolicy', () => {
  it('allows nothing but this origin without a CAPTCHA provider', () => {
    expect(PAGE_CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(PAGE_CONTENT_SECURITY_POLICY).not.toContain('frame-src');
    expect(PAGE_CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });

  it("adds the provider's widget origins, and only to the directives it needs", () => {
    const policy = pageContentSecurityPolicy(widgetSources('turnstile'));
    expect(policy).toContain("script-src 'self' https://challenges.cloudflare.com;");
    expect(policy).toContain('frame-src https://challenges.cloudflare.com;');
    expect(policy).toContain("style-src 'self';");
    expect(policy).toContain("connect-src 'self';");
    expect(policy).toContain("default-src 'self';");
    expect(policy).toContain("frame-ancestors 'none'");
  });
});
