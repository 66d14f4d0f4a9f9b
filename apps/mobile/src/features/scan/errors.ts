/** Why a scan gave no code; `message` is what the officer reads (Chinese, with what to do next). */
export class ScanError extends Error {
  constructor(
    readonly reason: 'CANCELLED' | 'NO_CAMERA' | 'CAMERA_DENIED' | 'NO_CODE_IN_PHOTO' | 'FAILED',
    message: string,
  ) {
    super(message);
    this.name = 'ScanError';
  }
}

export const SCAN_MESSAGES = {
  CANCELLED: '已取消扫码。',
  NO_CAMERA: '未找到可用的摄像头：请点击“从相册选择”，选取打卡码的照片。',
  CAMERA_DENIED:
    '没有摄像头权限：请在浏览器或系统设置中允许本页面使用摄像头后重试，或点击“从相册选择”选取打卡码的照片。',
  NO_CODE_IN_PHOTO: '照片中未识别到二维码：请对准企业门口的打卡码重新拍摄，保证画面清晰完整。',
  FAILED: '扫码失败：请重试，或点击“从相册选择”选取打卡码的照片。',
} as const;
