import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { SEALED_COLUMNS } from '../vocabulary/sealed-columns.js';
import { Intake } from '../intake/intake.entity.js';
import { LeadAccess } from '../leads/lead-access.js';
import type { Lead } from '../leads/lead.entity.js';
import type { CoupleResult } from '../survey/scoring.js';
import { Clinician } from './clinician.entity.js';
import { openLeadCounts } from './clinicians.service.js';
import type { MatchListView } from './dto/match.view.js';
import { type CouplePattern, couplePatternOf, rankClinicians } from './matching.js';

/** Clinicians ranked for a lead (docs/api.md#leads, `GET /v1/admin/leads/:id/matches`). */
@Injectable()
export class LeadMatches {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LeadAccess,
    private readonly cipher: DataCipher,
    private readonly audit: AuditTrail,
  ) {}

  /** Every active clinician, best first, with reasons; the look is audited. */
  async forLead(staff: StaffContext, leadId: string, actor: AuditActor): Promise<MatchListView> {
    return this.dataSource.transaction(async (manager) => {
      const lead = await this.access.visibleLead(manager, staff, leadId);
      const clinicians = await manager
        .getRepository(Clinician)
        .find({ where: { active: true }, order: { id: 'ASC' } });
      const open = await openLeadCounts(manager);
      const matches = rankClinicians(
        {
          serviceType: lead.serviceType,
          state: lead.state,
          urgency: lead.urgency,
          pattern: await this.couplePattern(manager, lead),
        },
        clinicians.map((clinician) => ({ ...clinician, openLeads: open.get(clinician.id) ?? 0 })),
      );
      await this.audit.record(
        actor,
        {
          action: 'lead.matches_viewed',
          leadId: lead.id,
          subjectType: 'lead',
          subjectId: lead.id,
          details: {
            clinicians: matches.length,
            eligible: matches.filter((match) => match.eligible).length,
          },
        },
        manager,
      );
      return {
        items: matches.map(({ clinicianId, name, eligible, score, reasons }) => ({
          clinicianId,
          name,
          eligible,
          score,
          reasons,
        })),
      };
    });
  }

  /**
   * The pattern of the lead's newest completed couples intake. The couple's result is
   * decrypted only to take the pattern's name; nothing else of it leaves this method.
   */
  private async couplePattern(manager: EntityManager, lead: Lead): Promise<CouplePattern | null> {
    if (lead.serviceType !== 'couples') return null;
    const intake = await manager
      .getRepository(Intake)
      .createQueryBuilder('intake')
      .select(['intake.id', 'intake.coupleResultEncrypted'])
      .where('intake.leadId = :leadId', { leadId: lead.id })
      .andWhere('intake.coupleResultEncrypted IS NOT NULL')
      .orderBy('intake.completedAt', 'DESC', 'NULLS LAST')
      .addOrderBy('intake.receivedAt', 'DESC')
      .limit(1)
      .getOne();
    if (!intake?.coupleResultEncrypted) return null;
    return couplePatternOf(
      this.cipher.decryptJson<CoupleResult>(
        intake.coupleResultEncrypted,
        SEALED_COLUMNS.intakeCoupleResult,
        intake.id,
      ),
    );
  }
}
