import { Injectable } from '@nestjs/common';
import type { ChainVerification } from '@qinqing/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditChainHead, AuditEntry } from './audit-entry.entity';
import { entryHash, GENESIS_HASH } from './audit-hash';

export type { ChainVerification };

export interface AuditRecord {
  actorId: string | null;
  /** e.g. CHECK_IN, CHECK_OUT, GATE_CODE_ISSUED, POLICY_CHANGED */
  action: string;
  subjectType: string;
  subjectId: string | null;
  data: Record<string, unknown>;
}

const VERIFY_BATCH = 1000;

/** The only writer of the audit log. */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends an entry inside the caller's transaction. Locking the chain head serialises writers,
   * so concurrent transactions neither fork the chain nor leave gaps (a rollback releases the lock).
   */
  async append(manager: EntityManager, record: AuditRecord): Promise<AuditEntry> {
    const head = await manager
      .getRepository(AuditChainHead)
      .createQueryBuilder('h')
      .setLock('pessimistic_write')
      .where('h.id = 1')
      .getOneOrFail();
    const seq = String(BigInt(head.seq) + 1n);
    const at = new Date();
    const content = { seq, at: at.toISOString(), ...record };
    const hash = entryHash(head.hash, content);
    const entry = manager.create(AuditEntry, { ...record, seq, at, prevHash: head.hash, hash });
    await manager.insert(AuditEntry, entry as QueryDeepPartialEntity<AuditEntry>);
    await manager.update(AuditChainHead, { id: 1 }, { seq, hash });
    return entry;
  }

  /** Walks the whole chain; reports the first entry whose link or content does not hash right. */
  async verify(manager: EntityManager = this.dataSource.manager): Promise<ChainVerification> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1n;
    let entries = 0;
    for (;;) {
      const batch = await manager
        .getRepository(AuditEntry)
        .createQueryBuilder('e')
        .where('e.seq >= :from', { from: String(expectedSeq) })
        .orderBy('e.seq', 'ASC')
        .limit(VERIFY_BATCH)
        .getMany();
      for (const entry of batch) {
        const content = {
          seq: entry.seq,
          at: entry.at.toISOString(),
          actorId: entry.actorId,
          action: entry.action,
          subjectType: entry.subjectType,
          subjectId: entry.subjectId,
          data: entry.data,
        };
        const broken =
          BigInt(entry.seq) !== expectedSeq ||
          entry.prevHash !== prevHash ||
          entry.hash !== entryHash(prevHash, content);
        if (broken) return this.result(false, entries, Number(expectedSeq));
        prevHash = entry.hash;
        expectedSeq += 1n;
        entries += 1;
      }
      if (batch.length < VERIFY_BATCH) break;
    }
    const head = await manager.getRepository(AuditChainHead).findOneByOrFail({ id: 1 });
    // Entries removed from the end (or a head moved) show as a head that the chain does not reach.
    if (head.hash !== prevHash || BigInt(head.seq) !== expectedSeq - 1n) {
      return this.result(false, entries, Number(expectedSeq));
    }
    return this.result(true, entries, null);
  }

  entriesFor(subjectType: string, subjectId: string): Promise<AuditEntry[]> {
    return this.dataSource
      .getRepository(AuditEntry)
      .find({ where: { subjectType, subjectId }, order: { seq: 'ASC' } });
  }

  private result(ok: boolean, entries: number, firstBrokenSeq: number | null): ChainVerification {
    return { ok, entries, firstBrokenSeq, checkedAt: new Date().toISOString() };
  }
}
