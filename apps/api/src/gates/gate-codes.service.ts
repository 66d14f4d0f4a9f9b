import { Injectable } from '@nestjs/common';
import {
  type CodeProblem,
  type GateCodeHistory,
  type GateCodeVerification,
  type GateListItem,
  gateCodeUrl,
  signGateCode,
  verifyGateCode,
} from '@qinqing/domain';
import { AuditService } from '../audit/audit.service';
import { DomainException } from '../common/errors/domain.exception';
import { Env } from '../config/env';
import { Transactions } from '../database/transactions';
import { EnterprisesRepository } from '../enterprises/enterprises.repository';
import type { GateCode } from './gate-code.entity';
import { GateCodeKeys } from './gate-code-keys';
import { GateCodesRepository } from './gate-codes.repository';
import { nativeEd25519Verifier } from './native-ed25519';

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/** What a scanned code turned out to be. */
export type ScannedCode =
  | { status: 'VALID' | 'REVOKED'; gateId: string; enterpriseId: string; version: number }
  | { status: 'INVALID'; problem: CodeProblem };

/**
 * What a scanned code turned out to be, from its verified text and the stored row of the version
 * it names (null: no such version): an unknown version, or one of another firm, is UNKNOWN_CODE.
 */
export function scannedCode(
  verified: GateCodeVerification,
  row: { enterpriseId: string; revoked: boolean } | null,
): ScannedCode {
  if (!verified.ok) return { status: 'INVALID', problem: verified.problem };
  const { gateId, enterpriseId, version } = verified.payload;
  if (!row || row.enterpriseId !== enterpriseId) {
    return { status: 'INVALID', problem: 'UNKNOWN_CODE' };
  }
  return { status: row.revoked ? 'REVOKED' : 'VALID', gateId, enterpriseId, version };
}

@Injectable()
export class GateCodesService {
  constructor(
    private readonly codes: GateCodesRepository,
    private readonly firms: EnterprisesRepository,
    private readonly transactions: Transactions,
    private readonly keys: GateCodeKeys,
    private readonly audit: AuditService,
    private readonly env: Env,
  ) {}

  /** Issues the next version of a gate's code and revokes the active one, in one transaction. */
  async issue(
    gateId: string,
    actorId: string,
  ): Promise<{ code: string; version: number; gateId: string }> {
    return this.transactions.run(async (tx) => {
      const gate = await this.firms.lockGateForUpdate(gateId, tx);
      if (!gate) throw new DomainException('NOT_FOUND');
      const latest = await this.codes.latestOf(gateId, tx);
      const version = (latest?.version ?? 0) + 1;
      const now = new Date();
      const revokedEarlier = await this.codes.revokeActive(gateId, now, tx);
      const token = signGateCode(
        { enterpriseId: gate.enterpriseId, gateId, version },
        this.keys.signing,
      );
      const code = gateCodeUrl(this.env.PUBLIC_BASE_URL, token);
      await this.codes.insert(
        {
          gateId,
          enterpriseId: gate.enterpriseId,
          version,
          keyId: this.keys.signing.keyId,
          code,
          issuedBy: actorId,
        },
        tx,
      );
      await this.audit.append(tx, {
        actorId,
        action: 'GATE_CODE_ISSUED',
        subjectType: 'gate',
        subjectId: gateId,
        data: {
          enterpriseId: gate.enterpriseId,
          version,
          revokedEarlier,
        },
      });
      return { code, version, gateId };
    });
  }

  /** The active code of a gate (for the poster), or 404. */
  async active(gateId: string): Promise<GateCode> {
    const code = await this.codes.activeCodeOf(gateId);
    if (!code) throw new DomainException('NOT_FOUND');
    return code;
  }

  /** Every firm's gates with the code in force (admin list), by firm and gate name. */
  async listGates(): Promise<GateListItem[]> {
    const rows = await this.codes.gatesWithActiveCodes();
    return rows.map((row) => ({ ...row, activeIssuedAt: iso(row.activeIssuedAt) }));
  }

  /** Every version of a gate's code, newest first, with who issued it; 404 for an unknown gate. */
  async history(gateId: string): Promise<GateCodeHistory> {
    const gate = await this.firms.gateNames(gateId);
    if (!gate) throw new DomainException('NOT_FOUND');
    const rows = await this.codes.versionsOf(gateId);
    return {
      gateId,
      ...gate,
      items: rows.map((row) => ({
        version: row.version,
        issuedAt: iso(row.issuedAt)!,
        issuedBy:
          row.issuedById && row.issuedByName
            ? { id: row.issuedById, name: row.issuedByName }
            : null,
        revokedAt: iso(row.revokedAt),
      })),
    };
  }

  private readonly verifySignature = nativeEd25519Verifier();

  /** Checks a scanned text's signature against the gate-code keys (no database). */
  verify(text: string): GateCodeVerification {
    return verifyGateCode(text, this.keys.publicKeys, this.verifySignature);
  }
}
