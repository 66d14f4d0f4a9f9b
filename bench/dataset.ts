/**
 * The realistic dataset, generated with set-based SQL (INSERT … SELECT over generate_series) on top
 * of the demo data: units under the demo 支队, officers, firms with gates and credit grades, the
 * positive list, firm users, and past visits with their two officers.
 *
 * Deterministic: every value is a function of the row number through PostgreSQL's hashint8extended
 * (no random()); ids are md5-derived UUIDs. Only the timestamps move with the run's date: visits
 * lie on the 730 days before `anchorDay`, so "the last month" always has data.
 *
 * Not generated: audit entries for the past visits (the audit chain starts with the demo seed and
 * the benchmark's own writes, so the chain head stays valid), notifications for past visits.
 */
import { REASON_MESSAGES, type ReasonCode } from '@qinqing/domain';
import { Client } from 'pg';
import { demoUscc } from '../apps/api/src/database/seed/demo-seed';

export interface DatasetOptions {
  firms: number;
  officers: number;
  visits: number;
  /** YYYY-MM-DD (UTC): visits are on the 730 days before it. */
  anchorDay: string;
  /** Parallel sessions for the visit insert (the machine has 2 cores). */
  parallel: number;
}

export interface DatasetStats {
  units: number;
  officers: number;
  firms: number;
  gates: number;
  positiveList: number;
  enterpriseUsers: number;
  visits: number;
  visitOfficers: number;
  outcomes: Record<string, number>;
  timings: Record<string, number>;
  totalSeconds: number;
  databaseSize: string;
}

const BRANCHES = [
  '中原',
  '二七',
  '管城',
  '惠济',
  '上街',
  '巩义',
  '荥阳',
  '新密',
  '登封',
  '中牟',
  '航空港区',
  '高新区',
];
const DETACHMENT_BRIGADES = ['第二', '第三', '第四', '第五'];
/** Brigades under a branch: [branch index in BRANCHES, name]. */
const BRANCH_BRIGADES: [number, string][] = [
  [0, '中原分局执法大队'],
  [1, '二七分局执法大队'],
  [5, '巩义分局执法大队'],
  [6, '荥阳分局执法大队'],
];

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
const sqlArray = (values: string[]) => `ARRAY[${values.map(sqlText).join(',')}]`;

const reasons = (...codes: ReasonCode[]) =>
  codes.map((code) => ({ code, message: REASON_MESSAGES[code] }));
/** Reason lists of past refused and flagged visits (consistent with the rule engine's output). */
const REFUSED_REASONS = [
  reasons('ANNUAL_CAP_REACHED'),
  reasons('POSITIVE_LIST_NO_DISTURBANCE'),
  reasons('REFERENCE_REQUIRED'),
  reasons('CODE_REVOKED', 'OUT_OF_GEOFENCE'),
];
const FLAGGED_REASONS = [
  reasons('OUT_OF_GEOFENCE'),
  reasons('REPEAT_VISIT'),
  reasons('LATE_SYNC'),
  reasons('REPEAT_VISIT', 'OUT_OF_GEOFENCE'),
];

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN =
  '建国,明华,志强,丽娟,海涛,文博,晓燕,国庆,振华,俊杰,秀英,红梅,子轩,浩然,雨欣,思远,立新,卫东,春生,玉兰,宏伟,晨曦,一鸣,佳怡';
const BRAND = '华豫中原嵩岳黄河绿城天地金盛恒通宏达瑞丰新源众诚鑫隆博远';
const INDUSTRIES = [
  ['化工', '化学原料制造'],
  ['制药', '化学药品制造'],
  ['水泥', '水泥制造'],
  ['耐材', '耐火材料制品制造'],
  ['铝业', '铝冶炼'],
  ['钢铁', '炼钢'],
  ['印染', '纺织品印染'],
  ['食品', '食品制造'],
  ['热电', '热电联产'],
  ['环保', '危险废物治理'],
  ['汽配', '汽车零部件制造'],
  ['电子', '电子元件制造'],
  ['包装', '纸制品制造'],
  ['建材', '商品混凝土生产'],
  ['涂装', '金属表面处理'],
];
const DISTRICTS = [
  '金水区',
  '中原区',
  '二七区',
  '管城回族区',
  '惠济区',
  '上街区',
  '巩义市',
  '荥阳市',
  '新密市',
  '新郑市',
  '登封市',
  '中牟县',
  '郑州航空港区',
  '郑州高新区',
  '郑州经济技术开发区',
];

