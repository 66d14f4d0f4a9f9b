import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords are stored as argon2id hashes only (PHC strings: `$argon2id$v=19$m=65536,t=3,p=4$…`).
 * @node-rs/argon2 ships a prebuilt binary for every platform, so nothing is compiled at install
 * and nothing can crash at load; it reads the hashes the earlier `argon2` package wrote.
 */
// The library's default algorithm is argon2id (its `Algorithm` is a const enum, which the test
// transpiler cannot inline); the test below reads the prefix of what it writes.
const ARGON2ID = {
  memoryCost: 65_536, // KiB
  timeCost: 3,
  parallelism: 4,
} as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, ARGON2ID);
}

export async function verifyPassword(hashed: string, plain: string): Promise<boolean> {
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}
