import {
  CREDIT_GRADE_LABELS,
  PURPOSE_INFO,
  REASON_MESSAGES,
  type VisitView,
} from '@qinqing/domain';
import { Loading, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { Choice } from './Choice';
import type { CheckInModel } from '../features/check-in/useCheckIn';
import {
  SNAPSHOT_FRESH_HOURS,
  snapshotAgeText,
  snapshotExpired,
} from '../features/offline-snapshot/snapshot';
import { chinaTime } from '../services/china-time';
import { Button } from '../shared/ui/Button';
import { Card } from '../shared/ui/Page';

/** The scanned firm: name, gate, 正面清单 and credit grade (or why it is not known here). */
export function CheckInFirm({ model }: { model: CheckInModel }) {
  const { firm, gate, preview } = model;
  return (
    <Card testId="checkin-firm">
      {firm ? (
        <>
          <Text className="o-title" data-testid="checkin-firm-name">
            {firm.name}
          </Text>
          {gate && <Text className="o-muted">{gate.name}</Text>}
          <View className="o-tags">
            <Tag type={firm.onPositiveList ? 'success' : 'default'} plain>
              <Text data-testid="checkin-positive-list">
                {firm.onPositiveList ? '正面清单企业' : '非正面清单'}
              </Text>
            </Tag>
            <Tag type="default" plain>
              信用等级：{CREDIT_GRADE_LABELS[firm.creditGrade]}
            </Tag>
          </View>
        </>
      ) : preview.checking || !preview.serverUnavailable ? (
        <View role="status" data-testid="checkin-firm-loading">
          <Loading direction="horizontal">正在读取企业信息…</Loading>
        </View>
      ) : (
        <>
          <Text className="o-title">非本单位辖区企业</Text>
          <Text className="o-muted">
            网络不可用，手机离线数据中没有这家企业。可以提交，联网后由服务器判定。
          </Text>
        </>
      )}
    </Card>
  );
}

/**
 * 预判: what submitting the chosen purpose will give, before the officer commits, and what it
 * was judged on (the server now, or the phone's snapshot of a given age).
 */
export function CheckInVerdict({ model }: { model: CheckInModel }) {
  const { verdict, preview, purpose, snapshotIssuedAt } = model;
  if (!purpose || !preview.preview) return null;
  const offline = preview.source === 'snapshot';
  const tone = verdict?.tone ?? 'allowed';
  const className =
    tone === 'refused'
      ? 'o-error'
      : tone === 'flagged' || tone === 'needs-reference'
        ? 'o-warn'
        : 'o-ok';
  return (
    <View className={className} data-testid="checkin-verdict" data-tone={tone} role="status">
      <Text className="o-section">{verdict?.headline}</Text>
      {verdict?.reasons.map((r) => (
        <Text key={r.code} className="o-line">
          {r.message}
        </Text>
      ))}
      {tone === 'refused' && <Text className="o-line">如仍提交，将作为不予入企记录在案。</Text>}
      <Text className="o-line o-muted" data-testid="checkin-verdict-source">
        {offline
          ? `预判依据手机离线数据${preview.checking ? '（正在向服务器确认…）' : ''}。` +
            snapshotAgeText(snapshotIssuedAt) +
            (snapshotIssuedAt && snapshotExpired(snapshotIssuedAt)
              ? `（已超过 ${SNAPSHOT_FRESH_HOURS} 小时，可能不准，以服务器判定为准）`
              : '')
          : preview.checking
            ? '正在向服务器确认…'
            : '预判依据服务器当前数据，提交后以服务器判定为准。'}
      </Text>
    </View>
  );
}

/** The officer's colleagues to tick as 同行执法人员 (two officers go in together). */
export function CoOfficerPicker({ model }: { model: CheckInModel }) {
  const { colleagues, coIds, toggleCo } = model;
  return (
    <Card title="同行执法人员">
      {coIds.length === 0 && <Text className="o-warn">{REASON_MESSAGES.SINGLE_OFFICER}</Text>}
      <View role="group" aria-label="同行执法人员">
        {colleagues.map((o, i) => {
          const chosen = coIds.includes(o.id);
          return (
            <Choice
              key={o.id}
              kind="checkbox"
              checked={chosen}
              className={`o-option ${chosen ? 'o-option--chosen' : ''}`}
              data={{
                'data-testid': `co-officer-${o.id}`,
                'data-chosen': chosen ? 'true' : 'false',
              }}
              onSelect={() => toggleCo(o.id)}
            >
              <View className="o-check">
                <Text className="o-check__box">{chosen ? '✓' : ''}</Text>
                <View className="o-check__text">
                  <Text>{o.name}</Text>
                  {o.badgeNumber && <Text className="o-muted">执法证号 {o.badgeNumber}</Text>}
                </View>
                {i === 0 && coIds.length === 0 && (
                  <Tag type="primary" plain>
                    建议
                  </Tag>
                )}
              </View>
            </Choice>
          );
        })}
      </View>
      {colleagues.length === 0 && <Text className="o-muted">未读取到本单位其他执法人员。</Text>}
    </Card>
  );
}

/** Where the phone is (or that it could not tell, and what that means). */
export function LocationCard({ model }: { model: CheckInModel }) {
  const { located } = model;
  return (
    <Card title="打卡位置" testId="checkin-location">
      {located.state === 'locating' && <Text className="o-muted">正在定位…</Text>}
      {located.state === 'found' && (
        <Text className="o-muted">已定位（精度约 {Math.round(located.fix.accuracy)} 米）</Text>
      )}
      {located.state === 'none' && (
        <Text className="o-warn">
          未能获取位置（未授权或无信号）：可继续打卡，本次检查将标记为“位置异常”。如需定位，请在设置中允许获取位置。
        </Text>
      )}
    </Card>
  );
}

const checkOutUrl = (v: VisitView) => `/pages/officer/check-out/index?visitId=${v.id}`;

/** The officer still has a visit open at another firm: which, since when, and 去签退. */
export function OpenVisitNotice({ visits }: { visits: VisitView[] }) {
  if (visits.length === 0) return null;
  return (
    <View className="o-warn" data-testid="checkin-open-visits" role="status">
      <Text className="o-section">您还有未签退的检查</Text>
      {visits.map((v) => (
        <View key={v.id} className="o-field">
          <Text className="o-line">
            {v.enterpriseName ?? '非本单位辖区企业'} · {PURPOSE_INFO[v.purpose].label}
          </Text>
          <Text className="o-line">自 {chinaTime(v.checkedInAt)} 入企，尚未签退</Text>
          <Button
            className="o-action--small"
            type="primary"
            fill="outline"
            data-testid={`checkin-go-check-out-${v.id}`}
            onClick={() => void Taro.navigateTo({ url: checkOutUrl(v) })}
          >
            去签退
          </Button>
        </View>
      ))}
      <Text className="o-line">离开上一家企业时请先签退；在本企业登记前会再次确认。</Text>
    </View>
  );
}

/** What was submitted from this screen (after coming back from the decision). */
export function SubmittedNotice({ model }: { model: CheckInModel }) {
  const { submitted, registered } = model;
  if (!submitted) return null;
  if (!registered) {
    return (
      <View className="o-error" data-testid="checkin-submitted" role="status">
        <Text>
          上次提交不予入企（已记录）。如有其他正当事由，请在下方重新选择事由后提交，将作为一次新的登记。
        </Text>
      </View>
    );
  }
  return (
    <View className="o-ok" data-testid="checkin-submitted" role="status">
      <Text>
        本次扫码已登记{submitted.offline ? '（离线保存，联网后自动上传）' : ''}
        ，不会重复提交。如需登记另一家企业，请重新扫码。
      </Text>
    </View>
  );
}
