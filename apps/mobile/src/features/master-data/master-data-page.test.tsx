import type { ImportProblem, ImportReport, ImportSummary } from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen } from '@testing-library/react';

import MasterDataPage from '../../pages/admin/master-data/index';
import DeskPage from '../../pages/supervisor/desk/index';
import { session } from '../../services/session';

// The browser's upload (fetch) rather than the mini-program's notice: this is the H5 screen.
jest.mock('./upload', () => jest.requireActual('./upload.h5'));
jest.mock('../desk/download', () => jest.requireActual('../desk/download.h5'));

const taro = Taro as unknown as {
  request: jest.Mock;
  redirectTo: jest.Mock;
  reLaunch: jest.Mock;
  navigateTo: jest.Mock;
};

const SUMMARY: ImportSummary = {
  firms: { create: 3, update: 2, unchanged: 393 },
  gates: { create: 4, update: 1, unchanged: 10 },
  positiveList: { create: 5, end: 1, unchanged: 120 },
  gradesChanged: 2,
  units: { create: 1, update: 0, unchanged: 4 },
  officers: { create: 2, update: 1, unchanged: 3 },
  contacts: { create: 1, update: 0, unchanged: 2 },
};

const PROBLEMS: ImportProblem[] = [
  { sheet: '门岗', row: 4, column: '纬度', value: '', message: '缺少门岗位置（纬度）。' },
  {
    sheet: '企业',
    row: 7,
    column: '所属区县',
    value: '火星区',
    message: '所属区县“火星区”不在已登记的区县中。',
  },
  {
    sheet: '企业',
    row: 3,
    column: '统一社会信用代码',
    value: '91410100MA0000000X',
    message: '统一社会信用代码校验位错误。',
  },
];

function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    ok: true,
    dryRun: true,
    summary: SUMMARY,
    problems: [],
    ignoredSheets: [],
    ...overrides,
  };
}

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

const calls: Call[] = [];

/** Answers each upload in turn with [status, body]. */
function answer(...replies: [number, unknown][]): void {
  const queue = [...replies];
  global.fetch = jest.fn(async (url: string, init: RequestInit) => {
    calls.push({
      // The API base (none in H5, the mini-program's host here) is not this screen's concern.
      url: url.replace(/^https?:\/\/[^/]+/, ''),
      method: String(init.method),
      headers: init.headers as Record<string, string>,
      body: init.body,
    });
    const [status, body] = queue.shift() ?? [500, { message: '没有准备的回答。' }];
    return {
      status,
      ok: status < 300,
      text: async () => JSON.stringify(body),
      blob: async () => new Blob(['%PDF-1.3'], { type: 'application/pdf' }),
    };
  }) as unknown as typeof fetch;
}

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

function choose(name: string, content = 'a,b'): File {
  const file = new File([content], name, { lastModified: 1_700_000_000_000 });
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
  return file;
}

async function click(testId: string): Promise<void> {
  fireEvent.click(screen.getByTestId(testId));
  await settle();
}

function applyDisabled(): boolean {
  // NutUI's button: disabled is its class (and the element's property), not an attribute.
  const button = screen.getByTestId('import-apply') as HTMLElement & { disabled?: boolean };
  return button.classList.contains('nut-button-disabled') || button.disabled === true;
}

/** The confirmation on the screen (NutUI Dialog): its text, or null when it is not open. */
function confirmation(): string | null {
  return screen.queryByTestId('import-confirm') ? document.body.textContent : null;
}

/** Answers the open confirmation with 确认导入 or 取消. */
async function answerConfirmation(confirm: boolean): Promise<void> {
  await click(confirm ? 'import-confirm' : 'import-confirm-cancel');
}

function login(role: 'admin' | 'supervisor'): void {
  session.save({
    accessToken: 't',
    refreshToken: 'r',
    user: { id: 'u1', name: role === 'admin' ? '李管理' : '王监督', role },
  } as never);
}

