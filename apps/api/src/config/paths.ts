import * as path from 'node:path';

/** The repository root: this file sits at apps/api/{src,dist}/config. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** Where the embedded database keeps its files unless DATA_DIR says otherwise. */
export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, '.data');

/** The built H5 app the API serves at `/`. */
export const DEFAULT_H5_DIR = path.join(REPO_ROOT, 'apps/mobile/dist/h5');
