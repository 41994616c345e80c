import { useState } from 'react';

import type { ApiFailure } from '../../../lib/api';
import { ListScreen } from '../../../components/list-screen';
import { useStaffForm } from '../../../lib/forms';
import { createWebhook, deleteWebhook, refreshWebhooks, updateWebhook, useWebhooks } from '../api';
import { CheckList, errorFor, TextField } from '../../../components/forms';
import { ErrorNotice, PageHeading, StatusMessage } from '../../../components/ui';
import type { Schemas } from '../../../../api/client';
import type { WebhookView } from '../../../../api/types';
import { formatDateTime } from '../../../words';
import { t, tRich } from '../../../i18n/t';

type WebhookEvent = Schemas['CreateWebhookDto']['events'][number];

const EVENTS = [
  ['lead.created', t('webhooks.event.leadCreated')],
  ['intake.completed', t('webhooks.event.intakeCompleted')],
  ['lead.status_changed', t('webhooks.event.statusChanged')],
] as const;

/** Webhook subscriptions (admin only); the secret is shown once, when created. */
export function WebhooksPage() {
  const list = useWebhooks();
  const [editing, setEditing] = useState<WebhookView | 'new' | null>(null);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  const remove = async (webhook: WebhookView) => {
    setFailure(null);
    const result = await deleteWebhook(webhook.id);
    setDeleting(null);
    if (result.kind === 'ok') {
      setMessage(t('webhooks.deleted'));
      void refreshWebhooks();
    } else setFailure(result);
  };

  return (
    <>
      <PageHeading title={t('webhooks.title')}>{t('webhooks.title')}</PageHeading>
      <p className="muted">{t('webhooks.lead')}</p>
      {secret ? (
        <div className="notice notice--success" role="status">
          <p>{t('webhooks.subscribed', { url: secret.url })}</p>
          <p className="secret">
            <code>{secret.secret}</code>
          </p>
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => setSecret(null)}
          >
            {t('webhooks.stored')}
          </button>
        </div>
      ) : null}
      <StatusMessage>{message}</StatusMessage>
      <ErrorNotice failure={failure} />
      {editing === null ? (
        <button type="button" className="button button--small" onClick={() => setEditing('new')}>
          {t('webhooks.add')}
        </button>
      ) : (
        <WebhookForm
          key={editing === 'new' ? 'new' : editing.id}
          webhook={editing === 'new' ? null : editing}
          onCreated={(url, created) => {
            setEditing(null);
            setSecret({ url, secret: created });
            void refreshWebhooks();
          }}
          onSaved={() => {
            setEditing(null);
            setMessage(t('webhooks.saved'));
            void refreshWebhooks();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <ListScreen
        list={list}
        what={t('webhooks.what')}
        failureWhat={t('webhooks.title')}
        empty={<p>{t('webhooks.empty')}</p>}
      >
        {(items) => (
          <ul className="plain-list">
            {items.map((webhook) => (
              <li key={webhook.id} className="card">
                <p className="wrap-anywhere">
                  <strong>{webhook.url}</strong>{' '}
                  {webhook.active ? '' : <span className="badge">{t('webhooks.paused')}</span>}
                </p>
                <p className="muted">
                  {t('webhooks.since', {
                    events: webhook.events.join(', '),
                    since: formatDateTime(webhook.createdAt),
                  })}
                </p>
                <div className="actions">
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    onClick={() => setEditing(webhook)}
                  >
                    {tRich('webhooks.edit', {
                      url: webhook.url,
                    })}
                  </button>
                  {deleting === webhook.id ? (
                    <>
                      <button
                        type="button"
                        className="button button--small button--danger"
                        onClick={() => void remove(webhook)}
                      >
                        {t('webhooks.confirmDelete')}
                      </button>
                      <button
                        type="button"
                        className="button button--small button--quiet"
                        onClick={() => setDeleting(null)}
                      >
                        {t('shell.cancel')}
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      onClick={() => setDeleting(webhook.id)}
                    >
                      {tRich('webhooks.delete', {
                        url: webhook.url,
                      })}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </ListScreen>
    </>
  );
}

interface WebhookDraft {
  url: string;
  events: WebhookEvent[];
  active: boolean;
  /** A new secret, to rotate it; empty keeps the current one. */
  secret: string;
}

function WebhookForm({
  webhook,
  onCreated,
  onSaved,
  onCancel,
}: {
  webhook: WebhookView | null;
  onCreated: (url: string, secret: string) => void;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const form = useStaffForm<WebhookDraft>({
    url: webhook?.url ?? '',
    events: (webhook?.events ?? ['lead.created']) as WebhookEvent[],
    active: webhook?.active ?? true,
    secret: '',
  });
  const submit = webhook
    ? form.submitWith(
        ({ url, events, active, secret }) =>
          updateWebhook(webhook.id, { url, events, active, ...(secret ? { secret } : {}) }),
        onSaved,
      )
    : form.submitWith(
        ({ url, events }) => createWebhook({ url, events }),
        (created) => onCreated(created.url, created.secret),
      );
  const events = form.watch('events');
  return (
    <form
      className="card form-card"
      onSubmit={submit}
      noValidate
      aria-labelledby="webhook-form-heading"
    >
      <h2 id="webhook-form-heading">{webhook ? t('webhooks.form.edit') : t('webhooks.add')}</h2>
      <ErrorNotice failure={form.failure} />
      <TextField
        id="url"
        label={t('webhooks.form.url')}
        type="url"
        registration={form.register('url')}
        errors={form.errors}
        hint={t('webhooks.form.urlHint')}
      />
      <CheckList
        legend={t('webhooks.form.events')}
        options={EVENTS}
        selected={events}
        onChange={(selected) => form.setValue('events', selected as WebhookEvent[])}
        error={errorFor(form.errors, 'events')}
      />
      {webhook ? (
        <>
          <label className="check">
            <input type="checkbox" {...form.register('active')} />
            {t('webhooks.form.active')}
          </label>
          <TextField
            id="secret"
            label={t('webhooks.form.secret')}
            hint={t('webhooks.form.secretHint')}
            registration={form.register('secret')}
            errors={form.errors}
          />
        </>
      ) : (
        <p className="muted">{t('webhooks.form.secretGenerated')}</p>
      )}
      <div className="actions">
        <button type="submit" className="button button--small">
          {webhook ? t('webhooks.form.save') : t('webhooks.form.subscribe')}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onCancel}>
          {t('shell.cancel')}
        </button>
      </div>
    </form>
  );
}
