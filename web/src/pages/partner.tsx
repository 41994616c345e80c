import { type FormEvent, useState } from 'react';
import type { Schemas } from '../api/client';
import { partnerInvitation, sendPartnerResponse } from './api';
import { answersBody, questionLabels, unansweredRequired } from '../lib/form-definition';
import { requiredErrors } from '../lib/field-errors';
import { clientBody, consentBody } from '../lib/form-values';
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
import {
  ConsentSignatureFields,
  signatureLabels,
  signatureOrder,
  signaturesBody,
} from './components/consent-signatures';
import { GoneLink, type LinkWords, LinkStates } from './components/link-states';
import { useTokenLink } from './components/token-link';
import { usePageWords } from './i18n/page-language';

type Invitation = Schemas['PartnerInvitationViewDto'];

const LINK_WORDS: LinkWords = {
  title: 'partner.title',
  loading: 'partner.loading',
  failed: 'partner.failed',
  gone: { title: 'link.usedTitle', heading: 'link.used', text: 'partner.usedText' },
};

function PartnerPage() {
  const { token, loaded, reload } = useTokenLink(partnerInvitation);
  return (
    <LinkStates
      loaded={loaded}
      reload={reload}
      words={LINK_WORDS}
      ready={(value) => <PartnerForm token={token} invitation={value} />}
    />
  );
}

function PartnerForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const submission = useSubmittableForm<Schemas['PartnerResponseReceiptDto']>();
  const [expired, setExpired] = useState(false);
  const words = usePageWords();
  const { t } = words;
  const { form, invitedBy } = invitation;
  const labels = {
    ...clientLabels(words),
    ...questionLabels(form),
    ...signatureLabels(form.consents, words),
  };

  if (expired) return <GoneLink words={LINK_WORDS.gone} />;
  if (submission.receipt) {
    return (
      <Layout title={t('reachOut.thanksTitle')}>
        <FocusedHeading>{t('intake.thanks')}</FocusedHeading>
        <CrisisResources resources={submission.receipt.resources ?? []} />
        <Reference reference={submission.receipt.reference} />
        <p>{t('partner.thanksText', { inviter: invitedBy })}</p>
      </Layout>
    );
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const values = submission.values;
    const answers = answersBody(form, values);
    // The key lets a retry after a lost answer get its receipt instead of "link used".
    const result = await submission.submit(
      (key) =>
        sendPartnerResponse(
          token,
          {
            client: clientBody(values),
            answers,
            consent: consentBody(values),
            signatures: signaturesBody(form.consents, values),
          },
          key,
        ),
      {
        pageErrors: [
          ...requiredErrors(values, requiredPaths(false)),
          ...unansweredRequired(form, answers),
        ],
        order: [...fieldOrder(form, false), ...signatureOrder(form.consents)],
      },
    );
    if (result?.kind === 'problem' && result.status === 410) setExpired(true);
  };

  return (
    <Layout title={form.title}>
      <h1>{form.title}</h1>
      <p className="lead">{t('partner.lead', { inviter: invitedBy })}</p>
      <p>{t('partner.until', { until: words.date(invitation.expiresAt) })}</p>
      <ErrorSummary
        errors={submission.fieldErrors}
        failure={submission.failure}
        failedAttempts={submission.failedAttempts}
        labelFor={(field) => labels[field]}
        kindFor={controlKindFor(form)}
      />
      <FormProvider value={submission.state}>
        <form
          noValidate
          autoComplete="off"
          onSubmit={(event) => void onSubmit(event)}
          aria-label={form.title}
        >
          <ClientFields />
          <FormSections form={form} couple />
          <ConsentSignatureFields documents={form.consents} />
          <ConsentFields />
          <SubmitButton sending={submission.sending}>{t('submit.sendAnswers')}</SubmitButton>
        </form>
      </FormProvider>
    </Layout>
  );
}

mount(<PartnerPage />);
