import { useState } from 'react';

import type { ApiFailure } from '../../../lib/api';
import { ListScreen } from '../../../components/list-screen';
import { inviteUser, refreshUsers, resendInvitation, resetMfa, updateUser, useUsers } from '../api';
import { TextField } from '../../../components/forms';
import { useStaffForm } from '../../../lib/forms';
import { ErrorNotice, PageHeading, StatusMessage } from '../../../components/ui';
import { useSession } from '../../../session';
import type { Role, UserView } from '../../../../api/types';
import { formatDateTime, ROLE_NAMES } from '../../../words';

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
        `A new invitation went to ${user.email}; it works until ${formatDateTime(result.body.expiresAt)}.`,
      );
    else setFailure(result);
  };

  const resetTwoFactor = async (user: UserView) => {
    const sure = window.confirm(
      `Reset two-factor sign-in for ${user.name}? Their authenticator app and recovery codes ` +
        'stop working and every session of theirs ends; they set it up again at their next sign-in.',
    );
    if (!sure) return;
    setFailure(null);
    const result = await resetMfa(user.id);
    if (result.kind === 'ok') {
      setMessage(`Two-factor sign-in of ${user.name} is reset; their sessions have ended.`);
      void refreshUsers();
    } else setFailure(result);
  };

  return (
    <>
      <PageHeading title="Users">Users</PageHeading>
      <Invite
        onInvited={(user) => {
          setMessage(`${user.name} is invited: the link went to ${user.email}.`);
          void refreshUsers();
        }}
      />
      <StatusMessage>{message}</StatusMessage>
      <ErrorNotice failure={failure} />
      <ListScreen list={list} what="users" failureWhat="Users" empty={<p>No users yet.</p>}>
        {(items) => (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Account</th>
                  <th scope="col">Last sign-in</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((user) => (
                  <tr key={user.id} className={user.active ? '' : 'inactive'}>
                    <th scope="row">
                      {user.name}
                      <div className="muted">{user.email}</div>
                    </th>
                    <td>
                      <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                        Role of {user.name}
                      </label>
                      <select
                        id={`role-${user.id}`}
                        value={user.role}
                        disabled={user.id === session.me.user.id}
                        onChange={(event) =>
                          void update(
                            user,
                            { role: event.target.value as Role },
                            `${user.name} is now ${ROLE_NAMES[event.target.value]}.`,
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
                      {user.active ? 'Active' : 'Deactivated'}
                      {user.passwordSet ? '' : ', invitation not accepted'}
                      {user.mfaEnabled ? ', two-factor on' : ''}
                    </td>
                    <td>{formatDateTime(user.lastLoginAt)}</td>
                    <td className="row-actions">
                      {!user.passwordSet && user.active ? (
                        <button
                          type="button"
                          className="button button--small button--quiet"
                          onClick={() => void resend(user)}
                        >
                          Resend invitation<span className="visually-hidden"> to {user.name}</span>
                        </button>
                      ) : null}
                      {user.mfaEnabled && user.id !== session.me.user.id ? (
                        <button
                          type="button"
                          className="button button--small button--quiet"
                          onClick={() => void resetTwoFactor(user)}
                        >
                          Reset two-factor<span className="visually-hidden"> of {user.name}</span>
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
                              user.active
                                ? `${user.name} is deactivated.`
                                : `${user.name} is active again.`,
                            )
                          }
                        >
                          {user.active ? 'Deactivate' : 'Reactivate'}
                          <span className="visually-hidden"> {user.name}</span>
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
        Invite a user
      </button>
    );
  }
  return (
    <form className="card form-card" onSubmit={submit} noValidate aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite a user</h2>
      <p className="muted">They get an email with a link to choose a password (valid 72 hours).</p>
      <ErrorNotice failure={form.failure} />
      <TextField
        id="name"
        label="Name"
        registration={form.register('name')}
        errors={form.errors}
        required
      />
      <TextField
        id="email"
        label="Email"
        type="email"
        registration={form.register('email')}
        errors={form.errors}
        required
      />
      <div className="field">
        <label htmlFor="invite-role">Role</label>
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
          Send invitation
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => setOpen(false)}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
