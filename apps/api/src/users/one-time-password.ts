import { ONE_TIME_PASSWORD_ALPHABET, ONE_TIME_PASSWORD_LENGTH } from '@qinqing/domain';
import { randomInt } from 'node:crypto';

/**
 * A one-time password: ONE_TIME_PASSWORD_LENGTH characters drawn uniformly (crypto.randomInt)
 * from an alphabet without 0/O/1/l/I, about 80 bits; with at least one digit, one lower- and one
 * upper-case letter, so it passes any composition rule a bureau's own checklist may have.
 */
export function oneTimePassword(): string {
  for (;;) {
    const chars = Array.from(
      { length: ONE_TIME_PASSWORD_LENGTH },
      () => ONE_TIME_PASSWORD_ALPHABET[randomInt(ONE_TIME_PASSWORD_ALPHABET.length)],
    );
    const text = chars.join('');
    if (/\d/.test(text) && /[a-z]/.test(text) && /[A-Z]/.test(text)) return text;
  }
}
