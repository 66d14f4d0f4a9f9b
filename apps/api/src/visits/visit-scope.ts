/**
 * Compatibility for the callers not yet on VisitsRepository (ratings): the visit scope filter is
 * `visitScopeSql` (visit-sql.ts); one visit in scope is `VisitsRepository.inScope`.
 */
export { findVisitInScope } from './visits.repository';
