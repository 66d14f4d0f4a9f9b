import type { ImportedAccount } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';

import { Button } from '../../shared/ui/Button';
import { CREDENTIALS_NOTICE, createdAccountsText } from '../credentials/credentials';
import { useCredentialsPrint } from '../credentials/useCredentialsPrint';

/** After an import that created accounts: how many, and the printable one-time passwords. */
export function CreatedAccounts(props: { accounts: readonly ImportedAccount[] }) {
  const vm = useCredentialsPrint(props.accounts);
  return (
    <View className="md-accounts" data-testid="import-accounts">
      <Text className="md-accounts__count">{createdAccountsText(props.accounts)}</Text>
      <Text className="md-note">{CREDENTIALS_NOTICE}</Text>
      <View className="md-actions">
        <Button
          type="primary"
          className="md-btn"
          data-testid="import-print-credentials"
          loading={vm.printing}
          disabled={vm.printing}
          onClick={() => void vm.print()}
        >
          打印初始密码
        </Button>
      </View>
      {vm.message && (
        <View
          className={`md-message md-message--${vm.message.ok ? 'ok' : 'error'}`}
          role={vm.message.ok ? 'status' : 'alert'}
          data-testid="import-print-message"
        >
          {vm.message.text}
        </View>
      )}
    </View>
  );
}
