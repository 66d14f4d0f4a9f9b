import type * as z from 'zod';
import type { DecisionReason } from '../../reasons';
import { ENDPOINTS, decisionReason, fieldErrorsOf, parseRequestPart } from './index';
import { checkInPreviewRequest, checkInRequest } from './check-ins';
import { listVisitsQuery } from './visits';
import { ROUTES, routeUrl } from '../routes';

/** A and B are the same type (each assignable to the other). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameReason: Same<z.output<typeof decisionReason>, DecisionReason> = true;

describe('the API schemas', () => {
  it('mirror the rule engine’s own types', () => {
    expect(sameReason).toBe(true);
  });

  it('define one endpoint per route, named after it', () => {
    expect(Object.keys(ENDPOINTS).sort()).toEqual(Object.keys(ROUTES).sort());
    for (const [name, endpoint] of Object.entries(ENDPOINTS)) {
      expect(endpoint.name).toBe(name);
      expect(endpoint.path).toBe(ROUTES[name as keyof typeof ROUTES].path);
    }
  });

  it('report field errors in Chinese, on the field the API has always named', () => {
    const result = parseRequestPart(
      checkInRequest,
      {
        clientId: 'nope',
        code: '',
        purpose: 'SHOPPING',
        coOfficerIds: ['x', 'y'],
        location: { lat: 100, lng: 'east' },
        clientTime: '2026-11-22T09:30:00',
        extra: true,
      },
      'body',
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'clientId', message: '应为 UUID' },
        { field: 'code', message: '不能为空' },
        { field: 'purpose', message: expect.stringMatching(/^应为以下之一：RANDOM_INSPECTION、/) },
        { field: 'coOfficerIds', message: '应为 UUID' },
        { field: 'coOfficerIds', message: '应为 UUID' },
        { field: 'location.lat', message: '不能大于 90' },
        { field: 'location.lng', message: '应为数字' },
        { field: 'location.accuracy', message: '必填' },
        {
          field: 'clientTime',
          message: '应为带时区的 ISO 8601 时间，如 2026-11-22T09:30:00+08:00',
        },
        { field: 'extra', message: '不允许的字段' },
      ],
    });
  });

  it('take the preview’s scan time as optional, everything else as the check-in does', () => {
    expect(parseRequestPart(checkInPreviewRequest, { code: 'x' }, 'body')).toEqual({
      ok: true,
      value: { code: 'x' },
    });
    const tooLong = parseRequestPart(checkInPreviewRequest, { code: 'x'.repeat(1001) }, 'body');
    expect(tooLong).toEqual({
      ok: false,
      errors: [{ field: 'code', message: '长度不能大于 1000 个字符' }],
    });
  });

  it('read numbers from the query string and report a body that is not an object', () => {
    expect(parseRequestPart(listVisitsQuery, { limit: '20' }, 'query')).toEqual({
      ok: true,
      value: { limit: 20 },
    });
    expect(parseRequestPart(listVisitsQuery, { limit: '0' }, 'query')).toMatchObject({
      ok: false,
      errors: [{ field: 'limit', message: '不能小于 1' }],
    });
    expect(parseRequestPart(checkInRequest, null, 'body')).toEqual({
      ok: false,
      errors: [{ field: 'body', message: '应为对象' }],
    });
    expect(fieldErrorsOf([], 'body')).toEqual([]);
  });

  it('fill a route’s path parameters and query', () => {
    expect(routeUrl(ROUTES.getVisit, { id: 'a/b' })).toBe('/api/v1/visits/a%2Fb');
    expect(routeUrl(ROUTES.listVisits, {}, { limit: 20, cursor: undefined, flag: '' })).toBe(
      '/api/v1/visits?limit=20',
    );
    expect(() => routeUrl(ROUTES.getVisit)).toThrow('missing path parameter id');
  });
});
