import * as z from 'zod';
import type { ErrorCode } from '../errors';
import type { Role } from '../roles';
import { ROUTES, type Route, type RouteName } from './routes';
import {
  checkInAccepted,
  checkInPreview,
  checkInPreviewRequest,
  checkInRequest,
} from './schemas/check-ins';
import {
  auditTrailEntry,
  checkOutRequest,
  listVisitsQuery,
  visitIdParams,
  visitPage,
  visitView,
} from './schemas/visits';

/**
 * One endpoint, defined once: where it is (ROUTES), who may call it, what it takes (params, query,
 * body) and what it answers (the success body, and the error codes it may answer besides the
 * ones every endpoint may: VALIDATION_FAILED when it takes input, UNAUTHENTICATED unless public,
 * FORBIDDEN when limited to roles, SERVICE_UNAVAILABLE, INTERNAL_ERROR). The server validates,
 * routes and documents from it; the phone's client calls from it.
 */
export interface EndpointSpec {
  summary: string;
  description?: string;
  /** 'public': no login; 'user': any logged-in account; or the roles that may call it */
  access: 'public' | 'user' | readonly Role[];
  /** the success status */
  status: 200 | 201 | 204;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  /** further error codes this endpoint answers */
  errors?: readonly ErrorCode[];
}

export type Endpoint<N extends RouteName = RouteName> = EndpointSpec & { name: N } & Route;

function endpoint<N extends RouteName, const S extends EndpointSpec>(
  name: N,
  spec: S,
): S & { name: N } & (typeof ROUTES)[N] {
  return { ...spec, name, ...ROUTES[name] };
}

export const ENDPOINTS = {
  checkIn: endpoint('checkIn', {
    summary: '先扫码、后入企: check in at a gate (idempotent on clientId)',
    description:
      '201 ALLOWED or FLAGGED; a refusal is recorded too and answered 409 CHECK_IN_REFUSED with ' +
      '{reasons, attemptId, decision}. Sending the same clientId again answers the first result.',
    access: ['officer'],
    status: 201,
    body: checkInRequest,
    response: checkInAccepted,
    errors: ['CHECK_IN_REFUSED', 'CLIENT_ID_REUSED', 'RATE_LIMITED'],
  }),
  previewCheckIn: endpoint('previewCheckIn', {
    summary: '预判: what each purpose would give if submitted now (nothing is recorded)',
    access: ['officer'],
    status: 200,
    body: checkInPreviewRequest,
    response: checkInPreview,
    errors: ['RATE_LIMITED'],
  }),
  listVisits: endpoint('listVisits', {
    summary: 'Visits and refused attempts in the caller’s scope, newest first, keyset-paginated',
    access: 'user',
    status: 200,
    query: listVisitsQuery,
    response: visitPage,
  }),
  getVisit: endpoint('getVisit', {
    summary: 'One visit; 404 when it does not exist or is outside the caller’s scope',
    access: 'user',
    status: 200,
    params: visitIdParams,
    response: visitView,
    errors: ['NOT_FOUND'],
  }),
  visitAudit: endpoint('visitAudit', {
    summary: 'The audit entries of a visit (check-in, check-out, auto-close …)',
    access: ['supervisor', 'admin'],
    status: 200,
    params: visitIdParams,
    response: z.object({ items: z.array(auditTrailEntry) }),
    errors: ['NOT_FOUND'],
  }),
  checkOut: endpoint('checkOut', {
    summary: 'Check out with findings (an officer of the visit, once)',
    access: ['officer'],
    status: 200,
    params: visitIdParams,
    body: checkOutRequest,
    response: visitView,
    errors: ['NOT_FOUND', 'VISIT_ALREADY_CHECKED_OUT', 'VISIT_REFUSED_NO_CHECK_OUT'],
  }),
} satisfies { [N in RouteName]: Endpoint<N> };
