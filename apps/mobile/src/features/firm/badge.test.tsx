import {
  encodeBase64url,
  gateCodeKeyPairFromSeed,
  signBadgeCode,
  type BadgeVerification,
} from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { fireEvent, render, screen } from '@testing-library/react';

import { ApiClient, ApiError, NetworkError } from '../../services/api';
import type { KeyValueStore } from '../../services/storage';
import { BADGE_KEYS_STORAGE_KEY, badgeVerdict, verifyBadgeText } from './badge';
import { BadgeVerdictCard } from './BadgeVerdictCard';

const taro = Taro as unknown as { makePhoneCall: jest.Mock };

const KEY = gateCodeKeyPairFromSeed(1, new Uint8Array(32).fill(7));
const OTHER_KEY = gateCodeKeyPairFromSeed(1, new Uint8Array(32).fill(9));
const KEYS_RESPONSE = {
  algorithm: 'Ed25519' as const,
  keys: [{ keyId: 1, publicKey: encodeBase64url(KEY.publicKey) }],
};
const NOW = new Date('2026-05-12T04:00:00Z');
const OFFICER = {
  officerId: 'o1',
  name: '张建国',
  badgeNumber: '豫A41010001',
  unitName: '金水分局',
};

const ON_DUTY: BadgeVerification = {
  valid: true,
  onDuty: true,
  officer: { id: 'o1', name: '张建国', badgeNumber: '豫A41010001', unitName: '金水分局' },
  message: '执法人员身份有效：张建国（豫A41010001）',
};

/** A plain in-memory store (jsdom has no structuredClone for the shared memoryStore). */
function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    get: <T,>(key: string) => data.get(key) as T | undefined,
    set: (key, value) => void data.set(key, value),
    remove: (key) => void data.delete(key),
  };
}

/** A client whose keys and verify answers the test sets. */
function fakeClient(opts: {
  keys?: () => Promise<unknown>;
  verify?: () => Promise<BadgeVerification>;
}) {
  const client = new ApiClient();
  const request = jest.fn(opts.keys ?? (() => Promise.resolve(KEYS_RESPONSE)));
  const verifyBadge = jest.fn(opts.verify ?? (() => Promise.resolve(ON_DUTY)));
  Object.assign(client, { request, verifyBadge });
  return { client, request, verifyBadge };
}

describe('badgeVerdict', () => {
  it('is green 身份有效 · 在岗 when the server confirms the officer on duty', () => {
    const v = badgeVerdict(null, ON_DUTY);
    expect(v.tone).toBe('valid');
    expect(v.title).toBe('身份有效 · 在岗');
    expect(v.officer?.name).toBe('张建国');
  });

  it('is red when the account is not on duty, even with a good signature', () => {
    const v = badgeVerdict(null, { ...ON_DUTY, onDuty: false, message: '张建国的执法账号已停用' });
    expect(v.tone).toBe('invalid');
    expect(v.title).toBe('证件有效但不在岗');
  });

  it('is amber offline when only the signature could be checked', () => {
    const offline = { valid: true as const, officer: { ...OFFICER, issuedAt: 0, expiresAt: 0 } };
    const v = badgeVerdict(offline, null);
    expect(v.tone).toBe('offline');
    expect(v.message).toContain('未能确认是否在岗');
  });

  it('is red with the reason when the code is forged or expired', () => {
    const v = badgeVerdict(
      {
        valid: false,
        problem: 'EXPIRED',
        message: '电子执法证二维码已过期，请执法人员刷新后再扫。',
      },
      null,
    );
    expect(v.tone).toBe('invalid');
    expect(v.message).toContain('已过期');
  });
});

describe('verifyBadgeText', () => {
  it('checks offline with the fetched keys, caches them, then asks the server', async () => {
    const { code } = signBadgeCode(OFFICER, KEY, NOW);
    const store = memoryStore();
    const { client, verifyBadge } = fakeClient({});
    const v = await verifyBadgeText(`  ${code}\n`, NOW, client, store);
    expect(v.tone).toBe('valid');
    expect(verifyBadge).toHaveBeenCalledWith({ body: { code } });
    expect(store.get(BADGE_KEYS_STORAGE_KEY)).toEqual(KEYS_RESPONSE);
  });

  it('does not bother the server with text that is not a badge code', async () => {
    const { client, verifyBadge } = fakeClient({});
    const v = await verifyBadgeText('https://example.com/c/abc', NOW, client, memoryStore());
    expect(v.message).toBe('这不是电子执法证二维码。');
    expect(verifyBadge).not.toHaveBeenCalled();
  });

  it('without signal uses the cached keys: a genuine code is amber, a forged one red', async () => {
    const store = memoryStore({ [BADGE_KEYS_STORAGE_KEY]: KEYS_RESPONSE });
    const offline = () => Promise.reject(new NetworkError());
    const { client } = fakeClient({ keys: offline, verify: offline });

    const genuine = await verifyBadgeText(
      signBadgeCode(OFFICER, KEY, NOW).code,
      NOW,
      client,
      store,
    );
    expect(genuine.tone).toBe('offline');
    expect(genuine.officer?.badgeNumber).toBe('豫A41010001');

    const forged = await verifyBadgeText(
      signBadgeCode(OFFICER, OTHER_KEY, NOW).code,
      NOW,
      client,
      store,
    );
    expect(forged.tone).toBe('invalid');
    expect(forged.message).toContain('伪造');
  });

  it('shows the server message when the server answers an error', async () => {
    const { client } = fakeClient({
      verify: () =>
        Promise.reject(new ApiError(429, 'RATE_LIMITED', '请求过于频繁，请稍后再试。', {})),
    });
    const v = await verifyBadgeText(
      signBadgeCode(OFFICER, KEY, NOW).code,
      NOW,
      client,
      memoryStore(),
    );
    expect(v.tone).toBe('invalid');
    expect(v.message).toBe('请求过于频繁，请稍后再试。');
  });
});

describe('BadgeVerdictCard', () => {
  it('shows the officer on a green card without the call button', () => {
    render(<BadgeVerdictCard verdict={badgeVerdict(null, ON_DUTY)} />);
    expect(screen.getByTestId('badge-verdict').className).toContain('verdict--valid');
    expect(screen.getByTestId('badge-verdict-title').textContent).toBe('身份有效 · 在岗');
    expect(screen.getByTestId('badge-verdict-officer').textContent).toContain('豫A41010001');
    expect(screen.queryByTestId('badge-verdict-call')).toBeNull();
  });

  it('offers 拨打67189801核实 on a red card and calls it', () => {
    render(
      <BadgeVerdictCard
        verdict={badgeVerdict(
          { valid: false, problem: 'FORGED', message: '电子执法证签名无效：可能是伪造的' },
          null,
        )}
      />,
    );
    expect(screen.getByTestId('badge-verdict').className).toContain('verdict--invalid');
    expect(screen.queryByTestId('badge-verdict-officer')).toBeNull();
    const call = screen.getByTestId('badge-verdict-call');
    expect(call.textContent).toContain('拨打67189801核实');
    fireEvent.click(call);
    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '67189801' });
  });
});
