import { apiUrl } from '../../services/api';
import { authorizationHeader, withAccessToken } from './authorized';
import type { ExportFormat } from './export';

/** Protected files in the browser: fetch with the token → blob → object URL. */
async function fetchBlob(path: string): Promise<Blob> {
  return withAccessToken(async (token) => {
    try {
      const res = await fetch(apiUrl(path), { headers: authorizationHeader(token) });
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
  const url = URL.createObjectURL(await fetchBlob(path));
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