/** Runs the whole generation; returns counts and per-step timings (seconds). */
export async function generateDataset(url: string, options: DatasetOptions): Promise<DatasetStats> {
  const started = Date.now();
  const timings: Record<string, number> = {};
  const client = new Client({ connectionString: url });
  await client.connect();
  const step = async (name: string, run: () => Promise<unknown>) => {
    const t0 = Date.now();
    await run();
    timings[name] = (Date.now() - t0) / 1000;
  };
  try {
    await client.query('SET synchronous_commit = off'); // the load only: a crash just reruns it
    await step('helpers', () => createHelpers(client));
    await step('units', () => insertUnits(client));
    await step('officers', () => insertOfficers(client, options.officers));
    await step('firms, gates, positive list, firm users', () => insertFirms(client, options.firms));
    await step('monthly partitions', () => ensureVisitPartitions(client, options.anchorDay));
    await step('visits + visit_officer', () => insertVisits(url, options));
    await step('VACUUM ANALYZE', async () => {
      await client.query('DROP SCHEMA bench_gen CASCADE');
      await client.query('VACUUM (ANALYZE)');
    });
    await step('CHECKPOINT', () => client.query('CHECKPOINT'));
    const count = async (sql: string) => Number((await client.query(sql)).rows[0].n);
    const outcomes = Object.fromEntries(
      (
        await client.query<{ outcome: string; n: string }>(
          'SELECT outcome, count(*) AS n FROM visit GROUP BY outcome ORDER BY outcome',
        )
      ).rows.map((r) => [r.outcome, Number(r.n)]),
    );
    return {
      units: await count('SELECT count(*) AS n FROM unit'),
      officers: await count(`SELECT count(*) AS n FROM app_user WHERE role = 'officer'`),
      firms: await count('SELECT count(*) AS n FROM enterprise'),
      gates: await count('SELECT count(*) AS n FROM gate'),
      positiveList: await count(
        `SELECT count(DISTINCT enterprise_id) AS n FROM positive_list_entry
          WHERE effective_from <= current_date AND (effective_to IS NULL OR effective_to >= current_date)`,
      ),
      enterpriseUsers: await count(`SELECT count(*) AS n FROM app_user WHERE role = 'enterprise'`),
      visits: await count('SELECT count(*) AS n FROM visit'),
      visitOfficers: await count('SELECT count(*) AS n FROM visit_officer'),
      outcomes,
      timings,
      totalSeconds: (Date.now() - started) / 1000,
      databaseSize: (
        await client.query('SELECT pg_size_pretty(pg_database_size(current_database())) AS s')
      ).rows[0].s,
    };
  } finally {
    await client.end();
  }
}

/** Helper functions and work tables in a scratch schema, dropped at the end. */
async function createHelpers(client: Client): Promise<void> {
  await client.query(`
    DROP SCHEMA IF EXISTS bench_gen CASCADE;
    CREATE SCHEMA bench_gen;
    -- A uniform number in [0, 1) from (row number, salt): deterministic, no random().
    CREATE FUNCTION bench_gen.u(i bigint, salt bigint) RETURNS double precision
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT (hashint8extended(i, salt) & 2147483647)::double precision / 2147483648.0 $$;
    -- A deterministic UUID shaped like a version-4 one.
    CREATE FUNCTION bench_gen.uid(tag text, i bigint) RETURNS uuid
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT overlay(overlay(md5(tag || ':' || i) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid $$;
    -- An element of a text array picked by a uniform number.
    CREATE FUNCTION bench_gen.pick(a text[], x double precision) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT a[1 + floor(x * array_length(a, 1))::int] $$;
  `);
}