describe('企业主数据导入', () => {
  beforeEach(() => {
    calls.length = 0;
    login('admin');
  });
  afterEach(() => session.clear());

  it('checks a workbook, then imports it after the confirmation and shows the counts', async () => {
    answer([200, report()], [200, report({ dryRun: false, importId: 'imp-1' })]);
    render(<MasterDataPage />);
    const file = choose('企业主数据.xlsx');
    expect(screen.queryByTestId('import-sheet')).toBeNull();
    expect(applyDisabled()).toBe(true);

    await click('import-check');
    expect(calls[0]).toMatchObject({
      url: '/api/v1/master-data/import?dryRun=true',
      method: 'POST',
      body: file,
    });
    expect(calls[0]?.headers).toMatchObject({
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      authorization: 'Bearer t',
    });
    const summary = screen.getByTestId('import-summary').textContent ?? '';
    expect(summary).toMatch(/企业新增 3更新 2不变 393/);
    expect(summary).toMatch(/正面清单新增 5移出 1不变 120/);
    expect(summary).toContain('信用等级变更：2 家');
    expect(screen.queryAllByTestId('import-problem')).toHaveLength(0);
    expect(applyDisabled()).toBe(false);

    await click('import-apply');
    expect(calls).toHaveLength(1);
    expect(confirmation()).toContain('导入将一次性写入全部数据，且记入审计日志');
    await answerConfirmation(true);
    expect(confirmation()).toBeNull();
    expect(calls[1]?.url).toBe('/api/v1/master-data/import?dryRun=false');
    const done = screen.getByTestId('import-done').textContent ?? '';
    expect(done).toContain('imp-1');
    expect(done).toMatch(/门岗新增 4更新 1不变 10/);
    expect(applyDisabled()).toBe(true);
  });

  it('after an import that created accounts, prints their one-time passwords (kept only on this screen)', async () => {
    const accounts = [
      {
        userId: 'u-officer',
        username: 'sunlixin',
        displayName: '孙立新',
        role: 'officer' as const,
        unit: '金水分局第三大队',
        firms: [],
        oneTimePassword: 'Gx6CbKBcajMrzp',
      },
      {
        userId: 'u-contact',
        username: 'hanmei',
        displayName: '韩梅',
        role: 'enterprise' as const,
        unit: null,
        firms: ['郑州思念食品有限公司'],
        oneTimePassword: 'nBhWkXnvYf9sZg',
      },
    ];
    answer(
      [200, report()],
      [200, report({ dryRun: false, importId: 'imp-2', accounts })],
      [200, {}],
    );
    const objectUrls: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      objectUrls.push(blob);
      return 'blob:credentials';
    });
    URL.revokeObjectURL = jest.fn();
    render(<MasterDataPage />);
    choose('人员.xlsx');
    await click('import-check');
    expect(screen.getByTestId('import-summary').textContent).toMatch(/执法人员新增 2更新 1不变 3/);
    expect(screen.queryByTestId('import-accounts')).toBeNull();
    await click('import-apply');
    await answerConfirmation(true);

    const box = screen.getByTestId('import-accounts').textContent ?? '';
    expect(box).toContain('本次新建 2 个账号（执法人员 1 个，企业联系人 1 个）');
    expect(box).toContain('离开本页后无法再次打印，可在账号管理中重置密码');
    // the passwords are not shown on the screen, only printed
    expect(document.body.textContent).not.toContain('Gx6CbKBcajMrzp');
    expect(screen.getByText('打印初始密码')).toBeTruthy();

    await click('import-print-credentials');
    expect(calls[2]).toMatchObject({ url: '/api/v1/users/credentials-sheet', method: 'POST' });
    expect(calls[2]?.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer t',
    });
    expect(JSON.parse(String(calls[2]?.body))).toEqual({
      accounts: [
        { userId: 'u-officer', oneTimePassword: 'Gx6CbKBcajMrzp' },
        { userId: 'u-contact', oneTimePassword: 'nBhWkXnvYf9sZg' },
      ],
    });
    expect(objectUrls).toHaveLength(1);
    expect(screen.getByTestId('import-print-message').textContent).toContain(
      '已下载：账号初始密码清单.pdf',
    );
  });

  it('says why the list was not printed when the server refuses it', async () => {
    const accounts = [
      {
        userId: 'u-officer',
        username: 'sunlixin',
        displayName: '孙立新',
        role: 'officer' as const,
        unit: '金水分局第三大队',
        firms: [],
        oneTimePassword: 'Gx6CbKBcajMrzp',
      },
    ];
    answer(
      [200, report()],
      [200, report({ dryRun: false, importId: 'imp-3', accounts })],
      [422, { code: 'CREDENTIALS_INVALID' }],
    );
    render(<MasterDataPage />);
    choose('人员.xlsx');
    await click('import-check');
    await click('import-apply');
    await answerConfirmation(true);
    await click('import-print-credentials');
    expect(screen.getByTestId('import-print-message').textContent).toContain('打印清单未生成');
  });

  it('lists every problem by sheet and row and keeps the import closed', async () => {
    answer([200, report({ ok: false, problems: PROBLEMS })]);
    render(<MasterDataPage />);
    choose('名单.xlsx');
    await click('import-check');

    const rows = screen.getAllByTestId('import-problem').map((row) => row.textContent);
    expect(rows).toEqual([
      '企业 · 第 3 行 · 统一社会信用代码内容：91410100MA0000000X问题：统一社会信用代码校验位错误。',
      '企业 · 第 7 行 · 所属区县内容：火星区问题：所属区县“火星区”不在已登记的区县中。',
      '门岗 · 第 4 行 · 纬度内容：（空）问题：缺少门岗位置（纬度）。',
    ]);
    expect(screen.getByTestId('import-verdict').textContent).toContain('3 处问题');
    expect(applyDisabled()).toBe(true);
    await click('import-apply');
    expect(confirmation()).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('sends a CSV with its sheet, and a new sheet or file needs a new check', async () => {
    answer([200, report()], [200, report()]);
    render(<MasterDataPage />);
    choose('gates.csv');
    fireEvent.change(screen.getByTestId('import-sheet'), { target: { value: '门岗' } });
    await click('import-check');
    expect(calls[0]?.url).toBe(
      `/api/v1/master-data/import?dryRun=true&sheet=${encodeURIComponent('门岗')}`,
    );
    expect(calls[0]?.headers['content-type']).toBe('text/csv');
    expect(applyDisabled()).toBe(false);

    fireEvent.change(screen.getByTestId('import-sheet'), { target: { value: '正面清单' } });
    expect(applyDisabled()).toBe(true);
    expect(screen.queryByTestId('import-summary')).toBeNull();

    await click('import-check');
    expect(applyDisabled()).toBe(false);
    choose('gates.csv', 'a,b,c');
    expect(applyDisabled()).toBe(true);
  });

  it('shows the problems of a refused import (422) and that nothing was imported', async () => {
    answer(
      [200, report()],
      [
        422,
        {
          code: 'VALIDATION_FAILED',
          message: '导入文件有1处问题，未导入任何数据。请求参数有误。',
          ...report({ ok: false, dryRun: false, problems: [PROBLEMS[0]!] }),
        },
      ],
    );
    render(<MasterDataPage />);
    choose('企业主数据.xlsx');
    await click('import-check');
    await click('import-apply');
    await answerConfirmation(true);

    expect(screen.getByTestId('import-verdict').textContent).toContain('未导入任何数据');
    expect(screen.getAllByTestId('import-problem')).toHaveLength(1);
    expect(screen.queryByTestId('import-done')).toBeNull();
    expect(applyDisabled()).toBe(true);
  });

  it("does nothing when the confirmation is cancelled, and shows the server's message on errors", async () => {
    answer(
      [200, report()],
      [400, { code: 'VALIDATION_FAILED', message: '文件不是有效的 XLSX 工作簿。' }],
    );
    render(<MasterDataPage />);
    choose('企业主数据.xlsx');
    await click('import-check');
    await click('import-apply');
    await answerConfirmation(false);
    expect(confirmation()).toBeNull();
    expect(calls).toHaveLength(1);
    expect(screen.queryByTestId('import-done')).toBeNull();

    await click('import-check');
    expect(screen.getByTestId('import-error').textContent).toContain(
      '文件不是有效的 XLSX 工作簿。',
    );
    expect(applyDisabled()).toBe(true);
  });

  it('refuses a file that is neither XLSX nor CSV before sending it', async () => {
    answer();
    render(<MasterDataPage />);
    choose('名单.xls');
    expect(screen.getByTestId('import-error').textContent).toContain('.xlsx 或 .csv');
    await click('import-check');
    expect(calls).toHaveLength(0);
  });

  it('is for admins only: a supervisor is sent to the desk, nobody to the login', () => {
    login('supervisor');
    const { unmount } = render(<MasterDataPage />);
    expect(screen.queryByTestId('master-data-import')).toBeNull();
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/supervisor/desk/index' });
    unmount();

    session.clear();
    render(<MasterDataPage />);
    expect(screen.queryByTestId('master-data-import')).toBeNull();
    expect(taro.redirectTo).toHaveBeenCalledWith({
      url: expect.stringContaining('/pages/login/index'),
    });
  });
});

describe('the desk link', () => {
  beforeEach(() => {
    taro.request.mockResolvedValue({ statusCode: 503, data: { message: '服务暂不可用。' } });
  });
  afterEach(() => session.clear());

  it('is shown to the admin and opens the import screen', async () => {
    login('admin');
    render(<DeskPage />);
    await settle();
    fireEvent.click(screen.getByTestId('desk-master-data'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/admin/master-data/index' });
  });

  it('is not shown to a supervisor', async () => {
    login('supervisor');
    render(<DeskPage />);
    await settle();
    expect(screen.getByTestId('supervisor-desk')).toBeTruthy();
    expect(screen.queryByTestId('desk-master-data')).toBeNull();
  });
});
