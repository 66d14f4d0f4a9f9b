import type { AuditService } from '../audit/audit.service';
import type { Tx } from '../database/transactions';

/**
 * TODO(merge): AuditService.append takes a `Tx` on branch repos-people; until that lands it still
 * declares an EntityManager (the same object at run time). The services of ratings, reports,
 * draws and policy pass their transaction through this one bridge; delete it (and call
 * `append(tx, …)`) once append takes a Tx.
 */
export function auditTx(tx: Tx): Parameters<AuditService['append']>[0] {
  return tx as unknown as Parameters<AuditService['append']>[0];
}
