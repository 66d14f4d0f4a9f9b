import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { chainKeyNumber, entryContent, entryHash, GENESIS_HASH } from '../src/audit/audit-hash';
import { AuditRepository } from '../src/audit/audit.repository';
import { AuditService } from '../src/audit/audit.service';
import { DEFAULT_AUDIT_CHAINS } from '../src/database/migrations/1796450000000-AuditChains';
import { typeOrmOptions } from '../src/database/typeorm-options';
import { createTestDatabase } from './support/test-database';
import { asTx } from '../src/database/transactions';

/**
 * Issue 15: the audit log is several hash chains, one head row each, so writers of different
 * chains never wait on each other. Here on a real PostgreSQL: many concurrent writers with random
 * keys (some rolled back) leave every chain verifiable, and an entry changed, deleted or moved on
 * any chain is found and named.
 */

/** Chain keys as the API uses them (a unit's id). */
const KEYS = Array.from({ length: 12 }, () => randomUUID());
const chainOf = (key: string | undefined) =>
  key === undefined ? 0 : chainKeyNumber(key) % DEFAULT_AUDIT_CHAINS;

/** A key whose chain is `chain`. */
function keyOnChain(chain: number): string {
  for (;;) {
    const key = randomUUID();
    if (chainOf(key) === chain) return key;
  }
}

class RolledBack extends Error {}

async function openDatabase(): Promise<DataSource> {
  const dataSource = new DataSource(typeOrmOptions(await createTestDatabase(), 12));
  return dataSource.initialize();
}

/** Runs `work` in a transaction with every trigger off (an intruder), then rolls it back. */
async function tampered<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    await runner.query('SET LOCAL session_replication_role = replica');
    return await work(runner.manager);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

const record = (key: string | undefined, i: number) => ({
  actorId: null,
  action: 'CHECK_IN',
  subjectType: 'visit',
  subjectId: randomUUID(),
  data: { i, key: key ?? null, note: '并发写入' },
  chainKey: key,
});

