import type { EnterpriseView, UnitListItem, UserAccount } from '@qinqing/domain';
import { act, fireEvent, render, screen, within } from '@testing-library/react';

import UsersPage from '../../pages/admin/users/index';
import { api, ApiError } from '../../services/api';
import { session } from '../../services/session';
import { downloadPosted } from '../desk/download';

// the file download itself (H5 blob, mini-program document) is the desk's, tested there
jest.mock('../desk/download', () => ({ downloadPosted: jest.fn(async () => undefined) }));

const account = (overrides: Partial<UserAccount>): UserAccount => ({
  id: 'u1',
  username: 'officer1',
  displayName: '张建国',
  role: 'officer',
  active: true,
  unitId: 'js',
  badgeNo: '豫A41010001',
  enterpriseIds: [],
  phone: '13800000001',
  mustChangePassword: false,
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-01T00:00:00Z',
  ...overrides,
});

const UNITS: UnitListItem[] = [
  {
    id: 'js',
    code: 'ZZ-JS',
    name: '金水分局',
    level: 'BRANCH',
    parentId: null,
    active: true,
    activeAccounts: 2,
  },
];

const firm = (id: string, name: string, uscc: string) =>
  ({ id, name, uscc }) as unknown as EnterpriseView;
const FIRMS = [
  firm('f1', '郑州宇通客车股份有限公司', '91410100170078853X'),
  firm('f2', '郑州日产汽车有限公司', '91410100614710557M'),
  firm('f3', '河南中原黄金冶炼厂有限责任公司', '91411200749219683U'),
];

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

function type(testId: string, value: string): void {
  const field = screen.getByTestId(testId);
  const input = (field.querySelector('input') ?? field) as HTMLInputElement;
  input.value = value;
  fireEvent.input(input, { target: { value }, detail: { value } });
}

