import { render, screen } from '@testing-library/react';

import MasterDataPage from '../../pages/admin/master-data/index';
import { session } from '../../services/session';

describe('企业主数据导入 in the mini-program', () => {
  afterEach(() => session.clear());

  it('offers the downloads and sends the import to a computer browser', () => {
    session.save({
      accessToken: 't',
      refreshToken: 'r',
      user: { id: 'a1', name: '李管理', role: 'admin' },
    } as never);
    render(<MasterDataPage />);
    expect(screen.getByTestId('import-template')).toBeTruthy();
    expect(screen.getByTestId('import-export')).toBeTruthy();
    expect(screen.getByTestId('import-weapp-notice').textContent).toBe(
      '请在电脑浏览器中打开本页面导入',
    );
    expect(screen.queryByTestId('import-file')).toBeNull();
    expect(screen.queryByTestId('import-check')).toBeNull();
  });
});
