import type { CheckInPolicy, CreditGrade, Purpose } from '@qinqing/domain';
import { useEffect, useMemo, useState } from 'react';

import { api, ApiError } from '../../services/api';
import { errorText } from '../../shared/errors';
import { useRequest } from '../../shared/request';
import { bodyOf, toggleCompared, type PolicyVersionView } from './diff';
import {
  EMPTY_QUIET,
  fromForm,
  toForm,
  type FormErrors,
  type PolicyForm,
  type PurposeKey,
  type QuietDraft,
} from './fields';

export function fetchPolicyVersions(): Promise<PolicyVersionView[]> {
  return api.request<PolicyVersionView[]>('GET', '/api/v1/policy/versions');
}

function savePolicy(policy: Omit<CheckInPolicy, 'version'>, note: string): Promise<CheckInPolicy> {
  return api.request<CheckInPolicy>('PUT', '/api/v1/policy', { policy, note });
}

/** The API's own reasons for refusing a policy, when it lists them. */
function refusalText(e: unknown): string {
  if (e instanceof ApiError && Array.isArray(e.body.errors)) {
    const messages = (e.body.errors as { message?: unknown }[])
      .map((item) => item.message)
      .filter((m): m is string => typeof m === 'string');
    if (messages.length > 0) return messages.join(' ');
  }
  return errorText(e);
}

/** The view-model of 检查规则: versions, the edit form, saving as a new version, comparing two. */
export function usePolicy(enabled: boolean) {
  const versions = useRequest(fetchPolicyVersions, [], { enabled });
  const [form, setForm] = useState<PolicyForm | undefined>();
  const [errors, setErrors] = useState<FormErrors>({});
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState('');
  const [saved, setSaved] = useState('');
  const [compared, setCompared] = useState<number[] | undefined>();

  const list = useMemo(() => versions.data ?? [], [versions.data]);
  const current = list[0];

  useEffect(() => {
    if (compared === undefined && list.length > 0) {
      setCompared(
        list
          .slice(0, 2)
          .map((v) => v.version)
          .reverse(),
      );
    }
  }, [list, compared]);

  function change(next: PolicyForm): void {
    setForm(next);
    if (tried) {
      const result = fromForm(next);
      setErrors(result.ok ? {} : result.errors);
    }
  }

  function startEdit(): void {
    if (!current) return;
    setForm(toForm(bodyOf(current)));
    setErrors({});
    setTried(false);
    setSaveError('');
    setSaved('');
  }

  const edit = form && {
    form,
    errors,
    setNumber: (id: string, text: string) =>
      change({ ...form, numbers: { ...form.numbers, [id]: text } }),
    togglePurpose: (key: PurposeKey, purpose: Purpose) => {
      const list = form.purposes[key];
      const next = list.includes(purpose) ? list.filter((p) => p !== purpose) : [...list, purpose];
      change({ ...form, purposes: { ...form.purposes, [key]: next } });
    },
    setQuiet: (index: number, patch: Partial<QuietDraft>) =>
      change({ ...form, quiet: form.quiet.map((q, i) => (i === index ? { ...q, ...patch } : q)) }),
    toggleQuietGrade: (index: number, grade: CreditGrade) => {
      const grades = form.quiet[index].creditGrades;
      const next = grades.includes(grade) ? grades.filter((g) => g !== grade) : [...grades, grade];
      change({
        ...form,
        quiet: form.quiet.map((q, i) => (i === index ? { ...q, creditGrades: next } : q)),
      });
    },
    addQuiet: () => change({ ...form, quiet: [...form.quiet, { ...EMPTY_QUIET }] }),
    removeQuiet: (index: number) =>
      change({ ...form, quiet: form.quiet.filter((_, i) => i !== index) }),
    setNote: (note: string) => change({ ...form, note }),
  };

  async function save(): Promise<void> {
    if (!form) return;
    setTried(true);
    setSaveError('');
    const result = fromForm(form);
    if (!result.ok) {
      setErrors(result.errors);
      setSaveError(`有 ${Object.keys(result.errors).length} 处需要改正，请查看标红的项目。`);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const stored = await savePolicy(result.policy, result.note);
      const fresh = await fetchPolicyVersions();
      versions.setData(fresh);
      const previous = fresh.find((v) => v.version < stored.version);
      setCompared(previous ? [previous.version, stored.version] : [stored.version]);
      setForm(undefined);
      setSaved(`已保存为第 ${stored.version} 版，立即生效。下方对比了它与上一版的不同。`);
    } catch (e) {
      setSaveError(`保存未完成：${refusalText(e)}`);
    } finally {
      setSaving(false);
    }
  }

  const chosen = [...(compared ?? [])].sort((a, b) => a - b);
  const pair = chosen
    .map((n) => list.find((v) => v.version === n))
    .filter(Boolean) as PolicyVersionView[];

  return {
    versions,
    current,
    edit,
    startEdit,
    cancelEdit: () => setForm(undefined),
    save,
    saving,
    saveError,
    saved,
    compared: chosen,
    toggleCompared: (version: number) => setCompared(toggleCompared(compared ?? [], version)),
    pair,
  };
}
