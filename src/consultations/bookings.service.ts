import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import { Clinician } from '../clinicians/clinician.entity.js';
import { ProblemException } from '../common/problem-details.js';
import { hashToken } from '../common/tokens.js';
import { Lead } from '../leads/lead.entity.js';
import { publicReason } from './booking-eligibility.js';
import type { BookingLink } from './booking-link.entity.js';
import { BookingLinkRepository } from './booking-link.repository.js';
import { ConsultationBookings, mappingOverlap } from './consultation-bookings.service.js';
import { Consultation } from './consultation.entity.js';
import { ConsultationRepository } from './consultation.repository.js';
import type {
  BookedConsultationView,
  BookingCreatedView,
  BookingView,
  CreateBookingDto,
} from './dto/booking.dto.js';

/** Said when there is nothing to book online, for whatever reason: nothing else leaks. */
const PRACTICE_WILL_CONTACT: BookingView = { bookable: false, reason: 'practice_will_contact' };

/** A token is 43 base64url characters; anything else is no token of ours. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * A client's booking link (docs/api.md#consultations, `/v1/bookings/:token`): the open
 * slots of the clinicians who may take them, booking one, cancelling it.
 */
@Injectable()
export class BookingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly bookings: ConsultationBookings,
    private readonly links: BookingLinkRepository,
    private readonly consultations: ConsultationRepository,
  ) {}

  async read(token: string): Promise<BookingView> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const link = await this.linkOf(manager, token, { lock: false });
      const lead = await manager.getRepository(Lead).findOneByOrFail({ id: link.leadId });
      const booked = await this.bookedOf(manager, link);
      if (booked) {
        return { bookable: true, serviceType: lead.serviceType, slots: [], consultation: booked };
      }
      this.refuseIfExpired(link);
      const eligibility = await this.bookings.eligibility(manager, lead);
      if (!eligibility.onlineBookable) {
        return { bookable: false, reason: publicReason(eligibility.reason) };
      }
      const slots = await this.bookings.slotsFor(manager, lead);
      if (slots.length === 0) return PRACTICE_WILL_CONTACT;
      return {
        bookable: true,
        serviceType: lead.serviceType,
        slots: slots.map((slot) => ({
          startsAt: slot.startsAt.toISOString(),
          endsAt: slot.endsAt.toISOString(),
          clinician: slot.clinician,
        })),
      };
    });
  }

  /**
   * Books one of the open slots. A slot no longer open (just taken, or never offered to
   * this client) answers 409 slot-taken; two requests for one slot at once: the
   * database lets one through.
   */
  async book(token: string, dto: CreateBookingDto, actor: AuditActor): Promise<BookingCreatedView> {
    const startsAt = new Date(dto.startsAt);
    return mappingOverlap(() =>
      this.dataSource.transaction(async (manager) => {
        const link = await this.linkOf(manager, token, { lock: true });
        if (await this.bookedOf(manager, link)) {
          throw new ProblemException(
            'conflict',
            'This link already booked a consultation: cancel it first to choose another time.',
          );
        }
        this.refuseIfExpired(link);
        const lead = await manager
          .getRepository(Lead)
          .findOneOrFail({ where: { id: link.leadId }, lock: { mode: 'pessimistic_write' } });
        const eligibility = await this.bookings.eligibility(manager, lead);
        const slot = eligibility.onlineBookable
          ? (await this.bookings.slotsFor(manager, lead)).find(
              (one) =>
                one.clinician.id === dto.clinicianId &&
                one.startsAt.getTime() === startsAt.getTime(),
            )
          : undefined;
        if (!slot) {
          throw new ProblemException(
            'slot-taken',
            'This time is not open any more: choose another.',
          );
        }
        const id = await this.bookings.book(manager, {
          lead,
          clinicianId: slot.clinician.id,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          via: 'client',
          actorUserId: null,
          link,
        });
        await this.audit.record(
          actor,
          {
            action: 'consultation.booked',
            leadId: lead.id,
            subjectType: 'consultation',
            subjectId: id,
            details: { clinicianId: slot.clinician.id, via: 'client', status: lead.status },
          },
          manager,
        );
        return {
          consultation: {
            id,
            startsAt: slot.startsAt.toISOString(),
            endsAt: slot.endsAt.toISOString(),
            clinicianName: slot.clinician.name,
          },
        };
      }),
    );
  }

  /** Cancels the link's consultation before it starts; the link can book again. */
  async cancel(token: string, actor: AuditActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const link = await this.linkOf(manager, token, { lock: true });
      if (!link.consultationId) {
        throw new ProblemException('conflict', 'This link has no consultation booked.');
      }
      const lead = await manager
        .getRepository(Lead)
        .findOneOrFail({ where: { id: link.leadId }, lock: { mode: 'pessimistic_write' } });
      const consultation = await this.consultations.lock(manager, link.consultationId);
      if (!consultation)
        throw new ProblemException('conflict', 'This link has no consultation booked.');
      await this.bookings.cancel(manager, consultation, lead, 'client', null);
      await this.audit.record(
        actor,
        {
          action: 'consultation.cancelled',
          leadId: lead.id,
          subjectType: 'consultation',
          subjectId: consultation.id,
          details: { via: 'client' },
        },
        manager,
      );
    });
  }

  /** The link of a token, or 404: an unknown token looks like any other unknown address. */
  private async linkOf(
    manager: EntityManager,
    token: string,
    options: { lock: boolean },
  ): Promise<BookingLink> {
    if (!TOKEN.test(token)) throw new ProblemException('not-found');
    const hash = hashToken(token);
    const link = options.lock
      ? await this.links.lockByTokenHash(manager, hash)
      : await this.links.findByTokenHash(manager, hash);
    if (!link) throw new ProblemException('not-found');
    return link;
  }

  /** A link stops booking 14 days after it was made (managing a booking goes on). */
  private refuseIfExpired(link: BookingLink): void {
    if (link.expiresAt.getTime() <= Date.now()) {
      throw new ProblemException(
        'gone',
        'This booking link has expired: the practice will contact you.',
      );
    }
  }

  /** The live consultation the link booked, as the client sees it. */
  private async bookedOf(
    manager: EntityManager,
    link: BookingLink,
  ): Promise<BookedConsultationView | null> {
    if (!link.consultationId) return null;
    const consultation = await manager
      .getRepository(Consultation)
      .findOneBy({ id: link.consultationId });
    if (!consultation || consultation.cancelledAt) return null;
    const clinician = await manager
      .getRepository(Clinician)
      .findOneBy({ id: consultation.clinicianId });
    return {
      id: consultation.id,
      startsAt: consultation.startsAt.toISOString(),
      endsAt: consultation.endsAt.toISOString(),
      clinicianName: clinician?.name ?? '',
    };
  }
}
