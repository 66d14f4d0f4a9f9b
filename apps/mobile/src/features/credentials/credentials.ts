import { type ImportedAccount, ROUTES } from '@qinqing/domain';

/** POST /api/v1/users/credentials-sheet: the printable list of one-time passwords (PDF). */
export const CREDENTIALS_PATH = ROUTES.printCredentials.path;
export const CREDENTIALS_FILE_NAME = '账号初始密码清单.pdf';

/** Said beside the button: the passwords are nowhere else. */
export const CREDENTIALS_NOTICE =
  '初始密码只保存在本页，服务器不保存明文：离开本页后无法再次打印，可在账号管理中重置密码。';

/** An account and the one-time password it was just given (by an import, a creation, a reset). */
export type PrintableAccount = Pick<ImportedAccount, 'userId' | 'oneTimePassword'>;

/** The body the endpoint takes: each account with its one-time password. */
export function credentialsRequest(accounts: readonly PrintableAccount[]) {
  return {
    accounts: accounts.map((a) => ({ userId: a.userId, oneTimePassword: a.oneTimePassword })),
  };
}

/** 本次新建 3 个账号（执法人员 2 个，企业联系人 1 个） */
export function createdAccountsText(accounts: readonly ImportedAccount[]): string {
  const officers = accounts.filter((a) => a.role === 'officer').length;
  const contacts = accounts.length - officers;
  const parts = [
    officers > 0 ? `执法人员 ${officers} 个` : '',
    contacts > 0 ? `企业联系人 ${contacts} 个` : '',
  ].filter(Boolean);
  return `本次新建 ${accounts.length} 个账号（${parts.join('，')}），每个账号有一个一次性密码。`;
}
