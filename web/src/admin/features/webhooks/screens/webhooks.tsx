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

type WebhookEvent = Schemas['CreateWebhookDto']['events'][number];

const EVENTS = [
  ['lead.created', 'lead.created: a new lead'],
  ['intake.completed', 'intake.completed: both partners answered'],
  ['lead.status_changed', 'lead.status_changed: a status move'],
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
      setMessage('The subscription is deleted.');
      void refreshWebhooks();
    } else setFailure(result);
  };

  return (
    <>
      <PageHeading title="Webhooks">Webhooks</PageHeading>
      <p className="muted">
        Each delivery is signed with the subscription&apos;s secret (Webhook-Signature) and holds no
        personal data.
      </p>
      {secret ? (
        <div className="notice notice--success" role="status">
          <p>
            Subscribed {secret.url}. Its secret, shown only this once: store it with the receiver
            now.
          </p>
          <p className="secret">
            <code>{secret.secret}</code>
          </p>
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => setSecret(null)}
          >
            I have stored it
          </button>
        </div>
      ) : null}
      <StatusMessage>{message}</StatusMessage>
      <ErrorNotice failure={failure} />
      {editing === null ? (
        <button type="button" className="button button--small" onClick={() => setEditing('new')}>
          Add a subscription
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
            setMessage('The subscription is saved.');
            void refreshWebhooks();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <ListScreen
        list={list}
        what="subscriptions"
        failureWhat="Webhooks"
        empty={<p>No subscriptions yet.</p>}
      >
        {(items) => (
          <ul className="plain-list">
            {items.map((webhook) => (
              <li key={webhook.id} className="card">
                <p className="wrap-anywhere">
                  <strong>{webhook.url}</strong>{' '}
                  {webhook.active ? '' : <span className="badge">Paused</span>}
                </p>
                <p className="muted">
                  {webhook.events.join(', ')} · since {formatDateTime(webhook.createdAt)}
                </p>
                <div className="actions">
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    onClick={() => setEditing(webhook)}
                  >
                    Edit<span className="visually-hidden"> {webhook.url}</span>
                  </button>
                  {deleting === webhook.id ? (
                    <>
                      <button
                        type="button"
                        className="button button--small button--danger"
                        onClick={() => void remove(webhook)}
                      >
                        Yes, delete it and its delivery history
                      </button>
                      <button
                        type="button"
                        className="button button--small button--quiet"
                        onClick={() => setDeleting(null)}
                      >
                        Cancel
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      onClick={() => setDeleting(webhook.id)}
                    >
                      Delete…<span className="visually-hidden"> {webhook.url}</span>
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
      <h2 id="webhook-form-heading">{webhook ? 'Edit subscription' : 'Add a subscription'}</h2>
      <ErrorNotice failure={form.failure} />
      <TextField
        id="url"
        label="URL"
        type="url"
        registration={form.register('url')}
        errors={form.errors}
        hint="https://… of the receiver"
      />
      <CheckList
        legend="Events"
        options={EVENTS}
        selected={events}
        onChange={(selected) => form.setValue('events', selected as WebhookEvent[])}
        error={errorFor(form.errors, 'events')}
      />
      {webhook ? (
        <>
          <label className="check">
            <input type="checkbox" {...form.register('active')} />
            Active (unticked pauses deliveries)
          </label>
          <TextField
            id="secret"
            label="New secret (optional, to rotate it)"
            hint="32 to 200 visible characters; not shown again."
            registration={form.register('secret')}
            errors={form.errors}
          />
        </>
      ) : (
        <p className="muted">A secret is generated and shown once after saving.</p>
      )}
      <div className="actions">
        <button type="submit" className="button button--small">
          {webhook ? 'Save' : 'Subscribe'}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
