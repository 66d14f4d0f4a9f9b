import {
  CREDIT_GRADE_LABELS,
  PURPOSE_INFO,
  purposeNeedsReference,
  REASON_MESSAGES,
  verifyGateCode,
  type DrawTaskView,
  type EnterpriseView,
  type GateCodeVerification,
  type OfficerView,
  type PolicyResponse,
  type Purpose,
} from '@qinqing/domain';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';

import { requireOfficer } from '../../../components/guard';
import { PurposePicker } from '../../../components/PurposePicker';
import { saveLastCheckIn } from '../../../features/check-in/last-result';
import { submitCheckIn } from '../../../features/check-in/submit';
import { TaskOptions } from '../../../features/draws/TaskOptions';
import { loadMyTasks, prefillFromTask, type TaskSource } from '../../../features/draws/tasks';
import { loadSnapshot } from '../../../features/offline-snapshot/snapshot';
import { loadGateCodeKeys } from '../../../features/scan/gate-keys';
import { scanGateCode, ScanError } from '../../../features/scan/scan';
import { api, ApiError, NetworkError } from '../../../services/api';
import { taroStore } from '../../../services/storage';
import { newClientId } from './client-id';
import { locateOfficer, type Fix } from './location';

import '../../../components/officer.css';
import '../../../features/draws/draws.css';
import './index.css';

const LAST_CO_OFFICERS_KEY = 'qinqing.officer.lastCoOfficers';

type Located = { state: 'locating' } | { state: 'found'; fix: Fix } | { state: 'none' };

/** A fresh attempt: one clientId (kept across retries) and the time of the scan. */
function newAttempt(): { clientId: string; clientTime: string } {
  return { clientId: newClientId(), clientTime: new Date().toISOString() };
}