async function insertUnits(client: Client): Promise<void> {
  const rows: [string, string, string, string][] = [
    ...BRANCHES.map((name, i): [string, string, string, string] => [
      `ZZ-B${String(i + 1).padStart(2, '0')}`,
      `郑州市生态环境局${name}分局`,
      'BRANCH',
      'ZZ-ZD',
    ]),
    ...DETACHMENT_BRIGADES.map((name, i): [string, string, string, string] => [
      `ZZ-D${i + 2}`,
      `郑州市生态环境综合行政执法支队${name}大队`,
      'BRIGADE',
      'ZZ-ZD',
    ]),
    ...BRANCH_BRIGADES.map(([branch, name], i): [string, string, string, string] => [
      `ZZ-B${String(branch + 1).padStart(2, '0')}-D${i + 1}`,
      `郑州市生态环境局${name}`,
      'BRIGADE',
      `ZZ-B${String(branch + 1).padStart(2, '0')}`,
    ]),
  ];
  // Parents first (branches before their brigades): one INSERT per level keeps the FK happy.
  for (const level of ['BRANCH', 'BRIGADE']) {
    const values = rows
      .filter((r) => r[2] === level)
      .map((r) => `(${r.map(sqlText).join(',')})`)
      .join(',');
    await client.query(`
      INSERT INTO unit (id, code, name, level, parent_id)
      SELECT bench_gen.uid('unit', hashtext(v.code)), v.code, v.name, v.level, p.id
        FROM (VALUES ${values}) AS v(code, name, level, parent_code)
        JOIN unit p ON p.code = v.parent_code`);
  }
  await client.query(`
    CREATE TABLE bench_gen.unit AS
      SELECT row_number() OVER (ORDER BY code)::int AS idx, id, code FROM unit;
    ALTER TABLE bench_gen.unit ADD PRIMARY KEY (idx)`);
}

async function insertOfficers(client: Client, officers: number): Promise<void> {
  // Same password as the demo accounts: the hash of officer1 is reused (argon2id is slow on purpose).
  await client.query(
    `
    INSERT INTO app_user (id, username, password_hash, role, name, phone, unit_id, badge_number)
    SELECT bench_gen.uid('officer', g),
           'bench_officer_' || lpad(g::text, 4, '0'),
           (SELECT password_hash FROM app_user WHERE username = 'officer1'),
           'officer',
           substr(${sqlText(SURNAMES)}, 1 + (g * 7) % ${SURNAMES.length}, 1)
             || bench_gen.pick(string_to_array(${sqlText(GIVEN)}, ','), bench_gen.u(g, 101)),
           '139' || lpad((g * 7919 % 100000000)::text, 8, '0'),
           u.id,
           '豫A4102' || lpad(g::text, 4, '0')
      FROM generate_series(1, $1::int) g
      JOIN bench_gen.unit u ON u.idx = 1 + (g - 1) % (SELECT count(*) FROM bench_gen.unit)`,
    [officers],
  );
  // Every officer (demo ones included) numbered within his unit, for picking teams by unit.
  await client.query(`
    CREATE TABLE bench_gen.officer AS
      SELECT u.idx AS unit_idx,
             (row_number() OVER (PARTITION BY u.idx ORDER BY a.username) - 1)::int AS k,
             a.id
        FROM app_user a JOIN bench_gen.unit u ON u.id = a.unit_id
       WHERE a.role = 'officer';
    ALTER TABLE bench_gen.officer ADD PRIMARY KEY (unit_idx, k);
    ALTER TABLE bench_gen.unit ADD COLUMN n int;
    UPDATE bench_gen.unit u SET n = (SELECT count(*) FROM bench_gen.officer o WHERE o.unit_idx = u.idx);
  `);
}

