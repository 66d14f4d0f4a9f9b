/**
 * 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015.
 *
 * 18 characters: registration authority (1), organisation category (1), administrative division
 * (6 digits), organisation code (9) and a check character computed over the first 17 with the
 * weights 3^i mod 31. The alphabet is the digits and the capital letters without I, O, S, V, Z.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = 'LENGTH' | 'CHARACTERS' | 'DIVISION' | 'CHECK_CHARACTER';

export const USCC_PROBLEM_MESSAGES: Record<UsccProblem, string> = {
  LENGTH: '统一社会信用代码应为18位',
  CHARACTERS: '统一社会信用代码只能包含数字和大写字母（不含I、O、S、V、Z）',
  DIVISION: '统一社会信用代码第3至8位应为行政区划代码（6位数字）',
  CHECK_CHARACTER: '统一社会信用代码校验位不正确，请核对',
};

export type UsccCheck =
  { valid: true; uscc: string } | { valid: false; problem: UsccProblem; message: string };

/** The check character (18th) for the first 17 characters of a code. */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError('need exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`character ${first17[i]} is not in the USCC alphabet`);
    sum += value * WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Checks a code; surrounding whitespace is ignored and lower case letters are accepted. */
export function checkUscc(input: string): UsccCheck {
  const uscc = input.trim().toUpperCase();
  const fail = (problem: UsccProblem): UsccCheck => ({
    valid: false,
    problem,
    message: USCC_PROBLEM_MESSAGES[problem],
  });
  if (uscc.length !== 18) return fail('LENGTH');
  for (const ch of uscc) if (!USCC_ALPHABET.includes(ch)) return fail('CHARACTERS');
  if (!/^\d{6}$/.test(uscc.slice(2, 8))) return fail('DIVISION');
  if (usccCheckCharacter(uscc.slice(0, 17)) !== uscc[17]) return fail('CHECK_CHARACTER');
  return { valid: true, uscc };
}

export function isValidUscc(input: string): boolean {
  return checkUscc(input).valid;
}
