import { PURPOSE_INFO, PURPOSES } from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen, within } from '@testing-library/react';

import Index from './index';

/** The mock of `@tarojs/taro` (test/taro.mock.ts) with loose types: tests feed it plain objects. */
const taro = Taro as unknown as { request: jest.Mock; makePhoneCall: jest.Mock };

function answerHealth(data: unknown, statusCode = 200): void {
  taro.request.mockResolvedValueOnce({ statusCode, data, header: {}, errMsg: 'request:ok' });
}

function failHealth(): void {
  taro.request.mockRejectedValueOnce({ errMsg: 'request:fail timeout' });
}

async function statusText(): Promise<string> {
  // Flush the pending health request and the state update it causes.
  await act(async () => {});
  return screen.getByTestId('service-status-text').textContent ?? '';
}

describe('index page', () => {
  it('shows the title, the slogan and that the service is being checked', () => {
    taro.request.mockReturnValueOnce(new Promise(() => {}));
    render(<Index />);

    expect(screen.getByText('亲清 · 执法打卡')).toBeTruthy();
    expect(screen.getByText('执法检查扫码登记，双向监督无事不扰')).toBeTruthy();
    expect(screen.getByTestId('service-status-text').textContent).toBe('正在检查服务…');
  });

  it('asks the API health endpoint once and shows 服务正常 when it answers ok', async () => {
    answerHealth({ status: 'ok', database: 'up' });
    render(<Index />);

    expect(await statusText()).toBe('服务正常');
    expect(screen.queryByTestId('service-retry')).toBeNull();
    expect(taro.request).toHaveBeenCalledTimes(1);
    expect(taro.request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: 'https://qinqing.example.gov.cn/api/health',
        method: 'GET',
      }),
    );
  });

  it('shows the unavailable message when the request fails, and recovers on 重试', async () => {
    failHealth();
    render(<Index />);

    expect(await statusText()).toBe('服务暂不可用，请检查网络后重试');

    answerHealth({ status: 'ok', database: 'up' });
    fireEvent.click(screen.getByTestId('service-retry'));

    expect(await statusText()).toBe('服务正常');
    expect(taro.request).toHaveBeenCalledTimes(2);
  });

  it('shows the unavailable message when the API answers an error status', async () => {
    answerHealth({ status: 'error', database: 'down' }, 503);
    render(<Index />);

    expect(await statusText()).toBe('服务暂不可用，请检查网络后重试');
  });

  it('lists the Chinese label of all 8 purposes from @qinqing/domain', () => {
    answerHealth({ status: 'ok', database: 'up' });
    render(<Index />);

    const list = screen.getByTestId('purpose-list');
    expect(PURPOSES).toHaveLength(8);
    for (const purpose of PURPOSES) {
      expect(within(list).getByText(PURPOSE_INFO[purpose].label)).toBeTruthy();
    }
    expect(within(list).getByText('重污染天气应急管控督导')).toBeTruthy();
    return act(async () => {});
  });

  it('shows both hotlines and calls the one tapped', async () => {
    answerHealth({ status: 'ok', database: 'up' });
    render(<Index />);

    const hotlines = screen.getByTestId('hotlines');
    expect(within(hotlines).getByText('环保举报')).toBeTruthy();
    expect(within(hotlines).getByText('执法监督')).toBeTruthy();

    fireEvent.click(screen.getByTestId('hotline-12369'));
    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '12369' });
    await act(async () => {});
  });

  it('shows the six prohibitions', () => {
    answerHealth({ status: 'ok', database: 'up' });
    render(<Index />);

    const rules = screen.getByTestId('six-prohibitions');
    expect(rules.children).toHaveLength(6);
    expect(within(rules).getByText('不准向被检查者通风报信')).toBeTruthy();
    return act(async () => {});
  });
});
