import Taro from '@tarojs/taro';

import { apiUrl } from '../../services/api';
import { authorizationHeader, withAccessToken } from './authorized';
import type { ExportFormat } from './export';

/**
 * Protected files in the mini-program: Taro.downloadFile with the token; the H5 build picks
 * download.h5.ts (fetch → blob URL) instead.
 */
async function downloadTemp(path: string): Promise<string> {
  return withAccessToken(async (token) => {
    try {
      const res = await Taro.downloadFile({
        url: apiUrl(path),
        header: authorizationHeader(token),
      });
      return { status: res.statusCode, file: res.tempFilePath };
    } catch {
      return { status: 0 };
    }
  });
}

/** Downloads an export and opens it (XLSX in WeChat's viewer; CSV is offered to send to a chat). */
export async function downloadExport(
  path: string,
  fileName: string,
  format: ExportFormat,
): Promise<void> {
  const filePath = await downloadTemp(path);
  if (format === 'xlsx') {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
    return;
  }
  await Taro.shareFileMessage({ filePath, fileName });
}

/**
 * Downloads the PDF a POST of `body` answers and opens it in WeChat's viewer (to print or send):
 * Taro.downloadFile only GETs, so the bytes come by request and are written to a user file.
 */
export async function downloadPosted(path: string, body: unknown, fileName: string): Promise<void> {
  const data = await withAccessToken(async (token) => {
    try {
      const res = await Taro.request<ArrayBuffer>({
        url: apiUrl(path),
        method: 'POST',
        data: body as TaroGeneral.IAnyObject,
        header: { 'content-type': 'application/json', ...authorizationHeader(token) },
        responseType: 'arraybuffer',
      });
      return { status: res.statusCode, file: res.data };
    } catch {
      return { status: 0 };
    }
  });
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  Taro.getFileSystemManager().writeFileSync(filePath, data, 'binary');
  await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true });
}

/** A local path the Image component can show, for an image that needs the token. */
export function authorizedImageUrl(path: string): Promise<string> {
  return downloadTemp(path);
}

/** Nothing to free in the mini-program (temporary files are cleaned by WeChat). */
export function releaseImageUrl(_url: string): void {}
