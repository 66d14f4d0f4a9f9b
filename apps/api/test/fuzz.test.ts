import fc from 'fast-check';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { seedDemoActivity } from '../src/database/seed/demo-activity';
import { OPENAPI_FILE } from '../src/openapi/openapi-document';
import { startDemoWorld, type DemoWorld } from './support/demo-world';

/**
 * Bad input on every operation of the committed OpenAPI document (apps/api/openapi.json, so a new
 * route is fuzzed as soon as it is documented): for each path parameter, query parameter and body
 * field, and for the body as a whole (on routes without a body schema too), generated bad values —
 * wrong types, missing and null fields, huge and deep values, NUL characters, lone surrogates,
 * invalid UTF-8 bytes, impossible dates, crafted cursors, malformed ids — as a user of a role the
 * route admits, and anonymously. Every answer must be a 4xx in the error contract (never a 5xx,
 * never a stack trace or SQL), and the service must be healthy afterwards. fast-check with a fixed
 * seed: the same requests every run.
 */

const SEED = 20_261_113;
/** Generated cases per operation and role, besides the fixed ones. */
const RUNS_PER_OPERATION = 10;

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
  allOf?: Schema[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxLength?: number;
}

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema: Schema;
}

interface OperationObject {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
  security: unknown[];
  'x-roles'?: string[];
}

interface Document {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, Schema> };
}

interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** e.g. /api/v1/visits/{id} */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** the JSON request body's schema (resolved), when it has one */
  body?: Schema;
  /** content types the request body is documented with (XLSX, CSV for the import) */
  bodyTypes: string[];
  secured: boolean;
  roles: string[];
  /** answers with a redirect, whatever the input (/c/{token}) */
  redirects: boolean;
}

/**
 * What an answer may be: a 4xx for input that is bad by construction, 401 UNAUTHENTICATED without a
 * valid login, else anything but a 5xx.
 */
type Expectation = '4xx' | 'no-5xx' | '401';

interface FuzzCase {
  label: string;
  url: string;
  contentType?: string;
  payload?: string | Buffer;
  expect: Expectation;
}

const document = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Document;

function resolve(schema: Schema): Schema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(document.components.schemas[name]);
  }
  if (schema.allOf?.length === 1) return { ...resolve(schema.allOf[0]), nullable: schema.nullable };
  return schema;
}

const operations: Operation[] = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => {
    const json = op.requestBody?.content['application/json']?.schema;
    return {
      method: method.toUpperCase() as Operation['method'],
      path,
      pathParams: (op.parameters ?? []).filter((p) => p.in === 'path'),
      queryParams: (op.parameters ?? []).filter((p) => p.in === 'query'),
      body: json ? resolve(json) : undefined,
      bodyTypes: Object.keys(op.requestBody?.content ?? {}),
      secured: op.security.length > 0,
      roles: op['x-roles'] ?? ['admin', 'supervisor', 'officer', 'enterprise'],
      redirects: Object.keys(op.responses).some((status) => status.startsWith('3')),
    };
  }),
);

// ---------------------------------------------------------------------------------------------
// Valid-looking values (the baseline of a request), and the bad values of each kind of input.

const A_UUID = '7d4f1c1e-3b2a-4c5d-8e6f-0a1b2c3d4e5f';

function sampleValue(schema: Schema): unknown {
  const s = resolve(schema);
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'string':
      if (s.format === 'uuid') return A_UUID;
      if (s.format === 'date') return '2026-12-01';
      if (s.format === 'date-time') return '2026-11-22T09:30:00+08:00';
      return 'x';
    case 'number':
    case 'integer':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () =>
        sampleValue(s.items ?? { type: 'string' }),
      );
    default:
      if (!s.properties) return {};
      return Object.fromEntries(
        (s.required ?? []).map((name) => [name, sampleValue(s.properties![name])]),
      );
  }
}

/** A bad value of a field, as raw JSON text (bytes for invalid UTF-8), or the field left out. */
interface BadValue {
  label: string;
  raw: string | Buffer | 'MISSING';
  expect: Expectation;
}

const bad = (label: string, raw: BadValue['raw'], expect: Expectation = '4xx'): BadValue => ({
  label,
  raw,
  expect,
});
const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const INVALID_UTF8 = Buffer.concat([
  Buffer.from('"a'),
  Buffer.from([0xff, 0xfe]),
  Buffer.from('"'),
]);