describe('audit chains under concurrent writers', () => {
  let dataSource: DataSource;
  let audit: AuditService;
  let committed = 0;

  beforeAll(async () => {
    dataSource = await openDatabase();
    audit = new AuditService(new AuditRepository(dataSource));
  });
  afterAll(() => dataSource.destroy());

  it('starts with one head per chain, 0 … 15, all empty', async () => {
    const heads = await dataSource.query(
      'SELECT id, seq::int AS seq, hash FROM audit_chain_head ORDER BY id',
    );
    expect(heads).toEqual(
      Array.from({ length: 16 }, (_, id) => ({ id, seq: 0, hash: GENESIS_HASH })),
    );
  });

  it('stay verifiable: no fork, no gap, contiguous seqs, every committed entry and no other', async () => {
    const transaction = fc.record({
      key: fc.constantFrom<string | undefined>(...KEYS, undefined),
      entries: fc.integer({ min: 1, max: 3 }),
      rollBack: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(transaction, { minLength: 1, maxLength: 24 }), async (batch) => {
        await Promise.all(
          batch.map((tx) =>
            dataSource
              .transaction(async (manager) => {
                for (let i = 0; i < tx.entries; i++)
                  await audit.append(asTx(manager), record(tx.key, i));
                if (tx.rollBack) throw new RolledBack();
              })
              .catch((error: unknown) => {
                if (!(error instanceof RolledBack)) throw error;
              }),
          ),
        );
        committed += batch.filter((tx) => !tx.rollBack).reduce((n, tx) => n + tx.entries, 0);

        const result = await audit.verify();
        expect(result).toMatchObject({ ok: true, firstBrokenSeq: null, firstBrokenChain: null });
        expect(result.entries).toBe(committed);
        expect(result.chains.map((c) => c.chain)).toEqual([...Array(16).keys()]);
        const perChain: { chain: number; n: number; first: number; last: number; head: number }[] =
          await dataSource.query(
            `SELECT h.id AS chain, count(e.seq)::int AS n, coalesce(min(e.seq), 0)::int AS first,
                    coalesce(max(e.seq), 0)::int AS last, h.seq::int AS head
               FROM audit_chain_head h LEFT JOIN audit_entry e ON e.chain = h.id
              GROUP BY h.id ORDER BY h.id`,
          );
        for (const c of perChain) {
          // seqs 1 … n, the head at n: contiguous, nothing skipped by a rolled-back writer
          expect([c.first, c.last, c.head]).toEqual([c.n === 0 ? 0 : 1, c.n, c.n]);
          expect(result.chains[c.chain]).toEqual({
            chain: c.chain,
            entries: c.n,
            firstBrokenSeq: null,
          });
        }
        // one key, one chain: chainKeyNumber(key) mod the number of heads
        const misplaced = await dataSource.query(
          `SELECT count(*)::int AS n FROM audit_entry e
             JOIN unnest($1::text[], $2::int[]) AS k(key, chain) ON e.data->>'key' = k.key
            WHERE e.chain <> k.chain`,
          [KEYS, KEYS.map(chainOf)],
        );
        expect(misplaced[0].n).toBe(0);
      }),
      { numRuns: 12 },
    );
    // the keys did spread: more than a few chains have entries
    const [{ used }] = await dataSource.query(
      'SELECT count(DISTINCT chain)::int AS used FROM audit_entry',
    );
    expect(used).toBeGreaterThan(4);
  });

  it('keep each key on its own chain', async () => {
    const key = KEYS[0];
    const entry = await dataSource.transaction((m) => audit.append(asTx(m), record(key, 0)));
    committed += 1;
    expect(entry.chain).toBe(chainOf(key));
    const unkeyed = await dataSource.transaction((m) =>
      audit.append(asTx(m), record(undefined, 0)),
    );
    committed += 1;
    expect(unkeyed.chain).toBe(0);
  });

  /** The entries of the busiest chain other than 0. */
  async function busiestChain(): Promise<{ chain: number; n: number }> {
    const [busiest] = await dataSource.query(
      `SELECT chain, count(*)::int AS n FROM audit_entry WHERE chain <> 0
        GROUP BY chain ORDER BY count(*) DESC, chain LIMIT 1`,
    );
    expect(busiest.n).toBeGreaterThanOrEqual(3);
    return busiest;
  }

  it('finds an entry changed on chain k, and names chain k and its seq', async () => {
    const { chain, n } = await busiestChain();
    const seq = 2;
    const result = await tampered(dataSource, async (m) => {
      await m.query(
        `UPDATE audit_entry SET data = jsonb_set(data, '{note}', '"改过"') WHERE chain = $1 AND seq = $2`,
        [chain, seq],
      );
      return audit.verify(asTx(m));
    });
    expect(result).toMatchObject({ ok: false, firstBrokenChain: chain, firstBrokenSeq: seq });
    expect(result.chains.filter((c) => c.firstBrokenSeq !== null)).toEqual([
      { chain, entries: seq - 1, firstBrokenSeq: seq },
    ]);
    expect(result.entries).toBe(committed - (n - (seq - 1)));
  });

  it.each([
    ['in the middle', () => 2],
    ['at the end', (n: number) => n],
  ])('finds an entry deleted on chain k %s, named by chain and seq', async (_where, pick) => {
    const { chain, n } = await busiestChain();
    const seq = pick(n);
    const result = await tampered(dataSource, async (m) => {
      await m.query('DELETE FROM audit_entry WHERE chain = $1 AND seq = $2', [chain, seq]);
      return audit.verify(asTx(m));
    });
    expect(result).toMatchObject({ ok: false, firstBrokenChain: chain, firstBrokenSeq: seq });
    expect(result.chains.filter((c) => c.firstBrokenSeq !== null)).toHaveLength(1);
  });

  it('finds entries appended to a chain that has no head', async () => {
    const { chain } = await busiestChain();
    const result = await tampered(dataSource, async (m) => {
      await m.query('DELETE FROM audit_chain_head WHERE id = $1', [chain]);
      return audit.verify(asTx(m));
    });
    expect(result).toMatchObject({ ok: false, firstBrokenChain: chain });
  });
});

