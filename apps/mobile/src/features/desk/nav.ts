import Taro from '@tarojs/taro';

export const DESK_PAGE = '/pages/supervisor/desk/index';

/** Back to the desk: the previous page when that is the desk, else the desk in place of this one. */
export function backToDesk(): void {
  const pages = Taro.getCurrentPages();
  const previous = pages.length > 1 ? pages[pages.length - 2] : undefined;
  if (previous?.route && DESK_PAGE.includes(previous.route)) {
    void Taro.navigateBack();
    return;
  }
  void Taro.redirectTo({ url: DESK_PAGE });
}

export function open(url: string): () => void {
  return () => void Taro.navigateTo({ url });
}
