import { type FormEvent, useState } from 'react';
import type { Schemas } from '../api/client';
import { paperwork, signPaperwork } from './api';
import { FormProvider, useSubmittableForm } from './components/form-context';
import {
  ConsentSignatureFields,
  signatureLabels,
  signatureOrder,
  signaturesBody,
} from './components/consent-signatures';
import { GoneLink, type LinkWords, LinkStates } from './components/link-states';
import { ErrorSummary, FocusedHeading, Layout, SubmitButton } from './components/page-parts';
import { useTokenLink } from './components/token-link';
import { usePageWords } from './i18n/page-language';
import { mount } from './mount';

type Paperwork = Schemas['PaperworkView'];

const LINK_WORDS: LinkWords = {
  title: 'sign.heading',
  loading: 'paperwork.loading',
  failed: 'paperwork.failed',
  gone: { title: 'link.usedTitle', heading: 'link.used', text: 'paperwork.usedText' },
};

function PaperworkPage() {
  const { token, loaded, reload } = useTokenLink(paperwork);
  return (
    <LinkStates
      loaded={loaded}
      reload={reload}
      words={LINK_WORDS}
      ready={(value) => <PaperworkForm token={token} paperwork={value} />}
    />
  );
}

function PaperworkForm({ token, paperwork }: { token: string; paperwork: Paperwork }) {
  const submission = useSubmittableForm<Schemas['PaperworkReceiptView']>();
  const [expired, setExpired] = useState(false);
  const words = usePageWords();
  const { t } = words;
  const { documents } = paperwork;
  const labels = signatureLabels(documents, words);

  if (expired) return <GoneLink words={LINK_WORDS.gone} />;
  if (submission.receipt) {
    return (
      <Layout title={t('paperwork.thanksTitle')}>
        <FocusedHeading>{t('paperwork.thanks')}</FocusedHeading>
        <p>{t('paperwork.thanksText')}</p>
      </Layout>
    );
  }
  if (documents.length === 0) {
    return (
      <Layout title={t('paperwork.nothingTitle')}>
        <h1>{t('paperwork.nothing')}</h1>
        <p>{t('paperwork.nothingText')}</p>
      </Layout>
    );
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await submission.submit(
      () => signPaperwork(token, { signatures: signaturesBody(documents, submission.values) }),
      { order: signatureOrder(documents) },
    );
    if (result?.kind === 'problem' && result.status === 410) setExpired(true);
  };

  return (
    <Layout title={t('sign.heading')}>
      <h1>{t('sign.heading')}</h1>
      <p className="lead">{t('paperwork.lead', { until: words.date(paperwork.expiresAt) })}</p>
      <ErrorSummary
        errors={submission.fieldErrors}
        failure={submission.failure}
        failedAttempts={submission.failedAttempts}
        labelFor={(field) => labels[field]}
        kindFor={() => 'input'}
      />
      <FormProvider value={submission.state}>
        <form noValidate onSubmit={(event) => void onSubmit(event)} aria-label={t('sign.heading')}>
          <ConsentSignatureFields documents={documents} heading={t('paperwork.yours')} />
          <SubmitButton sending={submission.sending}>{t('paperwork.sign')}</SubmitButton>
        </form>
      </FormProvider>
    </Layout>
  );
}

mount(<PaperworkPage />);