describe('账号管理', () => {
  beforeEach(() => {
    jest.restoreAllMocks();
    session.save({
      accessToken: 't',
      refreshToken: 'r',
      expiresIn: 900,
      user: {
        id: 'admin1',
        name: '系统管理员',
        role: 'admin',
        username: 'admin',
        unitId: null,
        badgeNumber: null,
        mustChangePassword: false,
      },
    });
    jest.spyOn(api, 'listUnits').mockResolvedValue({ items: UNITS });
    jest.spyOn(api, 'listEnterprises').mockResolvedValue({ items: FIRMS });
  });

  it('lists accounts with unit, badge and state, and searches by text', async () => {
    const list = jest.spyOn(api, 'listUsers').mockResolvedValue({
      items: [
        account({}),
        account({ id: 'u2', username: 'old', displayName: '老王', active: false }),
      ],
      nextCursor: null,
    });
    render(<UsersPage />);
    await settle();
    expect(screen.getByTestId('users-row-officer1').textContent).toContain('金水分局');
    expect(screen.getByTestId('users-row-officer1').textContent).toContain('豫A41010001');
    expect(screen.getByTestId('users-status-old').textContent).toBe('已停用');
    type('users-search', '张');
    await act(async () => fireEvent.click(screen.getByTestId('users-search-submit')));
    expect(list).toHaveBeenLastCalledWith({
      query: { q: '张', role: undefined, cursor: undefined, limit: 30 },
    });
  });

  it('deactivates an account and issues a new one-time password, shown once', async () => {
    jest.spyOn(api, 'listUsers').mockResolvedValue({ items: [account({})], nextCursor: null });
    const update = jest.spyOn(api, 'updateUser').mockResolvedValue(account({ active: false }));
    const reset = jest
      .spyOn(api, 'resetUserPassword')
      .mockResolvedValue({ oneTimePassword: 'Kp7mWx3rTn9qAb' });
    render(<UsersPage />);
    await settle();
    await act(async () => fireEvent.click(screen.getByTestId('users-reset-officer1')));
    expect(reset).toHaveBeenCalledWith({ params: { id: 'u1' } });
    expect(screen.getByTestId('users-issued-password').textContent).toBe('Kp7mWx3rTn9qAb');
    expect(screen.getByTestId('users-issued').textContent).toContain('仅显示这一次');
    // printed on the import's A4 sheet, for the admin to hand over in person
    await act(async () => fireEvent.click(screen.getByText('打印密码单')));
    expect(downloadPosted).toHaveBeenCalledWith(
      '/api/v1/users/credentials-sheet',
      { accounts: [{ userId: 'u1', oneTimePassword: 'Kp7mWx3rTn9qAb' }] },
      '账号初始密码清单.pdf',
    );
    expect(screen.getByTestId('users-issued-print-message').textContent).toContain(
      '已下载：账号初始密码清单.pdf',
    );
    await act(async () => fireEvent.click(screen.getByTestId('users-toggle-officer1')));
    expect(update).toHaveBeenCalledWith({ params: { id: 'u1' }, body: { active: false } });
    expect(screen.getByTestId('users-status-officer1').textContent).toBe('已停用');
  });

  it('creates an account and shows the API’s Chinese field errors', async () => {
    jest.spyOn(api, 'listUsers').mockResolvedValue({ items: [], nextCursor: null });
    const create = jest
      .spyOn(api, 'createUser')
      .mockRejectedValueOnce(
        new ApiError(409, 'USERNAME_TAKEN', '该用户名已被使用，请换一个。', {
          code: 'USERNAME_TAKEN',
        }),
      )
      .mockResolvedValueOnce({
        user: account({
          id: 'u9',
          username: 'sunxd',
          displayName: '孙晓东',
          mustChangePassword: true,
        }),
        oneTimePassword: 'Hq4nZ8pRt2WmXe',
      });
    render(<UsersPage />);
    await settle();
    type('users-new-username', 'sunxd');
    type('users-new-name', '孙晓东');
    type('users-new-badge', '豫A41010088');
    await act(async () => fireEvent.click(screen.getByTestId('users-new-submit')));
    expect(create).toHaveBeenCalledWith({
      body: {
        username: 'sunxd',
        displayName: '孙晓东',
        role: 'officer',
        unitId: undefined,
        badgeNo: '豫A41010088',
      },
    });
    expect(screen.getAllByText('该用户名已被使用，请换一个。').length).toBeGreaterThan(0);
    await act(async () => fireEvent.click(screen.getByTestId('users-new-submit')));
    expect(screen.getByTestId('users-issued-password').textContent).toBe('Hq4nZ8pRt2WmXe');
    expect(screen.getByTestId('users-status-sunxd').textContent).toBe('在用 · 待修改初始密码');
  });

  it('edits a firm manager: lists his firms, binds one more found by name, unbinds one', async () => {
    const manager = account({
      id: 'u7',
      username: 'liming',
      displayName: '李明',
      role: 'enterprise',
      unitId: null,
      badgeNo: null,
      enterpriseIds: ['f1', 'f2'],
      phone: null,
    });
    jest.spyOn(api, 'listUsers').mockResolvedValue({ items: [manager], nextCursor: null });
    const update = jest
      .spyOn(api, 'updateUser')
      .mockResolvedValue({ ...manager, enterpriseIds: ['f2', 'f3'], displayName: '李明远' });
    render(<UsersPage />);
    await settle();
    expect(screen.getByTestId('users-firms-liming').textContent).toBe(
      '企业：郑州宇通客车股份有限公司、郑州日产汽车有限公司',
    );
    fireEvent.click(screen.getByTestId('users-edit-liming'));
    expect(screen.queryByTestId('users-edit-username')).toBeNull(); // the username stays
    type('users-edit-name', '李明远');
    type('users-edit-firms-search', '黄金');
    expect(screen.queryByText('＋ 郑州宇通客车股份有限公司')).toBeNull(); // bound: not offered
    fireEvent.click(screen.getByText('＋ 河南中原黄金冶炼厂有限责任公司'));
    // the search is emptied for the next firm
    const search = screen.getByTestId('users-edit-firms-search');
    expect(((search.querySelector('input') ?? search) as HTMLInputElement).value).toBe('');
    const bound = screen
      .getAllByTestId('users-edit-firms-chosen')
      .find((row) => row.textContent?.includes('宇通'))!;
    fireEvent.click(within(bound).getByText('移除'));
    expect(
      screen
        .getAllByTestId('users-edit-firms-chosen')
        .map((e) => e.textContent?.replace('移除', '')),
    ).toEqual(['郑州日产汽车有限公司', '河南中原黄金冶炼厂有限责任公司']);
    await act(async () => fireEvent.click(screen.getByTestId('users-edit-submit')));
    expect(update).toHaveBeenCalledWith({
      params: { id: 'u7' },
      body: { displayName: '李明远', enterpriseIds: ['f2', 'f3'] },
    });
    expect(screen.queryByTestId('users-edit')).toBeNull();
    expect(screen.getByTestId('users-firms-liming').textContent).toBe(
      '企业：郑州日产汽车有限公司、河南中原黄金冶炼厂有限责任公司',
    );
  });

  it('edits an officer’s 执法证号 and phone, and shows the API’s field error', async () => {
    jest.spyOn(api, 'listUsers').mockResolvedValue({ items: [account({})], nextCursor: null });
    const update = jest.spyOn(api, 'updateUser').mockRejectedValue(
      new ApiError(409, 'CONFLICT', '与现有数据冲突。', {
        errors: [{ field: 'badgeNo', message: '该执法证号已登记在其他账号上' }],
      }),
    );
    render(<UsersPage />);
    await settle();
    fireEvent.click(screen.getByTestId('users-edit-officer1'));
    type('users-edit-badge', '豫A41010002');
    type('users-edit-phone', '');
    await act(async () => fireEvent.click(screen.getByTestId('users-edit-submit')));
    expect(update).toHaveBeenCalledWith({
      params: { id: 'u1' },
      body: { badgeNo: '豫A41010002', phone: null },
    });
    expect(screen.getByText('该执法证号已登记在其他账号上')).toBeTruthy();
  });
});
