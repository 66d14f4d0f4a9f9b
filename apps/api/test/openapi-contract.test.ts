import { ENDPOINTS, type Endpoint } from '@qinqing/domain/schemas';
import { errorCodesOf } from '../src/common/contract/endpoint.decorator';
import { ERROR_STATUS } from '../src/common/errors/domain.exception';
import { startTestApp, type TestApp } from './support/test-app';

interface Operation {
  operationId?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; schema?: object }[];
  requestBody?: { content: Record<string, { schema?: object }> };
  responses: Record<string, { content?: Record<string, { schema?: object; examples?: object }> }>;
}

/** The OpenAPI operation of every endpoint defined by a schema says all the contract says. */
describe('OpenAPI from the contract', () => {
  let t: TestApp;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, object> };
  };

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.inject({ method: 'GET', url: '/api/docs/openapi.json' })).json();
  });
  afterAll(() => t.close());

  const operationOf = (endpoint: Endpoint): Operation | undefined =>
    doc.paths[endpoint.path.replace(/:(\w+)/g, '{$1}')]?.[endpoint.method.toLowerCase()];

  it.each(Object.values(ENDPOINTS).map((e) => [e.name, e] as const))(
    '%s: request and response schemas, errors with examples, security',
    (_name, endpoint: Endpoint) => {
      const op = operationOf(endpoint);
      expect(op).toBeDefined();
      expect(op!.operationId).toBe(endpoint.name);
      expect(op!.tags).toHaveLength(1);
      if (endpoint.access === 'public') expect(op!.security ?? []).toEqual([]);
      else expect(op!.security).toEqual([{ bearer: [] }]);

      if (endpoint.body) {
        expect(op!.requestBody?.content['application/json']?.schema).toBeDefined();
      } else if (endpoint.consumes) {
        expect(Object.keys(op!.requestBody?.content ?? {}).sort()).toEqual(
          [...endpoint.consumes].sort(),
        );
      } else {
        expect(op!.requestBody).toBeUndefined();
      }
      const params = op!.parameters ?? [];
      for (const [part, where] of [
        ['query', 'query'],
        ['params', 'path'],
      ] as const) {
        const names = Object.keys(endpoint[part]?.shape ?? {}).sort();
        const documented = params.filter((p) => p.in === where);
        expect(documented.map((p) => p.name).sort()).toEqual(names);
        for (const p of documented) expect(p.schema).toBeDefined();
      }

      const statuses = new Set([
        endpoint.status,
        ...(endpoint.otherAnswers ?? []).map((answer) => answer.status),
        ...errorCodesOf(endpoint).map((code) => ERROR_STATUS[code]),
      ]);
      expect(Object.keys(op!.responses).sort()).toEqual([...statuses].map(String).sort());
      for (const status of statuses) {
        if (status === 204) {
          expect(op!.responses[status].content).toBeUndefined();
          continue;
        }
        if (status === endpoint.status && endpoint.produces) {
          const files = op!.responses[status].content ?? {};
          expect(Object.keys(files).sort()).toEqual([...endpoint.produces].sort());
          for (const file of Object.values(files)) expect(file.schema).toBeDefined();
          continue;
        }
        const content = op!.responses[status].content?.['application/json'];
        expect(content?.schema).toBeDefined();
        if (status >= 400) expect(Object.keys(content?.examples ?? {}).length).toBeGreaterThan(0);
      }
    },
  );

  it('resolves every reference to a component', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)];
    for (const [, name] of refs) expect(doc.components.schemas).toHaveProperty(name);
  });
});
