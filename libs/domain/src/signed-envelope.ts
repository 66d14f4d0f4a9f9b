import nacl from 'tweetnacl';
import { decodeBase64url, encodeBase64url } from './base64url';
import { canonicalJson } from './canonical-json';
import type { GateCodeKeyPair } from './gate-code';
import { decodeUtf8, encodeUtf8 } from './utf8';

/**
 * A JSON payload signed with the server's Ed25519 key, as one text:
 * `<kind>.<keyId>.<base64url(canonical JSON)>.<base64url(signature)>`, the signature covering
 * everything before the last dot. `kind` separates uses (a badge code is never a snapshot).
 * Used for the officer's badge code and the phone's offline snapshot; verifiable anywhere.
 */
export type EnvelopeProblem = 'MALFORMED' | 'WRONG_KIND' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE';

export type OpenedEnvelope<T> =
  { ok: true; payload: T; keyId: number } | { ok: false; problem: EnvelopeProblem };

export function signEnvelope(kind: string, payload: unknown, key: GateCodeKeyPair): string {
  if (!/^[a-z0-9]+$/.test(kind)) throw new RangeError('kind must be lower-case letters and digits');
  const signed = `${kind}.${key.keyId}.${encodeBase64url(encodeUtf8(canonicalJson(payload)))}`;
  const signature = nacl.sign.detached(encodeUtf8(signed), key.secretKey);
  return `${signed}.${encodeBase64url(signature)}`;
}

export function openEnvelope<T>(
  text: string,
  kind: string,
  publicKeys: ReadonlyMap<number, Uint8Array>,
): OpenedEnvelope<T> {
  const parts = text.trim().split('.');
  if (parts.length !== 4) return { ok: false, problem: 'MALFORMED' };
  const [textKind, keyIdText, body, signatureText] = parts;
  if (textKind !== kind) return { ok: false, problem: 'WRONG_KIND' };
  const keyId = Number(keyIdText);
  const publicKey = /^\d{1,3}$/.test(keyIdText) ? publicKeys.get(keyId) : undefined;
  if (!publicKey) return { ok: false, problem: 'UNKNOWN_KEY' };
  const signature = decodeBase64url(signatureText);
  const json = decodeBase64url(body);
  if (!signature || signature.length !== 64 || !json) return { ok: false, problem: 'MALFORMED' };
  const signed = encodeUtf8(`${textKind}.${keyIdText}.${body}`);
  if (!nacl.sign.detached.verify(signed, signature, publicKey))
    return { ok: false, problem: 'BAD_SIGNATURE' };
  const decoded = decodeUtf8(json);
  try {
    return { ok: true, keyId, payload: JSON.parse(decoded ?? '') as T };
  } catch {
    return { ok: false, problem: 'MALFORMED' };
  }
}
