import type {
  CheckInOutcome,
  CheckInRequest,
  DecisionReason,
  OfflineJudgement,
} from '@qinqing/domain';

import { taroStore, type KeyValueStore } from '../../services/storage';
import type { CheckInSubmission } from './submit';

/**
 * Any submission `submitCheckIn` may return: the online ones, and the offline one the sync queue
 * adds (`{mode: 'offline', judgement, queued}`). Read loosely so that either version works.
 */
export type AnySubmission =
  CheckInSubmission | { mode: 'offline'; judgement?: OfflineJudgement; queued?: boolean };

/** What the decision screen shows: the submission and what the officer chose. */
export interface LastCheckIn {
  submission: AnySubmission;
  request: CheckInRequest;
  firmName: string | null;
  gateName: string | null;
  officerNames: string[];
  savedAt: string;
}

const LAST_KEY = 'qinqing.officer.lastCheckIn';
let last: LastCheckIn | undefined;

export function saveLastCheckIn(value: LastCheckIn, store: KeyValueStore = taroStore): void {
  last = value;
  try {
    store.set(LAST_KEY, value);
  } catch {
    // Storage full or unavailable: the in-memory copy still serves the decision screen.
  }
}

export function loadLastCheckIn(store: KeyValueStore = taroStore): LastCheckIn | undefined {
  return last ?? store.get<LastCheckIn>(LAST_KEY);
}

export interface DecisionSummary {
  /** null: not judged yet (an offline check-in at a firm the phone does not know) */
  outcome: CheckInOutcome | null;
  reasons: DecisionReason[];
  offline: boolean;
  queued: boolean;
  visitId: string | null;
}

/** The decision in any submission, whatever its mode. */
export function summarizeSubmission(submission: AnySubmission): DecisionSummary {
  if (submission.mode === 'online') {
    if (submission.accepted) {
      return {
        outcome: submission.result.decision.outcome,
        reasons: submission.result.decision.reasons ?? [],
        offline: false,
        queued: false,
        visitId: submission.result.visit.id,
      };
    }
    return {
      outcome: 'REFUSED',
      reasons: submission.result.reasons ?? submission.result.decision?.reasons ?? [],
      offline: false,
      queued: false,
      visitId: null,
    };
  }
  const loose = submission as { judgement?: OfflineJudgement; queued?: boolean };
  const judgement = loose.judgement;
  return {
    outcome: judgement?.judged ? judgement.decision.outcome : null,
    reasons: judgement?.judged ? judgement.decision.reasons : [],
    offline: true,
    queued: loose.queued !== false,
    visitId: null,
  };
}
