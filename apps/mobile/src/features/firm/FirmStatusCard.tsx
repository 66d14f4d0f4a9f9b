import {
  CREDIT_GRADE_LABELS,
  SUPERVISION_CLASS_LABELS,
  type EnterpriseView,
  type PositiveListPeriod,
} from '@qinqing/domain';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { Button } from '../../shared/ui/Button';

import './status.css';

function period(p: PositiveListPeriod): string {
  const to = p.effectiveTo ? p.effectiveTo.slice(0, 10) : '至今';
  return `${p.batch}：${p.effectiveFrom.slice(0, 10)} — ${to}`;
}

const call = (phoneNumber: string) =>
  void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);

/** 企业状态 of one firm: list membership and its history, credit, liaison officer, gates. */
export function FirmStatusCard({ firm }: { firm: EnterpriseView }) {
  const liaison = firm.liaisonOfficer;
  return (
    <View className="fs" data-testid="firm-status">
      <View className="fs__name" role="heading" aria-level={2}>
        {firm.name}
      </View>
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

      <CellGroup className="fs__cells">
        <Cell
          title="环境信用等级"
          extra={<Text data-testid="firm-credit">{CREDIT_GRADE_LABELS[firm.creditGrade]}</Text>}
        />
        <Cell title="监管类别" extra={SUPERVISION_CLASS_LABELS[firm.supervisionClass]} />
        <Cell title="行业 / 区县" extra={`${firm.industry} · ${firm.district}`} />
      </CellGroup>

      <View className="fs__section">
        <Text className="fs__label">生态环境服务联络员</Text>
        {liaison ? (
          <View className="fs__liaison">
            <Text className="fs__value" data-testid="firm-liaison">
              {liaison.name}
            </Text>
            {liaison.phone ? (
              <Button
                type="primary"
                block
                className="fs__call"
                data-testid="firm-liaison-call"
                onClick={() => call(liaison.phone as string)}
              >
                拨打 {liaison.phone}
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
