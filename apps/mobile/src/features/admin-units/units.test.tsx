import type { UnitListItem } from '@qinqing/domain';
import { act, fireEvent, render, screen } from '@testing-library/react';

import UnitsPage from '../../pages/admin/units/index';
import { api, ApiError } from '../../services/api';
import { session } from '../../services/session';
import { activeTree, parentChoices, retiredUnits } from './tree';
import { unitErrorText } from './useUnits';

const unit = (overrides: Partial<UnitListItem> & Pick<UnitListItem, 'id' | 'name'>) =>
  ({
    code: overrides.id.toUpperCase(),
    level: 'BRANCH',
    parentId: null,
    active: true,
    activeAccounts: 0,
    ...overrides,
  }) as UnitListItem;

// as the API lists them: parents before children
const UNITS: UnitListItem[] = [
  unit({ id: 'zd', name: '郑州市执法支队', level: 'DETACHMENT', activeAccounts: 1 }),
  unit({ id: 'js', name: '金水分局', parentId: 'zd', activeAccounts: 3 }),
  unit({ id: 'js1', name: '金水第一中队', parentId: 'js', level: 'BRIGADE' }),
  unit({ id: 'old', name: '原惠济中队', parentId: 'zd', level: 'BRIGADE', active: false }),
  unit({ id: 'xz', name: '新郑大队', parentId: 'zd', level: 'BRIGADE', activeAccounts: 2 }),
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

describe('the unit tree', () => {
  it('indents units in use by depth and keeps retired ones apart', () => {
    expect(activeTree(UNITS).map((r) => [r.unit.id, r.depth])).toEqual([
      ['zd', 0],
      ['js', 1],
      ['js1', 2],
      ['xz', 1],
    ]);
    expect(retiredUnits(UNITS).map((u) => u.id)).toEqual(['old']);
  });

  it('offers as a new parent neither the unit itself nor anything under it, nor a retired unit', () => {
    expect(parentChoices(UNITS, 'js').map((c) => c.value)).toEqual(['zd', 'xz']);
    expect(parentChoices(UNITS).map((c) => c.label)).toEqual([
      '郑州市执法支队',
      '　金水分局',
      '　　金水第一中队',
      '　新郑大队',
    ]);
  });

  it('says in Chinese why a move or a retirement was refused, with what still hangs on the unit', () => {
    const cycle = new ApiError(409, 'UNIT_CYCLE', '不能把单位移到它自己或它的下级单位之下。', {
      code: 'UNIT_CYCLE',
    });
    expect(unitErrorText(cycle)).toBe('不能把单位移到它自己或它的下级单位之下。');
    const inUse = new ApiError(409, 'UNIT_IN_USE', '…', {
      code: 'UNIT_IN_USE',
      activeAccounts: 3,
      activeChildUnits: 1,
    });
    expect(unitErrorText(inUse)).toBe(
      '该单位还有 3 个在用账号、1 个未撤销的下级单位，不能撤销。请先把人员调到其他单位（或停用账号）、撤销下级单位。',
    );
    const childrenOnly = new ApiError(409, 'UNIT_IN_USE', '…', {
      code: 'UNIT_IN_USE',
      activeAccounts: 0,
      activeChildUnits: 2,
    });
    expect(unitErrorText(childrenOnly)).toBe(
      '该单位还有 2 个未撤销的下级单位，不能撤销。请先撤销下级单位。',
    );
  });
});

describe('单位管理', () => {
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
  });

  it('shows the tree with each unit’s level and active accounts, and the retired units apart', async () => {
    render(<UnitsPage />);
    await settle();
    const tree = screen.getByTestId('units-tree').textContent ?? '';
    expect(tree).toContain('金水分局');
    expect(tree).not.toContain('原惠济中队');
    expect(screen.getByTestId('units-row-JS').textContent).toContain(
      '分局 · 编码 JS · 在用账号 3 个',
    );
    expect(screen.getByTestId('units-retired').textContent).toContain('原惠济中队');
  });

  it('creates a top unit when no parent is chosen, then lists it', async () => {
    const create = jest
      .spyOn(api, 'createUnit')
      .mockResolvedValue(unit({ id: 'kf', name: '开封市执法支队', level: 'DETACHMENT' }));
    render(<UnitsPage />);
    await settle();
    await act(async () => fireEvent.click(screen.getByTestId('units-create-submit')));
    expect(screen.getByTestId('units-create-error').textContent).toBe('请输入单位名称。');
    expect(create).not.toHaveBeenCalled();
    type('units-new-name', '开封市执法支队');
    await act(async () => fireEvent.click(screen.getByTestId('units-create-submit')));
    expect(create).toHaveBeenCalledWith({ body: { name: '开封市执法支队', parentId: null } });
    expect(screen.getByTestId('units-done').textContent).toBe('已新建单位“开封市执法支队”。');
    expect(api.listUnits).toHaveBeenCalledTimes(2);
  });

  it('renames a unit, and shows a refused retirement with its counts in Chinese', async () => {
    const update = jest
      .spyOn(api, 'updateUnit')
      .mockResolvedValueOnce({ ...UNITS[1], name: '金水区分局' })
      .mockRejectedValueOnce(
        new ApiError(409, 'UNIT_IN_USE', '…', {
          code: 'UNIT_IN_USE',
          activeAccounts: 3,
          activeChildUnits: 1,
        }),
      );
    render(<UnitsPage />);
    await settle();
    fireEvent.click(screen.getByTestId('units-action-JS'));
    type('units-edit-name', '金水区分局');
    await act(async () => fireEvent.click(screen.getByTestId('units-rename')));
    expect(update).toHaveBeenCalledWith({ params: { id: 'js' }, body: { name: '金水区分局' } });
    expect(screen.getByTestId('units-done').textContent).toBe('已改名为“金水区分局”。');
    fireEvent.click(screen.getByTestId('units-action-JS'));
    await act(async () => fireEvent.click(screen.getByTestId('units-retire')));
    expect(update).toHaveBeenLastCalledWith({ params: { id: 'js' }, body: { active: false } });
    expect(screen.getByTestId('units-edit-error').textContent).toContain(
      '该单位还有 3 个在用账号、1 个未撤销的下级单位，不能撤销',
    );
  });

  it('restores a retired unit', async () => {
    const update = jest.spyOn(api, 'updateUnit').mockResolvedValue({ ...UNITS[3], active: true });
    render(<UnitsPage />);
    await settle();
    await act(async () => fireEvent.click(screen.getByTestId('units-action-OLD')));
    expect(update).toHaveBeenCalledWith({ params: { id: 'old' }, body: { active: true } });
    expect(screen.getByTestId('units-done').textContent).toBe('已恢复“原惠济中队”。');
  });
});
