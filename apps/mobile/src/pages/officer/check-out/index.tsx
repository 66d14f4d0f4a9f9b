import {
  FINDINGS,
  FINDINGS_LABELS,
  PURPOSE_INFO,
  type Findings,
  type VisitView,
} from '@qinqing/domain';
import { Button, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { chinaTime, chinaToday } from '../../../services/china-time';
import { requireOfficer } from '../../../components/guard';
import { api, ApiError, NetworkError } from '../../../services/api';

import '../../../components/officer.css';

/** 签退: what the inspection found, notes, and the rectification deadline when one was ordered. */
export default function OfficerCheckOutPage() {
  const { params } = useRouter();
  const visitId = params.visitId ?? '';
  const [me] = useState(() =>
    requireOfficer(`/pages/officer/check-out/index?visitId=${encodeURIComponent(visitId)}`),
  );
  const [visit, setVisit] = useState<VisitView | undefined>();
  const [findings, setFindings] = useState<Findings | undefined>();
  const [notes, setNotes] = useState('');
  const [rectifyBy, setRectifyBy] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<VisitView | undefined>();

  useEffect(() => {
    if (!me || !visitId) return;
    api
      .visit(visitId)
      .then(setVisit)
      .catch((e) => setError(e instanceof Error ? e.message : '读取检查记录失败，请返回重试。'));
  }, [me, visitId]);

  async function submit(): Promise<void> {
    if (busy || !visitId) return;
    if (!findings) {
      setError('请选择检查结果。');
      return;
    }
    if (findings === 'RECTIFY_ORDERED' && !rectifyBy) {
      setError('责令整改须选择整改期限。');
      return;
    }
    setBusy(true);
    setError('');
    try {
      const result = await api.checkOut(visitId, {
        findings,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(findings === 'RECTIFY_ORDERED' ? { rectifyBy } : {}),
      });
      setDone(result);
    } catch (e) {
      setError(
        e instanceof NetworkError
          ? '网络不可用：请移动到信号较好的位置后再次点击“确认签退”。'
          : e instanceof ApiError
            ? e.message
            : '签退失败，请重试。',
      );
    } finally {
      setBusy(false);
    }
  }

  if (!me) return <View className="o-page" />;
  const home = () => void Taro.reLaunch({ url: '/pages/officer/home/index' });

  if (done) {
    return (
      <View className="o-page">
        <View className="o-card" data-testid="checkout-done">
          <Text className="o-title">已签退</Text>
          <Text>
            {done.enterpriseName ?? ''} · {FINDINGS_LABELS[done.findings ?? 'NO_ISSUE']}
            {'\n'}签退时间 {done.checkedOutAt ? chinaTime(done.checkedOutAt) : ''}
          </Text>
        </View>
        <Button className="o-btn" data-testid="checkout-home" onClick={home}>
          返回首页
        </Button>
      </View>
    );
  }

  return (
    <View className="o-page">
      <Text className="o-title">检查结束 · 签退</Text>
      {!visitId && <Text className="o-error">缺少检查记录：请从首页的“待签退”进入。</Text>}
      {visit && (
        <View className="o-card" data-testid="checkout-visit">
          <Text className="o-section">{visit.enterpriseName ?? '企业'}</Text>
          <Text className="o-muted">
            {PURPOSE_INFO[visit.purpose].label} · 入企 {chinaTime(visit.checkedInAt)}
          </Text>
        </View>
      )}
      <View className="o-card">
        <Text className="o-section">检查结果</Text>
        {FINDINGS.map((f) => (
          <View
            key={f}
            className={`o-option ${findings === f ? 'o-option--chosen' : ''}`}
            data-testid={`findings-${f}`}
            onClick={() => setFindings(f)}
          >
            <Text>
              {findings === f ? '◉ ' : '○ '}
              {FINDINGS_LABELS[f]}
            </Text>
          </View>
        ))}
      </View>
      {findings === 'RECTIFY_ORDERED' && (
        <View className="o-card">
          <Text className="o-section">整改期限（必填）</Text>
          <Picker
            mode="date"
            value={rectifyBy || chinaToday()}
            start={chinaToday()}
            onChange={(e) => setRectifyBy(String(e.detail.value))}
          >
            <View className="o-option" data-testid="rectify-by">
              <Text>{rectifyBy || '点击选择日期'}</Text>
            </View>
          </Picker>
        </View>
      )}
      <View className="o-card">
        <Text className="o-section">检查情况说明（选填）</Text>
        <Textarea
          className="o-textarea"
          data-testid="checkout-notes"
          value={notes}
          maxlength={1000}
          placeholder="检查发现、现场处理情况等"
          onInput={(e) => setNotes(e.detail.value)}
        />
      </View>
      {error && (
        <Text className="o-error" data-testid="checkout-error">
          {error}
        </Text>
      )}
      <Button
        className="o-btn"
        data-testid="checkout-submit"
        loading={busy}
        onClick={() => void submit()}
      >
        确认签退
      </Button>
      <Button className="o-btn o-btn--secondary" onClick={home}>
        返回首页
      </Button>
    </View>
  );
}
