import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { Clinician } from '../clinicians/clinician.entity.js';
import { openLeadCounts } from '../clinicians/clinicians.service.js';
import { rankClinicians } from '../clinicians/matching.js';
import { DataCipher, type SealedColumn } from '../common/encryption/data-cipher.js';
import { ProblemException } from '../common/problem-details.js';
import { hashToken } from '../common/tokens.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { Intake } from '../intake/intake.entity.js';
import { PartnerResponse } from '../intake/partner-response.entity.js';
import { CONTACTED_STAGES } from '../leads/lead-triage.js';
import { LeadEventRepository } from '../leads/lead-event.repository.js';
import type { Lead } from '../leads/lead.entity.js';
import { LeadRepository } from '../leads/lead.repository.js';
import { SubmissionReference } from '../leads/submission-reference.entity.js';
import type { PlannedNotification } from '../notifications/notifications.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { JobQueue } from '../queue/job-queue.js';
import { statusAfterBooking } from '../vocabulary/lead-status.js';
import { SEALED_COLUMNS } from '../vocabulary/sealed-columns.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { openSlots } from './availability.js';
import { AvailabilityService } from './availability.service.js';
import {
  type BookingLeadFacts,
  type Eligibility,
  bookingEligibility,
} from './booking-eligibility.js';
import type { BookingLink } from './booking-link.entity.js';
import { BookingLinkRepository } from './booking-link.repository.js';
import type { ConsultationMailKind } from './consultation-mail.js';
import type { BookedVia, Consultation } from './consultation.entity.js';
import { ConsultationRepository } from './consultation.repository.js';

/** A booking link books for this long after it is made (docs/api.md#consultations). */
export const BOOKING_LINK_DAYS = 14;
/** The reminder goes this long before a consultation starts. */
export const REMINDER_HOURS_BEFORE = 24;
const LINK_PURPOSE = 'booking-link-token';

export interface OpenSlot {
  startsAt: Date;
  endsAt: Date;
  clinician: { id: string; name: string };
}

/** The link token of a booking link: 256 bits derived from its id, never stored. */
export function bookingToken(cipher: DataCipher, linkId: string, keyId?: string) {
  const { value, keyId: usedKeyId } = cipher.derive(LINK_PURPOSE, linkId, keyId);
  return { token: value, keyId: usedKeyId, hash: hashToken(value) };
}

/** 23P01: the database refused a second live consultation over the same time. */
function isOverlap(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === '23P01'
  );
}

/**
 * Runs a booking's transaction; an overlap the database refused answers 409
 * `/problems/slot-taken` (the transaction is over by then, so it is mapped out here).
 */
export async function mappingOverlap<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isOverlap(error)) {
      throw new ProblemException('slot-taken', 'This time was just booked: choose another.');
    }
    throw error;
  }
}

/**
 * What every booking and cancellation does, by staff or by a client, inside the
 * caller's transaction: the consultation row, the lead's status and timeline, the
 * webhook, the emails (with their calendar invitations) and the reminder job.
 */
