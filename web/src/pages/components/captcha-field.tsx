import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { captchaSettings } from '../api';
import {
  type CaptchaSettings,
  type CaptchaStatus,
  type CaptchaWidget,
  captchaStatusText,
  mountCaptcha,
} from '../../lib/captcha';
import { inlineMessage } from '../../lib/messages';
import { usePageWords } from '../i18n/page-language';
import { fieldId, useFormState } from './form-context';

const ID = fieldId('captchaToken');

/**
 * The CAPTCHA of a hosted form, when the server has a provider: loads the settings once,
 * then `field` is the labelled widget and `withToken` adds `captchaToken` to a body. After
 * each submission that did not go through, `reset` gets a fresh token (a token counts once).
 */
export function useCaptcha() {
  const [settings, setSettings] = useState<CaptchaSettings | null>(null);
  const widgetRef = useRef<CaptchaWidget | null>(null);
  useEffect(() => {
    let current = true;
    void captchaSettings().then((result) => {
      // Unreachable settings: no widget; a server that needs a token says so on submit.
      if (current && result.kind === 'ok') setSettings(result.body);
    });
    return () => {
      current = false;
    };
  }, []);
  const enabled = settings !== null && settings.provider !== 'none';
  return {
    field: enabled ? <CaptchaField settings={settings} widgetRef={widgetRef} /> : null,
    withToken<T extends object>(body: T): T & { captchaToken?: string } {
      const token = enabled ? widgetRef.current?.token() : undefined;
      return token === undefined ? body : { ...body, captchaToken: token };
    },
    reset() {
      widgetRef.current?.reset();
    },
  };
}

function CaptchaField({
  settings,
  widgetRef,
}: {
  settings: CaptchaSettings;
  widgetRef: RefObject<CaptchaWidget | null>;
}): ReactNode {
  const { errors } = useFormState();
  const words = usePageWords();
  const container = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<CaptchaStatus>('waiting');
  useEffect(() => {
    if (!container.current || widgetRef.current) return;
    widgetRef.current = mountCaptcha(container.current, settings, setStatus);
  }, [settings, widgetRef]);
  const error = errors.captchaToken;
  const described = [`${ID}-status`, error ? `${ID}-error` : ''].filter(Boolean).join(' ');
  return (
    <div
      className={`field captcha-field${error ? ' field--invalid' : ''}`}
      role="group"
      aria-labelledby={`${ID}-label`}
      aria-describedby={described}
    >
      <p className="label" id={`${ID}-label`}>
        {words.t('captcha.label')}
      </p>
      <p
        className={status === 'failed' ? 'field-error' : 'hint'}
        id={`${ID}-status`}
        role={status === 'failed' ? 'alert' : 'status'}
      >
        {captchaStatusText(status, words)}
      </p>
      {error ? (
        <p className="field-error" id={`${ID}-error`}>
          <span className="visually-hidden">{words.t('field.errorPrefix')}</span>
          {inlineMessage(words, 'captchaToken', error)}
        </p>
      ) : null}
      {/* The provider renders here; React never touches what it puts inside. Focusable
          so the error summary's link can bring the visitor to the check. */}
      <div ref={container} id={ID} tabIndex={-1} className="captcha-widget" />
    </div>
  );
}
