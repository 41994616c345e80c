import { describe, expect, it } from '@jest/globals';
import { classifySmtpFailure } from './smtp-failure.js';

describe('classifySmtpFailure', () => {
  it('treats a 4xx reply as temporary and a 5xx reply as permanent', () => {
    expect(classifySmtpFailure({ responseCode: 451, command: 'RCPT TO' })).toEqual({
      permanent: false,
      summary: 'SMTP 451 after RCPT TO: refused for now, will retry',
    });
    expect(classifySmtpFailure({ responseCode: 550, command: 'RCPT TO' }).permanent).toBe(true);
  });

  it('treats an unreachable server as temporary', () => {
    for (const code of ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS']) {
      expect(classifySmtpFailure({ code })).toEqual({
        permanent: false,
        summary: `${code}: mail server unreachable, will retry`,
      });
    }
  });

  it('treats an unusable address as permanent', () => {
    expect(classifySmtpFailure({ code: 'EENVELOPE' }).permanent).toBe(true);
  });

  it('never repeats the server text, which can quote the address', () => {
    const failure = classifySmtpFailure({
      responseCode: 550,
      response: '550 5.1.1 <alex@example.com>: Recipient address rejected',
      message: 'Can not send mail to alex@example.com',
      command: 'RCPT TO:<alex@example.com>',
    });
    expect(JSON.stringify(failure)).not.toContain('alex');
  });

  it('retries what it does not recognise', () => {
    expect(classifySmtpFailure(new Error('odd'))).toEqual({
      permanent: false,
      summary: 'ERROR: sending failed, will retry',
    });
  });
});