/** Bad values for any field: each is refused whatever the field. */
const ANY_FIELD: BadValue[] = [
  bad('NUL', '"a\\u0000b"'),
  bad('lone high surrogate', '"a\\ud800b"'),
  bad('lone low surrogate', '"\\udc00"'),
  bad('invalid UTF-8', INVALID_UTF8),
  bad('nested 40 deep', deep(40)),
  bad('300 KB string', JSON.stringify('x'.repeat(300_000))),
];

function badValuesOf(schema: Schema, required: boolean): BadValue[] {
  const s = resolve(schema);
  const values = [...ANY_FIELD];
  if (required) values.push(bad('missing', 'MISSING'));
  if (!s.nullable) values.push(bad('null', 'null'));
  if (s.enum) values.push(bad('not in the enum', '"NOT_IN_ENUM"'), bad('number for enum', '7'));
  switch (s.enum ? 'enum' : s.type) {
    case 'string':
      values.push(bad('number', '12345'), bad('boolean', 'true'), bad('object', '{}'));
      values.push(bad('array', '["x"]'));
      if (s.format === 'uuid') {
        values.push(bad('not a uuid', '"x"'), bad('uuid with a g', `"${A_UUID.slice(0, -1)}g"`));
      }
      if (s.format === 'date') {
        for (const day of ['2026-13-01', '2026-02-30', '0000-01-01', '2026-1-1']) {
          values.push(bad(`date ${day}`, JSON.stringify(day)));
        }
      }
      if (s.format === 'date-time') {
        for (const time of ['2026-02-30T00:00:00Z', '2026-01-01T24:00:00Z', 'tomorrow']) {
          values.push(bad(`time ${time}`, JSON.stringify(time)));
        }
      }
      if (s.maxLength !== undefined) {
        values.push(bad('over maxLength', JSON.stringify('x'.repeat(s.maxLength + 1))));
      }
      break;
    case 'number':
    case 'integer':
      values.push(bad('numeric string', '"12"'), bad('boolean', 'true'), bad('array', '[1]'));
      values.push(bad('1e309 (Infinity)', '1e309'), bad('-1e309', '-1e309'));
      if (s.type === 'integer') values.push(bad('fraction', '1.5'));
      if (s.maximum !== undefined) values.push(bad('over maximum', String(s.maximum + 1)));
      if (s.minimum !== undefined) values.push(bad('under minimum', String(s.minimum - 1)));
      break;
    case 'boolean':
      values.push(bad('string', '"true"'), bad('number', '1'));
      break;
    case 'array':
      values.push(bad('string', '"x"'), bad('object', '{}'), bad('number', '1'));
      values.push(bad('null item', '[null]'), bad('number item', '[123]'));
      values.push(bad('1000 items', JSON.stringify(Array.from({ length: 1000 }, () => 'x'))));
      break;
    case 'object':
      values.push(bad('string', '"x"'), bad('array', '[]'), bad('number', '1'));
      if (s.properties) values.push(bad('unknown key', '{"zzUnknown":1}'));
      break;
  }
  return values;
}

interface FieldPath {
  path: (string | number)[];
  schema: Schema;
  required: boolean;
}

/** Every field of a body schema, nested objects and the first element of arrays included. */
function fieldsOf(schema: Schema, prefix: (string | number)[] = [], depth = 0): FieldPath[] {
  const s = resolve(schema);
  if (!s.properties || depth > 3) return [];
  return Object.entries(s.properties).flatMap(([name, inner]) => {
    const field = {
      path: [...prefix, name],
      schema: inner,
      required: !!s.required?.includes(name),
    };
    const r = resolve(inner);
    const nested =
      r.type === 'array' && r.items
        ? fieldsOf(r.items, [...prefix, name, 0], depth + 1)
        : fieldsOf(inner, [...prefix, name], depth + 1);
    return [field, ...nested];
  });
}

const PLACEHOLDER = '"__FUZZ_VALUE__"';

