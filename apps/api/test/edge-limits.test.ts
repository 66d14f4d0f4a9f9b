import { encodeBase64url, usccCheckCharacter } from '@qinqing/domain';
import { Workbook } from 'exceljs';
import { connect } from 'node:net';
import { MAX_JSON_DEPTH } from '../src/common/input-limits';
import { checkInBody, startDemoWorld, type DemoWorld } from './support/demo-world';

/**
 * Every bad input is a clear 400 VALIDATION_FAILED naming the field, and nothing is stored
 * (issue 13). The fuzz over the OpenAPI document (fuzz.test.ts) covers every route; these name
 * each limit once.
 */
describe('bad input at the edge', () => {
  let w: DemoWorld;
  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.t.close());

  /** The stable error contract: 400 VALIDATION_FAILED with the field named. */
  function expectInvalid(res: { statusCode: number; json(): unknown }, field: string): void {
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; message: string; errors: unknown[] };
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String) });
    expect(body.errors).toEqual(
      expect.arrayContaining([{ field, message: expect.stringMatching(/[\u4e00-\u9fff]/) }]),
    );
  }

  const firmRow = async (id: string) =>
    (
      await w.t.dataSource.query(
        `SELECT credit_grade, supervision_class, address, liaison_officer_id FROM enterprise
         WHERE id = $1`,
        [id],
      )
    )[0];

  /** A raw JSON request (text or bytes exactly as given) as `user`, or anonymously. */
  const send = (
    method: 'POST' | 'PATCH' | 'GET',
    url: string,
    payload?: string | Buffer,
    token?: string,
  ) =>
    w.t.inject({
      method,
      url,
      payload,
      headers: {
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    });
  const visitCount = async () =>
    (await w.t.dataSource.query('SELECT count(*)::int AS n FROM visit'))[0].n;
  const auditCount = async () =>
    (await w.t.dataSource.query('SELECT count(*)::int AS n FROM audit_entry'))[0].n;

  describe('deeply nested JSON is refused before anything walks it', () => {
    const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

    it('on the anonymous login, naming the field', async () => {
      const res = await send(
        'POST',
        '/api/v1/auth/login',
        `{"username":${deep(100_000)},"password":"x"}`,
      );
      expectInvalid(res, 'username');
    });

    it(`allows ${MAX_JSON_DEPTH} levels, refuses ${MAX_JSON_DEPTH + 1}`, async () => {
      const at = (depth: number) =>
        send('POST', '/api/v1/auth/login', `{"username":"x","password":${deep(depth - 1)}}`);
      // the limit is not what refuses 32 levels: the validation of the field is
      expect((await at(MAX_JSON_DEPTH)).json().errors).toEqual(
        expect.not.arrayContaining([
          expect.objectContaining({ message: expect.stringMatching(/嵌套/) }),
        ]),
      );
      expectInvalid(await at(MAX_JSON_DEPTH + 1), 'password');
    });

    it('in a nested field of a check-in, storing nothing', async () => {
      const code = await w.issueCode(w.firms.yutong);
      const before = await visitCount();
      const body = JSON.stringify(checkInBody(w, code, w.firms.yutong)).replace(
        '"accuracy":10',
        `"accuracy":${deep(50)}`,
      );
      expectInvalid(
        await send('POST', '/api/v1/check-ins', body, w.users.officer1.token),
        'location.accuracy',
      );
      expect(await visitCount()).toBe(before);
    });
  });

  describe('NUL characters and lone surrogates in strings are refused', () => {
    it.each([
      ['a NUL', 'a\\u0000b'],
      ['a lone high surrogate', 'a\\ud800b'],
      ['a lone low surrogate', '\\udc00'],
    ])('%s in a check-in reference: 400 on reference, no visit', async (_name, escaped) => {
      const code = await w.issueCode(w.firms.yutong);
      const before = await visitCount();
      const body = JSON.stringify(checkInBody(w, code, w.firms.yutong)).replace(
        '"reference":"郑环专〔2026〕12号"',
        `"reference":"${escaped}"`,
      );
      expect(body).toContain(escaped);
      expectInvalid(
        await send('POST', '/api/v1/check-ins', body, w.users.officer1.token),
        'reference',
      );
      expect(await visitCount()).toBe(before);
    });

    it('in an enterprise update: the row and the audit log unchanged', async () => {
      const firm = w.firms.yutong;
      const before = await firmRow(firm.id);
      const audits = await auditCount();
      for (const address of ['"a\\u0000b"', '"\\ud83d"']) {
        expectInvalid(
          await send(
            'PATCH',
            `/api/v1/enterprises/${firm.id}`,
            `{"address":${address}}`,
            w.users.admin.token,
          ),
          'address',
        );
      }
      expect(await firmRow(firm.id)).toEqual(before);
      expect(await auditCount()).toBe(audits);
    });

    it('in an object key, named by its object', async () => {
      const res = await send(
        'PATCH',
        `/api/v1/enterprises/${w.firms.yutong.id}`,
        '{"address":"x","\\u0000":1}',
        w.users.admin.token,
      );
      expectInvalid(res, 'body');
    });

    it('in the anonymous login', async () => {
      expectInvalid(
        await send('POST', '/api/v1/auth/login', '{"username":"a\\u0000b","password":"x"}'),
        'username',
      );
    });

    it('in the cells of an imported workbook (written _x0000_ in its XML)', async () => {
      const first17 = '91410100MA9QQ0002';
      const book = new Workbook();
      book.addWorksheet('企业').addRow(['统一社会信用代码', '企业名称', '属地执法单位']).commit();
      book
        .getWorksheet('企业')!
        .addRow([`${first17}${usccCheckCharacter(first17)}`, '郑州_x0000_公司', 'ZZ-JS']);
      const firms = async () =>
        (await w.t.dataSource.query('SELECT count(*)::int AS n FROM enterprise'))[0].n;
      const before = await firms();
      const res = await w.t.inject({
        method: 'POST',
        url: '/api/v1/master-data/import?dryRun=false',
        headers: {
          authorization: `Bearer ${w.users.admin.token}`,
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
        payload: Buffer.from(await book.xlsx.writeBuffer()),
      });
      expectInvalid(res, 'body');
      expect(res.json().message).toContain('第2行第2列');
      expect(await firms()).toBe(before);
    });

    it('in query strings and path parameters', async () => {
      expectInvalid(
        await w.users.supervisor.request('GET', '/api/v1/visits?purpose=a%00b'),
        'purpose',
      );
      expectInvalid(await w.users.supervisor.request('GET', '/api/v1/visits/%00'), 'id');
      expectInvalid(await w.users.admin.request('GET', '/api/v1/gates/x%00/codes'), 'gateId');
    });
  });

  describe('invalid UTF-8 is refused, not stored as U+FFFD', () => {
    it('in a body, naming the field where the bad bytes are', async () => {
      const firm = w.firms.yutong;
      const before = await firmRow(firm.id);
      const body = Buffer.concat([
        Buffer.from('{"address":"郑州'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}'),
      ]);
      expectInvalid(
        await send('PATCH', `/api/v1/enterprises/${firm.id}`, body, w.users.admin.token),
        'address',
      );
      // a lone surrogate encoded as UTF-8 (CESU) and a cut-off character are not UTF-8 either
      for (const bad of [
        [0xed, 0xa0, 0x80],
        [0xe4, 0xba],
      ]) {
        const res = await send(
          'PATCH',
          `/api/v1/enterprises/${firm.id}`,
          Buffer.concat([Buffer.from('{"address":"'), Buffer.from(bad), Buffer.from('"}')]),
          w.users.admin.token,
        );
        expectInvalid(res, 'address');
      }
      expect(await firmRow(firm.id)).toEqual(before);
    });

    it('in percent-encoded query strings and paths', async () => {
      expectInvalid(
        await w.users.supervisor.request('GET', '/api/v1/visits?cursor=%ff%fe'),
        'cursor',
      );
      expectInvalid(await w.users.supervisor.request('GET', '/api/v1/visits/%ED%A0%80'), 'path');
      expectInvalid(await send('GET', '/c/%ff'), 'path');
    });

    it('accepts real UTF-8: the same update in Chinese is stored', async () => {
      const res = await send(
        'PATCH',
        `/api/v1/enterprises/${w.firms.yutong.id}`,
        Buffer.from('{"address":"郑州市管城区宇通路 6 号 😀"}'),
        w.users.admin.token,
      );
      expect(res.statusCode).toBe(200);
      expect((await firmRow(w.firms.yutong.id)).address).toBe('郑州市管城区宇通路 6 号 😀');
    });
  });

  describe('a login is checked before the body is read', () => {
    it('answers an anonymous request 401 whatever its body: malformed, too large, too deep', async () => {
      for (const [url, payload] of [
        ['/api/v1/check-ins', '{"clientId": '],
        ['/api/v1/check-ins', `{"code":"${'x'.repeat(300_000)}"}`],
        ['/api/v1/enterprises', '['.repeat(100_000)],
        ['/api/v1/master-data/import', Buffer.alloc(9_000_000, 0x41)],
      ] as const) {
        const res = await w.t.inject({
          method: 'POST',
          url,
          payload,
          headers: { 'content-type': url.includes('import') ? 'text/csv' : 'application/json' },
        });
        expect([url, res.statusCode, res.json().code]).toEqual([url, 401, 'UNAUTHENTICATED']);
      }
    });

    it('still parses the body of a public route (login) and of a logged-in request', async () => {
      expectInvalid(await send('POST', '/api/v1/auth/login', '{"username": '), 'body');
      expectInvalid(
        await send('POST', '/api/v1/check-ins', '{"clientId": ', w.users.officer1.token),
        'body',
      );
    });

    it('answers 401 on the socket before the client has sent the body', async () => {
      await w.t.app.listen(0, '127.0.0.1');
      const { port } = w.t.app.getHttpServer().address() as { port: number };
      const socket = connect(port, '127.0.0.1');
      try {
        const answer = new Promise<string>((resolve, reject) => {
          let text = '';
          socket.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes('\r\n\r\n')) resolve(text);
          });
          socket.on('error', reject);
        });
        // 9 MB announced, 10 bytes sent: a server reading the body first would wait
        socket.write(
          'POST /api/v1/master-data/import HTTP/1.1\r\nHost: x\r\n' +
            'Content-Type: text/csv\r\nContent-Length: 9000000\r\n\r\n0123456789',
        );
        expect((await answer).split('\r\n')[0]).toBe('HTTP/1.1 401 Unauthorized');
      } finally {
        socket.destroy();
      }
    });
  });

  describe('dates are real calendar dates', () => {
    it.each(['2026-13-01', '2026-02-30', '0000-01-01', '2026-1-1'])(
      'refuses a positive-list entry from %s and stores nothing',
      async (effectiveFrom) => {
        const firm = w.firms.ruitai; // not on the list
        const count = async () =>
          (
            await w.t.dataSource.query(
              'SELECT count(*)::int AS n FROM positive_list_entry WHERE enterprise_id = $1',
              [firm.id],
            )
          )[0].n;
        const before = await count();
        const res = await w.users.admin.request(
          'POST',
          `/api/v1/enterprises/${firm.id}/positive-list`,
          { batch: '第五批', effectiveFrom },
        );
        expectInvalid(res, 'effectiveFrom');
        expect(await count()).toBe(before);
      },
    );

    it('refuses impossible days in time filters and draw periods', async () => {
      expectInvalid(
        await w.users.supervisor.request('GET', '/api/v1/visits?from=2026-02-30T00:00:00Z'),
        'from',
      );
      expectInvalid(await w.users.supervisor.request('GET', '/api/v1/ratings?to=2026-13-01'), 'to');
      expectInvalid(
        await w.users.supervisor.request('GET', '/api/v1/desk/summary?from=2026-04-31'),
        'from',
      );
      const draw = await w.users.supervisor.request('POST', '/api/v1/draws', {
        name: '日期有误的抽查',
        periodStart: '2026-02-29',
        periodEnd: '2026-03-31',
      });
      expectInvalid(draw, 'periodStart');
      const spotCheck = await w.users.supervisor.request('POST', '/api/v1/rating-spot-checks', {
        month: '0000-11',
        sampleSize: 1,
      });
      expectInvalid(spotCheck, 'month');
    });
  });

  describe('null only where a column is nullable', () => {
    it('refuses {"creditGrade": null} on PATCH and leaves the firm unchanged', async () => {
      const firm = w.firms.haier;
      const before = await firmRow(firm.id);
      for (const field of ['creditGrade', 'supervisionClass', 'address']) {
        const res = await w.users.admin.request('PATCH', `/api/v1/enterprises/${firm.id}`, {
          [field]: null,
        });
        expectInvalid(res, field);
      }
      expect(await firmRow(firm.id)).toEqual(before);
    });

    it('accepts null where it means "none": the liaison officer', async () => {
      const firm = w.firms.haier;
      const res = await w.users.admin.request('PATCH', `/api/v1/enterprises/${firm.id}`, {
        liaisonOfficerId: null,
      });
      expect(res.statusCode).toBe(200);
      expect((await firmRow(firm.id)).liaison_officer_id).toBeNull();
    });

    it('refuses a null scan time in a preview (only leaving it out means now)', async () => {
      const code = await w.issueCode(w.firms.yutong);
      const res = await w.users.officer1.request('POST', '/api/v1/check-ins/preview', {
        code,
        clientTime: null,
      });
      expectInvalid(res, 'clientTime');
    });
  });

  describe('paging cursors', () => {
    it.each(['/api/v1/visits', '/api/v1/ratings'])(
      'refuses a crafted cursor on %s with 400 on the cursor field',
      async (path) => {
        const crafted = encodeBase64url(
          new TextEncoder().encode(JSON.stringify({ t: new Date().toISOString(), id: 'x' })),
        );
        const res = await w.users.supervisor.request('GET', `${path}?cursor=${crafted}`);
        expectInvalid(res, 'cursor');
      },
    );
  });
});
