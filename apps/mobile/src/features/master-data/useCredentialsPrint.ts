import type { ImportedAccount } from '@qinqing/domain';
import { useState } from 'react';

import { errorText } from '../../shared/errors';
import { downloadPosted } from '../desk/download';
import { CREDENTIALS_FILE_NAME, CREDENTIALS_PATH, credentialsRequest } from './credentials';

/**
 * 打印初始密码: posts the accounts an import created, with the one-time passwords it answered
 * (kept only in this screen's memory), and downloads the printable PDF the server makes of them.
 */
export function useCredentialsPrint(accounts: readonly ImportedAccount[]) {
  const [printing, setPrinting] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  async function print(): Promise<void> {
    setPrinting(true);
    setMessage(undefined);
    try {
      await downloadPosted(CREDENTIALS_PATH, credentialsRequest(accounts), CREDENTIALS_FILE_NAME);
      setMessage({ ok: true, text: `已下载：${CREDENTIALS_FILE_NAME}，请打印后当面发放。` });
    } catch (e) {
      setMessage({ ok: false, text: `打印清单未生成：${errorText(e)}` });
    } finally {
      setPrinting(false);
    }
  }

  return { printing, message, print };
}
