import { apiUrl } from '../../services/api';
import { authorizationHeader, withAccessToken } from '../desk/authorized';
import {
  IMPORT_CONTENT_TYPES,
  importPath,
  readImportResponse,
  type ImportOutcome,
  type ImportUpload,
} from './import';

/** In the browser the file comes from an <input type="file">. */
export const filePickingSupported = true;

/** An answer of the API: its status and its JSON body (undefined when it was not JSON). */
interface Answer {
  status: number;
  body: unknown;
}

async function jsonOf(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Sends the file as the raw body of POST /master-data/import with the session's token. A 401 is
 * handled as for protected downloads (refresh through the API client, then once more); any other
 * answer, 422 included, is read by readImportResponse.
 */
export async function uploadImport(upload: ImportUpload): Promise<ImportOutcome> {
  const answer = await withAccessToken<Answer>(async (token) => {
    try {
      const response = await fetch(apiUrl(importPath(upload.dryRun, upload.kind, upload.sheet)), {
        method: 'POST',
        headers: {
          'content-type': IMPORT_CONTENT_TYPES[upload.kind],
          ...authorizationHeader(token),
        },
        body: upload.file,
      });
      if (response.status === 401) return { status: 401 };
      // Every other status is an answer to read (withAccessToken passes on 2xx only).
      return { status: 200, file: { status: response.status, body: await jsonOf(response) } };
    } catch {
      return { status: 0 };
    }
  });
  return readImportResponse(answer.status, answer.body);
}
