import { trustProxyOption, trustProxyProblem } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it('trusts no proxy when unset', () => {
    expect(trustProxyOption(undefined)).toBe(false);
    expect(trustProxyOption('  ')).toBe(false);
  });

  it('lists addresses, CIDRs and range names', () => {
    expect(trustProxyOption('10.0.0.5, 172.16.0.0/12,loopback')).toEqual([
      '10.0.0.5',
      '172.16.0.0/12',
      'loopback',
    ]);
    expect(trustProxyProblem('10.0.0.5, 172.16.0.0/12, fd00::/8, ::1, loopback')).toBeUndefined();
  });

  it.each(['true', '*', '1', '10.0.0.0/33', 'proxy.example.com', '10.0.0.1,'])(
    'refuses %p',
    (value) => {
      expect(trustProxyProblem(value)).toMatch(/not an address/);
    },
  );
});
