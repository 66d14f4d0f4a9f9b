import { PURPOSE_INFO, REASON_MESSAGES } from '@qinqing/domain';
import { purposesAdmittedOnList } from '../../../features/check-in/verdict';
import { Dialog, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';

import {
  CheckInFirm,
  CheckInVerdict,
  CoOfficerPicker,
  LocationCard,
  OpenVisitNotice,
  SubmittedNotice,
} from '../../../components/CheckInParts';
import { PurposePicker } from '../../../components/PurposePicker';
import { TaskOptions } from '../../../features/draws/TaskOptions';
import { DECISION_URL, useCheckIn } from '../../../features/check-in/useCheckIn';
import { chinaTime } from '../../../services/china-time';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Card, Page } from '../../../shared/ui/Page';

import '../../../components/officer.css';

/** 扫码入企: the scanned firm, the purpose, who goes in, where the phone is; then 提交. */
export default function OfficerCheckInPage() {
  const { params } = useRouter();
  const initialCode = params.code ? decodeURIComponent(params.code) : '';
  const me = useSession('officer');
  const model = useCheckIn(me, initialCode, params.after);
  const { code, keys, verification, firm, purpose, error, registered } = model;
  const shown = model.preview.preview;
  if (!me) return <Page title="扫码入企">{null}</Page>;

  const invalid = verification && !verification.ok;
  const usable = Boolean(verification?.ok || (code && keys === null));
  const elsewhere = model.openElsewhere;

  return (
    <Page title="扫码入企" testId="checkin-page">
      {!code && (
        <Card>
          <Text className="o-muted">请扫描企业门口张贴的执法打卡码。</Text>
        </Card>
      )}
      {code && keys === undefined && <Text className="o-muted">正在校验打卡码…</Text>}
      {invalid && (
        <View className="o-error" data-testid="checkin-invalid" role="alert">
          <Text className="o-section">不是有效的执法打卡码</Text>
          <Text>
            {REASON_MESSAGES.CODE_INVALID}
            若门口的码已损坏或被覆盖，请联系企业或本单位管理员更换。
          </Text>
        </View>
      )}
      {code && keys === null && (
        <Text className="o-warn">暂时无法校验打卡码（网络不可用），提交后将由服务器判定。</Text>
      )}

      {usable && <CheckInFirm model={model} />}
      {usable && <OpenVisitNotice visits={elsewhere} />}
      <SubmittedNotice model={model} />

      {firm?.onPositiveList && shown && (
        <Text className="o-warn" data-testid="checkin-no-disturbance">
          正面清单企业：无事不扰。仅可因
          {purposesAdmittedOnList(shown)
            .map((p) => PURPOSE_INFO[p].label)
            .join('、')}
          进入现场，其他事由将被拒绝并记录。
        </Text>
      )}

      {usable && !registered && (
        <>
          <Card title="检查事由">
            <PurposePicker
              value={purpose}
              onChange={model.setPurpose}
              preview={shown}
              locating={model.located.state === 'locating'}
            />
            {purpose && model.needsReference && (
              <View className="o-field">
                <Text className="o-label" id="checkin-reference-label">
                  {PURPOSE_INFO[purpose].referenceLabel}
                </Text>
                <Input
                  className="o-input"
                  data-testid="reference-input"
                  aria-labelledby="checkin-reference-label"
                  value={model.reference}
                  placeholder={`请输入${PURPOSE_INFO[purpose].referenceLabel}`}
                  onChange={model.setReference}
                />
              </View>
            )}
            {purpose === 'RANDOM_INSPECTION' && (
              <TaskOptions
                tasks={model.tasks?.items}
                offline={model.tasks?.source === 'offline'}
                firmId={verification?.ok ? verification.payload.enterpriseId : undefined}
                reference={model.reference}
                coOfficerIds={model.coIds}
                coOfficerName={model.colleagueName}
                onChoose={model.chooseTask}
              />
            )}
          </Card>
          <CoOfficerPicker model={model} />
          <LocationCard model={model} />
          <CheckInVerdict model={model} />

          {error && (
            <View className="o-error" data-testid="checkin-error" role="alert">
              <Text>{error.message}</Text>
            </View>
          )}
          <Button
            block
            type="primary"
            className="o-action"
            data-testid={error?.retry ? 'checkin-retry' : 'checkin-submit'}
            loading={model.busy}
            onClick={() => void model.submit()}
          >
            {model.busy
              ? '正在提交…'
              : error?.retry
                ? '重试'
                : model.submitted
                  ? '重新提交'
                  : '确认登记'}
          </Button>
        </>
      )}

      {registered && (
        <Button
          block
          type="primary"
          className="o-action"
          data-testid="checkin-show-decision"
          onClick={() => void Taro.navigateTo({ url: DECISION_URL })}
        >
          查看登记结果
        </Button>
      )}

      {model.scanMessage && (
        <Text className="o-error" data-testid="checkin-scan-error">
          {model.scanMessage}
        </Text>
      )}
      <Button
        block
        type="primary"
        fill={code ? 'outline' : 'solid'}
        className="o-action"
        data-testid="checkin-scan"
        onClick={() => void model.scan()}
      >
        {code ? '重新扫码' : '扫码'}
      </Button>

      {model.confirming && (
        <Dialog
          visible
          title="您还有未签退的检查"
          confirmText="仍要在本企业登记"
          footerDirection="vertical"
          cancelText="取消"
          onConfirm={() => void model.submit(true)}
          onCancel={model.cancelConfirm}
          onClose={model.cancelConfirm}
        >
          <View data-testid="checkin-confirm-elsewhere">
            {elsewhere.map((v) => (
              <Text key={v.id} className="o-line">
                {v.enterpriseName ?? '非本单位辖区企业'}：{chinaTime(v.checkedInAt)}{' '}
                入企，尚未签退。
              </Text>
            ))}
            <Text className="o-line">确认已离开上述企业、现在要在本企业登记入企吗？</Text>
          </View>
        </Dialog>
      )}
    </Page>
  );
}
