import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
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
import { linkIn } from '../lib/language';
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
  clientLabels,
  ClientFields,
  ConsentFields,
  controlKindFor,
  fieldOrder,
  FormSections,
  requiredPaths,
} from './components/questions';
import { mount } from './mount';
import { fragment, usePageWords } from './i18n/page-language';
import type { PageWords } from './i18n/words';
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

const partnerLabels = ({ t }: PageWords): Record<string, string> => ({
  partner: t('intake.partner'),
  'partner.name': t('intake.partnerName'),
  'partner.email': t('intake.partnerEmail'),
});

/** /intake/:slug → the slug; ?ref=RI-… → the earlier inquiry this intake continues. */
function fromLocation() {
  const slug = decodeURIComponent(window.location.pathname.split('/')[2] ?? '');
  const ref = new URLSearchParams(window.location.search).get('ref')?.trim().toUpperCase();
  return { slug, inquiryReference: ref && REFERENCE_PATTERN.test(ref) ? ref : undefined };
}

function IntakePage() {
  const [{ slug, inquiryReference }] = useState(fromLocation);
  const [resumeToken] = useState(takeResumeToken);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const { t, rich, language } = usePageWords();
  // The language the questions were loaded in; the switch loads the same version again.
  const [formLanguage, setFormLanguage] = useState(language);

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
    // A later switch of language is the next effect's: a resume link opens once.
  }, [slug, attempt, resumeToken]);

  useEffect(() => {
    if (loaded.kind !== 'ready' || formLanguage === language) return;
    let current = true;
    const version = loaded.form.version;
    void intakeFormVersion(slug, version).then((result) => {
      if (!current) return;
      setFormLanguage(language);
      // The same questions (same ids), so the answers given so far stay where they are.
      if (result.kind === 'ok') {
        setLoaded((now) => (now.kind === 'ready' ? { ...now, form: result.body } : now));
      }
    });
    return () => {
      current = false;
    };
  }, [language, formLanguage, loaded, slug]);

  if (loaded.kind === 'loading') {
    return (
      <Layout title={t('intake.title')}>
        <h1>{t('intake.title')}</h1>
        <p role="status">{t('intake.loading')}</p>
      </Layout>
    );
  }
  if (loaded.kind === 'missing') {
    return (
      <Layout title={t('intake.missingTitle')}>
        <h1>{t('intake.missing')}</h1>
        <p>
          {fragment(
            rich<ReactNode>('intake.missingText', {
              link: (chunks) => (
                <a href={linkIn('/reach-out', language, navigator.languages ?? [])}>
                  {fragment(chunks)}
                </a>
              ),
            }),
          )}
        </p>
      </Layout>
    );
  }
  if (loaded.kind === 'failed') {
    return (
      <Layout title={t('intake.title')}>
        <h1>{t('intake.failed')}</h1>
        <p>{t('load.checkConnection')}</p>
        <button type="button" className="button" onClick={() => setAttempt((count) => count + 1)}>
          {t('load.retry')}
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
  const words = usePageWords();
  const { t } = words;
  const couple = form.slug === 'couples';
  const labels: Record<string, string> = {
    ...clientLabels(words),
    ...(couple ? partnerLabels(words) : {}),
    ...questionLabels(form),
    ...signatureLabels(form.consents, words),
    captchaToken: t('captcha.label'),
  };

  if (submission.receipt) {
    const { reference, partnerInvitation, resources } = submission.receipt;
    return (
      <Layout title={t('reachOut.thanksTitle')}>
        <FocusedHeading>{t('intake.thanks')}</FocusedHeading>
        <CrisisResources resources={resources ?? []} />
        <Reference reference={reference} />
        {partnerInvitation ? (
          <p>
            {fragment(
              words.rich<ReactNode>('intake.partnerInvited', {
                email: partnerInvitation.sentTo,
                until: words.date(partnerInvitation.expiresAt),
                strong: (chunks) => <strong>{fragment(chunks)}</strong>,
              }),
            )}
          </p>
        ) : null}
        <p>{t('intake.inTouch')}</p>
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
      <p className="lead">{t(couple ? 'intake.leadCouple' : 'intake.lead')}</p>
      <p>{t('intake.allRequired')}</p>
      {draft ? <p role="status">{t('intake.resumed')}</p> : null}
      {resumeFailed ? <p role="status">{t('intake.resumeFailed')}</p> : null}
      {inquiryReference ? (
        <p>
          {fragment(
            words.rich<ReactNode>('intake.continues', {
              reference: inquiryReference,
              strong: (chunks) => <strong>{fragment(chunks)}</strong>,
            }),
          )}
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
              <h2 id="section-partner">{t('intake.partner')}</h2>
              <TextField
                path="partner.name"
                label={t('intake.partnerName')}
                required
                maxLength={200}
              />
              <TextField
                path="partner.email"
                label={t('intake.partnerEmail')}
                hint={t('intake.partnerEmailHint')}
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
          <SubmitButton sending={submission.sending}>{t('submit.sendAnswers')}</SubmitButton>
        </form>
      </FormProvider>
    </Layout>
  );
}

mount(<IntakePage />);
