import type { UnitListItem } from '@qinqing/domain';
import { useCallback, useEffect, useState } from 'react';

import { api, ApiError } from '../../services/api';
import { errorText } from '../../shared/errors';

/** What the admin is told when a change fails; UNIT_IN_USE with what still hangs on the unit. */
export function unitErrorText(e: unknown): string {
  if (e instanceof ApiError && e.code === 'UNIT_IN_USE') {
    const accounts = Number(e.body.activeAccounts ?? 0);
    const children = Number(e.body.activeChildUnits ?? 0);
    const still = [
      accounts > 0 ? `${accounts} 个在用账号` : '',
      children > 0 ? `${children} 个未撤销的下级单位` : '',
    ].filter(Boolean);
    const first = [
      accounts > 0 ? '把人员调到其他单位（或停用账号）' : '',
      children > 0 ? '撤销下级单位' : '',
    ].filter(Boolean);
    return `该单位还有 ${still.join('、')}，不能撤销。请先${first.join('、')}。`;
  }
  if (e instanceof ApiError && Array.isArray(e.body.errors) && e.body.errors.length > 0) {
    return (e.body.errors as { message: string }[]).map((f) => f.message).join('；');
  }
  return errorText(e);
}

type Change = { name?: string; parentId?: string | null; active?: boolean };

/** 单位管理 (admins): the unit tree, a new unit, and renaming, moving, retiring a unit. */
export function useUnits(enabled: boolean) {
  const [units, setUnits] = useState<UnitListItem[]>([]);
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState('');
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState('');
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [editError, setEditError] = useState('');
  const [done, setDone] = useState('');

  const load = useCallback(async () => {
    setLoading(true);
    setError('');
    try {
      setUnits((await api.listUnits()).items);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (enabled) void load();
  }, [enabled, load]);

  /** Creates a unit; true when it was created (the form may be cleared). */
  async function create(name: string, parentId: string | undefined): Promise<boolean> {
    setCreateError('');
    setDone('');
    if (!name.trim()) {
      setCreateError('请输入单位名称。');
      return false;
    }
    setCreating(true);
    try {
      const unit = await api.createUnit({
        body: { name: name.trim(), parentId: parentId ?? null },
      });
      setDone(`已新建单位“${unit.name}”。`);
      await load();
      return true;
    } catch (e) {
      setCreateError(unitErrorText(e));
      return false;
    } finally {
      setCreating(false);
    }
  }

  async function change(unit: UnitListItem, body: Change, what: string): Promise<void> {
    setBusy(true);
    setEditError('');
    setDone('');
    try {
      await api.updateUnit({ params: { id: unit.id }, body });
      setDone(`已${what}“${body.name ?? unit.name}”。`);
      setEditing(undefined);
      await load();
    } catch (e) {
      setEditError(unitErrorText(e));
    } finally {
      setBusy(false);
    }
  }

  return {
    units,
    loading,
    error,
    reload: () => void load(),
    create,
    creating,
    createError,
    done,
    editing,
    edit: (id: string | undefined) => {
      setEditing(id);
      setEditError('');
    },
    busy,
    editError,
    rename: (unit: UnitListItem, name: string) =>
      name.trim()
        ? void change(unit, { name: name.trim() }, '改名为')
        : setEditError('请输入单位名称。'),
    move: (unit: UnitListItem, parentId: string | null) => void change(unit, { parentId }, '移动'),
    retire: (unit: UnitListItem) => void change(unit, { active: false }, '撤销'),
    restore: (unit: UnitListItem) => void change(unit, { active: true }, '恢复'),
  };
}
