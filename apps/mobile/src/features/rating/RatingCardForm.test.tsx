import { RATING_ITEMS, type RatingView } from '@qinqing/domain';
import { act, fireEvent, render, screen } from '@testing-library/react';

import { api, ApiError } from '../../services/api';
import { RatingCardForm } from './RatingCardForm';

// jest resolves the mini-program pad; the H5 pad (a DOM canvas) is the one a browser gets.
jest.mock('./SignaturePad', () => jest.requireActual('./SignaturePad.h5'));

const SIGNATURE = `data:image/png;base64,${Buffer.from('signature').toString('base64')}`;

const RATING: RatingView = {
  id: 'r1',
  visitId: 'v1',
  enterpriseId: 'e1',
  enterpriseName: '郑州思念食品有限公司',
  overall: 'POOR',
  items: ['GOOD', 'GOOD', 'GOOD', 'GOOD', 'GOOD'],
  comment: '',
  signature: SIGNATURE,
  signer: { id: 'u1', name: '王经理' },
  submittedAt: '2026-05-12T04:00:00Z',
  followUpCaseId: 'f1',
};

beforeAll(() => {
  // jsdom has no 2D canvas: the pad keeps counting ink without drawing.
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(SIGNATURE);
});

function renderForm() {
  const onRated = jest.fn();
  const onAlreadyRated = jest.fn();
  render(<RatingCardForm visitId="v1" onRated={onRated} onAlreadyRated={onAlreadyRated} />);
  return { onRated, onAlreadyRated };
}

function markAll(overall: 'GOOD' | 'FAIR' | 'POOR' = 'GOOD') {
  fireEvent.click(screen.getByTestId(`rating-overall-${overall}`));
  RATING_ITEMS.forEach((_, i) => fireEvent.click(screen.getByTestId(`rating-item-${i}-GOOD`)));
}

function sign(length: number) {
  const pad = screen.getByTestId('signature-pad');
  fireEvent.mouseDown(pad, { clientX: 10, clientY: 10 });
  fireEvent.mouseMove(pad, { clientX: 10 + length / 2, clientY: 10 });
  fireEvent.mouseMove(pad, { clientX: 10 + length, clientY: 10 });
  fireEvent.mouseUp(pad);
}

async function submitAndConfirm() {
  fireEvent.click(screen.getByTestId('rating-submit'));
  await act(async () => {
    fireEvent.click(screen.getByTestId('rating-confirm'));
  });
}

it('renders the pad as a real canvas and the five items verbatim', () => {
  renderForm();
  expect(screen.getByTestId('signature-pad').tagName).toBe('CANVAS');
  RATING_ITEMS.forEach((item) => expect(screen.getByText(item, { exact: false })).toBeTruthy());
});

it('keeps submit blocked, saying why, until all six marks are chosen and the pad is signed', () => {
  const rate = jest.spyOn(api, 'rateVisit');
  renderForm();
  expect(screen.getByTestId('rating-blocker').textContent).toContain('总体评价和五项评价');

  fireEvent.click(screen.getByTestId('rating-overall-GOOD'));
  expect(screen.getByTestId('rating-blocker').textContent).toContain('第1项');

  markAll();
  expect(screen.getByTestId('rating-blocker').textContent).toContain('签名');

  sign(4); // a dot is not a signature
  expect(screen.getByTestId('rating-blocker').textContent).toContain('签名');
  fireEvent.click(screen.getByTestId('rating-submit'));
  expect(screen.queryByTestId('rating-confirm')).toBeNull();
  expect(rate).not.toHaveBeenCalled();

  sign(200);
  expect(screen.queryByTestId('rating-blocker')).toBeNull();

  fireEvent.click(screen.getByTestId('signature-clear'));
  expect(screen.getByTestId('rating-blocker').textContent).toContain('签名');
});

it('asks for confirmation, then sends the marks and the signature', async () => {
  const rate = jest.spyOn(api, 'rateVisit').mockResolvedValue(RATING);
  const { onRated } = renderForm();
  markAll('POOR');
  sign(200);

  fireEvent.click(screen.getByTestId('rating-submit'));
  expect(screen.getByTestId('rating-confirm-panel').textContent).toContain('评价提交后不能修改');
  expect(rate).not.toHaveBeenCalled();

  await act(async () => {
    fireEvent.click(screen.getByTestId('rating-confirm'));
  });
  expect(rate).toHaveBeenCalledWith({
    params: { id: 'v1' },
    body: {
      overall: 'POOR',
      items: ['GOOD', 'GOOD', 'GOOD', 'GOOD', 'GOOD'],
      signature: SIGNATURE,
    },
  });
  expect(onRated).toHaveBeenCalledWith(RATING, true);
});

it('turns RATING_EXISTS into the 已评价 state', async () => {
  jest
    .spyOn(api, 'rateVisit')
    .mockRejectedValue(new ApiError(409, 'RATING_EXISTS', '该次检查已经评价过', {}));
  const { onAlreadyRated, onRated } = renderForm();
  markAll();
  sign(200);
  await submitAndConfirm();
  expect(onAlreadyRated).toHaveBeenCalled();
  expect(onRated).not.toHaveBeenCalled();
});

it("shows the server's message when the window has closed", async () => {
  jest
    .spyOn(api, 'rateVisit')
    .mockRejectedValue(
      new ApiError(409, 'RATING_WINDOW_CLOSED', '已超过评价期限，不能再评价。', {}),
    );
  renderForm();
  markAll();
  sign(200);
  await submitAndConfirm();
  expect(screen.getByTestId('rating-error').textContent).toBe('已超过评价期限，不能再评价。');
  expect(screen.getByTestId('rating-submit')).toBeTruthy();
});

it('puts the signing hint above the pad, and labels 清除 and 返回修改 in words', () => {
  renderForm();
  const hint = screen.getByText('请用手指（或鼠标）在下方白色区域内签名');
  const pad = screen.getByTestId('signature-pad');
  // the hint comes first in the document: a line above the full-width pad, not a column beside it
  expect(hint.compareDocumentPosition(pad) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(hint.parentElement).toBe(pad.parentElement);
  expect(screen.getByTestId('signature-clear').textContent).toBe('清除');

  markAll();
  sign(200);
  fireEvent.click(screen.getByTestId('rating-submit'));
  expect(screen.getByTestId('rating-confirm').textContent).toBe('确认提交');
  expect(screen.getByTestId('rating-confirm-cancel').textContent).toBe('返回修改');
});
