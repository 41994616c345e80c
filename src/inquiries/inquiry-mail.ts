import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MailSources } from '../notifications/mail-sources.js';
import { Inquiry } from './inquiry.entity.js';

/** Tells notifications/ where an inquiry came from, read when its acknowledgement goes out. */
@Injectable()
export class InquiryMail implements OnModuleInit {
  constructor(private readonly sources: MailSources) {}

  onModuleInit(): void {
    this.sources.addSubmitter(
      'inquiry',
      async (manager, id) =>
        (await manager.getRepository(Inquiry).findOneBy({ id }))?.email ?? null,
    );
  }
}
