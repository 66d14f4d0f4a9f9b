import fc from 'fast-check';
import { checkUscc, isValidUscc, USCC_ALPHABET, usccCheckCharacter } from './uscc';

describe('USCC (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91110000600037341L'])(
    'accepts the published example %s',
    (code) => {
      expect(checkUscc(code)).toEqual({ valid: true, uscc: code });
    },
  );

  it('normalises whitespace and lower case', () => {
    expect(checkUscc(' 91350100m000100y43 ')).toEqual({ valid: true, uscc: '91350100M000100Y43' });
  });

  it.each([
    ['', 'LENGTH'],
    ['91350100M000100Y4', 'LENGTH'],
    ['91350100M000100Y433', 'LENGTH'],
    ['91350100M000100I43', 'CHARACTERS'],
    ['91350100M000100O43', 'CHARACTERS'],
    ['91350100M000100-43', 'CHARACTERS'],
    ['9135A100M000100Y43', 'DIVISION'],
    ['91350100M000100Y44', 'CHECK_CHARACTER'],
  ])('rejects %j as %s with a Chinese message', (code, problem) => {
    const result = checkUscc(code);
    expect(result).toMatchObject({ valid: false, problem });
    expect(result.valid === false && /统一社会信用代码/.test(result.message)).toBe(true);
  });

  it('computes the check character of the published example', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  const first17 = fc
    .tuple(
      fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 2, maxLength: 2 }),
      fc.array(fc.constantFrom(...'0123456789'), { minLength: 6, maxLength: 6 }),
      fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 9, maxLength: 9 }),
    )
    .map(([head, division, org]) => [...head, ...division, ...org].join(''));

  it('accepts every code completed with its check character', () => {
    fc.assert(fc.property(first17, (body) => isValidUscc(body + usccCheckCharacter(body))));
  });

  it('detects every single-character substitution', () => {
    fc.assert(
      fc.property(
        first17,
        fc.nat(16),
        fc.constantFrom(...USCC_ALPHABET),
        (body, position, replacement) => {
          fc.pre(body[position] !== replacement);
          if (position >= 2 && position < 8) fc.pre(/\d/.test(replacement));
          const valid = body + usccCheckCharacter(body);
          const altered = valid.slice(0, position) + replacement + valid.slice(position + 1);
          return !isValidUscc(altered);
        },
      ),
    );
  });

  it('refuses to compute a check character over a wrong-length body', () => {
    expect(() => usccCheckCharacter('123')).toThrow(RangeError);
  });
});
