import { Injectable } from '@nestjs/common';
import { type CodeProblem, gateCodeUrl, signGateCode, verifyGateCode } from '@qinqing/domain';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainException } from '../common/errors/domain.exception';
import { Env } from '../config/env';
import { Gate } from '../enterprises/gate.entity';
import { GateCode } from './gate-code.entity';
import { GateCodeKeys } from './gate-code-keys';
import { nativeEd25519Verifier } from './native-ed25519';

/** What a scanned code turned out to be. */
export type ScannedCode =
  | { status: 'VALID'; code: GateCode }
  | { status: 'REVOKED'; code: GateCode }
  | { status: 'INVALID'; problem: CodeProblem };

@Injectable()
export class GateCodesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: GateCodeKeys,
    private readonly audit: AuditService,
    private readonly env: Env,
  ) {}

  /** Issues the next version of a gate's code and revokes the active one, in one transaction. */
  async issue(
    gateId: string,
    actorId: string,
  ): Promise<{ code: string; version: number; gateId: string }> {
    return this.dataSource.transaction(async (manager) => {
      const gate = await manager
        .getRepository(Gate)
        .createQueryBuilder('g')
        .setLock('pessimistic_write')
        .where('g.id = :gateId', { gateId })
        .getOne();
      if (!gate) throw new DomainException('NOT_FOUND');
      const codes = manager.getRepository(GateCode);
      const latest = await codes.findOne({ where: { gateId }, order: { version: 'DESC' } });
      const version = (latest?.version ?? 0) + 1;
      const now = new Date();
      const revoked = await codes.update({ gateId, revokedAt: IsNull() }, { revokedAt: now });
      const token = signGateCode(
        { enterpriseId: gate.enterpriseId, gateId, version },
        this.keys.signing,
      );
      const code = gateCodeUrl(this.env.PUBLIC_BASE_URL, token);
      await codes.insert({
        gateId,
        enterpriseId: gate.enterpriseId,
        version,
        keyId: this.keys.signing.keyId,
        code,
        issuedBy: actorId,
      });
      await this.audit.append(manager, {
        actorId,
        action: 'GATE_CODE_ISSUED',
        subjectType: 'gate',
        subjectId: gateId,
        data: {
          enterpriseId: gate.enterpriseId,
          version,
          revokedEarlier: (revoked.affected ?? 0) > 0,
        },
      });
      return { code, version, gateId };
    });
  }

  /** The active code of a gate (for the poster), or 404. */
  async active(gateId: string): Promise<GateCode> {
    const code = await this.dataSource
      .getRepository(GateCode)
      .findOneBy({ gateId, revokedAt: IsNull() });
    if (!code) throw new DomainException('NOT_FOUND');
    return code;
  }

  /** Verifies the signature, then that this version of this gate's code exists and is active. */
  private readonly verifySignature = nativeEd25519Verifier();

  async resolve(
    text: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ScannedCode> {
    const verified = verifyGateCode(text, this.keys.publicKeys, this.verifySignature);
    if (!verified.ok) return { status: 'INVALID', problem: verified.problem };
    const { gateId, enterpriseId, version } = verified.payload;
    const code = await manager.getRepository(GateCode).findOneBy({ gateId, version });
    if (!code || code.enterpriseId !== enterpriseId)
      return { status: 'INVALID', problem: 'UNKNOWN_CODE' };
    return code.revokedAt ? { status: 'REVOKED', code } : { status: 'VALID', code };
  }
}
