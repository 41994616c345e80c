import { type FormEvent, useEffect, useState } from 'react';
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
  CLIENT_LABELS,
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

type Invitation = Schemas['PartnerInvitationViewDto'];

type Loaded =
  | { kind: 'loading' }
  | { kind: 'ready'; invitation: Invitation }
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
        Each partner link works once and for 14 days. If you have not answered yet, contact the
        practice and ask for a new link, quoting your partner’s reference if you have it.
      </p>
    </Layout>
  );
}

function UnknownLink() {
  return (
    <Layout title="Link not recognised">
      <h1>We do not recognise this link</h1>
      <p>
        Check that you opened the whole link from the email; some email programs split long links.
        If it still does not work, contact the practice.
      </p>
    </Layout>
  );
}

function PartnerPage() {
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token') ?? '');
  const [loaded, setLoaded] = useState<Loaded>(token ? { kind: 'loading' } : { kind: 'unknown' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!token) return;
    let current = true;
    void partnerInvitation(token).then((result) => {
      if (!current) return;
      if (result.kind === 'ok') setLoaded({ kind: 'ready', invitation: result.body });
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
        <Layout title="Your invitation">
          <h1>Your invitation</h1>
          <p role="status">Opening your invitation…</p>
        </Layout>
      );
    case 'unknown':
      return <UnknownLink />;
    case 'gone':
      return <ExpiredLink />;
    case 'failed':
      return (
        <Layout title="Your invitation">
          <h1>We could not open your invitation</h1>
          <p>Check your connection, then try again.</p>
          <button type="button" className="button" onClick={() => setAttempt((count) => count + 1)}>
            Try again
          </button>
        </Layout>
      );
    case 'ready':
      return <PartnerForm token={token} invitation={loaded.invitation} />;
  }
}

function PartnerForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const submission = useSubmittableForm<Schemas['PartnerResponseReceiptDto']>();
  const [expired, setExpired] = useState(false);
  const { form, invitedBy } = invitation;
  const labels = { ...CLIENT_LABELS, ...questionLabels(form), ...signatureLabels(form.consents) };

  if (expired) return <ExpiredLink />;
  if (submission.receipt) {
    return (
      <Layout title="Thank you">
        <FocusedHeading>Thank you, your answers are in</FocusedHeading>
        <CrisisResources resources={submission.receipt.resources ?? []} />
        <Reference reference={submission.receipt.reference} />
        <p>
          The practice now has both of your answers and will be in touch soon. {invitedBy} does not
          see what you wrote.
        </p>
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
      <p className="lead">
        {invitedBy} asked you to answer these questions for your first conversation with the
        practice. Your answers are private: {invitedBy} never sees them.
      </p>
      <p>
        This link works once, until {formatDate(invitation.expiresAt)}. All questions need an answer
        unless marked optional.
      </p>
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
          <SubmitButton sending={submission.sending}>Send my answers</SubmitButton>
        </form>
      </FormProvider>
    </Layout>
  );
}

mount(<PartnerPage />);
