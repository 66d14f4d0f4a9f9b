import {
  CREDIT_GRADE_LABELS,
  SUPERVISION_CLASS_LABELS,
  type EnterpriseView,
  type PositiveListPeriod,
} from '@qinqing/domain';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { useRoleGuard } from '../../../features/firm/session-guard';
import { api, ApiError, NetworkError } from '../../../services/api';

import './index.css';

const HERE = '/pages/firm/status/index';

function period(p: PositiveListPeriod): string {
  const to = p.effectiveTo ? p.effectiveTo.slice(0, 10) : '至今';
  return `${p.batch}：${p.effectiveFrom.slice(0, 10)} — ${to}`;
}

function FirmStatus({ firm }: { firm: EnterpriseView }) {
  const call = (phoneNumber: string) =>
    void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
  return (
    <View className="fs" data-testid="firm-status">
      <Text className="fs__name">{firm.name}</Text>
      <Text className="fs__line">统一社会信用代码：{firm.uscc}</Text>
      <Text className="fs__line">{firm.address}</Text>

      <View className={`fs__badge ${firm.onPositiveList ? 'fs__badge--on' : 'fs__badge--off'}`}>
        <Text data-testid="firm-positive-list">
          {firm.onPositiveList ? '已列入正面清单（无事不扰）' : '未列入正面清单'}
        </Text>
      </View>
      {firm.positiveList.length > 0 && (
        <View className="fs__section">
          <Text className="fs__label">正面清单批次</Text>
          {firm.positiveList.map((p) => (
            <View className="fs__period" key={`${p.batch}-${p.effectiveFrom}`}>
              <Text className="fs__value">{period(p)}</Text>
              {p.removalReason && <Text className="fs__removal">移出原因：{p.removalReason}</Text>}
            </View>
          ))}
        </View>
      )}

      <View className="fs__row">
        <Text className="fs__label">环境信用等级</Text>
        <Text className="fs__value" data-testid="firm-credit">
          {CREDIT_GRADE_LABELS[firm.creditGrade]}
        </Text>
      </View>
      <View className="fs__row">
        <Text className="fs__label">监管类别</Text>
        <Text className="fs__value">{SUPERVISION_CLASS_LABELS[firm.supervisionClass]}</Text>
      </View>
      <View className="fs__row">
        <Text className="fs__label">行业 / 区县</Text>
        <Text className="fs__value">
          {firm.industry} · {firm.district}
        </Text>
      </View>

      <View className="fs__section">
        <Text className="fs__label">生态环境服务联络员</Text>
        {firm.liaisonOfficer ? (
          <View className="fs__liaison">
            <Text className="fs__value" data-testid="firm-liaison">
              {firm.liaisonOfficer.name}
            </Text>
            {firm.liaisonOfficer.phone ? (
              <Button
                className="fs__call"
                data-testid="firm-liaison-call"
                onClick={() => call(firm.liaisonOfficer!.phone!)}
              >
                拨打 {firm.liaisonOfficer.phone}
              </Button>
            ) : (
              <Text className="fs__muted">未登记电话</Text>
            )}
          </View>
        ) : (
          <Text className="fs__muted">尚未指定联络员，可拨打67189801咨询</Text>
        )}
      </View>

      <View className="fs__section">
        <Text className="fs__label">企业门口（打卡点）</Text>
        {firm.gates.length === 0 && <Text className="fs__muted">尚未登记</Text>}
        {firm.gates.map((g) => (
          <Text className="fs__value" key={g.id}>
            {g.name}（打卡范围 {g.radiusM} 米）
          </Text>
        ))}
      </View>
    </View>
  );
}

/** 企业状态: my firm(s): list membership and its history, credit grade, liaison officer, gates. */
export default function FirmStatusPage() {
  const user = useRoleGuard(['enterprise'], HERE);
  const [firms, setFirms] = useState<EnterpriseView[] | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    setError('');
    try {
      setFirms(await api.enterprises());
    } catch (e) {
      setError(
        e instanceof NetworkError || e instanceof ApiError
          ? `${e.message} 请点“重试”。`
          : '获取企业信息失败，请点“重试”。',
      );
    }
  }, []);

  useEffect(() => {
    if (user) void load();
  }, [user, load]);

  if (!user) return <View className="fsp" />;

  return (
    <View className="fsp" data-testid="firm-status-page">
      {error && (
        <View className="fsp__error">
          <Text data-testid="firm-status-error">{error}</Text>
          <Button className="fsp__retry" onClick={() => void load()}>
            重试
          </Button>
        </View>
      )}
      {firms === null && !error && <Text className="fsp__loading">正在获取…</Text>}
      {firms?.length === 0 && (
        <Text className="fsp__loading">账号尚未关联企业，请联系生态环境部门。</Text>
      )}
      {firms?.map((f) => (
        <FirmStatus key={f.id} firm={f} />
      ))}
    </View>
  );
}
