import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('writes argon2id PHC strings with the parameters it always used, salted each time', async () => {
    const first = await hashPassword('Qinqing@2026');
    const second = await hashPassword('Qinqing@2026');
    expect(first).toMatch(
      /^\$argon2id\$v=19\$m=65536,t=3,p=4\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/,
    );
    expect(second).not.toBe(first);
    await expect(verifyPassword(first, 'Qinqing@2026')).resolves.toBe(true);
    await expect(verifyPassword(first, 'Qinqing@2027')).resolves.toBe(false);
  });

  it('verifies hashes written by the earlier argon2 package (existing accounts keep their passwords)', async () => {
    // Written by argon2@0.45 (hash('Qinqing@2026', {type: argon2id})) before the switch.
    const earlier =
      '$argon2id$v=19$m=65536,p=4,t=3$n7VG8ainLuhN7ZI4TW/Deg$4QnP6cwcp7tetVlyrkA7hXeZ2O0IFtrOj11TRaRALG8';
    await expect(verifyPassword(earlier, 'Qinqing@2026')).resolves.toBe(true);
    await expect(verifyPassword(earlier, 'qinqing@2026')).resolves.toBe(false);
  });

  it('answers false, not an error, for a stored value that is not a hash', async () => {
    await expect(verifyPassword('not-a-hash', 'Qinqing@2026')).resolves.toBe(false);
    await expect(verifyPassword('', '')).resolves.toBe(false);
  });
});
