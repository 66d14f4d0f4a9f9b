import type { FieldError } from '@qinqing/domain';

/**
 * The limits every request meets before any code of ours walks, validates or stores what it
 * sent (issue 13: every bad input a clear 4xx): JSON nested no deeper than MAX_JSON_DEPTH, text
 * that is valid UTF-8, and no NUL character or lone UTF-16 surrogate in any string, object key,
 * query parameter or path parameter (PostgreSQL refuses NUL in text and lone surrogates in jsonb).
 * The functions here are pure; request-edge.ts applies them to requests.
 */

/** Deepest nesting of arrays and objects a JSON body may have (a check-in body has 2). */
export const MAX_JSON_DEPTH = 32;

export const INPUT_MESSAGES = {
  tooDeep: `嵌套层级过深（最多 ${MAX_JSON_DEPTH} 层）`,
  nul: '不能包含空字符（U+0000）',
  loneSurrogate: '含有无效的 Unicode 字符（不成对的代理项）',
  badKey: '含有名称无效的字段（空字符或不成对的代理项）',
  invalidUtf8: '不是有效的 UTF-8 文本',
  invalidPercentEncoding: '含有无效的百分号编码（应为 UTF-8）',
} as const;

/** A lone high surrogate (not followed by a low one) or a lone low surrogate. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string may not be taken as text: a NUL character or a lone surrogate. */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return INPUT_MESSAGES.nul;
  if (LONE_SURROGATE.test(text)) return INPUT_MESSAGES.loneSurrogate;
  return undefined;
}

/** A key that cannot itself be named in a field path (or none read yet): the path stops before. */
const UNNAMED = Symbol('unnamed');
type Segment = string | number | typeof UNNAMED;

/**
 * A field path as class-validator names fields: keys and indices joined with dots, without the
 * trailing indices of an array of values (`coOfficerIds`, `gates.0.name`, `location.lat`);
 * `body` for the body itself. Overlong paths are cut: the path is echoed in the answer.
 */
export function fieldPath(segments: readonly Segment[]): string {
  const unnamed = segments.indexOf(UNNAMED);
  let end = unnamed < 0 ? segments.length : unnamed;
  while (end > 0 && typeof segments[end - 1] === 'number') end--;
  if (end === 0) return 'body';
  const path = segments.slice(0, end).join('.');
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

/**
 * Scans JSON text, without parsing it, for arrays and objects nested deeper than `maxDepth`, and
 * answers the path of the value where that happens. Linear in the text and without recursion, so
 * a body of a million `[` costs one pass and nothing deeper: the parser and the validators (which
 * recurse) only ever see shallow values. Text that is not JSON is scanned leniently; the parser
 * reports it afterwards.
 */
export function jsonDepthProblem(
  text: string,
  maxDepth: number = MAX_JSON_DEPTH,
): FieldError | undefined {
  const scan = scanJson(text, maxDepth);
  return scan.tooDeep
    ? { field: fieldPath(scan.path), message: INPUT_MESSAGES.tooDeep }
    : undefined;
}

/**
 * The field path at the end of a prefix of JSON text: where a bad byte that follows it sits
 * (`{"username":"a` → `username`).
 */
export function jsonPathAtEnd(prefix: string): string {
  return fieldPath(scanJson(prefix, Number.POSITIVE_INFINITY).path);
}

function scanJson(text: string, maxDepth: number): { tooDeep: boolean; path: Segment[] } {
  /** per open container: its path segment (the current key, or the current index) */
  const path: Segment[] = [];
  /** per open container: true for an object */
  const isObject: boolean[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      const inKey = expectKey && isObject[isObject.length - 1] === true;
      if (end < 0) {
        // the text ends inside this string: a key's fault is its object's
        return { tooDeep: false, path: inKey ? path.slice(0, -1) : path };
      }
      if (inKey) {
        const key = jsonString(text.slice(i, end + 1));
        path[path.length - 1] = key !== undefined && textProblem(key) === undefined ? key : UNNAMED;
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (isObject.length >= maxDepth) return { tooDeep: true, path };
      isObject.push(c === 0x7b);
      path.push(c === 0x7b ? UNNAMED : 0);
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      isObject.pop();
      path.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */ && path.length > 0) {
      const top = path.length - 1;
      if (isObject[top]) expectKey = true;
      else path[top] = (path[top] as number) + 1;
    }
  }
  return { tooDeep: false, path };
}

/** Index of the quote that closes the string opening at `start`, or -1 when the text ends first. */
function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    let backslashes = 0;
    for (let k = quote - 1; k > start && text.charCodeAt(k) === 0x5c; k--) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

function jsonString(literal: string): string | undefined {
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first string value or object key of a parsed body (at most MAX_JSON_DEPTH deep, see
 * jsonDepthProblem) holding a NUL character or a lone surrogate.
 */
export function jsonTextProblem(value: unknown): FieldError | undefined {
  return walk(value, []);
}

function walk(value: unknown, path: Segment[]): FieldError | undefined {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { field: fieldPath(path), message: problem } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = walk(value[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (textProblem(key)) return { field: fieldPath(path), message: INPUT_MESSAGES.badKey };
      const found = walk(inner, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 text, refusing malformed bytes (rather than storing U+FFFD in their place). */
export function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Byte offset of the first malformed UTF-8 sequence (bytes.length when there is none). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= bytes.length) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if ((next & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (next & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/**
 * Decodes one component of a URL (a path segment, a query key or value; `+` is a space in a
 * query) strictly: malformed percent-encoding or encoded bytes that are not UTF-8 give undefined.
 */
export function decodeUrlComponent(text: string, plusIsSpace: boolean): string | undefined {
  const spaced = plusIsSpace ? text.replace(/\+/g, ' ') : text;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return undefined;
  }
}

/**
 * The first problem of a query string (without its `?`): a key or value whose percent-encoding is
 * malformed or not UTF-8, or that holds a NUL character or a lone surrogate. Named by its key.
 */
export function queryProblem(query: string): FieldError | undefined {
  if (query === '') return undefined;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const key = decodeUrlComponent(rawKey, true);
    const field =
      key !== undefined && key !== '' && textProblem(key) === undefined
        ? fieldPath([key])
        : 'query';
    if (key === undefined) return { field, message: INPUT_MESSAGES.invalidPercentEncoding };
    const keyProblem = textProblem(key);
    if (keyProblem) return { field, message: INPUT_MESSAGES.badKey };
    const value = decodeUrlComponent(rawValue, true);
    if (value === undefined) return { field, message: INPUT_MESSAGES.invalidPercentEncoding };
    const valueProblem = textProblem(value);
    if (valueProblem) return { field, message: valueProblem };
  }
  return undefined;
}