async function insertFirms(client: Client, firms: number): Promise<void> {
  const usccs = Array.from({ length: firms }, (_, i) => demoUscc(1000 + i + 1));
  const industries = INDUSTRIES.map(([short]) => short);
  const industryNames = INDUSTRIES.map(([, long]) => long);
  await client.query(
    `
    CREATE TABLE bench_gen.firm AS
      SELECT i AS idx,
             bench_gen.uid('firm', i) AS id,
             1 + (i * 7) % (SELECT count(*) FROM bench_gen.unit)::int AS unit_idx,
             bench_gen.uid('gate', i) AS gate_id,
             34.55 + bench_gen.u(i, 201) * 0.40 AS lat,
             113.45 + bench_gen.u(i, 202) * 0.55 AS lng,
             (i - 1) % 15 AS industry
        FROM generate_series(1, $1::int) i`,
    [firms],
  );
  await client.query('ALTER TABLE bench_gen.firm ADD PRIMARY KEY (idx)');
  await client.query(
    `
    INSERT INTO enterprise (id, uscc, name, address, district, industry, credit_grade,
                            supervision_class, unit_id, liaison_officer_id)
    SELECT f.id,
           ($1::text[])[f.idx],
           '郑州' || substr(${sqlText(BRAND)}, 1 + f.idx % 20, 1)
             || substr(${sqlText(BRAND)}, 1 + (f.idx / 20) % 20, 1)
             || (${sqlArray(industries)})[1 + f.industry]
             || CASE WHEN f.idx % 3 = 0 THEN '股份有限公司' ELSE '有限公司' END,
           d.district || '工业路' || (1 + f.idx % 300) || '号',
           d.district,
           (${sqlArray(industryNames)})[1 + f.industry],
           CASE WHEN bench_gen.u(f.idx, 211) < 0.15 THEN 'TRUSTWORTHY'
                WHEN bench_gen.u(f.idx, 211) < 0.60 THEN 'GOOD'
                WHEN bench_gen.u(f.idx, 211) < 0.75 THEN 'WARNING'
                WHEN bench_gen.u(f.idx, 211) < 0.78 THEN 'SERIOUSLY_DISHONEST'
                ELSE 'UNRATED' END,
           CASE WHEN f.idx <= $2::int / 5 THEN 'KEY' ELSE 'GENERAL' END,
           u.id,
           CASE WHEN bench_gen.u(f.idx, 212) < 0.3 THEN o.id END
      FROM bench_gen.firm f
      JOIN bench_gen.unit u ON u.idx = f.unit_idx
      JOIN bench_gen.officer o ON o.unit_idx = f.unit_idx
                               AND o.k = floor(bench_gen.u(f.idx, 213) * u.n)::int
      CROSS JOIN LATERAL (SELECT (${sqlArray(DISTRICTS)})[1 + f.idx % ${DISTRICTS.length}] AS district) d`,
    [usccs, firms],
  );
  await client.query(`
    INSERT INTO gate (id, enterprise_id, name, lat, lng, radius_m)
    SELECT f.gate_id, f.id, '正门', f.lat, f.lng,
           CASE WHEN bench_gen.u(f.idx, 221) < 0.3 THEN NULL
                ELSE 150 + floor(bench_gen.u(f.idx, 222) * 4)::int * 50 END
      FROM bench_gen.firm f
    UNION ALL
    SELECT bench_gen.uid('gate2', f.idx), f.id, '物流门', f.lat + 0.0012, f.lng + 0.0009, 150
      FROM bench_gen.firm f WHERE f.idx % 5 = 0`);
  // ~400 firms on the positive list now, in three batches; ~50 removed from it in the past.
  await client.query(`
    INSERT INTO positive_list_entry (id, enterprise_id, batch, effective_from, effective_to, removal_reason)
    SELECT bench_gen.uid('ple', f.idx), f.id,
           (ARRAY['第一批', '第二批', '第三批'])[1 + f.idx % 3],
           (ARRAY[DATE '2020-06-01', DATE '2021-03-01', DATE '2023-01-01'])[1 + f.idx % 3],
           NULL, NULL
      FROM bench_gen.firm f WHERE f.idx % 12 = 3
    UNION ALL
    SELECT bench_gen.uid('ple-removed', f.idx), f.id, '第一批', DATE '2020-06-01',
           DATE '2023-12-31', '年度复核未通过（环境信用等级调整）'
      FROM bench_gen.firm f WHERE f.idx % 97 = 5 AND f.idx % 12 <> 3`);
  // 70% of the firms have an account (notified at each check-in: 双向监督).
  await client.query(`
    INSERT INTO app_user (id, username, password_hash, role, name, phone)
    SELECT bench_gen.uid('firm-user', f.idx), 'bench_firm_' || lpad(f.idx::text, 5, '0'),
           (SELECT password_hash FROM app_user WHERE username = 'firm1'), 'enterprise',
           substr(${sqlText(SURNAMES)}, 1 + (f.idx * 11) % ${SURNAMES.length}, 1) || '经理（环保负责人）',
           '137' || lpad((f.idx * 104729 % 100000000)::text, 8, '0')
      FROM bench_gen.firm f WHERE f.idx % 10 < 7;
    INSERT INTO enterprise_member (user_id, enterprise_id)
    SELECT bench_gen.uid('firm-user', f.idx), f.id FROM bench_gen.firm f WHERE f.idx % 10 < 7;`);
}

