import {
  MISCONDUCT_CATEGORIES,
  MISCONDUCT_CATEGORY_LABELS,
  REPORT_DESCRIPTION_MAX,
  REPORT_PHOTOS_MAX,
  REPORT_PHOTO_MAX_BYTES,
} from '@qinqing/domain';

import { ApiError, NetworkError } from '../../services/api';
import { photoMessage } from './photo-types';
import {
  CATEGORY_GROUPS,
  buildReportRequest,
  emptyReportDraft,
  formatBytes,
  photoProblem,
  photosLeft,
  reportFailureMessage,
  reportProblems,
  toggleCategory,
  type ReportDraft,
} from './report-form';
import { newestFirst, reportProgressLine } from './report-list';

const PHOTO = `data:image/jpeg;base64,${Buffer.from('jpeg').toString('base64')}`;

function valid(patch: Partial<ReportDraft> = {}): ReportDraft {
  return {
    ...emptyReportDraft('e1'),
    categories: ['SIX_2'],
    description: '检查结束后执法人员暗示企业安排宴请。',
    ...patch,
  };
}

/** A base64 data URL that decodes to `bytes` bytes. */
function dataUrlOf(bytes: number, mime = 'image/jpeg'): string {
  return `data:${mime};base64,${Buffer.alloc(bytes).toString('base64')}`;
}

describe('CATEGORY_GROUPS', () => {
  it('offers every category exactly once, 六不准 first, then 九不得, then 其他', () => {
    const codes = CATEGORY_GROUPS.flatMap((g) => g.codes.map((c) => c.code));
    expect(codes).toEqual([...MISCONDUCT_CATEGORIES]);
    expect(CATEGORY_GROUPS.map((g) => g.title)).toEqual(['违反“六不准”', '违反“九不得”', '其他']);
    expect(CATEGORY_GROUPS[0].codes).toHaveLength(6);
    expect(CATEGORY_GROUPS[1].codes).toHaveLength(9);
  });

  it('shows the rule without the group prefix', () => {
    expect(CATEGORY_GROUPS[0].codes[1].label).toBe('不准接受被检查者宴请');
    expect(MISCONDUCT_CATEGORY_LABELS.SIX_2).toBe('六不准：不准接受被检查者宴请');
  });
});

describe('toggleCategory', () => {
  it('adds and removes, keeping the vocabulary order', () => {
    let chosen = toggleCategory([], 'OTHER');
    chosen = toggleCategory(chosen, 'NINE_3');
    chosen = toggleCategory(chosen, 'SIX_1');
    expect(chosen).toEqual(['SIX_1', 'NINE_3', 'OTHER']);
    expect(toggleCategory(chosen, 'NINE_3')).toEqual(['SIX_1', 'OTHER']);
  });
});

describe('reportProblems', () => {
  it('accepts a complete report', () => {
    expect(reportProblems(valid())).toEqual([]);
  });

  it('names everything missing on an empty form, in Chinese', () => {
    expect(reportProblems(emptyReportDraft())).toEqual([
      '请选择举报的企业。',
      '请至少勾选一项违规情形。',
      '请描述具体情况（时间、地点、经过），至少5个字。',
    ]);
  });

  it('refuses an officer without the visit he took part in', () => {
    expect(reportProblems(valid({ officerId: 'o1' }))).toEqual([
      '请先选择该执法人员参与的那次检查。',
    ]);
    expect(reportProblems(valid({ visitId: 'v1', officerId: 'o1' }))).toEqual([]);
  });

  it('limits the description length and the number of photos', () => {
    expect(reportProblems(valid({ description: '字'.repeat(REPORT_DESCRIPTION_MAX + 1) }))).toEqual(
      [`情况描述最多${REPORT_DESCRIPTION_MAX}字，请删减后再提交。`],
    );
    expect(
      reportProblems(valid({ photos: Array(REPORT_PHOTOS_MAX + 1).fill(PHOTO) })),
    ).toHaveLength(1);
  });
});

describe('buildReportRequest', () => {
  it('sends the choices, the trimmed description and the photos', () => {
    expect(
      buildReportRequest(
        valid({
          visitId: 'v1',
          officerId: 'o1',
          description: '  暗示企业安排宴请  ',
          photos: [PHOTO],
        }),
      ),
    ).toEqual({
      enterpriseId: 'e1',
      visitId: 'v1',
      officerId: 'o1',
      categories: ['SIX_2'],
      description: '暗示企业安排宴请',
      photos: [PHOTO],
    });
  });

  it('leaves photos out when there are none, and refuses an invalid draft', () => {
    expect(buildReportRequest(valid())).not.toHaveProperty('photos');
    expect(() => buildReportRequest(valid({ categories: [] }))).toThrow();
  });
});

describe('photos', () => {
  it('counts how many more may be added', () => {
    expect(photosLeft(valid())).toBe(REPORT_PHOTOS_MAX);
    expect(photosLeft(valid({ photos: Array(REPORT_PHOTOS_MAX).fill(PHOTO) }))).toBe(0);
  });

  it('accepts JPEG and PNG up to the limit', () => {
    expect(photoProblem(dataUrlOf(REPORT_PHOTO_MAX_BYTES))).toBeNull();
    expect(photoProblem(dataUrlOf(1000, 'image/png'))).toBeNull();
  });

  it('refuses a photo over the limit with its size and what to do', () => {
    const problem = photoProblem(dataUrlOf(REPORT_PHOTO_MAX_BYTES + 1));
    expect(problem).toContain('超过2.0 MB的上限');
    expect(problem).toContain('换一张较小的照片');
  });

  it('refuses other formats', () => {
    expect(photoProblem(dataUrlOf(100, 'image/gif'))).toBe('只能上传 JPG 或 PNG 格式的照片。');
  });

  it('says which photo of the batch had the problem', () => {
    expect(photoMessage(1, '读取失败')).toBe('第2张照片：读取失败');
    expect(formatBytes(1536)).toBe('2 KB');
  });
});

describe('reportFailureMessage', () => {
  it('says the report was not sent and what to do', () => {
    expect(reportFailureMessage(new NetworkError())).toContain('举报尚未提交');
    const e = new ApiError(400, 'VALIDATION_FAILED', '提交的内容不完整或格式不正确。', {});
    expect(reportFailureMessage(e)).toContain('提交的内容不完整或格式不正确。');
    expect(reportFailureMessage(new ApiError(413, 'VALIDATION_FAILED', 'x', {}))).toContain(
      '照片过大',
    );
  });
});

describe('my reports', () => {
  it('lists the newest first and says what comes next', () => {
    const reports = [
      { id: 'a', createdAt: '2026-05-01T00:00:00Z' },
      { id: 'b', createdAt: '2026-05-03T00:00:00Z' },
    ] as unknown as Parameters<typeof newestFirst>[0];
    expect(newestFirst(reports).map((r) => r.id)).toEqual(['b', 'a']);
    expect(reportProgressLine('INVESTIGATING')).toContain('正在调查核实');
  });
});