@Injectable()
export class ConsultationBookings {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: DataCipher,
    private readonly queue: JobQueue,
    private readonly notifications: NotificationsService,
    private readonly webhooks: WebhooksService,
    private readonly availability: AvailabilityService,
    private readonly consultations: ConsultationRepository,
    private readonly links: BookingLinkRepository,
    private readonly leadRows: LeadRepository,
    private readonly events: LeadEventRepository,
  ) {}

  /** The practice's switch for online booking. */
  async bookingEnabled(manager: EntityManager): Promise<boolean> {
    const [row] = (await manager.query(
      `SELECT booking_enabled FROM practice_setting WHERE id = 1`,
    )) as { booking_enabled: boolean }[];
    return row?.booking_enabled ?? false;
  }

  /** Whether the lead may book online, and if not the reason staff see. */
  async eligibility(manager: EntityManager, lead: Lead): Promise<Eligibility> {
    return bookingEligibility(
      await this.bookingEnabled(manager),
      await this.factsOf(manager, lead),
    );
  }

  /**
   * What the rules need to know of a lead. Each respondent's stored result is opened
   * only to read its safety flag; nothing else of it leaves this method.
   */
  private async factsOf(manager: EntityManager, lead: Lead): Promise<BookingLeadFacts> {
    const intakes = await manager.getRepository(Intake).find({
      select: { id: true, formSlug: true, status: true, resultEncrypted: true },
      where: { leadId: lead.id },
    });
    const partners = await manager.getRepository(PartnerResponse).find({
      select: { id: true, resultEncrypted: true },
      where: { leadId: lead.id },
    });
    const concern = (sealed: string | null, column: SealedColumn, id: string) =>
      sealed !== null &&
      this.cipher.decryptJson<{ safetyConcern?: boolean } | null>(sealed, column, id)
        ?.safetyConcern === true;
    const safetyConcern =
      intakes.some((intake) =>
        concern(intake.resultEncrypted, SEALED_COLUMNS.intakeResult, intake.id),
      ) ||
      partners.some((partner) =>
        concern(partner.resultEncrypted, SEALED_COLUMNS.partnerResult, partner.id),
      );
    const couples = intakes.filter((intake) => intake.formSlug === 'couples');
    return {
      status: lead.status,
      urgency: lead.urgency,
      serviceType: lead.serviceType,
      needsReview: lead.needsReview,
      gone: lead.erasedAt !== null || lead.mergedIntoLeadId !== null,
      awaitingPartner:
        couples.length > 0 && couples.every((intake) => intake.status === 'awaiting_partner'),
      safetyConcern,
    };
  }

  /**
   * Open slots of the clinicians who may take this lead (matching.ts: active, accepting,
   * licensed in its state, offering its service type), soonest first. A lead whose state
   * is unknown has none: licensure cannot be checked.
   */
  async slotsFor(manager: EntityManager, lead: Lead, now = new Date()): Promise<OpenSlot[]> {
    if (!lead.state) return [];
    const clinicians = await manager
      .getRepository(Clinician)
      .find({ where: { active: true }, order: { id: 'ASC' } });
    const open = await openLeadCounts(manager);
    const eligible = rankClinicians(
      { serviceType: lead.serviceType, state: lead.state, urgency: lead.urgency },
      clinicians.map((clinician) => ({ ...clinician, openLeads: open.get(clinician.id) ?? 0 })),
    ).filter((match) => match.eligible);
    const ids = eligible.map((match) => match.clinicianId);
    const rules = await this.availability.rulesFor(manager, ids);
    const busy = await this.consultations.busy(manager, ids, now);
    return eligible
      .flatMap((match) =>
        openSlots(rules.get(match.clinicianId)!, {
          now,
          busy: busy.filter((taken) => taken.clinicianId === match.clinicianId),
        }).map((slot) => ({
          startsAt: slot.start,
          endsAt: slot.end,
          clinician: { id: match.clinicianId, name: match.name },
        })),
      )
      .sort(
        (a, b) =>
          a.startsAt.getTime() - b.startsAt.getTime() ||
          a.clinician.name.localeCompare(b.clinician.name) ||
          a.clinician.id.localeCompare(b.clinician.id),
      );
  }

  /** A consultation's end: its start plus the clinician's slot length. */
  async endOf(manager: EntityManager, clinicianId: string, startsAt: Date): Promise<Date> {
    const rules = (await this.availability.rulesFor(manager, [clinicianId])).get(clinicianId)!;
    return new Date(startsAt.getTime() + rules.slotMinutes * 60_000);
  }

  /**
   * Books, in the caller's transaction with the lead locked. Call it inside
   * `mappingOverlap`: an overlapping live consultation fails the statement (23P01).
   */
  async book(
    manager: EntityManager,
    booking: {
      lead: Lead;
      clinicianId: string;
      startsAt: Date;
      endsAt: Date;
      via: BookedVia;
      actorUserId: string | null;
      link?: BookingLink | null;
    },
  ): Promise<string> {
    const { lead } = booking;
    const id = randomUUID();
    await this.consultations.add(manager, {
      id,
      leadId: lead.id,
      clinicianId: booking.clinicianId,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      bookedVia: booking.via,
      bookedByUserId: booking.actorUserId,
    });
    // The client's link now manages this consultation (a staff booking too, if free).
    const link = booking.link ?? (await this.links.newestOfLead(manager, lead.id));
    if (link && (booking.link || !link.consultationId)) {
      await this.links.setConsultation(manager, link.id, id);
    }
    const events = [
      {
        leadId: lead.id,
        actorUserId: booking.actorUserId,
        kind: 'consultation_booked',
        details: {
          consultationId: id,
          clinicianId: booking.clinicianId,
          startsAt: booking.startsAt.toISOString(),
          via: booking.via,
        },
      },
    ];
    const from = lead.status;
    const to = statusAfterBooking(from);
    if (to) {
      lead.status = to;
      lead.statusChangedAt = new Date();
      if (lead.firstContactedAt === null && CONTACTED_STAGES.includes(lead.status)) {
        lead.firstContactedAt = lead.statusChangedAt;
      }
      await this.leadRows.saveTriage(manager, lead);
      events.unshift({
        leadId: lead.id,
        actorUserId: booking.actorUserId,
        kind: 'status_changed',
        details: { from, to: lead.status } as never,
      });
      await this.webhooks.emitIn(manager, 'lead.status_changed', {
        leadId: lead.id,
        reference: (await this.firstReference(manager, lead.id))?.reference ?? '',
        status: lead.status,
        urgency: lead.urgency,
        serviceType: lead.serviceType,
      });
    }
    await this.events.record(manager, ...events);
    await this.planMail(manager, 'consultation_confirmation', lead, {
      id,
      clinicianId: booking.clinicianId,
      sequence: 0,
    });
    const remindAt = new Date(booking.startsAt.getTime() - REMINDER_HOURS_BEFORE * 3_600_000);
    if (remindAt.getTime() > Date.now()) {
      await this.queue.enqueueIn(
        manager,
        'consultation.reminder',
        { consultationId: id },
        { startAfter: remindAt, onceFor: id },
      );
    }
    return id;
  }

  /** Cancels a live consultation (locked by the caller) that has not started. */
  async cancel(
    manager: EntityManager,
    consultation: Consultation,
    lead: Lead,
    via: BookedVia,
    actorUserId: string | null,
  ): Promise<void> {
    if (consultation.cancelledAt) {
      throw new ProblemException('conflict', 'This consultation is already cancelled.');
    }
    if (consultation.startsAt.getTime() <= Date.now()) {
      throw new ProblemException(
        'conflict',
        'This consultation has started: it cannot be cancelled.',
      );
    }
    const sequence = await this.consultations.cancel(manager, consultation.id, via);
    await this.links.releaseConsultation(manager, consultation.id);
    await this.events.record(manager, {
      leadId: lead.id,
      actorUserId,
      kind: 'consultation_cancelled',
      details: { consultationId: consultation.id, via },
    });
    await this.planMail(manager, 'consultation_cancellation', lead, {
      id: consultation.id,
      clinicianId: consultation.clinicianId,
      sequence,
    });
  }

  /** The reminder job: the client and the clinician hear of a consultation still live. */
  async remind(consultationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const consultation = await this.consultations.lock(manager, consultationId);
      if (!consultation || consultation.cancelledAt) return;
      if (consultation.startsAt.getTime() <= Date.now()) return;
      const [lead] = (await manager.query(`SELECT * FROM lead WHERE id = $1`, [
        consultation.leadId,
      ])) as Record<string, unknown>[];
      if (!lead || lead.erased_at) return;
      await this.planMail(
        manager,
        'consultation_reminder',
        { id: consultation.leadId, needsReview: lead.needs_review === true },
        consultation,
      );
    });
  }

  /**
   * The client (as the sender of the lead's first inquiry or intake, under the rules
   * for visitors' addresses) and the clinician each get one email of `kind`.
   */
  private async planMail(
    manager: EntityManager,
    kind: ConsultationMailKind,
    lead: Pick<Lead, 'id' | 'needsReview'>,
    consultation: { id: string; clinicianId: string; sequence: number },
  ): Promise<void> {
    const context = { consultationId: consultation.id, sequence: String(consultation.sequence) };
    const key = `${kind}:${consultation.id}:${consultation.sequence}`;
    const plans: PlannedNotification[] = [];
    const client = await this.firstReference(manager, lead.id, { clientOnly: true });
    if (client) {
      plans.push({
        kind,
        dedupeKey: `${key}:client`,
        leadId: lead.id,
        recipient: 'submitter',
        submissionId: client.submissionId,
        context: { ...context, to: 'client' },
        hold: lead.needsReview,
      });
    }
    const clinician = await manager
      .getRepository(Clinician)
      .findOneBy({ id: consultation.clinicianId });
    if (clinician) {
      plans.push({
        kind,
        dedupeKey: `${key}:clinician`,
        leadId: lead.id,
        ...(clinician.userId
          ? { recipient: 'user' as const, userId: clinician.userId }
          : { recipient: 'address' as const, address: clinician.email }),
        context: { ...context, to: 'clinician' },
      });
    }
    await this.notifications.planIn(manager, plans);
  }

  /** The lead's first reference; `clientOnly`: of an inquiry or intake (not a partner's). */
  async firstReference(
    manager: EntityManager,
    leadId: string,
    options: { clientOnly?: boolean } = {},
  ): Promise<SubmissionReference | null> {
    const builder = manager
      .getRepository(SubmissionReference)
      .createQueryBuilder('reference')
      .where('reference.leadId = :leadId', { leadId })
      .orderBy('reference.createdAt', 'ASC')
      .addOrderBy('reference.reference', 'ASC')
      .limit(1);
    if (options.clientOnly) {
      builder.andWhere(`reference.kind IN ('inquiry', 'intake')`);
    }
    return builder.getOne();
  }

  /**
   * The client's booking link of a lead, made now if it has none that still books or
   * manages a consultation; its address with the token (derived, never stored).
   */
  async linkOf(manager: EntityManager, leadId: string): Promise<string> {
    const link = await this.links.newestOfLead(manager, leadId);
    if (!link || (!link.consultationId && link.expiresAt.getTime() <= Date.now())) {
      const id = randomUUID();
      const { keyId, hash } = bookingToken(this.cipher, id);
      const expiresAt = new Date(Date.now() + BOOKING_LINK_DAYS * 86_400_000);
      await this.links.add(manager, { id, leadId, tokenHash: hash, tokenKeyId: keyId, expiresAt });
      return this.hrefOf(id, keyId);
    }
    return this.hrefOf(link.id, link.tokenKeyId);
  }

  /** The address of an existing link of the lead, if it has one. */
  async existingLinkOf(manager: EntityManager, leadId: string): Promise<string | null> {
    const link = await this.links.newestOfLead(manager, leadId);
    return link ? this.hrefOf(link.id, link.tokenKeyId) : null;
  }

  private hrefOf(linkId: string, keyId: string): string {
    const { token } = bookingToken(this.cipher, linkId, keyId);
    return `${this.config.publicBaseUrl}/book?token=${token}`;
  }
}
