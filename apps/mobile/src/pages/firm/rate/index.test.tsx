import type { RatingStatusView, RatingView, VisitView } from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen } from '@testing-library/react';

import { api } from '../../../services/api';
import FirmRatePage from './index';

jest.mock('../../../features/rating/SignaturePad', () =>
  jest.requireActual('../../../features/rating/SignaturePad.h5'),
);

const taro = Taro as unknown as { useRouter: jest.Mock; makePhoneCall: jest.Mock };
const SIGNATURE = `data:image/png;base64,${Buffer.from('signature').toString('base64')}`;

const VISIT = {
  id: 'v1',
  enterpriseId: 'e1',
  enterpriseName: '郑州思念食品有限公司',
  purpose: 'ROUTINE',
  reference: null,
  officers: [
    { id: 'o1', name: '张建国', badgeNumber: '豫A41010001', unitName: '金水分局', isLead: true },
    { id: 'o2', name: '李明华', badgeNumber: '豫A41010002', unitName: '金水分局', isLead: false },
  ],
  decision: { outcome: 'ALLOWED', reasons: [] },
  checkedInAt: '2026-05-12T01:00:00Z',
  checkedOutAt: '2026-05-12T02:00:00Z',
} as unknown as VisitView;

const OPEN: RatingStatusView = {
  visitId: 'v1',
  rated: false,
  open: true,
  closesAt: '2099-01-01T00:00:00Z',
  reason: null,
};

const RATING: RatingView = {
  id: 'r1',
  visitId: 'v1',
  enterpriseId: 'e1',
  enterpriseName: '郑州思念食品有限公司',
  overall: 'GOOD',
  items: ['GOOD', 'GOOD', 'GOOD', 'GOOD', 'POOR'],
  comment: '',
  signature: SIGNATURE,
  signer: { id: 'f1', name: '王经理' },
  submittedAt: '2026-05-12T04:00:00Z',
  followUpCaseId: 'c1',
};

beforeAll(() => {
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(SIGNATURE);
});

beforeEach(() => {
  Taro.setStorageSync('qinqing.session', {
    accessToken: 'a',
    refreshToken: 'r',
    expiresIn: 900,
    user: { id: 'f1', role: 'enterprise', name: '王经理', username: 'firm1' },
  });
  taro.useRouter.mockReturnValue({ params: { visitId: 'v1' } });
  jest.spyOn(api, 'getVisit').mockResolvedValue(VISIT);
});

async function open(): Promise<void> {
  render(<FirmRatePage />);
  await act(async () => {});
}

it('shows the card title, the visit, and the card back with hotlines to call', async () => {
  jest.spyOn(api, 'ratingStatus').mockResolvedValue(OPEN);
  await open();
  expect(screen.getByText('郑州市环境监察支队 优化营商环境执法评价“好差评”评价卡')).toBeTruthy();
  const visit = screen.getByTestId('rating-visit').textContent ?? '';
  expect(visit).toContain('张建国（执法证号 豫A41010001）');
  expect(visit).toContain('李明华');
  expect(visit).toContain('郑州思念食品有限公司');
  expect(screen.getByTestId('conduct-card').textContent).toContain('不准接受被检查者宴请');
  fireEvent.click(screen.getByTestId('conduct-hotline-67189801'));
  expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '67189801' });
});

it('after a rating with a 差, says the supervision office will call back', async () => {
  jest.spyOn(api, 'ratingStatus').mockResolvedValue(OPEN);
  jest.spyOn(api, 'rateVisit').mockResolvedValue(RATING);
  await open();
  fireEvent.click(screen.getByTestId('rating-overall-GOOD'));
  [0, 1, 2, 3].forEach((i) => fireEvent.click(screen.getByTestId(`rating-item-${i}-GOOD`)));
  fireEvent.click(screen.getByTestId('rating-item-4-POOR'));
  const pad = screen.getByTestId('signature-pad');
  fireEvent.mouseDown(pad, { clientX: 10, clientY: 10 });
  fireEvent.mouseMove(pad, { clientX: 210, clientY: 10 });
  fireEvent.mouseUp(pad);
  fireEvent.click(screen.getByTestId('rating-submit'));
  await act(async () => {
    fireEvent.click(screen.getByTestId('rating-confirm'));
  });
  expect(screen.getByTestId('rating-done').textContent).toContain('回访核实');
});

it('shows 已评价 for a rated visit, without the form', async () => {
  jest
    .spyOn(api, 'ratingStatus')
    .mockResolvedValue({ ...OPEN, rated: true, open: false, closesAt: null });
  jest.spyOn(api, 'visitRating').mockResolvedValue(RATING);
  await open();
  expect(screen.getByTestId('rating-rated').textContent).toContain('已评价');
  expect(screen.queryByTestId('rating-submit')).toBeNull();
});

it('shows 评价已截止 when the window has closed', async () => {
  jest
    .spyOn(api, 'ratingStatus')
    .mockResolvedValue({ ...OPEN, open: false, closesAt: null, reason: 'WINDOW_CLOSED' });
  await open();
  expect(screen.getByTestId('rating-closed').textContent).toContain('评价已截止');
  expect(screen.queryByTestId('rating-submit')).toBeNull();
});
