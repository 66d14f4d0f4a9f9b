import type { VisitView } from '@qinqing/domain';

export type { VisitView };

/**
 * Compatibility for the check-in until it takes VisitsRepository: views are
 * `VisitsRepository.views(visits, tx?)`.
 */
export { toVisitViews } from './visits.repository';
