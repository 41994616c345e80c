import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { AUDIT_ACTION_LABELS, auditActionLabel } from './audit-actions.js';

/** Every action name written in the service's code (`action: 'lead.read'`, and the like). */
function actionsInCode(folder: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      for (const action of actionsInCode(path)) found.add(action);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      const text = readFileSync(path, 'utf8');
      for (const match of text.matchAll(
        /action:[^'\n]*'((?:auth|clinician|lead|notification|settings|stats|user|webhook)\.[a-z_.]+)'(?: : '([a-z_.]+)')?/g,
      )) {
        found.add(match[1]!);
        if (match[2]) found.add(match[2]);
      }
    }
  }
  return found;
}

describe('audit actions in words', () => {
  it('has words of its own for every action the service records', () => {
    const recorded = actionsInCode('src');
    expect(recorded).toContain('lead.read');
    expect(recorded).toContain('user.deactivated');
    const missing = [...recorded].filter((action) => !(action in AUDIT_ACTION_LABELS));
    expect(missing).toEqual([]);
  });

  it('says what happened', () => {
    expect(auditActionLabel('lead.read')).toBe('Opened a lead');
    expect(auditActionLabel('lead.listed')).toBe('Listed leads');
    expect(auditActionLabel('lead.merge_previewed')).toBe('Previewed a merge of leads');
    expect(auditActionLabel('auth.login.failed')).toBe('Failed to sign in');
  });

  it('reads an action without words of its own from its name', () => {
    expect(auditActionLabel('lead.contact_attempt.logged')).toBe('Lead: contact attempt logged');
    expect(auditActionLabel('booking')).toBe('Booking');
  });
});
