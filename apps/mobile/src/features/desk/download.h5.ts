import { apiUrl } from '../../services/api';
import { authorizationHeader, withAccessToken } from './authorized';
import type { ExportFormat } from './export';

/** Protected files in the browser: fetch with the token (a GET, or a POST of JSON) → blob. */
async function fetchBlob(path: string, body?: unknown): Promise<Blob> {
  return withAccessToken(async (token) => {
    try {
      const res = await fetch(
        apiUrl(path),
        body === undefined
          ? { headers: authorizationHeader(token) }
          : {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...authorizationHeader(token) },
              body: JSON.stringify(body),
            },
      );
      return { status: res.status, file: res.ok ? await res.blob() : undefined };
    } catch {
      return { status: 0 };
    }
  });
}

/** Downloads an export as a file (an <a download> on an object URL). */
export async function downloadExport(
  path: string,
  fileName: string,
  _format: ExportFormat,
): Promise<void> {
  saveBlob(await fetchBlob(path), fileName);
}

/** Downloads the file a POST of `body` answers (e.g. the printable one-time passwords). */
export async function downloadPosted(path: string, body: unknown, fileName: string): Promise<void> {
  saveBlob(await fetchBlob(path, body), fileName);
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** An object URL the Image component can show, for an image that needs the token. */
export async function authorizedImageUrl(path: string): Promise<string> {
  return URL.createObjectURL(await fetchBlob(path));
}

export function releaseImageUrl(url: string): void {
  if (url.startsWith('blob:')) URL.revokeObjectURL(url);
}
