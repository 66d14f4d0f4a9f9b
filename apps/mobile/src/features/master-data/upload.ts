import { WEAPP_IMPORT_NOTICE, type ImportOutcome, type ImportUpload } from './import';

/**
 * The mini-program cannot pick a spreadsheet: the screen shows WEAPP_IMPORT_NOTICE instead. The
 * H5 build picks upload.h5.ts (the same exports, with fetch).
 */
export const filePickingSupported = false;

export function uploadImport(_upload: ImportUpload): Promise<ImportOutcome> {
  return Promise.reject(new Error(WEAPP_IMPORT_NOTICE));
}
