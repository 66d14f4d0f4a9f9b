/** What picking photos gave: data URLs ready to send, and why others were left out. */
export interface PickedPhotos {
  photos: string[];
  problems: string[];
}

/** The photo's place in the picked batch, for messages: 第2张照片：… */
export function photoMessage(index: number, problem: string): string {
  return `第${index + 1}张照片：${problem}`;
}

export const PHOTO_READ_FAILED = '读取失败，请重新选择。';
