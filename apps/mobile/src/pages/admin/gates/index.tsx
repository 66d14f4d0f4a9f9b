import { Dialog, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';

import { GateCard } from '../../../features/admin-gates/GateCard';
import { issueWarning } from '../../../features/admin-gates/gates';
import { useGates } from '../../../features/admin-gates/useGates';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Page } from '../../../shared/ui/Page';
import { EmptyText, Pending } from '../../../shared/ui/Pending';

import '../../../features/admin-gates/gates.css';

const DESK = '/pages/supervisor/desk/index';

/** 门口码与海报 (admins): every gate's code in force, issue a new one, download the posters. */
export default function GatesPage() {
  const user = useSession('admin');
  const vm = useGates(Boolean(user));
  const warning = vm.confirming ? issueWarning(vm.confirming) : undefined;

  return (
    <Page title="门口码与海报" backTo={DESK} wide testId="admin-gates">
      <Text className="gt-intro">
        每个企业门岗一张打卡码海报。重新生成打卡码会让旧码和已张贴的旧海报立即失效，请下载新海报打印后替换。
      </Text>
      <View className="gt-search">
        <Text className="gt-search__label" id="gate-search-label">
          查找企业或门岗
        </Text>
        <Input
          className="gt-search__input"
          data-testid="gate-search"
          aria-labelledby="gate-search-label"
          value={vm.query}
          placeholder="输入企业名称、门岗、区县或信用代码"
          clearable
          onChange={vm.setQuery}
        />
      </View>
      <Pending
        loading={vm.list.loading && !vm.list.data}
        error={vm.list.error}
        onRetry={vm.list.reload}
        testId="gates-error"
      />
      {vm.list.data && (
        <Text className="gt-count" data-testid="gate-count">
          {vm.query.trim()
            ? `找到 ${vm.shown.length} 个门岗（共 ${vm.list.data.length} 个）`
            : `共 ${vm.list.data.length} 个门岗`}
        </Text>
      )}
      {vm.list.data?.length === 0 && (
        <EmptyText>还没有登记门岗。请先在“企业主数据导入”中导入企业和门岗。</EmptyText>
      )}
      {vm.list.data && vm.list.data.length > 0 && vm.shown.length === 0 && (
        <EmptyText>没有符合条件的门岗，请换个关键词。</EmptyText>
      )}
      <View className="gt-list">
        {vm.shown.map((gate) => (
          <GateCard
            key={gate.gateId}
            gate={gate}
            busy={vm.busy}
            message={vm.message}
            onIssue={() => vm.askIssue(gate)}
            onDownload={(format) => void vm.download(gate, format)}
          />
        ))}
      </View>
      {warning && (
        <Dialog
          visible
          title={warning.title}
          content={<View data-testid="gate-issue-warning">{warning.content}</View>}
          footer={
            <View className="gt-dialog-footer">
              <Button className="gt-btn" data-testid="gate-issue-cancel" onClick={vm.cancelIssue}>
                取消
              </Button>
              <Button
                type="danger"
                className="gt-btn"
                data-testid="gate-issue-confirm"
                onClick={() => void vm.issue()}
              >
                {warning.confirm}
              </Button>
            </View>
          }
          onClose={vm.cancelIssue}
        />
      )}
    </Page>
  );
}
