/**
 * A Content-Disposition header that downloads a file under a name that may be Chinese: the
 * RFC 5987 / RFC 6266 `filename*` for browsers, with an ASCII `filename` for the rest.
 */
export function attachmentDisposition(filename: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A piece of a file name: no path separators, quotes or control characters, no blanks. */
export function fileNamePart(text: string): string {
  return text
    .trim()
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_')
    .replace(/\s+/g, '_');
}