export default function OfficerCheckInPage() {
  const { params } = useRouter();
  const initialCode = params.code ? decodeURIComponent(params.code) : '';
  const [me] = useState(() =>
    requireOfficer(
      initialCode
        ? `/pages/officer/check-in/index?code=${encodeURIComponent(initialCode)}`
        : '/pages/officer/check-in/index',
    ),
  );
  const [code, setCode] = useState(initialCode);
  const attempt = useRef(newAttempt());
  const [keys, setKeys] = useState<Map<number, Uint8Array> | null | undefined>(undefined);
  const [firms, setFirms] = useState<EnterpriseView[] | undefined>(undefined);
  const [policy, setPolicy] = useState<PolicyResponse | undefined>(undefined);
  const [colleagues, setColleagues] = useState<OfficerView[]>([]);
  const [purpose, setPurpose] = useState<Purpose | undefined>(undefined);
  const [reference, setReference] = useState('');
  const [coIds, setCoIds] = useState<string[]>(
    () => taroStore.get<string[]>(LAST_CO_OFFICERS_KEY) ?? [],
  );
  const [located, setLocated] = useState<Located>({ state: 'locating' });
  const locating = useRef<Promise<Fix | undefined> | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; retry: boolean } | undefined>();
  const [scanMessage, setScanMessage] = useState('');
  // 双随机抽查: the officer's drawn tasks, read once the purpose is chosen (API, else snapshot).
  const [tasks, setTasks] = useState<{ items: DrawTaskView[]; source: TaskSource } | undefined>();
  const tasksRequested = useRef(false);

  useEffect(() => {
    if (!me) return;
    void loadGateCodeKeys()
      .then(setKeys)
      .catch(() => setKeys(null));
    void api
      .enterprises()
      .then(setFirms)
      .catch(() => setFirms([]));
    void api
      .policy()
      .then(setPolicy)
      .catch(() => undefined);
    void api
      .officers()
      .then((list) => {
        const others = list.filter((o) => o.id !== me.id && o.active);
        setColleagues(others);
        setCoIds((ids) => ids.filter((id) => others.some((o) => o.id === id)));
      })
      .catch(() => undefined);
    locating.current = locateOfficer();
    void locating.current.then((fix) =>
      setLocated(fix ? { state: 'found', fix } : { state: 'none' }),
    );
  }, [me]);

  const verification: GateCodeVerification | undefined = useMemo(
    () => (code && keys ? verifyGateCode(code, keys) : undefined),
    [code, keys],
  );

  // A key the phone has not seen yet (the bureau rotated keys): ask the server once more.
  const refetched = useRef(false);
  useEffect(() => {
    if (verification && !verification.ok && verification.problem === 'UNKNOWN_KEY') {
      if (refetched.current) return;
      refetched.current = true;
      void loadGateCodeKeys()
        .then(setKeys)
        .catch(() => undefined);
    }
  }, [verification]);

  useEffect(() => {
    if (!me || purpose !== 'RANDOM_INSPECTION' || tasksRequested.current) return;
    tasksRequested.current = true;
    void loadMyTasks(api, () => loadSnapshot())
      .then(({ tasks: items, source }) => setTasks({ items, source }))
      .catch(() => setTasks({ items: loadSnapshot()?.tasks ?? [], source: 'offline' }));
  }, [me, purpose]);

  function chooseTask(task: DrawTaskView): void {
    if (!me) return;
    const filled = prefillFromTask(
      task,
      me.id,
      { coOfficerIds: coIds },
      colleagues.map((o) => o.id),
    );
    setReference(filled.reference);
    setCoIds(filled.coOfficerIds);
  }

  const firm =
    verification?.ok && firms
      ? firms.find((f) => f.id === verification.payload.enterpriseId)
      : undefined;
  const gate = firm?.gates.find((g) => verification?.ok && g.id === verification.payload.gateId);

  async function scan(): Promise<void> {
    setScanMessage('');
    try {
      const text = await scanGateCode();
      setCode(text);
      attempt.current = newAttempt();
      setError(undefined);
      setPurpose(undefined);
      setReference('');
    } catch (e) {
      if (e instanceof ScanError && e.reason === 'CANCELLED') return;
      setScanMessage(e instanceof Error ? e.message : '扫码失败，请重试。');
    }
  }

  function toggleCo(id: string): void {
    setCoIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  }

  const needsReference = purpose ? purposeNeedsReference(purpose) : false;
  const missing = !purpose
    ? '请选择检查事由。'
    : needsReference && !reference.trim()
      ? `请填写${PURPOSE_INFO[purpose].referenceLabel}。`
      : '';

  async function submit(): Promise<void> {
    if (busy) return;
    if (!me || !purpose || missing) {
      setError({ message: missing || '请选择检查事由。', retry: false });
      return;
    }
    setBusy(true);
    setError(undefined);
    const fix = await (locating.current ?? Promise.resolve(undefined));
    const request = {
      clientId: attempt.current.clientId,
      code,
      purpose,
      reference: needsReference ? reference.trim() : null,
      coOfficerIds: coIds,
      location: fix ? { lat: fix.lat, lng: fix.lng, accuracy: fix.accuracy } : null,
      clientTime: attempt.current.clientTime,
    };
    try {
      const submission = await submitCheckIn(request);
      taroStore.set(LAST_CO_OFFICERS_KEY, coIds);
      saveLastCheckIn({
        submission,
        request,
        firmName: firm?.name ?? null,
        gateName: gate?.name ?? null,
        officerNames: [
          me.name,
          ...coIds.map((id) => colleagues.find((o) => o.id === id)?.name ?? id),
        ],
        savedAt: new Date().toISOString(),
      });
      await Taro.redirectTo({ url: '/pages/officer/decision/index' });
    } catch (e) {
      if (e instanceof NetworkError) {
        setError({
          message: '网络不可用：请移动到信号较好的位置后点击“重试”（不会重复登记）。',
          retry: true,
        });
      } else if (e instanceof ApiError) {
        setError({ message: e.message, retry: e.statusCode >= 500 });
      } else {
        setError({ message: '提交失败，请重试。', retry: true });
      }
    } finally {
      setBusy(false);
    }
  }

  if (!me) return <View className="o-page" />;

  const invalid = verification && !verification.ok;

  return (
    <View className="o-page checkin">
      <Text className="o-title">扫码入企</Text>

      {!code && (
        <View className="o-card">
          <Text className="o-muted">请扫描企业门口张贴的执法打卡码。</Text>
        </View>
      )}

      {code && keys === undefined && <Text className="o-muted">正在校验打卡码…</Text>}

      {invalid && (
        <View className="o-error" data-testid="checkin-invalid">
          <Text className="checkin__invalid-title">不是有效的执法打卡码</Text>
          <Text>
            {'\n'}
            {REASON_MESSAGES.CODE_INVALID}
            若门口的码已损坏或被覆盖，请联系企业或本单位管理员更换。
          </Text>
        </View>
      )}

      {code && keys === null && (
        <Text className="o-warn">暂时无法校验打卡码（网络不可用），提交后将由服务器判定。</Text>
      )}

      {(verification?.ok || (code && keys === null)) && (
        <View className="o-card" data-testid="checkin-firm">
          {firm ? (
            <>
              <Text className="checkin__firm-name" data-testid="checkin-firm-name">
                {firm.name}
              </Text>
              {gate && <Text className="o-muted">{gate.name}</Text>}
              <View className="checkin__chips">
                <Text
                  className={`o-chip ${firm.onPositiveList ? 'o-chip--green' : ''}`}
                  data-testid="checkin-positive-list"
                >
                  {firm.onPositiveList ? '正面清单企业' : '非正面清单'}
                </Text>
                <Text className="o-chip">信用等级：{CREDIT_GRADE_LABELS[firm.creditGrade]}</Text>
              </View>
            </>
          ) : firms === undefined ? (
            <Text className="o-muted">正在读取企业信息…</Text>
          ) : (
            <>
              <Text className="checkin__firm-name">非本单位辖区企业</Text>
              {verification?.ok && (
                <Text className="o-muted checkin__ids">
                  企业编号 {verification.payload.enterpriseId}
                  {'\n'}门口编号 {verification.payload.gateId}
                </Text>
              )}
              <Text className="o-muted">将由服务器判定。</Text>
            </>
          )}
        </View>
      )}

      {firm?.onPositiveList && policy && (
        <Text className="o-warn" data-testid="checkin-no-disturbance">
          正面清单企业：无事不扰。仅可因
          {policy.positiveListAllowedPurposes.map((p) => PURPOSE_INFO[p].label).join('、')}
          进入现场，其他事由将被拒绝并记录。
        </Text>
      )}

      {(verification?.ok || (code && keys === null)) && (
        <>
          <View className="o-card">
            <Text className="o-section">检查事由</Text>
            <PurposePicker
              value={purpose}
              onChange={setPurpose}
              onPositiveList={firm?.onPositiveList}
              policy={policy}
            />
            {purpose && needsReference && (
              <View className="checkin__reference">
                <Text className="checkin__label">{PURPOSE_INFO[purpose].referenceLabel}</Text>
                <Input
                  className="o-input"
                  data-testid="reference-input"
                  value={reference}
                  placeholder={`请输入${PURPOSE_INFO[purpose].referenceLabel}`}
                  onInput={(e) => setReference(e.detail.value)}
                />
              </View>
            )}
            {purpose === 'RANDOM_INSPECTION' && me && (
              <TaskOptions
                tasks={tasks?.items}
                offline={tasks?.source === 'offline'}
                firmId={verification?.ok ? verification.payload.enterpriseId : undefined}
                reference={reference}
                coOfficerIds={coIds}
                coOfficerName={(id) => colleagues.find((o) => o.id === id)?.name ?? id}
                onChoose={chooseTask}
              />
            )}
          </View>

          <View className="o-card">
            <Text className="o-section">同行执法人员</Text>
            {coIds.length === 0 && <Text className="o-warn">{REASON_MESSAGES.SINGLE_OFFICER}</Text>}
            {colleagues.map((o, i) => (
              <View
                key={o.id}
                className={`o-option ${coIds.includes(o.id) ? 'o-option--chosen' : ''}`}
                data-testid={`co-officer-${o.id}`}
                data-chosen={coIds.includes(o.id) ? 'true' : 'false'}
                onClick={() => toggleCo(o.id)}
              >
                <Text>
                  {coIds.includes(o.id) ? '☑ ' : '☐ '}
                  {o.name}
                  {o.badgeNumber ? `（${o.badgeNumber}）` : ''}
                  {i === 0 && coIds.length === 0 ? ' · 建议' : ''}
                </Text>
              </View>
            ))}
            {colleagues.length === 0 && (
              <Text className="o-muted">未读取到本单位其他执法人员。</Text>
            )}
          </View>

          <View className="o-card" data-testid="checkin-location">
            <Text className="o-section">打卡位置</Text>
            {located.state === 'locating' && <Text className="o-muted">正在定位…</Text>}
            {located.state === 'found' && (
              <Text className="o-muted">
                已定位（精度约 {Math.round(located.fix.accuracy)} 米）
              </Text>
            )}
            {located.state === 'none' && (
              <Text className="o-warn">
                未能获取位置（未授权或无信号）：可继续打卡，本次检查将标记为“位置异常”。如需定位，请在设置中允许获取位置。
              </Text>
            )}
          </View>

          {error && (
            <View className="o-error" data-testid="checkin-error">
              <Text>{error.message}</Text>
            </View>
          )}

          <Button
            className="o-btn"
            data-testid={error?.retry ? 'checkin-retry' : 'checkin-submit'}
            loading={busy}
            onClick={() => void submit()}
          >
            {error?.retry ? '重试' : '提交打卡'}
          </Button>
        </>
      )}

      {scanMessage && (
        <Text className="o-error" data-testid="checkin-scan-error">
          {scanMessage}
        </Text>
      )}

      <Button
        className={`o-btn ${code ? 'o-btn--secondary' : ''}`}
        data-testid="checkin-scan"
        onClick={() => void scan()}
      >
        {code ? '重新扫码' : '扫码'}
      </Button>
      <Button
        className="o-btn o-btn--secondary"
        onClick={() => void Taro.redirectTo({ url: '/pages/officer/home/index' })}
      >
        返回首页
      </Button>
    </View>
  );
}
