import nacl from 'tweetnacl';
import { encodeUtf8 } from './utf8';

/**
 * A sample anyone can re-draw: each id is ranked by SHA-512 of `seed + "\n" + id` and the `size`
 * lowest ranks are taken. The result depends only on the set of ids, the seed and the size (not on
 * the order the ids are given in), so publishing the seed and the ids lets anyone check a draw.
 * Returns the chosen ids in rank order.
 */
export function seededSample(ids: readonly string[], seed: string, size: number): string[] {
  const unique = [...new Set(ids)];
  const ranked = unique
    .map((id) => ({ id, rank: hex(nacl.hash(encodeUtf8(`${seed}\n${id}`))) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return ranked.slice(0, Math.max(0, Math.floor(size))).map((r) => r.id);
}

function hex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}
