import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clinician } from './clinician.entity.js';

/** The only writer of `clinician`. Runs in the caller's transaction (`manager`). */
@Injectable()
export class ClinicianRepository {
  async add(manager: EntityManager, clinician: Clinician): Promise<void> {
    await manager.getRepository(Clinician).insert(clinician);
  }

  async change(
    manager: EntityManager,
    id: string,
    change: Partial<Omit<Clinician, 'id'>>,
  ): Promise<void> {
    await manager.getRepository(Clinician).update({ id }, change as never);
  }
}
