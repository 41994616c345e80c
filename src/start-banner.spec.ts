import { describe, expect, it } from '@jest/globals';
import { startBanner } from './start-banner.js';

describe('startBanner', () => {
  const facts = {
    baseUrl: 'http://localhost:4100',
    docsServed: true,
    mailInboxUrl: 'http://localhost:1080',
    needsAdmin: true,
  };

  it('lists every address a newcomer opens, aligned, and the next step while no admin exists', () => {
    expect(startBanner(facts)).toEqual([
      'API             http://localhost:4100/v1',
      'Staff app       http://localhost:4100/admin',
      'Reach-out page  http://localhost:4100/reach-out',
      'API docs        http://localhost:4100/docs',
      'Health          http://localhost:4100/health/ready',
      'Mail inbox      http://localhost:1080 (nothing leaves this machine)',
      'Next step       npm run create-admin -- --email you@your-practice.example --name "Your Name"',
    ]);
  });

  it('leaves out the inbox with real SMTP, the docs when not served and the step once an admin exists', () => {
    const lines = startBanner({
      ...facts,
      docsServed: false,
      mailInboxUrl: undefined,
      needsAdmin: false,
    });
    expect(lines.map((line) => line.split(/\s{2,}/)[0])).toEqual([
      'API',
      'Staff app',
      'Reach-out page',
      'Health',
    ]);
  });
});
