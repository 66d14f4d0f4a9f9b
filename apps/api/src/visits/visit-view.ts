import type { VisitView } from '@qinqing/domain';

export type { VisitView };
