import { REPORT_PHOTO_MAX_BYTES } from '@qinqing/domain';
import Taro from '@tarojs/taro';

import { PHOTO_READ_FAILED, photoMessage, type PickedPhotos } from './photo-types';
import { photoProblem } from './report-form';

/** Re-encoding steps for a photo over the limit (or not JPEG/PNG): longest side, JPEG quality. */
const SHRINK_STEPS: readonly { maxSide: number; quality: number }[] = [
  { maxSide: 1600, quality: 0.8 },
  { maxSide: 1200, quality: 0.7 },
  { maxSide: 900, quality: 0.6 },
];

function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(blob);
  });
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('image'));
    image.src = src;
  });
}

/** The image re-encoded as JPEG with its longest side at most maxSide. */
function shrink(image: HTMLImageElement, maxSide: number, quality: number): string | null {
  const scale = Math.min(1, maxSide / Math.max(image.naturalWidth, image.naturalHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', quality);
}

/** One photo (a blob: URL from the picker) as a data URL within the limit, or why not. */
async function readPhoto(src: string): Promise<{ dataUrl: string } | { problem: string }> {
  try {
    const blob = await (await fetch(src)).blob();
    if (/^image\/(jpeg|png)$/.test(blob.type) && blob.size <= REPORT_PHOTO_MAX_BYTES) {
      const dataUrl = await blobToDataUrl(blob);
      const problem = photoProblem(dataUrl);
      return problem ? { problem } : { dataUrl };
    }
    const image = await loadImage(src);
    let last: string | null = null;
    for (const step of SHRINK_STEPS) {
      last = shrink(image, step.maxSide, step.quality);
      if (last && !photoProblem(last)) return { dataUrl: last };
    }
    return { problem: (last && photoProblem(last)) || PHOTO_READ_FAILED };
  } catch {
    return { problem: PHOTO_READ_FAILED };
  }
}

/**
 * 添加照片 in H5: the browser's file picker; each photo read with fetch(blob) → FileReader, and
 * re-encoded smaller on a canvas when it is over the limit. Null when the user cancelled.
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
