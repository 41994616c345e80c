import type { Schemas } from '../api/client';
import type { PageWords } from '../pages/i18n/words';

/**
 * The CAPTCHA widget of the public forms (Turnstile or hCaptcha, whichever the server is
 * configured with; GET /v1/captcha). No framework: the hosted pages and the embed share it.
 * Both providers offer the same explicit API, `render(container, { sitekey, callback,
 * 'error-callback', 'expired-callback' })` and `reset(id)`.
 */
export type CaptchaSettings = Schemas['CaptchaSettingsView'];

/**
 * What a form sends when the widget could not load (blocked, or the provider is down).
 * The server asks the provider about it like any token: while the provider is down the
 * submission is kept for staff to review instead of being lost; when it is up, the token
 * is refused and the form says so.
 */
export const WIDGET_UNAVAILABLE_TOKEN = 'widget-unavailable';

/** How long the widget's script may take to load before the form says it failed. */
const SCRIPT_TIMEOUT_MS = 15_000;

type WidgetId = string | number | undefined;
interface WidgetApi {
  render(container: HTMLElement, params: Record<string, unknown>): WidgetId;
  reset(id?: WidgetId): void;
}

const GLOBAL_NAMES = { turnstile: 'turnstile', hcaptcha: 'hcaptcha' } as const;

const loading = new Map<string, Promise<WidgetApi>>();

function widgetApi(provider: 'turnstile' | 'hcaptcha'): WidgetApi | undefined {
  const api = (window as unknown as Record<string, unknown>)[GLOBAL_NAMES[provider]];
  return api && typeof (api as WidgetApi).render === 'function' ? (api as WidgetApi) : undefined;
}

/** Loads the provider's script once per page (into the document, never a shadow root). */
function loadScript(provider: 'turnstile' | 'hcaptcha', url: string): Promise<WidgetApi> {
  const ready = widgetApi(provider);
  if (ready) return Promise.resolve(ready);
  let promise = loading.get(url);
  if (!promise) {
    promise = new Promise<WidgetApi>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.async = true;
      const timer = window.setTimeout(() => reject(new Error('timeout')), SCRIPT_TIMEOUT_MS);
      script.addEventListener('load', () => {
        window.clearTimeout(timer);
        const api = widgetApi(provider);
        if (api) resolve(api);
        else reject(new Error('no widget'));
      });
      script.addEventListener('error', () => {
        window.clearTimeout(timer);
        reject(new Error('not loaded'));
      });
      document.head.append(script);
    });
    // A failed load may be retried by the next form on the page.
    promise.catch(() => loading.delete(url));
    loading.set(url, promise);
  }
  return promise;
}

export type CaptchaStatus =
  /** The script is loading, or the widget waits for the visitor. */
  | 'waiting'
  /** A token is ready to send. */
  | 'ready'
  /** The widget could not load or failed: the form sends WIDGET_UNAVAILABLE_TOKEN. */
  | 'failed';

export interface CaptchaWidget {
  /** What to send as `captchaToken` now; undefined while the visitor has not finished. */
  token(): string | undefined;
  /** After a submission: a token counts once, so the widget makes a new one. */
  reset(): void;
}

/**
 * Renders the widget into `container` (an element of the document's light DOM) and
 * reports its status as it changes.
 */
export function mountCaptcha(
  container: HTMLElement,
  settings: CaptchaSettings,
  onStatus: (status: CaptchaStatus) => void,
): CaptchaWidget {
  let token: string | undefined;
  let status: CaptchaStatus = 'waiting';
  let api: WidgetApi | undefined;
  let id: WidgetId;
  const set = (next: CaptchaStatus, nextToken?: string) => {
    status = next;
    token = nextToken;
    onStatus(next);
  };
  const { provider, siteKey, scriptUrl } = settings;
  if (provider === 'none' || !siteKey || !scriptUrl) {
    set('failed');
  } else {
    onStatus('waiting');
    loadScript(provider, scriptUrl)
      .then((loaded) => {
        api = loaded;
        id = loaded.render(container, {
          sitekey: siteKey,
          callback: (value: string) => set('ready', value),
          'expired-callback': () => set('waiting'),
          'error-callback': () => {
            set('failed');
            // Handled: Turnstile retries on its own unless told the error was dealt with.
            return true;
          },
        });
      })
      .catch(() => set('failed'));
  }
  return {
    token: () => (status === 'failed' ? WIDGET_UNAVAILABLE_TOKEN : token),
    reset() {
      if (status === 'failed' || !api) return;
      set('waiting');
      try {
        api.reset(id);
      } catch {
        set('failed');
      }
    },
  };
}

/** The sentence a form shows beside the widget, for every status. */
export function captchaStatusText(status: CaptchaStatus, { t }: PageWords): string {
  if (status === 'ready') return t('captcha.ready');
  if (status === 'failed') return t('captcha.failed');
  return t('captcha.waiting');
}
