import type { EnterpriseView, Role, UnitListItem, UserAccount } from '@qinqing/domain';
import { useCallback, useEffect, useState } from 'react';

import { api, ApiError } from '../../services/api';
import { errorText } from '../../shared/errors';
import { type AccountDraft, createBody, updateBody } from './account-draft';

/** A one-time password just issued: shown once, for the admin to hand over. */
export interface Issued {
  userId: string;
  username: string;
  displayName: string;
  password: string;
}

/**
 * 账号管理 (admins): the accounts page by page, search, create, edit (姓名, unit, 执法证号, firms,
 * phone), deactivate, new password.
 */
export function useUsers(enabled: boolean) {
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>(undefined);
  const [items, setItems] = useState<UserAccount[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState('');
  const [units, setUnits] = useState<UnitListItem[]>([]);
  const [firms, setFirms] = useState<EnterpriseView[]>([]);
  const [issued, setIssued] = useState<Issued | undefined>(undefined);
  const [busyId, setBusyId] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [editError, setEditError] = useState('');
  const [editFieldErrors, setEditFieldErrors] = useState<Record<string, string>>({});

  const load = useCallback(
    async (cursor?: string) => {
      setLoading(true);
      setError('');
      try {
        const page = await api.listUsers({
          query: { q: q.trim() || undefined, role, cursor, limit: 30 },
        });
        setItems((before) => (cursor ? [...before, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
      } catch (e) {
        setError(errorText(e));
      } finally {
        setLoading(false);
      }
    },
    [q, role],
  );

  useEffect(() => {
    if (!enabled) return;
    void load();
    // the search runs on 搜索 and on a change of role, not on every key
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, role]);

  useEffect(() => {
    if (!enabled) return;
    api.listUnits().then(
      (r) => setUnits(r.items),
      () => undefined,
    );
    api.listEnterprises().then(
      (r) => setFirms(r.items),
      () => undefined,
    );
  }, [enabled]);

  const replace = (user: UserAccount) =>
    setItems((before) => before.map((u) => (u.id === user.id ? user : u)));

  async function setActive(user: UserAccount, active: boolean): Promise<void> {
    setBusyId(user.id);
    setError('');
    try {
      replace(await api.updateUser({ params: { id: user.id }, body: { active } }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusyId(undefined);
    }
  }

  async function resetPassword(user: UserAccount): Promise<void> {
    setBusyId(user.id);
    setError('');
    try {
      const { oneTimePassword } = await api.resetUserPassword({ params: { id: user.id } });
      setIssued({
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        password: oneTimePassword,
      });
      replace({ ...user, mustChangePassword: true });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusyId(undefined);
    }
  }

  /** Creates the account; true when it was created (the form may be cleared). */
  async function create(draft: AccountDraft): Promise<boolean> {
    setCreating(true);
    setFormError('');
    setFieldErrors({});
    try {
      const { user, oneTimePassword } = await api.createUser({ body: createBody(draft) });
      setIssued({
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        password: oneTimePassword,
      });
      setItems((before) => [user, ...before]);
      return true;
    } catch (e) {
      setFieldErrors(fieldErrorsOf(e));
      setFormError(errorText(e));
      return false;
    } finally {
      setCreating(false);
    }
  }

  /** Saves what changed in the edit form; closes it when saved. */
  async function update(account: UserAccount, draft: AccountDraft): Promise<void> {
    setEditError('');
    setEditFieldErrors({});
    const body = updateBody(account, draft);
    if (Object.keys(body).length === 0) {
      setEditing(undefined);
      return;
    }
    setSaving(true);
    try {
      replace(await api.updateUser({ params: { id: account.id }, body }));
      setEditing(undefined);
    } catch (e) {
      setEditFieldErrors(fieldErrorsOf(e));
      setEditError(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  return {
    q,
    setQ,
    role,
    setRole,
    items,
    nextCursor,
    loading,
    error,
    search: () => void load(),
    loadMore: () => nextCursor && void load(nextCursor),
    units,
    firms,
    issued,
    dismissIssued: () => setIssued(undefined),
    busyId,
    setActive: (user: UserAccount, active: boolean) => void setActive(user, active),
    resetPassword: (user: UserAccount) => void resetPassword(user),
    create,
    creating,
    formError,
    fieldErrors,
    editing,
    edit: (id: string | undefined) => {
      setEditing(id);
      setEditError('');
      setEditFieldErrors({});
    },
    update: (account: UserAccount, draft: AccountDraft) => void update(account, draft),
    saving,
    editError,
    editFieldErrors,
  };
}

/** The API's errors by field (USERNAME_TAKEN names the username). */
function fieldErrorsOf(e: unknown): Record<string, string> {
  if (e instanceof ApiError && Array.isArray(e.body.errors)) {
    const errors = e.body.errors as { field: string; message: string }[];
    return Object.fromEntries(errors.map((f) => [f.field, f.message]));
  }
  if (e instanceof ApiError && e.code === 'USERNAME_TAKEN') return { username: e.message };
  return {};
}
