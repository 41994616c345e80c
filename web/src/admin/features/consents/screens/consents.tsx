import { type FormEvent, useState } from 'react';
import type { ApiFailure } from '../../../lib/api';
import type { FieldError } from '../../../../lib/problem';
import { CheckList, errorFor, TextField } from '../../../components/forms';
import { ErrorNotice, PageHeading, StatusMessage } from '../../../components/ui';
import { SERVICE_TYPES } from '../../../vocabulary';
import { formatDateTime, SERVICE_NAMES } from '../../../words';
import {
  type ConsentDocumentView,
  createConsentDocument,
  publishConsentVersion,
  refreshConsentDocuments,
  useConsentDocuments,
} from '../api';

type ServiceType = ConsentDocumentView['requiredFor'][number];

/** The body of a document: a textarea with its error tied to it. */
function BodyField({
  id,
  value,
  onChange,
  errors,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  errors: FieldError[];
}) {
  const error = errorFor(errors, 'body');
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>Text (Markdown: # headings, paragraphs, - lists)</label>
      <textarea
        id={id}
        rows={14}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Publishes a new version of one document, starting from its current text. */
function NewVersion({
  document,
  onDone,
}: {
  document: ConsentDocumentView;
  onDone: (message: string) => void;
}) {
  const [title, setTitle] = useState(document.title);
  const [body, setBody] = useState(document.body);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await publishConsentVersion(document.slug, { title, body });
    setBusy(false);
    if (result.kind === 'ok') {
      void refreshConsentDocuments();
      onDone(`Version ${result.body.version} of ${document.slug} is published.`);
    } else if (result.kind === 'invalid') setErrors(result.errors);
    else setFailure(result);
  };
  const id = `version-${document.slug}`;
  return (
    <form onSubmit={(event) => void submit(event)} aria-label={`New version of ${document.slug}`}>
      <TextField
        id={`${id}-title`}
        field="title"
        label="Title"
        value={title}
        onChange={setTitle}
        errors={errors}
        required
      />
      <BodyField id={`${id}-body`} value={body} onChange={setBody} errors={errors} />
      <ErrorNotice failure={failure} />
      <p className="hint">
        Published versions never change. Forms ask for the new version from now on; what was signed
        before keeps its own version.
      </p>
      <button type="submit" className="button" disabled={busy}>
        Publish version {document.version + 1}
      </button>
    </form>
  );
}

function AddDocument({ onDone }: { onDone: (message: string) => void }) {
  const [slug, setSlug] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [requiredFor, setRequiredFor] = useState<ServiceType[]>(['individual', 'couples']);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const result = await createConsentDocument({ slug, title, body, requiredFor, lang: 'en' });
    setBusy(false);
    if (result.kind === 'ok') {
      void refreshConsentDocuments();
      onDone(`${result.body.slug} is published.`);
    } else if (result.kind === 'invalid') setErrors(result.errors);
    else setFailure(result);
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Add a consent document">
      <TextField
        id="consent-slug"
        field="slug"
        label="Short name (lower-case letters, digits, hyphens)"
        value={slug}
        onChange={setSlug}
        errors={errors}
        required
      />
      <TextField
        id="consent-title"
        field="title"
        label="Title"
        value={title}
        onChange={setTitle}
        errors={errors}
        required
      />
      <BodyField id="consent-body" value={body} onChange={setBody} errors={errors} />
      <CheckList
        legend="Required for"
        options={SERVICE_TYPES.map((type) => [type, SERVICE_NAMES[type]] as const)}
        selected={requiredFor}
        onChange={(values) => setRequiredFor(values as ServiceType[])}
        error={errorFor(errors, 'requiredFor')}
      />
      <ErrorNotice failure={failure} />
      <button type="submit" className="button" disabled={busy}>
        Publish
      </button>
    </form>
  );
}

/** Consent documents clients sign with their intake (admin only). */
export function ConsentsPage() {
  const list = useConsentDocuments();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [message, setMessage] = useState('');
  const done = (text: string) => {
    setEditing(null);
    setMessage(text);
  };
  return (
    <>
      <PageHeading title="Consent documents">Consent documents</PageHeading>
      <p className="muted">
        What clients read and sign with their intake. Each signature keeps the version and a SHA-256
        of the exact text signed.
      </p>
      <StatusMessage>{message}</StatusMessage>
      <ErrorNotice failure={list.failure} />
      {list.items === null && !list.failure ? <p role="status">Loading…</p> : null}
      {(list.items ?? []).map((document) => (
        <section key={document.slug} className="card" aria-labelledby={`doc-${document.slug}`}>
          <h2 id={`doc-${document.slug}`}>{document.title}</h2>
          <p className="muted">
            {document.slug} · version {document.version} · required for{' '}
            {document.requiredFor.map((type) => SERVICE_NAMES[type as ServiceType]).join(', ')} ·{' '}
            {document.lang}
          </p>
          <details>
            <summary>Versions</summary>
            <ul>
              {document.versions.map((version) => (
                <li key={version.version}>
                  Version {version.version}, {formatDateTime(version.publishedAt)}: {version.title}{' '}
                  <span className="muted">SHA-256 {version.textSha256.slice(0, 12)}…</span>
                </li>
              ))}
            </ul>
          </details>
          {editing === document.slug ? (
            <NewVersion document={document} onDone={done} />
          ) : (
            <button
              type="button"
              className="button button--small"
              onClick={() => setEditing(document.slug)}
            >
              Publish a new version
            </button>
          )}
        </section>
      ))}
      <section className="card" aria-labelledby="add-consent">
        <h2 id="add-consent">Add a document</h2>
        {editing === 'new' ? (
          <AddDocument onDone={done} />
        ) : (
          <button type="button" className="button button--small" onClick={() => setEditing('new')}>
            Add a consent document
          </button>
        )}
      </section>
    </>
  );
}
