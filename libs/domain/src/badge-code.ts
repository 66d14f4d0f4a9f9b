import type { GateCodeKeyPair } from './gate-code';
import { openEnvelope, signEnvelope } from './signed-envelope';

/**
 * 电子执法证: the rotating code on an officer's phone that a firm scans to check the officer is
 * real and on duty. Short-lived, so a screenshot is worthless a few minutes later.
 */
export const BADGE_CODE_KIND = 'qb1';
export const BADGE_CODE_LIFETIME_SECONDS = 120;

export interface BadgeCodePayload {
  officerId: string;
  name: string;
  badgeNumber: string;
  unitName: string;
  /** epoch seconds */
  issuedAt: number;
  expiresAt: number;
}

export type BadgeCodeCheck =
  | { valid: true; officer: BadgeCodePayload }
  | { valid: false; problem: 'NOT_A_BADGE_CODE' | 'FORGED' | 'EXPIRED'; message: string };

export function signBadgeCode(
  officer: Omit<BadgeCodePayload, 'issuedAt' | 'expiresAt'>,
  key: GateCodeKeyPair,
  now: Date,
): { code: string; expiresAt: string } {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + BADGE_CODE_LIFETIME_SECONDS;
  return {
    code: signEnvelope(BADGE_CODE_KIND, { ...officer, issuedAt, expiresAt }, key),
    expiresAt: new Date(expiresAt * 1000).toISOString(),
  };
}

/** Verifies a scanned badge code (offline: the signature and the time; online adds on-duty). */
export function checkBadgeCode(
  text: string,
  publicKeys: ReadonlyMap<number, Uint8Array>,
  now: Date,
): BadgeCodeCheck {
  const opened = openEnvelope<BadgeCodePayload>(text, BADGE_CODE_KIND, publicKeys);
  if (!opened.ok) {
    return opened.problem === 'MALFORMED' || opened.problem === 'WRONG_KIND'
      ? { valid: false, problem: 'NOT_A_BADGE_CODE', message: '这不是电子执法证二维码。' }
      : {
          valid: false,
          problem: 'FORGED',
          message: '电子执法证签名无效：可能是伪造的，请拨打12369核实。',
        };
  }
  // A small allowance for the scanning phone's clock being behind.
  if (now.getTime() / 1000 > opened.payload.expiresAt + 30) {
    return {
      valid: false,
      problem: 'EXPIRED',
      message: '电子执法证二维码已过期，请执法人员刷新后再扫。',
    };
  }
  return { valid: true, officer: opened.payload };
}
