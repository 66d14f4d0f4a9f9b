import { REPORT_DESCRIPTION_MAX } from '@qinqing/domain';
import { TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';

import { ConductCard } from '../../../features/firm/ConductCard';
import { CategoryPicker } from '../../../features/report/CategoryPicker';
import { textLength } from '../../../features/report/report-form';
import { PhotosField, ReportDone, WhoAndWhen } from '../../../features/report/ReportParts';
import { useReportForm } from '../../../features/report/useReportForm';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Card, Page } from '../../../shared/ui/Page';

import '../../../features/report/report.css';

/** 监督举报: the firm reports an officer's misconduct to the supervision office. */
export default function FirmReportPage() {
  const { params } = useRouter();
  const user = useSession('enterprise');
  const form = useReportForm(params.visitId ?? '', Boolean(user));

  if (form.done) {
    return (
      <Page title="监督举报" backTo="/pages/firm/home/index" testId="report-page">
        <ReportDone done={form.done} />
        <ConductCard />
      </Page>
    );
  }

  return (
    <Page title="监督举报" backTo="/pages/firm/home/index" testId="report-page">
      <Text className="rp__intro">
        执法人员有违反“六不准”“九不得”的行为，可在此向监督部门举报。
      </Text>
      <View className="rp__privacy" data-testid="report-privacy">
        举报只送达执法监督部门，由监督部门调查核实；被举报的执法人员看不到举报内容。
      </View>

      <WhoAndWhen form={form} />

      <Card title="违规情形（可多选）" testId="report-categories">
        <CategoryPicker chosen={form.draft.categories} onToggle={form.toggle} />
      </Card>

      <Card title="情况描述">
        <Text className="rp__note" id="report-description-label">
          请写明时间、地点、人员和经过。
        </Text>
        <TextArea
          className="rp__textarea"
          data-testid="report-description"
          aria-labelledby="report-description-label"
          value={form.draft.description}
          maxLength={REPORT_DESCRIPTION_MAX}
          placeholder="例如：某日检查结束后，执法人员暗示企业安排宴请……"
          onChange={form.describe}
        />
        <Text className="rp__counter" data-testid="report-description-count">
          {textLength(form.draft.description)} / {REPORT_DESCRIPTION_MAX}
        </Text>
      </Card>

      <PhotosField form={form} />

      <Card>
        {form.problems.map((p) => (
          <View className="rp__problem" key={p} data-testid="report-problem" role="alert">
            {p}
          </View>
        ))}
        {form.error && (
          <View className="rp__error" data-testid="report-error" role="alert">
            {form.error}
          </View>
        )}
        <Button
          type="primary"
          block
          className="rp__button"
          data-testid="report-submit"
          loading={form.busy}
          onClick={form.submit}
        >
          {form.busy ? '正在提交…' : '提交举报'}
        </Button>
        <Button
          fill="outline"
          block
          className="rp__button rp__button--secondary"
          data-testid="report-goto-mine"
          onClick={() => void Taro.navigateTo({ url: '/pages/firm/reports/index' })}
        >
          我的举报
        </Button>
      </Card>

      <ConductCard />
    </Page>
  );
}