/** The body with `value` at `path` (parents made from the schema), as JSON text or bytes. */
function bodyWith(schema: Schema, path: (string | number)[], value: BadValue): string | Buffer {
  const body = sampleValue(schema) as Record<string, unknown>;
  let container: Record<string | number, unknown> = body;
  let containerSchema = resolve(schema);
  for (const key of path.slice(0, -1)) {
    const inner =
      typeof key === 'number'
        ? resolve(containerSchema.items ?? {})
        : resolve(containerSchema.properties?.[key] ?? {});
    if (typeof container[key] !== 'object' || container[key] === null) {
      container[key] = typeof key === 'number' || inner.type !== 'array' ? sampleValue(inner) : [];
    }
    if (Array.isArray(container[key]) && (container[key] as unknown[]).length === 0) {
      (container[key] as unknown[]).push(sampleValue(inner.items ?? {}));
    }
    container = container[key] as Record<string | number, unknown>;
    containerSchema = inner;
  }
  const last = path[path.length - 1];
  if (value.raw === 'MISSING') {
    delete container[last];
    return JSON.stringify(body);
  }
  container[last] = '__FUZZ_VALUE__';
  const [before, after] = JSON.stringify(body).split(PLACEHOLDER);
  return typeof value.raw === 'string'
    ? before + value.raw + after
    : Buffer.concat([Buffer.from(before), value.raw, Buffer.from(after)]);
}

/** Characters of generated text: any code point, and now and then half of a surrogate pair. */
const TEXT_UNIT = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 10 },
  {
    arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
    weight: 1,
  },
);

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64url');

/** Bad values of a query parameter, percent-encoded as sent. */
function badQueryValues(param: Parameter): { label: string; value: string }[] {
  const s = resolve(param.schema);
  const values = [
    { label: 'NUL', value: 'a%00b' },
    { label: 'invalid percent-encoding', value: '%ff%fe' },
    { label: 'encoded surrogate', value: '%ED%A0%80' },
    { label: 'cut-off character', value: '%E4%BA' },
  ];
  if (s.enum) values.push({ label: 'not in the enum', value: 'NOT_IN_ENUM' });
  else if (s.type === 'number' || s.type === 'integer') {
    for (const value of ['abc', '-1', '1.5', '1e999', '99999999999999999999']) {
      values.push({ label: `number ${value}`, value });
    }
  } else if (s.type === 'boolean') values.push({ label: 'not a boolean', value: 'yes' });
  else if (s.format === 'uuid') values.push({ label: 'not a uuid', value: 'x' });
  else if (s.format === 'date-time') {
    values.push({ label: 'impossible day', value: '2026-02-30T00:00:00Z' });
    values.push({ label: 'month 13', value: '2026-13-01' });
  } else if (param.name === 'cursor') {
    values.push(
      { label: 'cursor with a bad id', value: b64('{"t":"2026-11-22T01:30:00.000Z","id":"x"}') },
      {
        label: 'cursor with a bad day',
        value: b64(`{"t":"2026-02-30T00:00:00.000Z","id":"${A_UUID}"}`),
      },
      { label: 'cursor of invalid UTF-8', value: b64(Buffer.from([0x7b, 0xff, 0x7d])) },
      { label: 'cursor not base64url', value: '%2A%2A%2A' },
      { label: 'cursor too long', value: 'x'.repeat(300) },
    );
  }
  return values;
}

/** Bad values of a path parameter (ids, the photo index, the gate code token). */
const BAD_PATH_VALUES = [
  'x',
  'a%00b',
  '%ff',
  '%ED%A0%80',
  '%E4%BA',
  'x'.repeat(400),
  `${A_UUID}x`,
  'a%2Fb',
  '-1',
  '1e999',
  '%F0%9F%98%80',
];

/** Bodies sent whole, to every operation (a GET's body is never read: anything but a 5xx). */
function wholeBodies(op: Operation): FuzzCase[] {
  const reads = op.method !== 'GET';
  const refused: Expectation = reads ? '4xx' : 'no-5xx';
  const json = op.body ? refused : 'no-5xx';
  const url = urlOf(op);
  const cases: [string, string | undefined, string | Buffer, Expectation][] = [
    [
      'invalid UTF-8 body',
      'application/json',
      Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
      refused,
    ],
    ['body nested 10,000 deep', 'application/json', `{"a":${deep(10_000)}}`, refused],
    ['NUL in a key', 'application/json', '{"a\\u0000":1}', refused],
    ['lone surrogate in a value', 'application/json', '{"a":"\\udc00"}', refused],
    ['malformed JSON', 'application/json', '{"a": ', refused],
    ['empty JSON body', 'application/json', '', refused],
    ['XML', 'application/xml', '<a/>', refused],
    ['plain text with invalid UTF-8', 'text/plain', Buffer.from([0x61, 0xc3, 0x28]), refused],
    [
      '300 KB JSON',
      'application/json',
      JSON.stringify({ zzUnknown: 'x'.repeat(300_000) }),
      refused,
    ],
    ['a JSON array', 'application/json', '[1,2]', json],
    ['a JSON string', 'application/json', '"x"', json],
    ['JSON null', 'application/json', 'null', json],
    ['plain text', 'text/plain', 'hello', json],
    ['CSV bytes', 'text/csv', 'a,b\n1,2\n', json],
  ];
  return cases.map(([label, contentType, payload, expect]) => ({
    label,
    url,
    contentType,
    payload,
    expect,
  }));
}

