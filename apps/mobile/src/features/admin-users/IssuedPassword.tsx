import { Text, View } from '@tarojs/components';

import { Button } from '../../shared/ui/Button';
import { useCredentialsPrint } from '../credentials/useCredentialsPrint';
import type { Issued } from './useUsers';

/**
 * A one-time password just given by 新建 or 重置密码: shown this once, to be told to the person or
 * printed on the same A4 sheet an import prints (打印密码单), then dismissed.
 */
export function IssuedPassword(props: { issued: Issued; onDismiss: () => void }) {
  const { issued } = props;
  const print = useCredentialsPrint([{ userId: issued.userId, oneTimePassword: issued.password }]);
  return (
    <View className="us-issued" role="status" data-testid="users-issued">
      <Text className="us-issued__title">
        {issued.displayName}（{issued.username}）的一次性密码
      </Text>
      <Text className="us-issued__password" data-testid="users-issued-password" selectable>
        {issued.password}
      </Text>
      <Text className="us-issued__hint">
        仅显示这一次，请当面或电话告知本人，或打印密码单当面发放；首次登录后须设置新密码。
      </Text>
      {print.message && (
        <Text
          className={print.message.ok ? 'us-issued__hint' : 'us-issued__error'}
          data-testid="users-issued-print-message"
        >
          {print.message.text}
        </Text>
      )}
      <View className="us-issued__actions">
        <Button
          type="primary"
          loading={print.printing}
          disabled={print.printing}
          onClick={() => void print.print()}
          data-testid="users-issued-print"
        >
          打印密码单
        </Button>
        <Button fill="outline" type="primary" onClick={props.onDismiss}>
          已告知，关闭
        </Button>
      </View>
    </View>
  );
}
