import { type FormEvent, useState } from 'react';
import type { ApiFailure } from '../../../lib/api';
import type { FieldError } from '../../../../lib/problem';
import { CheckList, errorFor, TextField } from '../../../components/forms';
import { ErrorNotice, PageHeading, StatusMessage } from '../../../components/ui';
import { formatDateTime, SERVICE_NAMES, SERVICE_OPTIONS } from '../../../words';
import {
  type ConsentDocumentView,
  createConsentDocument,
  publishConsentVersion,
  refreshConsentDocuments,
  useConsentDocuments,
} from '../api';
import { t } from '../../../i18n/t';

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
      <label htmlFor={id}>{t('consents.body')}</label>
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
      onDone(
        t('consents.versionPublished', {
          version: String(result.body.version),
          slug: document.slug,
        }),
      );
    } else if (result.kind === 'invalid') setErrors(result.errors);
    else setFailure(result);
  };
  const id = `version-${document.slug}`;
  return (
    <form
      onSubmit={(event) => void submit(event)}
      aria-label={t('consents.newVersion', { slug: document.slug })}
    >
      <TextField
        id={`${id}-title`}
        field="title"
        label={t('consents.title')}
        value={title}
        onChange={setTitle}
        errors={errors}
        required
      />
      <BodyField id={`${id}-body`} value={body} onChange={setBody} errors={errors} />
      <ErrorNotice failure={failure} />
      <p className="hint">{t('consents.versionHint')}</p>
      <button type="submit" className="button" disabled={busy}>
        {t('consents.publishVersion', { version: String(document.version + 1) })}
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
      onDone(t('consents.published', { slug: result.body.slug }));
    } else if (result.kind === 'invalid') setErrors(result.errors);
    else setFailure(result);
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-label={t('consents.add')}>
      <TextField
        id="consent-slug"
        field="slug"
        label={t('consents.slug')}
        value={slug}
        onChange={setSlug}
        errors={errors}
        required
      />
      <TextField
        id="consent-title"
        field="title"
        label={t('consents.title')}
        value={title}
        onChange={setTitle}
        errors={errors}
        required
      />
      <BodyField id="consent-body" value={body} onChange={setBody} errors={errors} />
      <CheckList
        legend={t('consents.requiredFor')}
        options={SERVICE_OPTIONS}
        selected={requiredFor}
        onChange={(values) => setRequiredFor(values as ServiceType[])}
        error={errorFor(errors, 'requiredFor')}
      />
      <ErrorNotice failure={failure} />
      <button type="submit" className="button" disabled={busy}>
        {t('consents.publish')}
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
      <PageHeading title={t('consents.pageTitle')}>{t('consents.pageTitle')}</PageHeading>
      <p className="muted">{t('consents.lead')}</p>
      <StatusMessage>{message}</StatusMessage>
      <ErrorNotice failure={list.failure} />
      {list.items === null && !list.failure ? <p role="status">{t('shell.loadingShort')}</p> : null}
      {(list.items ?? []).map((document) => (
        <section key={document.slug} className="card" aria-labelledby={`doc-${document.slug}`}>
          <h2 id={`doc-${document.slug}`}>{document.title}</h2>
          <p className="muted">
            {t('consents.summary', {
              slug: document.slug,
              version: String(document.version),
              services: document.requiredFor
                .map((type) => SERVICE_NAMES[type as ServiceType])
                .join(', '),
              lang: document.lang,
            })}
          </p>
          <details>
            <summary>{t('consents.versions')}</summary>
            <ul>
              {document.versions.map((version) => (
                <li key={version.version}>
                  {t('consents.versionLine', {
                    version: String(version.version),
                    published: formatDateTime(version.publishedAt),
                    title: version.title,
                  })}{' '}
                  <span className="muted">
                    {t('consents.sha', { sha: version.textSha256.slice(0, 12) })}
                  </span>
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
              {t('consents.publishNew')}
            </button>
          )}
        </section>
      ))}
      <section className="card" aria-labelledby="add-consent">
        <h2 id="add-consent">{t('consents.addHeading')}</h2>
        {editing === 'new' ? (
          <AddDocument onDone={done} />
        ) : (
          <button type="button" className="button button--small" onClick={() => setEditing('new')}>
            {t('consents.add')}
          </button>
        )}
      </section>
    </>
  );
}
