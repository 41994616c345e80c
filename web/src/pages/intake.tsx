import { type FormEvent, useEffect, useState } from 'react';
import type { Schemas } from '../api/client';
import { intakeForm, sendIntake } from './api';
import {
  answersBody,
  type FormDefinition,
  questionLabels,
  unansweredRequired,
} from '../lib/form-definition';
import { requiredErrors } from '../lib/field-errors';
import { clientBody, consentBody, text } from '../lib/form-values';
import { REFERENCE_PATTERN } from '../lib/vocabulary';
import { Honeypot, TextField } from './components/fields';
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
import {
  CLIENT_LABELS,
  ClientFields,
  ConsentFields,
  controlKindFor,
  fieldOrder,
  FormSections,
  requiredPaths,
} from './components/questions';
import { mount } from './mount';
import { captureAttribution, withAttribution } from '../lib/attribution';
import { SaveDraft } from './components/save-draft';
import { draftValues, intakeFormVersion, openDraft, takeResumeToken } from './drafts';
import type { FormValues } from '../lib/form-values';
import {
  ConsentSignatureFields,
  signatureLabels,
  signatureOrder,
  signaturesBody,
} from './components/consent-signatures';

type Loaded =
  | { kind: 'loading' }
  | {
      kind: 'ready';
      form: FormDefinition;
      /** Resumed from a saved draft: its answers and token. */
      draft?: { values: FormValues; token: string };
      /** A resume link that no longer opens anything. */
      resumeFailed?: boolean;
    }
  | { kind: 'missing' }
  | { kind: 'failed' };

/** Where the visitor came from, taken as the page loads (first touch of the session). */
const attribution = captureAttribution();

const PARTNER_LABELS: Record<string, string> = {
  partner: 'Your partner',
  'partner.name': "Your partner's name",
  'partner.email': "Your partner's email",
};

/** /intake/:slug → the slug; ?ref=RI-… → the earlier inquiry this intake continues. */
function fromLocation() {
  const slug = decodeURIComponent(window.location.pathname.split('/')[2] ?? '');
  const ref = new URLSearchParams(window.location.search).get('ref')?.trim().toUpperCase();
  return { slug, inquiryReference: ref && REFERENCE_PATTERN.test(ref) ? ref : undefined };
}

const formatDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' });

function IntakePage() {
  const [{ slug, inquiryReference }] = useState(fromLocation);
  const [resumeToken] = useState(takeResumeToken);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    const resumed = async (): Promise<Loaded | undefined> => {
      if (!resumeToken) return undefined;
      const draft = await openDraft(resumeToken);
      if (draft.kind !== 'ok' || draft.body.formSlug !== slug) return undefined;
      const form = await intakeFormVersion(slug, draft.body.formVersion);
      if (form.kind !== 'ok') return undefined;
      return {
        kind: 'ready',
        form: form.body,
        draft: { values: draftValues(form.body, draft.body), token: resumeToken },
      };
    };
    void resumed().then(async (fromDraft) => {
      if (!current) return;
      if (fromDraft) return setLoaded(fromDraft);
      const result = await intakeForm(slug);
      if (!current) return;
      if (result.kind === 'ok') {
        setLoaded({ kind: 'ready', form: result.body, resumeFailed: !!resumeToken });
      } else if (result.kind === 'problem' && result.status === 404) setLoaded({ kind: 'missing' });
      else setLoaded({ kind: 'failed' });
    });
    return () => {
      current = false;
    };
  }, [slug, attempt, resumeToken]);

  if (loaded.kind === 'loading') {
    return (
      <Layout title="Intake form">
        <h1>Intake form</h1>
        <p role="status">Loading the questions…</p>
      </Layout>
    );
  }
  if (loaded.kind === 'missing') {
    return (
      <Layout title="Form not found">
        <h1>We could not find this form</h1>
        <p>
          There is no intake form at this address. Check the link you were given, or{' '}
          <a href="/reach-out">reach out to the practice</a> instead.
        </p>
      </Layout>
    );
  }
  if (loaded.kind === 'failed') {
    return (
      <Layout title="Intake form">
        <h1>We could not load the questions</h1>
        <p>Check your connection, then try again.</p>
        <button type="button" className="button" onClick={() => setAttempt((count) => count + 1)}>
          Try again
        </button>
      </Layout>
    );
  }
  return (
    <IntakeForm
      form={loaded.form}
      inquiryReference={inquiryReference}
      draft={loaded.draft}
      resumeFailed={loaded.resumeFailed}
    />
  );
}