describe('an entry moved to another chain', () => {
  let dataSource: DataSource;
  let audit: AuditService;
  beforeAll(async () => {
    dataSource = await openDatabase();
    audit = new AuditService(new AuditRepository(dataSource));
  });
  afterAll(() => dataSource.destroy());

  it('no longer hashes right there, although both chains start from the same genesis', async () => {
    const [from, to] = [3, 7];
    const entry = await dataSource.transaction((m) =>
      audit.append(asTx(m), record(keyOnChain(from), 0)),
    );
    expect([entry.chain, entry.seq, entry.prevHash]).toEqual([from, '1', GENESIS_HASH]);
    // Were the chain not hashed, the entry would be a sound first link of any chain.
    expect(entryHash(GENESIS_HASH, entryContent({ ...entry, chain: to }))).not.toBe(entry.hash);
    expect(await audit.verify()).toMatchObject({ ok: true, entries: 1 });

    // The intruder moves it from chain 3 to the empty chain 7, heads and all: chain 3 looks
    // empty and sound, chain 7 holds an entry that does not hash as its own.
    const result = await tampered(dataSource, async (m) => {
      await m.getRepository(AuditEntry).update({ id: entry.id }, { chain: to });
      await m.query('UPDATE audit_chain_head SET seq = 0, hash = $2 WHERE id = $1', [
        from,
        GENESIS_HASH,
      ]);
      await m.query('UPDATE audit_chain_head SET seq = 1, hash = $2 WHERE id = $1', [
        to,
        entry.hash,
      ]);
      return audit.verify(asTx(m));
    });
    expect(result).toMatchObject({ ok: false, firstBrokenChain: to, firstBrokenSeq: 1 });
    expect(result.chains[from]).toEqual({ chain: from, entries: 0, firstBrokenSeq: null });
  });

  it('chain 0 entries hash as before the split (no chain in their content)', async () => {
    const entry = await dataSource.transaction((m) => audit.append(asTx(m), record(undefined, 0)));
    expect(entry.chain).toBe(0);
    const { chain: _chain, ...withoutChain } = entryContent(entry);
    expect(entryContent(entry)).toEqual(withoutChain);
    expect(entryHash(entry.prevHash, withoutChain)).toBe(entry.hash);
  });
});

describe('the number of chains is data, not code', () => {
  it('one head row: every entry is chain 0; more head rows: later entries spread, all verify', async () => {
    const dataSource = await openDatabase();
    try {
      const audit = new AuditService(new AuditRepository(dataSource));
      await dataSource.query('DELETE FROM audit_chain_head WHERE id <> 0');
      const write = (keys: string[]) =>
        Promise.all(
          keys.map((key, i) =>
            dataSource.transaction((m) => audit.append(asTx(m), record(key, i))),
          ),
        );
      const single = await write(KEYS);
      expect(new Set(single.map((e) => e.chain))).toEqual(new Set([0]));
      expect(single.map((e) => Number(e.seq)).sort((a, b) => a - b)).toEqual(
        KEYS.map((_, i) => i + 1),
      );
      await dataSource.query(
        `INSERT INTO audit_chain_head (id, seq, hash)
         SELECT n, 0, repeat('0', 64) FROM generate_series(1, 15) AS n`,
      );
      const spread = await write(KEYS);
      expect(spread.map((e) => e.chain)).toEqual(KEYS.map(chainOf));
      const result = await audit.verify();
      expect(result).toMatchObject({ ok: true, entries: 2 * KEYS.length });
    } finally {
      await dataSource.destroy();
    }
  });
});
