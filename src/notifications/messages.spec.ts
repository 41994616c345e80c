import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  clientAcknowledgement,
  crisisAlert,
  escapeHtml,
  headerSafe,
  overdueReminder,
  partnerInvitation,
  staffNewLead,
} from './messages.js';

const practice = { name: 'Willow & Oak <Therapy>', baseUrl: 'https://intake.example.com' };
const lead = {
  leadId: '4ef9c698-7659-459c-a860-d158956356ea',
  reference: 'RI-7KQ2M9XD',
  serviceType: 'couples',
  urgency: 'high' as const,
  receivedAt: new Date('2026-11-25T10:00:00Z'),
};

describe('messages', () => {
  it('a staff notice holds reference, service, urgency, time and link, and nothing else', () => {
    const message = staffNewLead(practice, lead);
    expect(message.subject).toBe('New lead RI-7KQ2M9XD [high]');
    expect(message.text).toBe(
      [
        'A new lead is waiting for triage.',
        'Reference: RI-7KQ2M9XD\nService: couples\nUrgency: high\nReceived: 2026-11-25T10:00:00.000Z',
        'Open the lead: https://intake.example.com/admin/leads/4ef9c698-7659-459c-a860-d158956356ea',
        '',
        '— Willow & Oak <Therapy>',
      ].join('\n\n'),
    );
  });

  it('escapes every value placed in HTML', () => {
    for (const message of [
      staffNewLead(practice, lead),
      crisisAlert(practice, lead),
      overdueReminder(practice, lead, 'escalation'),
      clientAcknowledgement(practice, { reference: lead.reference }),
      partnerInvitation(practice, {
        invitedByFirstName: '<script>alert(1)</script>',
        link: 'https://intake.example.com/partner?token=a"b',
        expiresAt: new Date('2026-12-09T00:00:00Z'),
      }),
    ]) {
      expect(message.html).not.toContain('<Therapy>');
      expect(message.html).not.toContain('<script>');
      expect(message.html).not.toContain('a"b');
      expect(message.text.length).toBeGreaterThan(0);
    }
  });

  it('an acknowledgement echoes nothing the person wrote', () => {
    const message = clientAcknowledgement(practice, { reference: 'RI-7KQ2M9XD' });
    expect(message.text).toContain('RI-7KQ2M9XD');
    expect(message.text).toContain('988');
  });

  it('headerSafe leaves no line break in a header value', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(headerSafe(text)).not.toMatch(/[\r\n\u2028\u2029]/);
      }),
    );
  });

  it('escapeHtml leaves no markup', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(escapeHtml(text)).not.toMatch(/[<>"']/);
      }),
    );
  });
});
