import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CaptchaCheck } from '../captcha/captcha.service.js';
import { ProblemException } from '../common/problem-details.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { PracticeSettings } from '../settings/practice-settings.js';
import { type PublicPractice, publicPractice } from './practice-view.js';

/** What the public pages read about the practice: its identity and its logo. */
@Injectable()
export class PracticeService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: PracticeSettings,
    private readonly captcha: CaptchaCheck,
  ) {}

  /** The practice as clients see it, with a strong ETag of exactly these bytes. */
  async view(): Promise<{ body: PublicPractice; etag: string }> {
    const { provider, siteKey } = this.captcha.publicSettings();
    const body = publicPractice(await this.settings.identity(), {
      baseUrl: this.config.publicBaseUrl,
      captcha: { provider, siteKey },
    });
    const hash = createHash('sha256').update(JSON.stringify(body)).digest('base64url');
    return { body, etag: `"${hash.slice(0, 27)}"` };
  }

  /** The stored logo, or 404 while there is none. */
  async logo(): Promise<{ contentType: string; bytes: Buffer; etag: string }> {
    const logo = await this.settings.logo();
    if (!logo) throw new ProblemException('not-found', 'The practice has no logo.');
    return { contentType: logo.contentType, bytes: logo.bytes, etag: `"${logo.etag}"` };
  }
}
