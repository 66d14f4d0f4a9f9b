import type {
  CreateUserRequest,
  EnterpriseView,
  Role,
  UnitView,
  UserAccount,
} from '@qinqing/domain';
import { useCallback, useEffect, useState } from 'react';

import { api, ApiError } from '../../services/api';
import { errorText } from '../../shared/errors';

/** A one-time password just issued: shown once, for the admin to hand over. */
export interface Issued {
  username: string;
  displayName: string;
  password: string;
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  unitId?: string;
  badgeNo: string;
  enterpriseId?: string;
  phone: string;
}

export const EMPTY_ACCOUNT: NewAccount = {
  username: '',
  displayName: '',
  role: 'officer',
  badgeNo: '',
  phone: '',
};

/** 账号管理 (admins): the accounts page by page, search, create, deactivate, new password. */
export function useUsers(enabled: boolean) {
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>(undefined);
  const [items, setItems] = useState<UserAccount[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState('');
  const [units, setUnits] = useState<UnitView[]>([]);
  const [firms, setFirms] = useState<EnterpriseView[]>([]);
  const [issued, setIssued] = useState<Issued | undefined>(undefined);
  const [busyId, setBusyId] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [creating, setCreating] = useState(false);

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
  async function create(account: NewAccount): Promise<boolean> {
    setCreating(true);
    setFormError('');
    setFieldErrors({});
    const body: CreateUserRequest = {
      username: account.username.trim(),
      displayName: account.displayName.trim(),
      role: account.role,
      ...(account.role === 'officer' || account.role === 'supervisor'
        ? { unitId: account.unitId }
        : {}),
      ...(account.role === 'officer' ? { badgeNo: account.badgeNo.trim() } : {}),
      ...(account.role === 'enterprise' && account.enterpriseId
        ? { enterpriseIds: [account.enterpriseId] }
        : {}),
      ...(account.phone.trim() ? { phone: account.phone.trim() } : {}),
    };
    try {
      const { user, oneTimePassword } = await api.createUser({ body });
      setIssued({
        username: user.username,
        displayName: user.displayName,
        password: oneTimePassword,
      });
      setItems((before) => [user, ...before]);
      return true;
    } catch (e) {
      if (e instanceof ApiError && Array.isArray(e.body.errors)) {
        const errors = e.body.errors as { field: string; message: string }[];
        setFieldErrors(Object.fromEntries(errors.map((f) => [f.field, f.message])));
      } else if (e instanceof ApiError && e.code === 'USERNAME_TAKEN') {
        setFieldErrors({ username: e.message });
      }
      setFormError(errorText(e));
      return false;
    } finally {
      setCreating(false);
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
  };
}
