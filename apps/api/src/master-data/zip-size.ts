/**
 * The total uncompressed size an XLSX (a ZIP archive) declares in its central directory, read
 * before the workbook is unpacked, so that a small upload cannot expand into gigabytes.
 * Answers null when the archive's directory cannot be read (or uses ZIP64).
 */
export function declaredUncompressedSize(zip: Buffer): number | null {
  const END_SIGNATURE = 0x06054b50;
  const ENTRY_SIGNATURE = 0x02014b50;
  const searchFrom = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let i = zip.length - 22; i >= searchFrom; i--) {
    if (zip.readUInt32LE(i) === END_SIGNATURE) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== ENTRY_SIGNATURE) return null;
    const size = zip.readUInt32LE(offset + 24);
    if (size === 0xffffffff) return null;
    total += size;
    offset +=
      46 +
      zip.readUInt16LE(offset + 28) +
      zip.readUInt16LE(offset + 30) +
      zip.readUInt16LE(offset + 32);
  }
  return total;
}
