import { describe, expect, it } from '@jest/globals';
import { widgetSources } from '../captcha/captcha-verification.js';
import {
  PAGE_CONTENT_SECURITY_POLICY,
  SAFE_EXIT_PLACEHOLDER,
  framedPagePolicy,
  pageContentSecurityPolicy,
  withSafeExitLiteral,
  withSafeExitMeta,
} from './public-pages.js';

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

describe('the framed reach-out page and SAFE_EXIT_URL', () => {
  it('lets only the practice’s origins frame the framed page, and nobody without any', () => {
    const policy = framedPagePolicy(undefined, ['https://a.example', 'https://b.example']);
    expect(policy).toContain('frame-ancestors https://a.example https://b.example');
    expect(policy).not.toContain("frame-ancestors 'none'");
    expect(framedPagePolicy(undefined, [])).toContain("frame-ancestors 'none'");
  });

  it('puts SAFE_EXIT_URL in a page’s head, escaped as an attribute', () => {
    const html = Buffer.from('<html><head><title>x</title></head><body></body></html>');
    expect(withSafeExitMeta(html, 'https://w.example/?a=1&b="2"').toString()).toContain(
      '<meta name="safe-exit-url" content="https://w.example/?a=1&amp;b=&quot;2&quot;" /></head>',
    );
    expect(withSafeExitMeta(html, undefined)).toBe(html);
  });

  it('writes SAFE_EXIT_URL into the embed script so it cannot end its string literal', () => {
    const script = `const a='${SAFE_EXIT_PLACEHOLDER}';const b="${SAFE_EXIT_PLACEHOLDER}";`;
    const written = withSafeExitLiteral(script, 'https://w.example/it\'s"</script>');
    expect(written).not.toContain(SAFE_EXIT_PLACEHOLDER);
    // Run as a browser would read it.
    const values = new Function(`${written}; return [a, b];`)() as string[];
    expect(values).toEqual([
      'https://w.example/it\'s"</script>',
      'https://w.example/it\'s"</script>',
    ]);
    expect(written).not.toContain('</script>');
  });
});
