import { type FormEvent, useState } from 'react';
import type { Schemas } from '../api/client';
import { sendInquiry } from './api';
import { requiredErrors } from '../lib/field-errors';
import { inquiryBody } from '../lib/form-values';
import { captureAttribution, withAttribution } from '../lib/attribution';
import {
  INTAKE_FORM_FOR_SERVICE,
  PREFERRED_CONTACTS,
  SERVICE_TYPES,
  US_STATES,
} from '../lib/vocabulary';
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
import { mount } from './mount';

/** Where the visitor came from, taken as the page loads (first touch of the session). */
const attribution = captureAttribution();

const LABELS: Record<string, string> = {
  name: 'Your name',
  email: 'Your email',
  phone: 'Your phone number',
  preferredContact: 'How should we contact you?',
  serviceType: 'What are you looking for?',
  state: 'The state you live in',
  message: 'What would you like us to know?',
  referralSource: 'How did you hear about us?',
  consent: 'Consent',
  'consent.contact': 'Consent to be contacted',
  captchaToken: 'Security check',
};

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

  if (form.receipt) {
    const slug = INTAKE_FORM_FOR_SERVICE[String(form.values.serviceType)];
    return (
      <Layout title="Thank you">
        <FocusedHeading>Thank you for reaching out</FocusedHeading>
        <CrisisResources resources={form.receipt.resources ?? []} />
        <Reference reference={form.receipt.reference} />
        <p>
          We have your message and will be in touch soon. We have also sent you an email to confirm.
        </p>
        {slug ? (
          <p>
            Want to save time at your first conversation?{' '}
            <a href={`/intake/${slug}?ref=${encodeURIComponent(form.receipt.reference)}`}>
              Answer the {slug} intake questions now
            </a>{' '}
            (about 10 minutes).
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
          order: Object.keys(LABELS),
        },
      )
      .then((result) => {
        if (result && result.kind !== 'ok') captcha.reset();
      });
  };

  return (
    <Layout title="Reach out">
      <h1>Reach out</h1>
      <p className="lead">
        Tell us a little about what you are looking for and how to reach you. Everything you write
        goes only to the practice.
      </p>
      <ErrorSummary
        errors={form.fieldErrors}
        failure={form.failure}
        failedAttempts={form.failedAttempts}
        labelFor={(field) => LABELS[field]}
        kindFor={(field) => KINDS[field as keyof typeof KINDS] ?? 'input'}
      />
      <FormProvider value={form.state}>
        <form noValidate onSubmit={onSubmit} aria-labelledby="reach-out-form-title">
          <h2 className="visually-hidden" id="reach-out-form-title">
            Your message to the practice
          </h2>
          <TextField path="name" label="Your name" required autoComplete="name" maxLength={200} />
          <TextField
            path="email"
            label="Your email"
            required
            type="email"
            autoComplete="email"
            inputMode="email"
            maxLength={254}
          />
          <TextField
            path="phone"
            label="Your phone number"
            hint="For example (503) 555-0142"
            type="tel"
            autoComplete="tel"
            width="short"
          />
          <ChoiceGroup
            path="preferredContact"
            legend="How should we contact you?"
            required
            options={PREFERRED_CONTACTS}
            inline
          />
          <ChoiceGroup
            path="serviceType"
            legend="What are you looking for?"
            required
            options={SERVICE_TYPES}
          />
          <SelectField
            path="state"
            label="The state you live in"
            hint="Clinicians can only work with clients in the states where they are licensed."
            options={US_STATES}
            emptyLabel="Choose a state"
            autoComplete="address-level1"
          />
          <TextField
            path="message"
            label="What would you like us to know?"
            hint="A few words about what brings you here. Please leave out anything you would rather say in person."
            maxLength={5000}
            multiline
          />
          <TextField path="referralSource" label="How did you hear about us?" maxLength={100} />
          <CheckboxField
            path="consent.contact"
            required
            label="I agree that the practice may contact me about this, and I have read how it keeps my information private."
          />
          <Honeypot />
          {captcha.field}
          <SubmitButton sending={form.sending}>Send</SubmitButton>
        </form>
      </FormProvider>
    </Layout>
  );
}

mount(<ReachOutPage />);