/**
 * The visit table is partitioned by month (migration MonthlyPartitions): the months of the past
 * visits get their partitions before the rows go in, as the API's job would have made them over
 * time (otherwise they would all land in the DEFAULT partition). The months ahead are there.
 */
async function ensureVisitPartitions(client: Client, anchorDay: string): Promise<void> {
  await client.query(`SELECT ensure_monthly_partitions('visit', $1::date - 731, $1::date)`, [
    anchorDay,
  ]);
}

/**
 * The past visits, split over `parallel` sessions (each INSERT … SELECT is single-threaded). A
 * trigger on visit writes each visit's visit_key row (its id and client_id, unique across months).
 */
async function insertVisits(url: string, options: DatasetOptions): Promise<void> {
  const chunk = Math.ceil(options.visits / options.parallel);
  const ranges = Array.from({ length: options.parallel }, (_, k) => [
    k * chunk + 1,
    Math.min(options.visits, (k + 1) * chunk),
  ]);
  await Promise.all(
    ranges.map(async ([from, to]) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('SET synchronous_commit = off');
        await client.query('SET work_mem = $$256MB$$');
        await client.query(VISITS_SQL, [
          from,
          to,
          options.anchorDay,
          options.firms,
          JSON.stringify(REFUSED_REASONS),
          JSON.stringify(FLAGGED_REASONS),
        ]);
      } finally {
        await client.end();
      }
    }),
  );
}

/**
 * Visit i: a firm (40% of visits go to the 20% KEY firms), mostly by the firm's own unit, a lead
 * officer and a co-officer of the visiting unit, a working-hours time on one of the 730 days before
 * the anchor day, a purpose mix, ~4% refused / ~14% flagged, check-out with findings.
 */
