/** @jest-environment node */
import type { CheckInRequest } from '@qinqing/domain';
import { ApiError, NetworkError, type ApiClient } from '../../services/api';
import { apiSender } from './api-sender';

const request = { clientId: 'c1' } as CheckInRequest;
const decision = { outcome: 'REFUSED' as const, reasons: [], policyVersion: 3 };

function sender(checkIn: jest.Mock) {
  return apiSender({ submitCheckIn: checkIn } as unknown as ApiClient);
}

describe('apiSender: what each answer of POST /check-ins means for the queue', () => {
  it('201 → recorded, with the visit', async () => {
    const send = sender(
      jest.fn().mockResolvedValue({
        accepted: true,
        result: {
          visit: { id: 'v1', enterpriseName: '郑州众联混凝土有限公司' },
          decision: { ...decision, outcome: 'ALLOWED' },
        },
      }),
    );
    await expect(send(request)).resolves.toEqual({
      kind: 'recorded',
      decision: { ...decision, outcome: 'ALLOWED' },
      recordId: 'v1',
      enterpriseName: '郑州众联混凝土有限公司',
    });
  });

  it('409 CHECK_IN_REFUSED → recorded too (the refused attempt is on the server)', async () => {
    const send = sender(
      jest.fn().mockResolvedValue({ accepted: false, result: { attemptId: 'a1', decision } }),
    );
    await expect(send(request)).resolves.toEqual({
      kind: 'recorded',
      decision,
      recordId: 'a1',
      enterpriseName: null,
    });
  });

  it.each([
    [new NetworkError(), { kind: 'unreachable' }],
    [new ApiError(401, 'TOKEN_EXPIRED', '登录已过期', {}), { kind: 'needsLogin' }],
    [new ApiError(503, 'DATABASE_UNAVAILABLE', '数据库暂时不可用', {}), { kind: 'retryLater' }],
    [
      new ApiError(503, 'SERVICE_UNAVAILABLE', '服务暂时不可用', { retryAfterSeconds: 5 }, 5),
      { kind: 'retryLater', message: '服务暂时不可用', retryAfterMs: 5000 },
    ],
    [
      new ApiError(429, 'RATE_LIMITED', '操作过于频繁', { retryAfterSeconds: 42 }, 42),
      { kind: 'retryLater', retryAfterMs: 42_000 },
    ],
    [new ApiError(429, 'RATE_LIMITED', '操作过于频繁', {}), { kind: 'retryLater' }],
    [
      new ApiError(400, 'VALIDATION_FAILED', '提交的内容不完整', {}),
      { kind: 'rejected', statusCode: 400, code: 'VALIDATION_FAILED', message: '提交的内容不完整' },
    ],
    [
      new ApiError(409, 'CLIENT_ID_REUSED', '该打卡编号已被其他执法人员使用', {}),
      { kind: 'rejected', statusCode: 409, code: 'CLIENT_ID_REUSED' },
    ],
    [new TypeError('unexpected'), { kind: 'retryLater', message: 'unexpected' }],
  ])('%s → %o', async (error, expected) => {
    const send = sender(jest.fn().mockRejectedValue(error));
    await expect(send(request)).resolves.toMatchObject(expected);
  });
});
