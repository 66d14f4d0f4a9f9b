/**
 * Main package: the landing and login screens only. Each role's screens are a subpackage, so the
 * main package stays far under WeChat's 2 MB limit and a user downloads only their role's pages.
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index', 'pages/password/index'],
  subPackages: [
    {
      root: 'pages/officer',
      pages: [
        'home/index',
        'check-in/index',
        'decision/index',
        'check-out/index',
        'visits/index',
        'badge/index',
        'sync/index',
        'ratings/index',
        'tasks/index',
      ],
    },
    {
      root: 'pages/firm',
      pages: [
        'home/index',
        'verify-badge/index',
        'status/index',
        'rate/index',
        'report/index',
        'reports/index',
      ],
    },
    {
      root: 'pages/supervisor',
      pages: [
        'desk/index',
        'visits/index',
        'visit/index',
        'follow-ups/index',
        'follow-up/index',
        'reports/index',
        'report/index',
        'spot-checks/index',
        'spot-check/index',
        'draws/index',
        'draw/index',
      ],
    },
    { root: 'pages/public', pages: ['draws/index', 'draw/index'] },
    {
      root: 'pages/admin',
      pages: ['master-data/index', 'gates/index', 'policy/index', 'users/index', 'units/index'],
    },
  ],
  // While the landing or login screen is read, WeChat downloads the officer's pages (the field
  // users, often on one bar of signal at the gate); other roles load theirs on login.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['pages/officer'] },
    'pages/login/index': { network: 'all', packages: ['pages/officer'] },
  },
  // A published mini-program may call wx.getLocation only when it is declared here, with the
  // reason shown to the user when WeChat asks for the permission.
  requiredPrivateInfos: ['getLocation'],
  // WeChat asks for the privacy agreement through onNeedPrivacyAuthorization (shared/privacy.ts).
  __usePrivacyCheck__: true,
  permission: {
    'scope.userLocation': {
      desc: '扫码入企时记录您所在的位置，用于核对是否在企业门口（电子围栏）',
    },
  },
  // H5: screens change at once. Taro's default slide waits 50 ms and moves for 300 ms on every
  // screen change, time an officer at the gate spends looking at the last screen. (The
  // mini-program animates natively and takes no such key.)
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f2f4f3',
    navigationBarBackgroundColor: '#0b5d3b',
    navigationBarTitleText: '亲清执法打卡',
    navigationBarTextStyle: 'white',
  },
});
