/**
 * <relational-intake-reach-out api="https://intake.practice.example" heading="Reach out">
 *
 * The reach-out form for any practice website: one script tag, no framework, its own
 * Shadow DOM and styles, so the host page's CSS neither reaches in nor is touched. It
 * posts to POST /v1/inquiries on the `api` origin (default: where this script came
 * from), which must list the host page's origin in CORS_ORIGINS.
 */
import type { Schemas } from '../api/client';
import { failureMessage, requestJson } from '../lib/api';
import {
  type CaptchaSettings,
  type CaptchaWidget,
  captchaStatusText,
  mountCaptcha,
} from '../lib/captcha';
import { splitContact } from '../lib/crisis';
import { requiredErrors, withPageErrors } from '../lib/field-errors';
import { type FormValues, inquiryBody } from '../lib/form-values';
import { captureAttribution, withAttribution } from '../lib/attribution';
import { newIdempotencyKey } from '../lib/idempotency';
import { doubleEscape, leaveNow, safeExitUrl } from '../lib/leave-safely';
import { type ControlKind, inlineMessage, summaryLine } from '../lib/messages';
import type { FieldError } from '../lib/problem';
import { pageLanguage } from '../lib/language';
import {
  type PageWords,
  pageWords,
  preferredContactOptions,
  serviceTypeOptions,
  stateOptions,
} from '../pages/i18n/words';
import styles from './reach-out.css?inline';

export const TAG_NAME = 'relational-intake-reach-out';

type InquiryReceipt = Schemas['SubmissionReceiptDto'];
type Practice = Schemas['PracticeView'];

type Options = readonly (readonly [string, string])[];

interface FieldSpec {
  path: string;
  label: string;
  kind: 'text' | 'textarea' | 'radios' | 'select' | 'checkbox';
  type?: 'text' | 'email' | 'tel';
  required?: boolean;
  hint?: string;
  autocomplete?: string;
  maxLength?: number;
  options?: Options;
  initial?: string;
  inline?: boolean;
}

/** The form's fields, worded in the element's language. */
function fieldsIn(words: PageWords): readonly FieldSpec[] {
  const { t } = words;
  return [
    { path: 'name', label: t('contact.name'), kind: 'text', required: true, autocomplete: 'name', maxLength: 200 },
    { path: 'email', label: t('contact.email'), kind: 'text', type: 'email', required: true, autocomplete: 'email', maxLength: 254 },
    { path: 'phone', label: t('contact.phone'), kind: 'text', type: 'tel', hint: t('field.phoneHint'), autocomplete: 'tel' },
    { path: 'preferredContact', label: t('contact.preferred'), kind: 'radios', options: preferredContactOptions(words), initial: 'email', required: true, inline: true },
    { path: 'serviceType', label: t('contact.service'), kind: 'radios', options: serviceTypeOptions(words), required: true },
    { path: 'state', label: t('contact.state'), kind: 'select', options: stateOptions(words), autocomplete: 'address-level1' },
    { path: 'message', label: t('contact.message'), kind: 'textarea', maxLength: 5000, hint: t('contact.messageHintShort') },
    { path: 'referralSource', label: t('contact.referral'), kind: 'text', maxLength: 100 },
    { path: 'consent.contact', label: t('contact.consent'), kind: 'checkbox', required: true },
  ];
} // prettier-ignore

/** Labels for the error summary. */
function labelsOf(fields: readonly FieldSpec[], { t }: PageWords): Record<string, string> {
  return {
    ...Object.fromEntries(fields.map((field) => [field.path, field.label])),
    'consent.contact': t('contact.consentContact'),
    consent: t('contact.consentLabel'),
    captchaToken: t('captcha.label'),
  };
}

const kindIn =
  (fields: readonly FieldSpec[]) =>
  (path: string): ControlKind => {
    const spec = fields.find((field) => field.path === path);
    if (spec?.kind === 'checkbox') return 'checkbox';
    return spec?.kind === 'radios' || spec?.kind === 'select' ? 'choice' : 'input';
  };

/** The origin this script was loaded from: the API's, unless `api` says otherwise. */
const SCRIPT_ORIGIN = (() => {
  try {
    const src = (document.currentScript as HTMLScriptElement | null)?.src;
    return src ? new URL(src).origin : undefined;
  } catch {
    return undefined;
  }
})();

