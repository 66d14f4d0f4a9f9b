import { canonicalJson } from '@qinqing/domain';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import {
  type AuditContent,
  contentAroundSeq,
  entryHash,
  entryHashSql,
  GENESIS_HASH,
} from '../src/audit/audit-hash';
import { typeOrmOptions } from '../src/database/typeorm-options';
import { createTestDatabase } from './support/test-database';

/**
 * The check-in's write statement hashes its audit entry in SQL, where it reads the chain's head
 * (contentAroundSeq + entryHashSql): it must give entryHash's answer byte for byte, for any
 * content (Chinese text, escapes, nesting, any chain and seq), or the chain would not verify.
 */

/** JSON values as entries carry them in `data`: text of any script, numbers, nesting. */
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('检查结束后执法人员接受了企业安排的宴请。', 'a"b\\c\n\t', '😀', ''),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

const content = fc.record(
  {
    chain: fc.integer({ min: 1, max: 64 }),
    at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    actorId: fc.option(fc.uuid(), { nil: null }),
    action: fc.constantFrom('CHECK_IN', 'CHECK_OUT', 'RATING_SUBMITTED'),
    subjectType: fc.constantFrom('visit', 'report'),
    subjectId: fc.option(fc.uuid(), { nil: null }),
    data: fc.dictionary(fc.string({ maxLength: 10 }), jsonValue, { maxKeys: 6 }),
    row: fc.record({
      table: fc.constant('visit' as const),
      id: fc.uuid(),
      digest: fc.stringMatching(/^[0-9a-f]{64}$/),
    }),
  },
  { requiredKeys: ['at', 'actorId', 'action', 'subjectType', 'subjectId', 'data'] },
) as fc.Arbitrary<Omit<AuditContent, 'seq'>>;

describe('the audit entry hash in SQL', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await new DataSource(typeOrmOptions(await createTestDatabase(), 2)).initialize();
  });
  afterAll(() => dataSource.destroy());

  it('splits the canonical content around the seq, whatever the seq', () => {
    fc.assert(
      fc.property(content, fc.bigInt({ min: 1n, max: 2n ** 62n }), (c, seq) => {
        const { before, after } = contentAroundSeq(c);
        const text = String(seq);
        expect(before + JSON.stringify(text) + after).toBe(canonicalJson({ ...c, seq: text }));
      }),
      { numRuns: 300 },
    );
  });

  it('hashes in SQL as entryHash does, from the head before the entry', async () => {
    await fc.assert(
      fc.asyncProperty(
        content,
        fc.bigInt({ min: 0n, max: 2n ** 62n }),
        fc.oneof(fc.constant(GENESIS_HASH), fc.stringMatching(/^[0-9a-f]{64}$/)),
        async (c, headSeq, headHash) => {
          const { before, after } = contentAroundSeq(c);
          const [{ hash }] = await dataSource.query(
            `SELECT ${entryHashSql('head', '$3', '$4')} AS hash
               FROM (SELECT $1::bigint AS seq, $2::text AS hash) head`,
            [String(headSeq), headHash, before, after],
          );
          expect(hash).toBe(entryHash(headHash, { ...c, seq: String(headSeq + 1n) }));
        },
      ),
      { numRuns: 150 },
    );
  });
});
