import { useState } from 'react';

import { errorText } from '../../shared/errors';
import { downloadPosted } from '../desk/download';
import {
  CREDENTIALS_FILE_NAME,
  CREDENTIALS_PATH,
  credentialsRequest,
  type PrintableAccount,
} from './credentials';

/**
 * 打印初始密码: posts accounts with the one-time passwords they were just given (kept only in the
 * screen's memory: after an import, a creation or a reset), and downloads the printable PDF the
 * server makes of them.
 */
export function useCredentialsPrint(accounts: readonly PrintableAccount[]) {
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
