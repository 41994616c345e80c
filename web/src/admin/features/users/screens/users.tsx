import { useState } from 'react';

import type { ApiFailure } from '../../../lib/api';
import { ListScreen } from '../../../components/list-screen';
import { inviteUser, refreshUsers, resendInvitation, resetMfa, updateUser, useUsers } from '../api';
import { TextField } from '../../../components/forms';
import { useStaffForm } from '../../../lib/forms';
import { DataTable, ErrorNotice, PageHeading, StatusMessage } from '../../../components/ui';
import { useSession } from '../../../session';
import type { Role, UserView } from '../../../../api/types';
import { formatDateTime, ROLE_NAMES } from '../../../words';
import { t, tRich } from '../../../i18n/t';

const ROLES: Role[] = ['admin', 'coordinator', 'clinician'];

/**
 * Staff accounts (admin only): invite, change role, deactivate, send the invitation again,
 * reset two-factor sign-in for someone who lost their authenticator and recovery codes.
 */
export function UsersPage() {
  const session = useSession();
  const list = useUsers();
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const update = async (user: UserView, body: { role?: Role; active?: boolean }, said: string) => {
    setFailure(null);
    const result = await updateUser(user.id, body);
    if (result.kind === 'ok') {
      setMessage(said);
      void refreshUsers();
    } else setFailure(result);
  };
  const resend = async (user: UserView) => {
    setFailure(null);
    const result = await resendInvitation(user.id);
    if (result.kind === 'ok')
      setMessage(
        t('users.resent', {
          email: user.email,
          until: formatDateTime(result.body.expiresAt),
        }),
      );
    else setFailure(result);
  };

  const resetTwoFactor = async (user: UserView) => {
    const sure = window.confirm(t('users.resetMfa.confirm', { name: user.name }));
    if (!sure) return;
    setFailure(null);
    const result = await resetMfa(user.id);
    if (result.kind === 'ok') {
      setMessage(t('users.resetMfa.done', { name: user.name }));
      void refreshUsers();
    } else setFailure(result);
  };

  return (
    <>
      <PageHeading title={t('users.title')}>{t('users.title')}</PageHeading>
      <Invite
        onInvited={(user) => {
          setMessage(t('users.invited', { name: user.name, email: user.email }));
          void refreshUsers();
        }}
      />
      <StatusMessage>{message}</StatusMessage>
      <ErrorNotice failure={failure} />
      <ListScreen
        list={list}
        what={t('users.what')}
        failureWhat={t('users.title')}
        empty={<p>{t('users.empty')}</p>}
      >
        {(items) => (
          <DataTable
            columns={[t('users.name'), t('users.role'), t('users.account'), t('users.lastSignIn')]}
            actions={t('users.actions')}
          >
            {items.map((user) => (
              <tr key={user.id} className={user.active ? '' : 'inactive'}>
                <th scope="row">
                  {user.name}
                  <div className="muted">{user.email}</div>
                </th>
                <td>
                  <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                    {t('users.roleOf', { name: user.name })}
                  </label>
                  <select
                    id={`role-${user.id}`}
                    value={user.role}
                    disabled={user.id === session.me.user.id}
                    onChange={(event) =>
                      void update(
                        user,
                        { role: event.target.value as Role },
                        t('users.roleChanged', {
                          name: user.name,
                          role: ROLE_NAMES[event.target.value] ?? event.target.value,
                        }),
                      )
                    }
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_NAMES[role]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {t('users.state', {
                    active: user.active ? 'yes' : 'no',
                    invited: user.passwordSet ? 'no' : 'yes',
                    mfa: user.mfaEnabled ? 'yes' : 'no',
                  })}
                </td>
                <td>{formatDateTime(user.lastLoginAt)}</td>
                <td className="row-actions">
                  {!user.passwordSet && user.active ? (
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      onClick={() => void resend(user)}
                    >
                      {tRich('users.resend', {
                        name: user.name,
                      })}
                    </button>
                  ) : null}
                  {user.mfaEnabled && user.id !== session.me.user.id ? (
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      onClick={() => void resetTwoFactor(user)}
                    >
                      {tRich('users.resetMfa', {
                        name: user.name,
                      })}
                    </button>
                  ) : null}
                  {user.id !== session.me.user.id ? (
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      onClick={() =>
                        void update(
                          user,
                          { active: !user.active },
                          t(user.active ? 'users.deactivated' : 'users.reactivated', {
                            name: user.name,
                          }),
                        )
                      }
                    >
                      {tRich(user.active ? 'users.deactivate' : 'users.reactivate', {
                        name: user.name,
                      })}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListScreen>
    </>
  );
}

interface Invitation {
  name: string;
  email: string;
  role: Role;
}

function Invite({ onInvited }: { onInvited: (user: UserView) => void }) {
  const [open, setOpen] = useState(false);
  const form = useStaffForm<Invitation>({ name: '', email: '', role: 'coordinator' });
  const submit = form.submitWith(inviteUser, (user) => {
    setOpen(false);
    form.reset();
    onInvited(user);
  });
  if (!open) {
    return (
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        {t('users.invite')}
      </button>
    );
  }
  return (
    <form className="card form-card" onSubmit={submit} noValidate aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('users.invite')}</h2>
      <p className="muted">{t('users.invite.hint')}</p>
      <ErrorNotice failure={form.failure} />
      <TextField
        id="name"
        label={t('users.name')}
        registration={form.register('name')}
        errors={form.errors}
        required
      />
      <TextField
        id="email"
        label={t('users.email')}
        type="email"
        registration={form.register('email')}
        errors={form.errors}
        required
      />
      <div className="field">
        <label htmlFor="invite-role">{t('users.role')}</label>
        <select id="invite-role" {...form.register('role')}>
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {ROLE_NAMES[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="submit" className="button button--small">
          {t('users.invite.send')}
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => setOpen(false)}
        >
          {t('shell.cancel')}
        </button>
      </div>
    </form>
  );
}
