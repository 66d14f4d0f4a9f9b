import nacl from 'tweetnacl';
import { decodeBase64url, encodeBase64url } from './base64url';

/**
 * 执法打卡码: the token a gate's QR code carries, signed with Ed25519 by the server and verifiable
 * anywhere (the API, the phone offline) with the served public key.
 *
 * Binary layout (102 bytes, 136 base64url characters):
 *   [0]      format (1)
 *   [1]      key id (which signing key; lets a bureau rotate keys)
 *   [2..17]  enterprise id (UUID)
 *   [18..33] gate id (UUID)
 *   [34..37] code version (uint32, big-endian)
 *   [38..]   Ed25519 signature over bytes 0..37
 * The QR text is `${baseUrl}/c/${token}`: an https URL, so WeChat's camera can open it.
 */
export const GATE_CODE_FORMAT = 1;
const BODY_LENGTH = 38;
const TOKEN_LENGTH = BODY_LENGTH + 64;
export const GATE_CODE_PATH = '/c/';

export interface GateCodePayload {
  keyId: number;
  enterpriseId: string;
  gateId: string;
  version: number;
}

export type GateCodeProblem = 'MALFORMED' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE';

export type GateCodeVerification =
  { ok: true; payload: GateCodePayload; token: string } | { ok: false; problem: GateCodeProblem };

export interface GateCodeKeyPair {
  keyId: number;
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

/** The signing key from its 32-byte seed (kept secret by the server). */
export function gateCodeKeyPairFromSeed(keyId: number, seed: Uint8Array): GateCodeKeyPair {
  if (seed.length !== 32) throw new RangeError('an Ed25519 seed has 32 bytes');
  const pair = nacl.sign.keyPair.fromSeed(seed);
  return { keyId, publicKey: pair.publicKey, secretKey: pair.secretKey };
}

export function signGateCode(
  payload: Omit<GateCodePayload, 'keyId'>,
  key: GateCodeKeyPair,
): string {
  const body = new Uint8Array(BODY_LENGTH);
  body[0] = GATE_CODE_FORMAT;
  body[1] = key.keyId;
  body.set(uuidToBytes(payload.enterpriseId), 2);
  body.set(uuidToBytes(payload.gateId), 18);
  new DataView(body.buffer).setUint32(34, payload.version);
  const token = new Uint8Array(TOKEN_LENGTH);
  token.set(body);
  token.set(nacl.sign.detached(body, key.secretKey), BODY_LENGTH);
  return encodeBase64url(token);
}

export function gateCodeUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${GATE_CODE_PATH}${token}`;
}

/**
 * The token inside a scanned text: the code's URL (any origin: deployments move) or the bare token.
 * Undefined when the text cannot be a gate code.
 */
export function extractGateCodeToken(text: string): string | undefined {
  const trimmed = text.trim();
  const at = trimmed.lastIndexOf(GATE_CODE_PATH);
  const candidate = at >= 0 ? trimmed.slice(at + GATE_CODE_PATH.length).split(/[?#]/)[0] : trimmed;
  return /^[A-Za-z0-9_-]{136}$/.test(candidate) ? candidate : undefined;
}

/** Verifies a scanned text against the known public keys (by key id). */
/** Checks an Ed25519 signature; the server passes a native one, the phone uses tweetnacl's. */
export type Ed25519Verify = (
  message: Uint8Array,
  signature: Uint8Array,
  publicKey: Uint8Array,
) => boolean;

export const verifyEd25519InJs: Ed25519Verify = (message, signature, publicKey) =>
  nacl.sign.detached.verify(message, signature, publicKey);

export function verifyGateCode(
  text: string,
  publicKeys: ReadonlyMap<number, Uint8Array>,
  verify: Ed25519Verify = verifyEd25519InJs,
): GateCodeVerification {
  const token = extractGateCodeToken(text);
  const bytes = token === undefined ? undefined : decodeBase64url(token);
  if (!token || !bytes || bytes.length !== TOKEN_LENGTH || bytes[0] !== GATE_CODE_FORMAT) {
    return { ok: false, problem: 'MALFORMED' };
  }
  const publicKey = publicKeys.get(bytes[1]);
  if (!publicKey) return { ok: false, problem: 'UNKNOWN_KEY' };
  const body = bytes.subarray(0, BODY_LENGTH);
  if (!verify(body, bytes.subarray(BODY_LENGTH), publicKey)) {
    return { ok: false, problem: 'BAD_SIGNATURE' };
  }
  return {
    ok: true,
    token,
    payload: {
      keyId: bytes[1],
      enterpriseId: bytesToUuid(bytes.subarray(2, 18)),
      gateId: bytesToUuid(bytes.subarray(18, 34)),
      version: new DataView(bytes.buffer, bytes.byteOffset).getUint32(34),
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function uuidToBytes(uuid: string): Uint8Array {
  if (!UUID.test(uuid)) throw new RangeError(`not a UUID: ${uuid}`);
  const hex = uuid.replace(/-/g, '');
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

export function bytesToUuid(bytes: Uint8Array): string {
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