const VISITS_SQL = `
WITH g AS (
  SELECT i,
         CASE WHEN bench_gen.u(i, 1) < 0.4 THEN 1 + floor(bench_gen.u(i, 2) * ($4::int / 5))::int
              ELSE 1 + $4::int / 5 + floor(bench_gen.u(i, 2) * ($4::int - $4::int / 5))::int END AS firm_idx,
         bench_gen.u(i, 3) AS u_unit, bench_gen.u(i, 4) AS u_other_unit,
         bench_gen.u(i, 5) AS u_lead, bench_gen.u(i, 6) AS u_co,
         (($3::date - (1 + floor(bench_gen.u(i, 7) * 730))::int)::timestamp AT TIME ZONE 'UTC')
           + make_interval(secs => floor(bench_gen.u(i, 8) * 36000)) AS t,
         bench_gen.u(i, 9) AS u_purpose, bench_gen.u(i, 10) AS u_outcome,
         bench_gen.u(i, 11) AS u_reason, bench_gen.u(i, 12) AS u_close,
         bench_gen.u(i, 13) AS u_findings, bench_gen.u(i, 14) AS u_dur
    FROM generate_series($1::int, $2::int) i
), w AS (
  SELECT g.*, f.id AS enterprise_id, f.gate_id, f.lat, f.lng, un.idx AS unit_idx, un.id AS unit_id,
         lead.id AS officer_id, co.id AS co_id,
         CASE WHEN g.u_purpose < 0.35 THEN 'RANDOM_INSPECTION'
              WHEN g.u_purpose < 0.55 THEN 'COMPLAINT_VERIFICATION'
              WHEN g.u_purpose < 0.65 THEN 'ROUTINE'
              WHEN g.u_purpose < 0.75 THEN 'RECTIFICATION_REVIEW'
              WHEN g.u_purpose < 0.85 THEN 'SPECIAL_CAMPAIGN'
              WHEN g.u_purpose < 0.90 THEN 'HEAVY_POLLUTION_RESPONSE'
              WHEN g.u_purpose < 0.95 THEN 'ASSIGNED_BY_SUPERIOR'
              ELSE 'REQUESTED_SERVICE' END AS purpose,
         CASE WHEN g.u_outcome < 0.04 THEN 'REFUSED'
              WHEN g.u_outcome < 0.18 THEN 'FLAGGED'
              ELSE 'ALLOWED' END AS outcome
    FROM g
    JOIN bench_gen.firm f ON f.idx = g.firm_idx
    JOIN bench_gen.unit un
      ON un.idx = CASE WHEN g.u_unit < 0.85 THEN f.unit_idx
                       ELSE 1 + floor(g.u_other_unit * (SELECT count(*) FROM bench_gen.unit))::int END
    JOIN bench_gen.officer lead ON lead.unit_idx = un.idx AND lead.k = floor(g.u_lead * un.n)::int
    JOIN bench_gen.officer co ON co.unit_idx = un.idx
     AND co.k = (floor(g.u_lead * un.n)::int + 1 + floor(g.u_co * (un.n - 1))::int) % un.n
), x AS (
  SELECT w.*,
         CASE WHEN w.outcome <> 'REFUSED' AND w.u_close >= 0.02 THEN
           CASE WHEN w.u_findings < 0.60 THEN 'NO_ISSUE'
                WHEN w.u_findings < 0.75 THEN 'RECTIFY_ORDERED'
                WHEN w.u_findings < 0.80 THEN 'CASE_FILED'
                WHEN w.u_findings < 0.85 THEN 'MINOR_NO_PENALTY'
                ELSE 'GUIDANCE' END END AS findings
    FROM w
), ins AS (
  INSERT INTO visit (id, client_id, officer_id, unit_id, enterprise_id, gate_id, code_version,
                     purpose, reference, outcome, reasons, policy_version, lat, lng,
                     location_accuracy, client_time, received_at, checked_in_at, checked_out_at,
                     findings, notes, rectify_by, auto_closed)
  SELECT bench_gen.uid('visit', x.i), bench_gen.uid('client', x.i), x.officer_id, x.unit_id,
         x.enterprise_id, x.gate_id, 1, x.purpose,
         CASE WHEN x.purpose = 'ROUTINE' THEN NULL
              ELSE (CASE x.purpose WHEN 'RANDOM_INSPECTION' THEN '郑环双随机'
                                   WHEN 'COMPLAINT_VERIFICATION' THEN '郑环信访'
                                   WHEN 'RECTIFICATION_REVIEW' THEN '郑环罚'
                                   WHEN 'SPECIAL_CAMPAIGN' THEN '郑环专'
                                   WHEN 'HEAVY_POLLUTION_RESPONSE' THEN '郑重污染预警'
                                   WHEN 'ASSIGNED_BY_SUPERIOR' THEN '豫环交'
                                   ELSE '企业申请' END)
                   || '〔' || extract(year FROM x.t) || '〕' || (1 + x.i % 997) || '号' END,
         x.outcome,
         CASE x.outcome WHEN 'REFUSED' THEN $5::jsonb -> floor(x.u_reason * 4)::int
                        WHEN 'FLAGGED' THEN $6::jsonb -> floor(x.u_reason * 4)::int
                        ELSE '[]'::jsonb END,
         1,
         x.lat + (x.u_dur - 0.5) * 0.0008, x.lng + (x.u_reason - 0.5) * 0.0008, 5 + floor(x.u_co * 30),
         x.t, x.t + make_interval(secs => 0.2 + x.u_dur * 3), x.t,
         CASE WHEN x.outcome = 'REFUSED' THEN NULL
              WHEN x.findings IS NULL THEN x.t + interval '12 hours'
              ELSE x.t + make_interval(mins => 30 + floor(x.u_dur * 150)::int) END,
         x.findings,
         CASE x.findings WHEN 'RECTIFY_ORDERED' THEN '废气收集设施运行不正常，责令限期整改'
                         WHEN 'CASE_FILED' THEN '超标排放，已立案调查'
                         WHEN 'MINOR_NO_PENALTY' THEN '台账记录不全，首违不罚'
                         WHEN 'GUIDANCE' THEN '开展环保政策宣讲与技术帮扶' END,
         CASE WHEN x.findings = 'RECTIFY_ORDERED' THEN (x.t + interval '30 days')::date END,
         x.outcome <> 'REFUSED' AND x.findings IS NULL
    FROM x
)
INSERT INTO visit_officer (visit_id, officer_id, is_lead)
SELECT bench_gen.uid('visit', x.i), x.officer_id, true FROM x
UNION ALL
SELECT bench_gen.uid('visit', x.i), x.co_id, false FROM x`;
