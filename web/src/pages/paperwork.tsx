import { type FormEvent, useEffect, useState } from 'react';
import type { Schemas } from '../api/client';
import { paperwork, signPaperwork } from './api';
import { FormProvider, useSubmittableForm } from './components/form-context';
import {
  ConsentSignatureFields,
  signatureLabels,
  signatureOrder,
  signaturesBody,
} from './components/consent-signatures';
import { ErrorSummary, FocusedHeading, Layout, SubmitButton } from './components/page-parts';
import { mount } from './mount';

type Paperwork = Schemas['PaperworkView'];

type Loaded =
  | { kind: 'loading' }
  | { kind: 'ready'; paperwork: Paperwork }
  | { kind: 'unknown' }
  | { kind: 'gone' }
  | { kind: 'failed' };

const formatDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' });

function ExpiredLink() {
  return (
    <Layout title="Link expired or used">
      <FocusedHeading>This link has expired or was used</FocusedHeading>
      <p>
        Each link to sign documents works once and for 14 days. If there is still something to sign,
        contact the practice and ask for a new link.
      </p>
    </Layout>
  );
}

function PaperworkPage() {
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token') ?? '');
  const [loaded, setLoaded] = useState<Loaded>(token ? { kind: 'loading' } : { kind: 'unknown' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!token) return;
    let current = true;
    void paperwork(token).then((result) => {
      if (!current) return;
      if (result.kind === 'ok') setLoaded({ kind: 'ready', paperwork: result.body });
      else if (result.kind === 'problem' && result.status === 404) setLoaded({ kind: 'unknown' });
      else if (result.kind === 'problem' && result.status === 410) setLoaded({ kind: 'gone' });
      else setLoaded({ kind: 'failed' });
    });
    return () => {
      current = false;
    };
  }, [token, attempt]);

  switch (loaded.kind) {
    case 'loading':
      return (
        <Layout title="Documents to sign">
          <h1>Documents to sign</h1>
          <p role="status">Opening your documents…</p>
        </Layout>
      );
    case 'unknown':
      return (
        <Layout title="Link not recognised">
          <h1>We do not recognise this link</h1>
          <p>
            Check that you opened the whole link from the email; some email programs split long
            links. If it still does not work, contact the practice.
          </p>
        </Layout>
      );
    case 'gone':
      return <ExpiredLink />;
    case 'failed':
      return (
        <Layout title="Documents to sign">
          <h1>We could not open your documents</h1>
          <p>Check your connection, then try again.</p>
          <button type="button" className="button" onClick={() => setAttempt((count) => count + 1)}>
            Try again
          </button>
        </Layout>
      );
    case 'ready':
      return <PaperworkForm token={token} paperwork={loaded.paperwork} />;
  }
}

function PaperworkForm({ token, paperwork }: { token: string; paperwork: Paperwork }) {
  const submission = useSubmittableForm<Schemas['PaperworkReceiptView']>();
  const [expired, setExpired] = useState(false);
  const { documents } = paperwork;
  const labels = signatureLabels(documents);

  if (expired) return <ExpiredLink />;
  if (submission.receipt) {
    return (
      <Layout title="Thank you">
        <FocusedHeading>Thank you, your documents are signed</FocusedHeading>
        <p>The practice has your signed documents. You can close this page.</p>
      </Layout>
    );
  }
  if (documents.length === 0) {
    return (
      <Layout title="Nothing to sign">
        <h1>Nothing left to sign</h1>
        <p>Everything the practice asked for is signed already. You can close this page.</p>
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
    <Layout title="Documents to sign">
      <h1>Documents to sign</h1>
      <p className="lead">
        The practice asks you to read and sign the documents below. This link works once, until{' '}
        {formatDate(paperwork.expiresAt)}.
      </p>
      <ErrorSummary
        errors={submission.fieldErrors}
        failure={submission.failure}
        failedAttempts={submission.failedAttempts}
        labelFor={(field) => labels[field]}
        kindFor={() => 'input'}
      />
      <FormProvider value={submission.state}>
        <form noValidate onSubmit={(event) => void onSubmit(event)} aria-label="Documents to sign">
          <ConsentSignatureFields documents={documents} heading="Your documents" />
          <SubmitButton sending={submission.sending}>Sign</SubmitButton>
        </form>
      </FormProvider>
    </Layout>
  );
}

mount(<PaperworkPage />);
