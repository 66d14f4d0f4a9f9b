import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

/** What WeChat's onNeedPrivacyAuthorization hands over: answer it once the user has chosen. */
type Answer = (option: {
  event: 'exposureAuthorization' | 'agree' | 'disagree';
  buttonId?: string;
}) => void;

/** The id of the 同意 button: WeChat checks that this very button was tapped before agreeing. */
export const AGREE_BUTTON_ID = 'qinqing-privacy-agree';

let waiting: Answer[] = [];
const listeners = new Set<(pending: boolean) => void>();

function changed(): void {
  for (const listener of listeners) listener(waiting.length > 0);
}

/**
 * 隐私保护指引 (the mini-program's privacy agreement): a published mini-program may call a privacy
 * API such as getLocation only after the user agreed. WeChat asks through
 * onNeedPrivacyAuthorization the first time one is called; the call waits until we answer. Our
 * dialog (PrivacyDialog, in every page's frame) shows while a request waits. Mini-program only.
 */
export function listenForPrivacyRequests(
  taro: Pick<typeof Taro, 'onNeedPrivacyAuthorization'> = Taro,
): void {
  if (typeof taro.onNeedPrivacyAuthorization !== 'function') return;
  taro.onNeedPrivacyAuthorization((answer: Answer) => {
    waiting.push(answer);
    answer({ event: 'exposureAuthorization' }); // tells WeChat the agreement was shown
    changed();
  });
}

function settle(option: Parameters<Answer>[0]): void {
  const answers = waiting;
  waiting = [];
  for (const answer of answers) answer(option);
  changed();
}

/** The user tapped 同意 (the button with AGREE_BUTTON_ID): the waiting calls go on. */
export function agreeToPrivacy(): void {
  settle({ event: 'agree', buttonId: AGREE_BUTTON_ID });
}

/** The user declined: the waiting calls fail (getLocation → the check-in says 未能获取位置). */
export function declinePrivacy(): void {
  settle({ event: 'disagree' });
}

/** Whether a privacy request waits for the user's answer. */
export function usePrivacyRequest(): boolean {
  const [pending, setPending] = useState(waiting.length > 0);
  useEffect(() => {
    listeners.add(setPending);
    setPending(waiting.length > 0);
    return () => void listeners.delete(setPending);
  }, []);
  return pending;
}
