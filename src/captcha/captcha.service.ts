import { Inject, Injectable, Logger } from '@nestjs/common';
import { type FieldError, ProblemException } from '../common/problem-details.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { Metrics } from '../metrics/metrics.service.js';
import {
  type CaptchaVerdict,
  SITEVERIFY_URLS,
  WIDGET_SCRIPT_URLS,
  verifyCaptcha,
} from './captcha-verification.js';

export interface PublicCaptchaSettings {
  provider: AppConfig['captcha']['provider'];
  siteKey: string | null;
  scriptUrl: string | null;
}

/**
 * The configured CAPTCHA verifier (CAPTCHA_PROVIDER): `none` passes everything; with a
 * provider, public submissions need `captchaToken` and it is checked server-side.
 */
@Injectable()
export class CaptchaCheck {
  private readonly logger = new Logger(CaptchaCheck.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  get enabled(): boolean {
    return this.config.captcha.provider !== 'none';
  }

  /** What a page needs to show the widget: the provider and its public site key. */
  publicSettings(): PublicCaptchaSettings {
    const { provider, siteKey, scriptUrl } = this.config.captcha;
    return {
      provider,
      siteKey: siteKey ?? null,
      scriptUrl: provider === 'none' ? null : (scriptUrl ?? WIDGET_SCRIPT_URLS[provider]),
    };
  }

  /** The field error for a missing token, when a verifier is configured. */
  missingToken(token: string | undefined): FieldError[] {
    return this.enabled && !token
      ? [{ field: 'captchaToken', code: 'required', message: 'is required' }]
      : [];
  }

  /** The 422 for a token the provider refused. */
  rejection(): ProblemException {
    return ProblemException.validation([
      { field: 'captchaToken', message: 'could not be verified, please try again' },
    ]);
  }

  /** The provider's verdict on `token` (call missingToken first); `passed` without a provider. */
  async verify(token: string | undefined, remoteIp: string | undefined): Promise<CaptchaVerdict> {
    const { provider, secretKey, verifyUrl, timeoutMs } = this.config.captcha;
    if (provider === 'none') return { outcome: 'passed' };
    const verdict = await verifyCaptcha({
      url: verifyUrl ?? SITEVERIFY_URLS[provider],
      secret: secretKey!,
      token: token ?? '',
      remoteIp,
      timeoutMs,
    });
    this.metrics.captchaVerdict(verdict.outcome);
    if (verdict.outcome === 'unavailable') {
      // Neither the token nor the client's address: what failed, so operators can act.
      this.logger.warn(
        { provider, why: verdict.why },
        'CAPTCHA provider gave no verdict: the submission is kept for review',
      );
    }
    return verdict;
  }
}
