import { apiUrl } from '../../services/api';
import { authorizationHeader, withAccessToken } from '../desk/authorized';
import { posterPath, type PosterFormat } from './gates';

/** The name in an RFC 5987 `filename*=UTF-8''…` parameter, if the answer gives one. */
export function fileNameOf(disposition: string | null): string | undefined {
  const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

/**
 * In the browser: fetch the poster with the session's token as a blob, and save it through an
 * <a download> (the name the API gives, else `fallbackName`). Resolves to the name saved.
 */
export async function savePoster(
  gateId: string,
  format: PosterFormat,
  fallbackName: string,
): Promise<string> {
  const file = await withAccessToken<{ blob: Blob; name: string }>(async (token) => {
    try {
      const res = await fetch(apiUrl(posterPath(gateId, format)), {
        headers: authorizationHeader(token),
      });
      if (!res.ok) return { status: res.status };
      const name = fileNameOf(res.headers.get('content-disposition')) ?? fallbackName;
      return { status: res.status, file: { blob: await res.blob(), name } };
    } catch {
      return { status: 0 };
    }
  });
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return file.name;
}
