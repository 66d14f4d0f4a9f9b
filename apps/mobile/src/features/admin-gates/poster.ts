import Taro from '@tarojs/taro';

import { apiUrl } from '../../services/api';
import { authorizationHeader, withAccessToken } from '../desk/authorized';
import { posterPath, type PosterFormat } from './gates';

/**
 * In the mini-program: download the poster with the token, then open the PDF in WeChat's viewer
 * (print or send from its menu) or save the PNG to the photo album. The H5 build uses
 * poster.h5.ts. Resolves to the name shown to the admin.
 */
export async function savePoster(
  gateId: string,
  format: PosterFormat,
  fallbackName: string,
): Promise<string> {
  const filePath = await withAccessToken<string>(async (token) => {
    try {
      const res = await Taro.downloadFile({
        url: apiUrl(posterPath(gateId, format)),
        header: authorizationHeader(token),
      });
      return { status: res.statusCode, file: res.tempFilePath };
    } catch {
      return { status: 0 };
    }
  });
  if (format === 'pdf') {
    await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true });
  } else {
    await Taro.saveImageToPhotosAlbum({ filePath });
  }
  return fallbackName;
}
