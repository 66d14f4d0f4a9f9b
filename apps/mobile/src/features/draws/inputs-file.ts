import { api, type ApiClient } from '../../services/api';
import type { DrawInputsFile } from './public';

/** The draw's published inputs (and seed once revealed): no login needed. */
export function fetchInputsFile(
  drawId: string,
  client: Pick<ApiClient, 'request'> = api,
): Promise<DrawInputsFile> {
  return client.request<DrawInputsFile>('GET', `/api/v1/public/draws/${drawId}/inputs`);
}

/** The name the downloaded file gets, e.g. 'SJ-2026-003-输入数据.json'. */
export function inputsFileName(drawNumber: string): string {
  return `${drawNumber}-输入数据.json`;
}
