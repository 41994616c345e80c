import { type FormEvent, type ReactNode, useState } from 'react';
import type { Schemas } from '../api/client';
import { sendInquiry } from './api';
import { requiredErrors } from '../lib/field-errors';
import { inquiryBody } from '../lib/form-values';
import { captureAttribution, withAttribution } from '../lib/attribution';
import { linkIn } from '../lib/language';
import { INTAKE_FORM_FOR_SERVICE } from '../lib/vocabulary';
import { CheckboxField, ChoiceGroup, Honeypot, SelectField, TextField } from './components/fields';
import { useCaptcha } from './components/captcha-field';
import { FormProvider, useSubmittableForm } from './components/form-context';
import {
  CrisisResources,
  ErrorSummary,
  FocusedHeading,
  Layout,
  Reference,
  SubmitButton,
} from './components/page-parts';
import { ContactFields } from './components/questions';
import { mount } from './mount';
import { fragment, usePageWords } from './i18n/page-language';
import {
  type PageWords,
  preferredContactOptions,
  serviceTypeOptions,
  stateOptions,
} from './i18n/words';

/** Where the visitor came from, taken as the page loads (first touch of the session). */
const attribution = captureAttribution();

/** Labels for the error summary, in the page's order. */
const labelsIn = ({ t }: PageWords): Record<string, string> => ({
  name: t('contact.name'),
  email: t('contact.email'),
  phone: t('contact.phone'),
  preferredContact: t('contact.preferred'),
  serviceType: t('contact.service'),
  state: t('contact.state'),
  message: t('contact.message'),
  referralSource: t('contact.referral'),
  consent: t('contact.consentLabel'),
  'consent.contact': t('contact.consentContact'),
  captchaToken: t('captcha.label'),
});

const ORDER = [
  'name',
  'email',
  'phone',
  'preferredContact',
  'serviceType',
  'state',
  'message',
  'referralSource',
  'consent',
  'consent.contact',
  'captchaToken',
];

const REQUIRED = ['name', 'email', 'serviceType', 'consent.contact'];

const KINDS = {
  preferredContact: 'choice',
  serviceType: 'choice',
  state: 'choice',
  'consent.contact': 'checkbox',
} as const;

function ReachOutPage() {
  const form = useSubmittableForm<Schemas['SubmissionReceiptDto']>({ preferredContact: 'email' });
  const captcha = useCaptcha();
  // When the page rendered the form: the API stores much faster submissions as spam.
  const [formStartedAt] = useState(() => new Date().toISOString());
  const words = usePageWords();
  const { t } = words;
  const labels = labelsIn(words);

  if (form.receipt) {
    const slug = INTAKE_FORM_FOR_SERVICE[String(form.values.serviceType)];
    return (
      <Layout title={t('reachOut.thanksTitle')}>
        <FocusedHeading>{t('reachOut.thanks')}</FocusedHeading>
        <CrisisResources resources={form.receipt.resources ?? []} />
        <Reference reference={form.receipt.reference} />
        <p>{t('reachOut.received')}</p>
        {slug ? (
          <p>
            {fragment(
              words.rich<ReactNode>('reachOut.continue', {
                form: slug,
                link: (chunks) => (
                  <a
                    href={linkIn(
                      `/intake/${slug}?ref=${encodeURIComponent(form.receipt!.reference)}`,
                      words.language,
                      navigator.languages ?? [],
                    )}
                  >
                    {fragment(chunks)}
                  </a>
                ),
              }),
            )}
          </p>
        ) : null}
      </Layout>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form
      .submit(
        (key) =>
          sendInquiry(
            captcha.withToken({
              ...inquiryBody(form.values, formStartedAt),
              ...withAttribution(attribution),
            }),
            key,
          ),
        {
          pageErrors: requiredErrors(form.values, REQUIRED),
          order: ORDER,
        },
      )
      .then((result) => {
        if (result && result.kind !== 'ok') captcha.reset();
      });
  };

  return (
    <Layout title={t('reachOut.title')}>
      <h1>{t('reachOut.title')}</h1>
      <p className="lead">{t('reachOut.lead')}</p>
      <ErrorSummary
        errors={form.fieldErrors}
        failure={form.failure}
        failedAttempts={form.failedAttempts}
        labelFor={(field) => labels[field]}
        kindFor={(field) => KINDS[field as keyof typeof KINDS] ?? 'input'}
      />
      <FormProvider value={form.state}>
        <form noValidate onSubmit={onSubmit} aria-labelledby="reach-out-form-title">
          <h2 className="visually-hidden" id="reach-out-form-title">
            {t('reachOut.formTitle')}
          </h2>
          <ContactFields />
          <ChoiceGroup
            path="preferredContact"
            legend={t('contact.preferred')}
            required
            options={preferredContactOptions(words)}
            inline
          />
          <ChoiceGroup
            path="serviceType"
            legend={t('contact.service')}
            required
            options={serviceTypeOptions(words)}
          />
          <SelectField
            path="state"
            label={t('contact.state')}
            hint={t('contact.stateHint')}
            options={stateOptions(words)}
            emptyLabel={t('contact.chooseState')}
            autoComplete="address-level1"
          />
          <TextField
            path="message"
            label={t('contact.message')}
            hint={t('contact.messageHint')}
            maxLength={5000}
            multiline
          />
          <TextField path="referralSource" label={t('contact.referral')} maxLength={100} />
          <CheckboxField path="consent.contact" required label={t('contact.consent')} />
          <Honeypot />
          {captcha.field}
          <SubmitButton sending={form.sending}>{t('submit.send')}</SubmitButton>
        </form>
      </FormProvider>
    </Layout>
  );
}

mount(<ReachOutPage />);
