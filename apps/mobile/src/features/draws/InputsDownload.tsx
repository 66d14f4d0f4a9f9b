import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import { publicDrawInputsUrl } from '../../services/api';
import { inputsFileName } from './inputs-file';

/**
 * In the mini-program: download the inputs file and offer it to send to a chat (to open on a
 * computer); if that fails, the address is copied so it can be opened in a browser.
 */
export function InputsDownload({ drawId, drawNumber }: { drawId: string; drawNumber: string }) {
  const [message, setMessage] = useState('');
  const url = publicDrawInputsUrl(drawId);

  async function download(): Promise<void> {
    setMessage('');
    try {
      const res = await Taro.downloadFile({ url });
      if (res.statusCode !== 200) throw new Error(String(res.statusCode));
      await Taro.shareFileMessage({
        filePath: res.tempFilePath,
        fileName: inputsFileName(drawNumber),
      });
    } catch {
      try {
        await Taro.setClipboardData({ data: url });
        setMessage(`未能直接下载，已复制下载地址，可在电脑浏览器中打开：${url}`);
      } catch {
        setMessage(`下载地址：${url}`);
      }
    }
  }

  return (
    <View>
      <Button
        className="dk-btn dk-btn--secondary"
        data-testid="public-inputs-download"
        onClick={() => void download()}
      >
        下载输入数据（JSON）
      </Button>
      {message && <Text className="dk-muted">{message}</Text>}
    </View>
  );
}
