import { Client } from 'pg';

(async () => {
  const c = new Client({ host: '/tmp', port: 5499, user: 'postgres', database: 'qinqing_bench' });
  await c.connect();
  const [o] = (await c.query(`SELECT u.id FROM app_user u WHERE role='officer' LIMIT 1 OFFSET 7`)).rows;
  const [g] = (await c.query(`SELECT g.id, g.enterprise_id FROM gate g JOIN gate_code gc ON gc.gate_id=g.id
     WHERE g.enterprise_id IN (SELECT enterprise_id FROM visit GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) LIMIT 1`)).rows;
  const params = [o.id, [], g.id, 1, g.enterprise_id, new Date(), new Date(), 'R', 480, 7, null, '[]', null, 0, 2];
  await c.query(`SET plan_cache_mode = ${process.argv[2] ?? 'force_generic_plan'}`);
  await c.query({ name: 'x', text: 'EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ' + process.env.CTX!, values: params });
  const r = await c.query({ name: 'x', text: 'EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ' + process.env.CTX!, values: params });
  console.log(r.rows.map((x: any) => x['QUERY PLAN']).join('\n'));
  await c.end();
})();
