/** The mini-program's app.json as WeChat reads it: what review and the runtime require. */
type AppConfig = {
  pages: string[];
  subPackages: { root: string; pages: string[] }[];
  requiredPrivateInfos?: string[];
  __usePrivacyCheck__?: boolean;
  permission?: Record<string, { desc: string }>;
};

function loadAppConfig(): AppConfig {
  (globalThis as unknown as { defineAppConfig: (c: AppConfig) => AppConfig }).defineAppConfig = (
    c,
  ) => c;
  return require('./app.config').default as AppConfig;
}

describe('app.config (app.json)', () => {
  const config = loadAppConfig();

  it('declares getLocation and says why it needs the location, so it works once published', () => {
    expect(config.requiredPrivateInfos).toContain('getLocation');
    expect(config.permission?.['scope.userLocation']?.desc).toMatch(/位置/);
    // the privacy agreement is asked through onNeedPrivacyAuthorization (shared/privacy.ts)
    expect(config.__usePrivacyCheck__).toBe(true);
  });

  it('keeps only the landing, login and password screens in the main package', () => {
    // 修改密码 follows a one-time password's login for every role: it cannot wait for a subpackage
    expect(config.pages).toEqual([
      'pages/index/index',
      'pages/login/index',
      'pages/password/index',
    ]);
    expect(config.subPackages.map((p) => p.root)).toEqual(
      expect.arrayContaining(['pages/officer', 'pages/firm', 'pages/supervisor']),
    );
  });
});
