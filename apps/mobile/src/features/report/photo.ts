import Taro from '@tarojs/taro';

import { PHOTO_READ_FAILED, photoMessage, type PickedPhotos } from './photo-types';
import { photoProblem } from './report-form';

/** JPEG quality of the second try when a photo is over the size limit. */
const RETRY_QUALITY = 50;

function readBase64(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: (res) => resolve(res.data as string),
      fail: reject,
    });
  });
}

async function readDataUrl(path: string): Promise<string> {
  const mime = /\.png$/i.test(path) ? 'image/png' : 'image/jpeg';
  return `data:${mime};base64,${await readBase64(path)}`;
}

/** One photo as a data URL within the limit (compressed once more if needed), or why not. */
async function readPhoto(path: string): Promise<{ dataUrl: string } | { problem: string }> {
  try {
    let dataUrl = await readDataUrl(path);
    if (photoProblem(dataUrl)) {
      const smaller = await Taro.compressImage({ src: path, quality: RETRY_QUALITY });
      dataUrl = await readDataUrl(smaller.tempFilePath);
    }
    const problem = photoProblem(dataUrl);
    return problem ? { problem } : { dataUrl };
  } catch {
    return { problem: PHOTO_READ_FAILED };
  }
}

/**
 * 添加照片 in the mini-program: WeChat's picker (compressed), each photo read as base64 with the
 * file system manager. Null when the user cancelled. (photo.h5.ts is the H5 version.)
 */
export async function pickPhotos(max: number): Promise<PickedPhotos | null> {
  if (max <= 0) return { photos: [], problems: [] };
  let paths: string[];
  try {
    const chosen = await Taro.chooseImage({
      count: max,
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
    });
    paths = chosen.tempFilePaths.slice(0, max);
  } catch {
    return null;
  }
  const result: PickedPhotos = { photos: [], problems: [] };
  for (const [i, path] of paths.entries()) {
    const read = await readPhoto(path);
    if ('dataUrl' in read) result.photos.push(read.dataUrl);
    else result.problems.push(photoMessage(i, read.problem));
  }
  return result;
}
