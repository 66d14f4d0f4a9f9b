import {
  decodeUrlComponent,
  firstInvalidUtf8,
  jsonDepthProblem,
  jsonPathAtEnd,
  jsonTextProblem,
  MAX_JSON_DEPTH,
  queryProblem,
  textProblem,
} from './input-limits';

const nest = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);

describe('JSON depth, scanned before parsing', () => {
  it(`accepts ${MAX_JSON_DEPTH} levels and refuses one more, naming the field`, () => {
    expect(jsonDepthProblem(`{"a":${nest(MAX_JSON_DEPTH - 1)}}`)).toBeUndefined();
    expect(jsonDepthProblem(`{"username":${nest(MAX_JSON_DEPTH)}}`)).toEqual({
      field: 'username',
      message: expect.stringContaining('嵌套层级过深'),
    });
    expect(jsonDepthProblem(nest(MAX_JSON_DEPTH + 1))?.field).toBe('body');
  });

  it('names nested fields and array elements like class-validator', () => {
    const deep = nest(40);
    expect(jsonDepthProblem(`{"location":{"lat":${deep}}}`)?.field).toBe('location.lat');
    expect(jsonDepthProblem(`{"gates":[{"name":"a"},{"name":"b","lat":${deep}}]}`)?.field).toBe(
      'gates.1.lat',
    );
    expect(jsonDepthProblem(`{"a":1,"b":[1,2,{"c":${deep}}]}`)?.field).toBe('b.2.c');
  });

  it('is not fooled by brackets, quotes and escapes inside strings', () => {
    const text = `{"a\\"[[[":"${'['.repeat(100)}\\\\","b":"\\"{{{{"}`;
    expect(JSON.parse(text)).toBeTruthy();
    expect(jsonDepthProblem(text)).toBeUndefined();
    expect(jsonDepthProblem(`{"k\\u0000":${nest(40)}}`)?.field).toBe('body');
  });

  it('scans a million brackets in one pass, without recursion', () => {
    const started = Date.now();
    expect(jsonDepthProblem(`{"username":${nest(1_000_000)}}`)?.field).toBe('username');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('names the field at the end of a prefix (where a bad byte sits)', () => {
    expect(jsonPathAtEnd('{"username":"a')).toBe('username');
    expect(jsonPathAtEnd('{"location":{"lat":"')).toBe('location.lat');
    expect(jsonPathAtEnd('{"coOfficerIds":["a","')).toBe('coOfficerIds');
    expect(jsonPathAtEnd('{"location":{"la')).toBe('location');
    expect(jsonPathAtEnd('{"a')).toBe('body');
  });
});

describe('text in strings and keys', () => {
  it('refuses NUL and lone surrogates, accepts paired ones', () => {
    expect(textProblem('a\u0000b')).toMatch(/空字符/);
    expect(textProblem('a\ud800b')).toMatch(/代理项/);
    expect(textProblem('a\udc00')).toMatch(/代理项/);
    expect(textProblem('\ud800')).toMatch(/代理项/);
    expect(textProblem('亲清 😀 \ud83d\ude00')).toBeUndefined();
  });

  it('names the string or the object of the key', () => {
    expect(jsonTextProblem({ username: 'a\u0000b' })).toEqual({
      field: 'username',
      message: expect.stringMatching(/空字符/),
    });
    expect(jsonTextProblem({ gates: [{ name: 'ok' }, { name: '\ud800' }] })?.field).toBe(
      'gates.1.name',
    );
    expect(jsonTextProblem({ ids: ['a', 'b\u0000'] })?.field).toBe('ids');
    expect(jsonTextProblem({ location: { 'l\u0000at': 1 } })).toEqual({
      field: 'location',
      message: expect.stringMatching(/字段/),
    });
    expect(jsonTextProblem(['\u0000'])?.field).toBe('body');
    expect(jsonTextProblem({ a: [1, true, null, { b: '文字' }] })).toBeUndefined();
  });
});

describe('UTF-8', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

  it('finds the first malformed sequence', () => {
    expect(firstInvalidUtf8(bytes('亲清 ok 😀'))).toBe(Buffer.byteLength('亲清 ok 😀'));
    expect(firstInvalidUtf8(bytes('ab', [0xff]))).toBe(2);
    expect(firstInvalidUtf8(bytes('a', [0xc0, 0xaf]))).toBe(1); // overlong '/'
    expect(firstInvalidUtf8(bytes('a', [0xed, 0xa0, 0x80]))).toBe(1); // a surrogate
    expect(firstInvalidUtf8(bytes('a', [0xe4, 0xba]))).toBe(1); // cut short
    expect(firstInvalidUtf8(bytes('a', [0xf4, 0x90, 0x80, 0x80]))).toBe(1); // > U+10FFFF
  });
});

describe('URLs', () => {
  it('decodes components strictly', () => {
    expect(decodeUrlComponent('a%20b+c', true)).toBe('a b c');
    expect(decodeUrlComponent('a+b', false)).toBe('a+b');
    expect(decodeUrlComponent('%E4%BA%B2', true)).toBe('亲');
    expect(decodeUrlComponent('%ff', true)).toBeUndefined();
    expect(decodeUrlComponent('%ED%A0%80', true)).toBeUndefined();
    expect(decodeUrlComponent('%E4%BA', true)).toBeUndefined();
    expect(decodeUrlComponent('%zz', true)).toBeUndefined();
  });

  it('names the query parameter at fault', () => {
    expect(queryProblem('')).toBeUndefined();
    expect(queryProblem('purpose=ROUTINE&limit=5&&flag')).toBeUndefined();
    expect(queryProblem('limit=5&cursor=%ff%fe')).toEqual({
      field: 'cursor',
      message: expect.stringMatching(/百分号编码/),
    });
    expect(queryProblem('purpose=a%00b')).toEqual({
      field: 'purpose',
      message: expect.stringMatching(/空字符/),
    });
    expect(queryProblem('a%00=1')?.field).toBe('query');
    expect(queryProblem('%ff=1')?.field).toBe('query');
  });
});
