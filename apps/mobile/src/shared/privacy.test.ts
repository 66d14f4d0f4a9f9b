import { act, renderHook } from '@testing-library/react';

import {
  AGREE_BUTTON_ID,
  agreeToPrivacy,
  declinePrivacy,
  listenForPrivacyRequests,
  usePrivacyRequest,
} from './privacy';

type Answer = (option: { event: string; buttonId?: string }) => void;

/** WeChat's side: the privacy API whose call waits until the app answers. */
function fakeWeChat() {
  let ask: ((answer: Answer) => void) | undefined;
  const answers: { event: string; buttonId?: string }[] = [];
  listenForPrivacyRequests({
    onNeedPrivacyAuthorization: (listener: (answer: Answer) => void) => {
      ask = listener;
    },
  } as never);
  return {
    answers,
    /** getLocation is called for the first time: WeChat asks for the agreement */
    callPrivacyApi: () => act(() => ask!((option) => answers.push(option))),
  };
}

describe('隐私保护指引 in the mini-program', () => {
  it('shows the prompt while getLocation waits, and agreeing names WeChat’s agree button', () => {
    const wechat = fakeWeChat();
    const { result } = renderHook(() => usePrivacyRequest());
    expect(result.current).toBe(false);
    wechat.callPrivacyApi();
    expect(result.current).toBe(true);
    expect(wechat.answers).toEqual([{ event: 'exposureAuthorization' }]);
    act(() => agreeToPrivacy());
    expect(result.current).toBe(false);
    expect(wechat.answers.at(-1)).toEqual({ event: 'agree', buttonId: AGREE_BUTTON_ID });
  });

  it('declining lets the waiting call fail (the check-in goes on without a location)', () => {
    const wechat = fakeWeChat();
    const { result } = renderHook(() => usePrivacyRequest());
    wechat.callPrivacyApi();
    wechat.callPrivacyApi();
    act(() => declinePrivacy());
    expect(result.current).toBe(false);
    expect(wechat.answers.filter((a) => a.event === 'disagree')).toHaveLength(2);
  });

  it('does nothing where the platform has no privacy prompt (H5)', () => {
    expect(() => listenForPrivacyRequests({} as never)).not.toThrow();
  });
});
