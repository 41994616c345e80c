import { describe, expect, it } from '@jest/globals';
import { clockRunningSql, openLeadSql, overdueSql } from '../vocabulary/contact-attempts.js';
import { DESK_VIEWS } from '../vocabulary/desk-views.js';
import { DESK_VIEW_SQL, NO_DUE_TIME, dueAtSql } from './desk-views.sql.js';

describe('the desk views in SQL', () => {
  it('hold open leads only, in every view', () => {
    for (const view of DESK_VIEWS) expect(DESK_VIEW_SQL[view]('l')).toContain(openLeadSql('l'));
  });

  it('build needsFirstContact, crisis and overdue on the response clock', () => {
    expect(DESK_VIEW_SQL.needsFirstContact('l')).toBe(clockRunningSql('l'));
    expect(DESK_VIEW_SQL.crisis('l')).toBe(`(${clockRunningSql('l')} AND l.urgency = 'crisis')`);
    expect(DESK_VIEW_SQL.overdue('l')).toBe(overdueSql('l'));
  });

  it("read mine from the caller's clinician profile", () => {
    expect(DESK_VIEW_SQL.mine('l')).toContain(
      'l.assigned_clinician_id = (SELECT c.id FROM clinician c WHERE c.user_id = :deskViewerUserId)',
    );
  });

  it('give a lead whose clock stopped a due time after every real one', () => {
    expect(dueAtSql('l')).toBe(
      `(CASE WHEN ${clockRunningSql('l')} AND l.respond_by IS NOT NULL THEN l.respond_by ELSE TIMESTAMPTZ '${NO_DUE_TIME}' END)`,
    );
  });
});
