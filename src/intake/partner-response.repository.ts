import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PartnerResponse } from './partner-response.entity.js';

export type NewPartnerResponse = Omit<
  PartnerResponse,
  'invitation' | 'intake' | 'lead' | 'createdAt'
>;

/** The only writer of the `partner_response` table. */
@Injectable()
export class PartnerResponseRepository {
  async insert(manager: EntityManager, row: NewPartnerResponse): Promise<void> {
    await manager.getRepository(PartnerResponse).insert(row);
  }
}
