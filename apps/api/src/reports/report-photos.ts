import { createHash } from 'node:crypto';
import { REPORT_PHOTO_MAX_BYTES, type FieldError } from '@qinqing/domain';
import { DomainException } from '../common/errors/domain.exception';

export type PhotoContentType = 'image/jpeg' | 'image/png';

export interface ReportPhotoFile {
  contentType: PhotoContentType;
  data: Buffer;
  sha256: string;
}

/** The first bytes each accepted format starts with. */
const MAGIC: Record<PhotoContentType, Buffer> = {
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
};

const DATA_URL = /^data:(image\/jpeg|image\/png);base64,([A-Za-z0-9+/]*={0,2})$/;

/**
 * Decodes the photos of a report and checks each by its bytes: a JPEG or PNG data URL whose
 * content starts with that format's magic number, no larger than REPORT_PHOTO_MAX_BYTES.
 * Any bad photo is VALIDATION_FAILED with one field error per photo (`photos.<index>`).
 */
export function parseReportPhotos(dataUrls: readonly string[]): ReportPhotoFile[] {
  const errors: FieldError[] = [];
  const photos: ReportPhotoFile[] = [];
  dataUrls.forEach((dataUrl, index) => {
    const result = parsePhoto(dataUrl);
    if (typeof result === 'string') errors.push({ field: `photos.${index}`, message: result });
    else photos.push(result);
  });
  if (errors.length > 0) throw new DomainException('VALIDATION_FAILED', { errors });
  return photos;
}

/** A photo, or the reason (in Chinese) it is refused. */
function parsePhoto(dataUrl: string): ReportPhotoFile | string {
  const match = DATA_URL.exec(dataUrl);
  if (!match)
    return '照片应为 JPEG 或 PNG 图片（data:image/jpeg;base64,… 或 data:image/png;base64,…）';
  const contentType = match[1] as PhotoContentType;
  const data = Buffer.from(match[2], 'base64');
  if (data.length === 0) return '照片内容为空';
  if (data.length > REPORT_PHOTO_MAX_BYTES) {
    return `照片过大（每张不超过 ${REPORT_PHOTO_MAX_BYTES / 1024 / 1024} MB）`;
  }
  const magic = MAGIC[contentType];
  if (data.length <= magic.length || !data.subarray(0, magic.length).equals(magic)) {
    return contentType === 'image/jpeg' ? '照片不是有效的 JPEG 图片' : '照片不是有效的 PNG 图片';
  }
  return { contentType, data, sha256: createHash('sha256').update(data).digest('hex') };
}