function IntakeForm({
  form,
  inquiryReference,
  draft,
  resumeFailed,
}: {
  form: FormDefinition;
  inquiryReference?: string;
  draft?: { values: FormValues; token: string };
  resumeFailed?: boolean;
}) {
  const submission = useSubmittableForm<Schemas['IntakeReceiptDto']>(draft?.values);
  // The saved draft this page finishes: deleted with the intake. Memory only.
  const [draftToken, setDraftToken] = useState(draft?.token);
  const captcha = useCaptcha();
  const [formStartedAt] = useState(() => new Date().toISOString());
  const couple = form.slug === 'couples';
  const labels: Record<string, string> = {
    ...CLIENT_LABELS,
    ...(couple ? PARTNER_LABELS : {}),
    ...questionLabels(form),
    ...signatureLabels(form.consents),
    captchaToken: 'Security check',
  };

  if (submission.receipt) {
    const { reference, partnerInvitation, resources } = submission.receipt;
    return (
      <Layout title="Thank you">
        <FocusedHeading>Thank you, your answers are in</FocusedHeading>
        <CrisisResources resources={resources ?? []} />
        <Reference reference={reference} />
        {partnerInvitation ? (
          <p>
            We emailed your partner a private link at <strong>{partnerInvitation.sentTo}</strong>.
            It works once, until {formatDate(partnerInvitation.expiresAt)}. Your partner will not
            see your answers, and you will not see theirs.
          </p>
        ) : null}
        <p>Someone from the practice will be in touch soon.</p>
      </Layout>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const values = submission.values;
    const answers = answersBody(form, values);
    void submission
      .submit(
        (key) =>
          sendIntake(
            captcha.withToken({
              formSlug: form.slug,
              formVersion: form.version,
              ...(inquiryReference ? { inquiryReference } : {}),
              client: clientBody(values),
              answers,
              ...(couple
                ? {
                    partner: {
                      name: text(values, 'partner.name'),
                      email: text(values, 'partner.email'),
                    },
                  }
                : {}),
              consent: consentBody(values),
              signatures: signaturesBody(form.consents, values),
              website: typeof values.website === 'string' ? values.website : '',
              formStartedAt,
              ...(draftToken ? { draftToken } : {}),
              ...withAttribution(attribution),
            }),
            key,
          ),
        {
          pageErrors: [
            ...requiredErrors(values, requiredPaths(couple)),
            ...unansweredRequired(form, answers),
          ],
          order: [...fieldOrder(form, couple), ...signatureOrder(form.consents)],
        },
      )
      .then((result) => {
        if (result && result.kind !== 'ok') captcha.reset();
      });
  };

  return (
    <Layout title={form.title}>
      <h1>{form.title}</h1>
      <p className="lead">
        {couple
          ? 'Each of you answers on your own. When you send this, we email your partner a private link to their own questions. Neither of you sees the other’s answers.'
          : 'These questions help us find the right clinician for you. Only the practice sees your answers.'}
      </p>
      <p>All questions need an answer unless marked optional.</p>
      {draft ? (
        <p role="status">Your saved answers are filled in. Check them, then carry on.</p>
      ) : null}
      {resumeFailed ? (
        <p role="status">
          That link no longer opens saved answers: it expired, or the answers were saved again or
          sent. You can start again here.
        </p>
      ) : null}
      {inquiryReference ? (
        <p>
          This continues your message <strong>{inquiryReference}</strong>.
        </p>
      ) : null}
      <ErrorSummary
        errors={submission.fieldErrors}
        failure={submission.failure}
        failedAttempts={submission.failedAttempts}
        labelFor={(field) => labels[field]}
        kindFor={controlKindFor(form)}
      />
      <FormProvider value={submission.state}>
        <form noValidate autoComplete="off" onSubmit={onSubmit} aria-label={form.title}>
          <ClientFields />
          {couple ? (
            <section className="form-section" aria-labelledby="section-partner">
              <h2 id="section-partner">Your partner</h2>
              <TextField path="partner.name" label="Your partner's name" required maxLength={200} />
              <TextField
                path="partner.email"
                label="Your partner's email"
                hint="We email them a private link to answer for themselves. It works once, for 14 days."
                required
                type="email"
                inputMode="email"
                maxLength={254}
              />
            </section>
          ) : null}
          <FormSections
            form={form}
            couple={couple}
            afterFirst={
              <SaveDraft
                form={form}
                values={submission.values}
                draftToken={draftToken}
                onSaved={setDraftToken}
              />
            }
          />
          <ConsentSignatureFields documents={form.consents} />
          <ConsentFields />
          <Honeypot />
          {captcha.field}
          <SaveDraft
            form={form}
            values={submission.values}
            draftToken={draftToken}
            onSaved={setDraftToken}
          />
          <SubmitButton sending={submission.sending}>Send my answers</SubmitButton>
        </form>
      </FormProvider>
    </Layout>
  );
}

mount(<IntakePage />);