const idFor = (path: string) => `ri-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** document.createElement with attributes and children, for a few lines of markup. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) element.append(child);
  }
  return element;
}

/** "Call or text 988" with 988 as a tel: link. */
function contactLink(contact: string): (Node | string)[] {
  const parts = splitContact(contact);
  if (!parts) return [contact];
  return [parts.before, h('a', { href: `tel:${parts.number}` }, parts.number), parts.after];
}

function adoptStyles(root: ShadowRoot) {
  // A constructed sheet also works where the host page's CSP forbids inline <style>.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(styles);
    root.adoptedStyleSheets = [sheet];
  } catch {
    root.append(h('style', {}, styles));
  }
}

export class ReachOutElement extends HTMLElement {
  static observedAttributes = ['heading'];

  /**
   * The element's language: its `lang` attribute when it names one of ours, else the
   * browser's languages, else English. Read when the element is first shown.
   */
  #words: PageWords = pageWords('en');
  #fields: readonly FieldSpec[] = fieldsIn(this.#words);

  readonly #root: ShadowRoot;
  /** One key for the element's life: a double click or a retry creates one inquiry. */
  readonly #idempotencyKey = newIdempotencyKey();
  #formStartedAt = new Date().toISOString();
  #sending = false;
  #rendered = false;
  /** Where the visitor came from: the host page's first touch of the session. */
  #attribution: ReturnType<typeof captureAttribution>;
  #captcha: CaptchaWidget | null = null;
  /** The practice behind the form (GET /v1/practice), shown at its foot once known. */
  #practice: Practice | null = null;
  readonly #escapePressed = doubleEscape();
  readonly #onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.#escapePressed(event.timeStamp)) this.#leave();
  };

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    adoptStyles(this.#root);
  }

  connectedCallback() {
    document.addEventListener('keydown', this.#onKeyDown);
    if (this.#rendered) return;
    this.#rendered = true;
    const asked = this.getAttribute('lang')?.trim().toLowerCase() ?? '';
    this.#words = pageWords(
      pageLanguage(`?lang=${encodeURIComponent(asked)}`, navigator.languages ?? []),
    );
    this.#fields = fieldsIn(this.#words);
    this.#formStartedAt = new Date().toISOString();
    this.#attribution = captureAttribution();
    this.#renderForm();
    void this.#startCaptcha();
    void this.#loadPractice();
  }

  async #loadPractice() {
    const result = await requestJson<Practice>(`${this.#apiBase}/v1/practice`, {
      language: this.#words.language,
    });
    if (result.kind !== 'ok') return;
    this.#practice = result.body;
    this.#showPractice();
  }

  /** The practice's logo, name and contact, at the foot of whatever the element shows. */
  #showPractice() {
    const foot = this.#root.querySelector<HTMLElement>('[data-practice]');
    const practice = this.#practice;
    if (!foot || !practice) return;
    const contact: (Node | string)[] = [];
    const add = (...parts: (Node | string)[]) => contact.push(' · ', ...parts);
    if (practice.phone) {
      add(h('a', { href: `tel:${practice.phone.replace(/[^\d+]/g, '')}` }, practice.phone));
    }
    if (practice.email) add(h('a', { href: `mailto:${practice.email}` }, practice.email));
    if (practice.website) {
      add(h('a', { href: practice.website }, practice.website.replace(/^https?:\/\//, '')));
    }
    foot.replaceChildren(
      ...(practice.logoUrl
        ? [h('img', { class: 'practice-logo', src: practice.logoUrl, alt: '', height: '32' })]
        : []),
      h('p', {}, h('strong', {}, practice.name), ...contact),
    );
    foot.hidden = false;
  }

  disconnectedCallback() {
    document.removeEventListener('keydown', this.#onKeyDown);
  }

  /**
   * "Leave this site" (docs/api.md#leaving-safely). On a practice's site the host page is
   * replaced, its storage left alone; on our framed page (its <meta> says so) ours is cleared.
   */
  #leave() {
    const ownPage = document.querySelector('meta[name="safe-exit-url"]') !== null;
    leaveNow(safeExitUrl(), { ownPage });
  }

  attributeChangedCallback(name: string) {
    if (name !== 'heading') return;
    const heading = this.#root.querySelector('[data-heading]');
    if (heading) heading.textContent = this.#heading;
  }

  get #heading() {
    return this.getAttribute('heading')?.trim() || this.#words.t('embed.heading');
  }

  get #apiBase() {
    const given = this.getAttribute('api')?.trim();
    return (given || SCRIPT_ORIGIN || window.location.origin).replace(/\/+$/, '');
  }

  #frame(...children: Node[]) {
    const { language } = this.#words;
    const call = (number: string) => (chunks: (string | Node)[]) =>
      h('a', { href: `tel:${number}` }, ...chunks);
    const container = h(
      'section',
      { class: 'ri', 'aria-labelledby': 'ri-heading', lang: language },
      this.#leaveControl(),
      h('h2', { id: 'ri-heading', 'data-heading': true }, this.#heading),
      ...children,
      h(
        'p',
        { class: 'crisis-line' },
        ...this.#words.rich<Node>('crisis.line', { call988: call('988'), call911: call('911') }),
      ),
      h('footer', { class: 'practice', 'data-practice': true, hidden: true }),
    );
    this.#root.replaceChildren(container);
    this.#showPractice();
    return container;
  }

  #leaveControl() {
    const { t } = this.#words;
    const button = h('button', { type: 'button', class: 'leave-button' }, t('leave.button'));
    button.addEventListener('click', () => this.#leave());
    return h(
      'div',
      { class: 'leave' },
      h('span', { class: 'leave-hint' }, t('leave.hint')),
      button,
    );
  }

  #renderForm() {
    const form = h('form', { novalidate: true, 'aria-labelledby': 'ri-heading' });
    form.append(h('div', { class: 'summary', id: 'ri-summary', tabindex: '-1', hidden: true }));
    const { t } = this.#words;
    for (const spec of this.#fields) form.append(this.#field(spec));
    form.append(
      h(
        'div',
        { class: 'honeypot', 'aria-hidden': 'true' },
        h('label', { for: 'ri-website' }, t('field.honeypot')),
        h('input', {
          id: 'ri-website',
          name: 'website',
          type: 'text',
          tabindex: '-1',
          autocomplete: 'off',
        }),
      ),
      // Filled by #startCaptcha when the server has a CAPTCHA provider.
      h('div', { id: 'ri-captcha-field', hidden: true }),
      h('button', { type: 'submit', class: 'button' }, t('submit.send')),
      h('p', { class: 'visually-hidden', role: 'status', id: 'ri-status' }),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#submit(form);
    });
    this.#frame(form);
  }

  /**
   * The provider's widget, when the server has one. Provider scripts find and render into
   * elements of the document, and their frames expect to live there: inside a shadow root
   * they may not render or may not be reachable. So the widget renders into a light-DOM
   * child of this element (`slot="captcha"`), which the shadow form shows through a
   * `<slot>` in its place, before the Send button: in the flat tree, so the tab order and
   * the screen reader's reading order are the form's. The host page's styles reach that
   * child (it is theirs), which a fixed-size provider frame does not mind.
   */
  async #startCaptcha() {
    const words = this.#words;
    const result = await requestJson<CaptchaSettings>(`${this.#apiBase}/v1/captcha`, {
      language: words.language,
    });
    if (result.kind !== 'ok' || result.body.provider === 'none') return;
    const field = this.#root.querySelector<HTMLElement>('#ri-captcha-field');
    if (!field) return; // already answered
    const id = idFor('captchaToken');
    const statusText = h('p', { class: 'hint', id: `${id}-status`, role: 'status' });
    field.replaceChildren(
      h('p', { class: 'label', id: `${id}-label` }, words.t('captcha.label')),
      statusText,
      h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
      h('slot', { name: 'captcha' }),
    );
    Object.assign(field.dataset, { path: 'captchaToken' });
    field.className = 'field';
    field.setAttribute('role', 'group');
    field.setAttribute('aria-labelledby', `${id}-label`);
    field.setAttribute('aria-describedby', `${id}-status`);
    field.hidden = false;
    const container = h('div', {
      slot: 'captcha',
      id: `${id}-${Math.random().toString(36).slice(2)}`,
      tabindex: '-1',
    });
    this.append(container);
    this.#captcha = mountCaptcha(container, result.body, (status) => {
      statusText.textContent = captchaStatusText(status, words);
      statusText.className = status === 'failed' ? 'field-error' : 'hint';
      statusText.setAttribute('role', status === 'failed' ? 'alert' : 'status');
    });
  }

  #field(spec: FieldSpec): HTMLElement {
    const id = idFor(spec.path);
    const { t } = this.#words;
    const optional = spec.required ? null : h('span', { class: 'optional' }, t('field.optional'));
    const hint = spec.hint ? h('p', { class: 'hint', id: `${id}-hint` }, spec.hint) : null;
    const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
    const describedBy = spec.hint ? `${id}-hint` : undefined;
    if (spec.kind === 'radios') {
      const choices = (spec.options ?? []).map(([value, label], index) =>
        h(
          'label',
          { class: 'choice' },
          h('input', {
            id: index === 0 ? id : `${id}-${value}`,
            type: 'radio',
            name: spec.path,
            value,
            required: spec.required,
            checked: spec.initial === value,
          }),
          h('span', {}, label),
        ),
      );
      return h(
        'fieldset',
        { class: 'field', 'data-path': spec.path, 'aria-describedby': describedBy },
        h('legend', { class: 'label' }, spec.label, optional),
        hint,
        error,
        h('div', { class: spec.inline ? 'choices inline' : 'choices' }, ...choices),
      );
    }
    if (spec.kind === 'checkbox') {
      return h(
        'div',
        { class: 'field checkbox', 'data-path': spec.path },
        error,
        h(
          'div',
          { class: 'choice' },
          h('input', { id, type: 'checkbox', name: spec.path, required: spec.required }),
          h('label', { for: id }, spec.label),
        ),
      );
    }
    const common = {
      id,
      name: spec.path,
      required: spec.required,
      autocomplete: spec.autocomplete,
      'aria-describedby': describedBy,
    };
    let control: HTMLElement;
    if (spec.kind === 'select') {
      control = h(
        'select',
        common,
        h('option', { value: '' }, t('contact.chooseState')),
        ...(spec.options ?? []).map(([value, label]) => h('option', { value }, label)),
      );
    } else if (spec.kind === 'textarea') {
      control = h('textarea', { ...common, rows: '5', maxlength: String(spec.maxLength ?? 5000) });
    } else {
      control = h('input', {
        ...common,
        type: spec.type ?? 'text',
        maxlength: spec.maxLength ? String(spec.maxLength) : undefined,
        inputmode: spec.type === 'email' ? 'email' : spec.type === 'tel' ? 'tel' : undefined,
      });
    }
    return h(
      'div',
      { class: 'field', 'data-path': spec.path },
      h('label', { class: 'label', for: id }, spec.label, optional),
      hint,
      error,
      control,
    );
  }

  #values(form: HTMLFormElement): FormValues {
    const data = new FormData(form);
    const values: FormValues = {};
    for (const spec of this.#fields) {
      values[spec.path] =
        spec.kind === 'checkbox' ? data.get(spec.path) !== null : String(data.get(spec.path) ?? '');
    }
    values.website = String(data.get('website') ?? '');
    return values;
  }

  async #submit(form: HTMLFormElement) {
    if (this.#sending) return;
    this.#sending = true;
    const button = form.querySelector('button[type="submit"]')!;
    const status = form.querySelector('#ri-status')!;
    button.setAttribute('aria-disabled', 'true');
    const words = this.#words;
    button.textContent = words.t('submit.sending');
    status.textContent = words.t('embed.sendingStatus');
    const values = this.#values(form);
    const token = this.#captcha?.token();
    const result = await requestJson<InquiryReceipt>(`${this.#apiBase}/v1/inquiries`, {
      body: {
        ...inquiryBody(values, this.#formStartedAt),
        ...withAttribution(this.#attribution),
        ...(token === undefined ? {} : { captchaToken: token }),
      },
      idempotencyKey: this.#idempotencyKey,
      language: words.language,
    });
    // A token counts once: any answer but a receipt needs a fresh one.
    if (result.kind !== 'ok') this.#captcha?.reset();
    this.#sending = false;
    button.removeAttribute('aria-disabled');
    button.textContent = words.t('submit.send');
    status.textContent = '';
    if (result.kind === 'ok') return this.#renderReceipt(result.body);
    if (result.kind !== 'invalid') {
      return this.#showErrors(form, [], failureMessage(result, words));
    }
    // The API describes an omitted field by its type; the form says what is missing.
    const required = this.#fields.filter((spec) => spec.required).map((spec) => spec.path);
    const order = this.#fields.map((spec) => spec.path);
    this.#showErrors(
      form,
      withPageErrors(result.errors, requiredErrors(values, required), order),
      null,
    );
  }

  #showErrors(form: HTMLFormElement, errors: readonly FieldError[], failure: string | null) {
    const words = this.#words;
    const kindOf = kindIn(this.#fields);
    const labels = labelsOf(this.#fields, words);
    const byPath = new Map<string, FieldError>();
    for (const error of errors) if (!byPath.has(error.field)) byPath.set(error.field, error);
    for (const field of form.querySelectorAll<HTMLElement>('[data-path]')) {
      const path = field.dataset.path!;
      const id = idFor(path);
      const message = byPath.get(path);
      const errorText = field.querySelector<HTMLElement>(`#${id}-error`)!;
      const controls = field.querySelectorAll<HTMLElement>('input, select, textarea');
      // aria-invalid is not for radios: a radio group's error is the fieldset's description.
      const invalidable = [...controls].filter(
        (control) => control.getAttribute('type') !== 'radio',
      );
      const described = field.matches('fieldset') ? [field] : [...controls];
      field.classList.toggle('invalid', message !== undefined);
      errorText.hidden = message === undefined;
      errorText.textContent =
        message === undefined ? '' : inlineMessage(words, path, message, kindOf(path));
      for (const control of invalidable) {
        if (message === undefined) control.removeAttribute('aria-invalid');
        else control.setAttribute('aria-invalid', 'true');
      }
      for (const element of described) {
        const ids = [
          this.#fields.find((spec) => spec.path === path)?.hint ? `${id}-hint` : '',
          message ? `${id}-error` : '',
        ]
          .filter(Boolean)
          .join(' ');
        if (ids) element.setAttribute('aria-describedby', ids);
        else element.removeAttribute('aria-describedby');
      }
    }

    const summary = form.querySelector<HTMLElement>('#ri-summary')!;
    const items = errors.map((error) => {
      const label = labels[error.field];
      const line = summaryLine(
        words,
        label ?? error.field,
        error.field,
        error,
        kindOf(error.field),
      );
      if (!label) return h('li', {}, line);
      const link = h('a', { href: `#${idFor(error.field)}` }, line);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        const control =
          error.field === 'captchaToken'
            ? this.querySelector<HTMLElement>('[slot="captcha"]')
            : this.#root.getElementById(idFor(error.field));
        control?.focus();
        control?.scrollIntoView({ block: 'center' });
      });
      return h('li', {}, link);
    });
    summary.replaceChildren(
      h('h3', {}, words.t(errors.length > 0 ? 'summary.fields' : 'embed.notSent')),
      ...(failure ? [h('p', {}, failure)] : []),
      ...(items.length > 0 ? [h('ul', {}, ...items)] : []),
    );
    summary.hidden = false;
    summary.focus();
  }

  #renderReceipt(receipt: InquiryReceipt) {
    const { t, rich } = this.#words;
    const resources = receipt.resources ?? [];
    const crisis =
      resources.length > 0
        ? h(
            'div',
            { class: 'crisis-resources', role: 'region', 'aria-labelledby': 'ri-crisis-title' },
            h('h3', { id: 'ri-crisis-title' }, t('crisis.title')),
            h('p', {}, t('crisis.intro')),
            h(
              'ul',
              {},
              ...resources.map((resource) =>
                h('li', {}, h('strong', {}, resource.name), ': ', ...contactLink(resource.contact)),
              ),
            ),
          )
        : null;
    const done = h(
      'div',
      { class: 'receipt', id: 'ri-receipt', tabindex: '-1' },
      h('p', { class: 'thanks' }, t('embed.thanks')),
      crisis,
      h(
        'p',
        { class: 'reference' },
        ...rich<Node>('reference.quote', {
          reference: receipt.reference,
          strong: (chunks) => h('strong', { class: 'reference-code' }, ...chunks),
        }),
      ),
    );
    this.#frame(done);
    // The widget's light-DOM container has no slot any more; take it away with the form.
    this.querySelector('[slot="captcha"]')?.remove();
    this.#captcha = null;
    // Focus moves to the news, so a screen reader reads the reference (and any crisis numbers).
    done.focus();
  }
}

if (!customElements.get(TAG_NAME)) customElements.define(TAG_NAME, ReachOutElement);