/**
 * Ids of rows that exist, per collection and parameter (`/api/v1/visits {id}` → a visit's id):
 * with them the bad input reaches the code that reads and writes the row, not only a 404.
 */
const knownIds = new Map<string, string>();

/** The collection a path parameter picks from: the path before it (`/api/v1/visits`). */
const collectionOf = (path: string, name: string) => path.slice(0, path.indexOf(`/{${name}}`));

/** The operation's URL with path parameters of existing rows, one of them replaced if asked. */
function urlOf(op: Operation, replace?: { name: string; value: string }, query = ''): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (replace?.name === name) return replace.value;
    const known = knownIds.get(`${collectionOf(op.path, name)} ${name}`);
    if (known) return known;
    if (name === 'index') return '0';
    if (name === 'token') return 'x';
    return A_UUID;
  });
  return query ? `${path}?${query}` : path;
}

function baselineBody(op: Operation): Pick<FuzzCase, 'contentType' | 'payload'> {
  if (op.body)
    return { contentType: 'application/json', payload: JSON.stringify(sampleValue(op.body)) };
  if (op.bodyTypes.includes('text/csv')) return { contentType: 'text/csv', payload: 'a,b\n' };
  return {};
}

/** Every case of one operation: fixed ones (each input at least once) and generated ones. */
function casesOf(op: Operation, index: number): FuzzCase[] {
  const base = baselineBody(op);
  const inputs: fc.Arbitrary<FuzzCase>[] = [];
  const pathCase = (name: string, value: string): FuzzCase => ({
    label: `path ${name}=${value.slice(0, 20)}`,
    url: urlOf(op, { name, value }),
    ...base,
    expect: op.redirects ? 'no-5xx' : '4xx',
  });
  const queryCase = (name: string, value: string, label: string): FuzzCase => ({
    label: `query ${name}: ${label}`,
    url: urlOf(op, undefined, `${name}=${value}`),
    ...base,
    expect: '4xx',
  });
  const fieldCase = (field: FieldPath, value: BadValue): FuzzCase => ({
    label: `body ${field.path.join('.')}: ${value.label}`,
    url: urlOf(op),
    contentType: 'application/json',
    payload: bodyWith(op.body!, field.path, value),
    expect: value.expect,
  });

  const fixed: FuzzCase[] = [{ label: 'baseline', url: urlOf(op), ...base, expect: 'no-5xx' }];
  for (const param of op.pathParams) {
    fixed.push(pathCase(param.name, 'x'), pathCase(param.name, 'a%00b'));
    inputs.push(fc.constantFrom(...BAD_PATH_VALUES).map((value) => pathCase(param.name, value)));
  }
  for (const param of op.queryParams) {
    const values = badQueryValues(param);
    // each parameter at least: NUL, and every bad value of its own kind (dates, cursors …)
    for (const v of [values[0], ...values.slice(4)])
      fixed.push(queryCase(param.name, v.value, v.label));
    inputs.push(fc.constantFrom(...values).map((v) => queryCase(param.name, v.value, v.label)));
  }
  if (op.queryParams.length > 0) {
    fixed.push(queryCase('zzUnknown', '1', 'unknown parameter'));
    const name = op.queryParams[0].name;
    const [value] = badQueryValues(op.queryParams[0]).slice(-1);
    fixed.push({
      ...queryCase(name, value.value, 'repeated'),
      url: `${urlOf(op)}?${name}=${value.value}&${name}=${value.value}`,
    });
  }
  if (op.body) {
    const fields = fieldsOf(op.body);
    // each top-level field at least: NUL, a lone surrogate, null, a wrong type, a bad format
    for (const field of fields.filter((f) => f.path.length === 1)) {
      const values = badValuesOf(field.schema, field.required);
      const own = values.slice(ANY_FIELD.length).filter((v) => v.label !== 'missing');
      const chosen = new Set([values[0], values[1], ...own.slice(0, 2), ...own.slice(-1)]);
      for (const value of chosen) fixed.push(fieldCase(field, value));
    }
    if (fields.length > 0) {
      inputs.push(
        fc
          .constantFrom(...fields)
          .chain((field) =>
            fc
              .constantFrom(...badValuesOf(field.schema, field.required))
              .map((v) => fieldCase(field, v)),
          ),
      );
      // any JSON value, and any text (NUL and lone surrogates included: JSON.stringify escapes
      // them as \u0000, \ud800), in any field
      inputs.push(
        fc
          .tuple(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 3 }))
          .map(([field, value]) =>
            fieldCase(field, bad('generated JSON', JSON.stringify(value) ?? 'null', 'no-5xx')),
          ),
        fc
          .tuple(fc.constantFrom(...fields), fc.string({ unit: TEXT_UNIT, maxLength: 40 }))
          .map(([field, text]) =>
            fieldCase(field, bad('generated text', JSON.stringify(text), 'no-5xx')),
          ),
      );
    }
    fixed.push({
      label: 'body with an unknown field',
      url: urlOf(op),
      contentType: 'application/json',
      payload: JSON.stringify({ ...(sampleValue(op.body) as object), zzUnknown: 1 }),
      expect: '4xx',
    });
  }
  // bodies as a whole; a GET's body is never read, one shows it
  const whole = wholeBodies(op);
  const fixedWhole =
    op.method === 'GET'
      ? ['invalid UTF-8 body']
      : ['invalid UTF-8 body', 'body nested 10,000 deep'];
  fixed.push(...whole.filter((c) => fixedWhole.includes(c.label)));
  if (op.method !== 'GET') inputs.push(fc.constantFrom(...whole));
  if (inputs.length === 0) return fixed; // a GET without parameters: nothing to vary
  const generated = fc.sample(fc.oneof(...inputs), {
    seed: SEED + index,
    numRuns: RUNS_PER_OPERATION,
  });
  return [...fixed, ...generated];
}

// ---------------------------------------------------------------------------------------------

/** An answer that names its internals. */
const LEAK =
  /\n\s+at |\bat [\w.<>]+ \(|QueryFailedError|\bSELECT\b|\bINSERT INTO\b|\bviolates\b|syntax error|node_modules|\.ts:\d+/;

interface Failure {
  operation: string;
  who: string;
  label: string;
  status: number;
  problem: string;
  body: string;
}

describe('fuzz: bad input on every operation of apps/api/openapi.json', () => {
  let w: DemoWorld;
  let wechat: Server;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    // WeChat's servers: a local stand-in that knows no code (so a WeChat login is a 401)
    wechat = createServer((_req, res) => res.end('{"errcode":40029,"errmsg":"invalid code"}'));
    await new Promise<void>((done) => wechat.listen(0, '127.0.0.1', done));
    w = await startDemoWorld({
      // wrong passwords from the fuzz must not slow down or block the accounts it uses
      LOGIN_ACCOUNT_DELAY_MS: 0,
      CHECK_IN_PREVIEW_RATE_LIMIT_PER_MINUTE: 100_000,
      WECHAT_APP_ID: 'wx-fuzz',
      WECHAT_APP_SECRET: 'wx-fuzz-secret',
      WECHAT_API_BASE: `http://127.0.0.1:${(wechat.address() as AddressInfo).port}`,
    });
    tokens.admin = w.users.admin.token;
    tokens.supervisor = w.users.supervisor.token;
    tokens.officer = w.users.officer1.token;
    tokens.enterprise = w.users.firm1.token;
    tokens.forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    // visits, ratings, reports, a draw …: rows for the fuzz to reach
    await seedDemoActivity(w.t.app);
    // the rows the demo data has, found through the list operation of each collection
    for (const op of operations) {
      for (const param of op.pathParams) {
        const collection = collectionOf(op.path, param.name);
        const key = `${collection} ${param.name}`;
        const list = document.paths[collection]?.get;
        if (knownIds.has(key) || !list) continue;
        const who = list.security.length === 0 ? 'anonymous' : (list['x-roles'] ?? ['admin'])[0];
        const res = await w.t.inject({
          method: 'GET',
          url: collection,
          headers: tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {},
        });
        const body = res.statusCode === 200 ? (res.json() as { items?: unknown }) : {};
        const first = (Array.isArray(body.items) ? body.items[0] : undefined) as
          Record<string, unknown> | undefined;
        const id = first?.[param.name] ?? first?.id;
        if (typeof id === 'string') knownIds.set(key, id);
      }
    }
  });
  afterAll(async () => {
    await w.t.close();
    await new Promise((done) => wechat.close(done));
  });

  it('answers every bad request with a 4xx in the error contract, never a 5xx', async () => {
    const failures: Failure[] = [];
    let requests = 0;
    let serverErrors = 0;
    const started = Date.now();

    const send = async (op: Operation, who: string, c: FuzzCase): Promise<void> => {
      requests++;
      const res = await w.t.inject({
        method: op.method,
        url: c.url,
        payload: c.payload,
        headers: {
          ...(c.contentType ? { 'content-type': c.contentType } : {}),
          ...(tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {}),
        },
        // one address per request: the login limit per address must not answer for the fuzz
        remoteAddress: `10.${(requests >> 16) & 255}.${(requests >> 8) & 255}.${requests & 255}`,
      });
      const problem = problemOf(res.statusCode, res.headers['content-type'], res.body, c.expect);
      if (res.statusCode >= 500) serverErrors++;
      if (problem) {
        failures.push({
          operation: `${op.method} ${op.path}`,
          who,
          label: c.label,
          status: res.statusCode,
          problem,
          body: res.body.slice(0, 300),
        });
      }
    };

    for (const [index, op] of operations.entries()) {
      const roles = op.secured ? op.roles : ['anonymous'];
      const cases = casesOf(op, index);
      // the cases spread over the roles the route admits
      for (const [i, c] of cases.entries()) await send(op, roles[i % roles.length], c);
      // anonymously, or with a forged token: a login is asked before anything else, even before
      // a malformed body is read
      const anonymous: FuzzCase = {
        label: 'anonymous, malformed body',
        url: urlOf(op),
        contentType: op.method === 'GET' ? undefined : 'application/json',
        payload: op.method === 'GET' ? undefined : '{"a": ',
        expect: op.secured ? '401' : op.method === 'GET' ? 'no-5xx' : '4xx',
      };
      await send(op, 'anonymous', anonymous);
      if (op.secured) await send(op, 'forged', { ...anonymous, label: 'forged token' });
    }

    const health = await w.t.inject({ method: 'GET', url: '/api/health' });
    console.log(
      `fuzz: ${operations.length} operations (${Object.keys(document.paths).length} paths), ` +
        `${requests} requests, ${serverErrors} × 5xx, ` +
        `${knownIds.size} path parameters on existing rows, ` +
        `${failures.length} failures, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(health.statusCode).toBe(200);
    expect(failures).toEqual([]);
  });
});

/** What is wrong with an answer, if anything. */
function problemOf(
  status: number,
  contentType: string | string[] | number | undefined,
  body: string,
  expectation: Expectation,
): string | undefined {
  if (status >= 500) return `${status}`;
  if (expectation === '4xx' && (status < 400 || status >= 500)) return `${status}, not a 4xx`;
  if (expectation === '401' && status !== 401) return `${status}, not 401`;
  if (status < 400) return undefined;
  if (!String(contentType).startsWith('application/json')) return `a ${status} as ${contentType}`;
  let parsed: { code?: unknown; message?: unknown; errors?: unknown };
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'a body that is not JSON';
  }
  if (typeof parsed.code !== 'string' || typeof parsed.message !== 'string') {
    return 'no {code, message}';
  }
  if (expectation === '401' && parsed.code !== 'UNAUTHENTICATED') return `401 ${parsed.code}`;
  if (parsed.code === 'VALIDATION_FAILED' && status === 400) {
    const errors = parsed.errors;
    const wellFormed =
      Array.isArray(errors) &&
      errors.length > 0 &&
      errors.every(
        (e: { field?: unknown; message?: unknown }) =>
          typeof e.field === 'string' && typeof e.message === 'string',
      );
    if (!wellFormed) return 'VALIDATION_FAILED without errors [{field, message}]';
  }
  if (LEAK.test(body)) return 'internals (a stack trace or SQL) in the answer';
  return undefined;
}
